"""Every helper docstring that says where it is taught names a notebook that exists."""

import re

from conftest import ROOT

MENTION = re.compile(r"\b(\d\d_[a-z0-9_]+)\.ipynb")


def test_notebook_mentions_in_helpers_exist():
    notebooks = {p.stem for p in (ROOT / "notebooks").glob("*.ipynb")}
    mentions = {}
    for path in (ROOT / "helpers").rglob("*.py"):
        for name in MENTION.findall(path.read_text(encoding="utf-8")):
            mentions.setdefault(name, []).append(path.relative_to(ROOT).as_posix())
    assert len(mentions) >= 8, "helpers should say where each part is taught"
    missing = {name: files for name, files in mentions.items() if name not in notebooks}
    assert missing == {}, f"docstrings name notebooks that do not exist: {missing}"


def test_public_functions_say_where_they_are_taught():
    import helpers

    for name in helpers.__all__:
        doc = getattr(helpers, name).__doc__ or ""
        assert MENTION.search(doc), f"helpers.{name} does not say where it is taught"

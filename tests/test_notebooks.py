"""The committed notebooks: structure, agreement with their sources, deterministic execution."""

import importlib.util
import json
import shutil

import pytest
from conftest import ROOT
from nbstructure import notebook_problems, numbering_problems

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SECTIONS = ["Learning objectives", "Check your understanding", "Summary", "Exercises"]


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "build_notebooks", ROOT / "tools/build_notebooks.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_there_are_notebooks_and_numbers_have_no_gaps():
    assert NOTEBOOKS, "no notebooks found"
    assert NOTEBOOKS[0].name == "00_index.ipynb"
    assert numbering_problems([p.name for p in NOTEBOOKS]) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_structure(path):
    assert notebook_problems(path) == []


@pytest.mark.parametrize("path", NOTEBOOKS[1:], ids=lambda p: p.name)
def test_lesson_has_the_standard_sections(path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    assert text.startswith(f"# {path.name[:2]} · ")
    for section in SECTIONS:
        assert f"## {section}" in text, f"{path.name} lacks a '## {section}' section"
    assert "[index](00_index.ipynb)" in text


def test_index_links_every_notebook():
    index = (ROOT / "notebooks/00_index.ipynb").read_text(encoding="utf-8")
    for path in NOTEBOOKS[1:]:
        assert f"({path.name})" in index, f"00_index does not link {path.name}"


def test_structure_check_catches_broken_notebooks(tmp_path):
    good = NOTEBOOKS[0]
    nb = json.loads(good.read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["execution_count"] = None
            cell["outputs"] = []
    unexecuted = tmp_path / "00_index.ipynb"
    unexecuted.write_text(json.dumps(nb), encoding="utf-8")
    assert any("not executed" in p for p in notebook_problems(unexecuted))

    nb = json.loads(good.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    code[0]["outputs"].append({"output_type": "stream", "name": "stderr", "text": ["Warning!\n"]})
    code[-1]["execution_count"] = 0
    nb["metadata"]["kernelspec"]["name"] = "julia"
    nb["cells"][0]["source"] = "![x](missing.png) [next](99_nothing.ipynb)"
    broken = tmp_path / "01_Bad-Name.ipynb"
    broken.write_text(json.dumps(nb), encoding="utf-8")
    found = " | ".join(notebook_problems(broken))
    for words in ["stderr", "execution count", "julia", "missing.png", "99_nothing", "name"]:
        assert words in found
    assert numbering_problems(["00_a.ipynb", "02_b.ipynb"]) != []


def test_notebooks_match_their_sources():
    tool = load_tool()
    sources = sorted((ROOT / "notebooks/src").glob("[0-9][0-9]_*.py"))
    assert [s.stem for s in sources] == [p.stem for p in NOTEBOOKS]
    assert [d for s in sources for d in tool.check(s)] == []


def test_execution_is_deterministic(tmp_path, monkeypatch):
    """Re-executing the index notebook reproduces the committed file byte for byte."""
    tool = load_tool()
    (tmp_path / "src").mkdir()
    shutil.copy(ROOT / "notebooks/src/00_index.py", tmp_path / "src")
    monkeypatch.setattr(tool, "NOTEBOOKS", tmp_path)
    built = tool.execute(tmp_path / "src/00_index.py")
    assert built.read_bytes() == (ROOT / "notebooks/00_index.ipynb").read_bytes()

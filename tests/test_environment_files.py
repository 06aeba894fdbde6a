"""environment.yml (conda, Binder) and pyproject.toml (pip) name the same packages."""

import re
import tomllib

import yaml
from conftest import ROOT


def package_names(requirements):
    return {re.split(r"[<>=!~ \[]", r.strip(), maxsplit=1)[0].lower() for r in requirements}


def test_environment_yml_matches_pyproject():
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    env = yaml.safe_load((ROOT / "environment.yml").read_text(encoding="utf-8"))
    assert env["channels"] == ["conda-forge", "nodefaults"]
    conda = [d for d in env["dependencies"] if isinstance(d, str)]
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict))
    assert "-e ." in pip_section, "the project must be installed with pip -e ."
    declared = package_names(pyproject["project"]["dependencies"])
    assert package_names(conda) - {"python", "pip"} == declared
    # the test extras are listed (commented) so conda users can find them
    text = (ROOT / "environment.yml").read_text(encoding="utf-8")
    for extra in package_names(pyproject["project"]["optional-dependencies"]["test"]):
        assert extra in text, f"{extra} is a test extra but environment.yml does not mention it"


def test_every_environment_line_is_commented():
    for line in (ROOT / "environment.yml").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.lstrip().startswith("#"):
            assert "#" in line, f"environment.yml line without a comment: {line!r}"

"""Structural checks on the committed notebooks, shared by the tests.

``notebook_problems(path)`` returns a list of readable problems (empty when the notebook is
fine); the tests assert it is empty for every notebook and non-empty for broken examples.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

NAME = re.compile(r"^(\d\d)_[a-z0-9]+(_[a-z0-9]+)*\.ipynb$")
IMAGE = re.compile(r"!\[[^\]]*\]\(([^)\s]+)\)|<img[^>]+src=[\"']([^\"']+)[\"']")
LINK = re.compile(r"\]\(([^)\s#]+\.ipynb)(#[^)]*)?\)")


def notebook_problems(path: Path) -> list[str]:
    """Executed, in order, python3 kernel, no errors or stderr, local images and links exist."""
    problems: list[str] = []
    if not NAME.match(path.name):
        problems.append(f"{path.name}: name is not NN_snake_case.ipynb")
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        return [f"{path.name}: cannot be read as JSON ({exc})"]
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name")
    if kernel != "python3":
        problems.append(f"{path.name}: kernelspec is {kernel!r}, not 'python3'")
    last = 0
    code_cells = 0
    for i, cell in enumerate(nb.get("cells", [])):
        source = "".join(cell.get("source", ""))
        if cell.get("cell_type") == "markdown":
            for match in IMAGE.finditer(source):
                target = match.group(1) or match.group(2)
                if re.match(r"^(https?:)?//", target):
                    problems.append(
                        f"{path.name} cell {i}: remote image {target} (ship it in assets/)"
                    )
                elif not target.startswith("data:") and not (path.parent / target).exists():
                    problems.append(f"{path.name} cell {i}: image {target} does not exist")
            for match in LINK.finditer(source):
                if not (path.parent / match.group(1)).exists():
                    problems.append(f"{path.name} cell {i}: link to missing {match.group(1)}")
            continue
        if cell.get("cell_type") != "code" or not source.strip():
            continue
        code_cells += 1
        count = cell.get("execution_count")
        if count is None:
            problems.append(f"{path.name} cell {i}: not executed (run `make execute`)")
            continue
        if count <= last:
            problems.append(f"{path.name} cell {i}: execution count {count} after {last}")
        last = count
        tags = cell.get("metadata", {}).get("tags", [])
        for out in cell.get("outputs", []):
            if out.get("output_type") == "error" and "raises-exception" not in tags:
                problems.append(f"{path.name} cell {i}: error output {out.get('ename')}")
            if out.get("name") == "stderr":
                problems.append(
                    f"{path.name} cell {i}: stderr output {''.join(out['text'])[:60]!r}"
                )
            if "<Figure size" in "".join(out.get("data", {}).get("text/plain", "")):
                problems.append(
                    f"{path.name} cell {i}: stray '<Figure size ...>' (end with plt.show())"
                )
    if code_cells == 0:
        problems.append(f"{path.name}: has no code cells")
    return problems


def numbering_problems(names: list[str]) -> list[str]:
    """Two-digit numbers from 00 with no gaps and no duplicates."""
    numbers = sorted(int(n[:2]) for n in names if n[:2].isdigit())
    expected = list(range(len(numbers)))
    if numbers != expected:
        return [f"notebook numbers {numbers} are not 00..{len(numbers) - 1} without gaps"]
    return []

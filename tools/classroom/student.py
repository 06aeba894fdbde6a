"""``make student``: the series as an assignment, in build/student/, with the solutions removed.

    python -m tools.classroom.student                 # every notebook -> build/student/
    python -m tools.classroom.student 04 --out DIR    # only 04

For each notebook: every cell tagged ``solution`` is deleted (not hidden: its code is gone from
the file), the outputs and execution counts of the code cells in the ``## Exercises`` section
are cleared (the stubs and checkers stay, so a student runs them and reads "not attempted
yet"), and everything else (text, figures, widget state, other outputs) is kept as it is. The
notebooks' sources (notebooks/src/, which hold the solutions) are not copied. ``assets/`` is
copied (without the vendored web libraries) so relative image links keep working. The copy
needs the project installed (``pip install -e .``) for ``import helpers``, as on a class's
JupyterHub.
"""

from __future__ import annotations

import argparse
import copy
import shutil
import sys
from pathlib import Path

import nbformat

from .common import BUILD, NOTEBOOKS, ROOT, read, select_notebooks

EXERCISES_HEADING = "## Exercises"
README = """# Softmax regression: student copy

These notebooks are the series without the exercise solutions. Open `notebooks/00_index.ipynb`
and work through them in order; at the end of each notebook fill in the exercise stubs and run
the checker cell under each one (it says "not attempted yet" until you do).

They need the `helpers` package of the series installed (your class's JupyterHub has it).
"""


def is_solution(cell) -> bool:
    return "solution" in cell.get("metadata", {}).get("tags", [])


def exercise_section(nb) -> range:
    """Indices of the cells from the ``## Exercises`` heading to the next ``## `` heading (or
    the navigation line, or the end)."""
    start = None
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        lines = cell.source.splitlines()
        if start is None and any(line.strip() == EXERCISES_HEADING for line in lines):
            start = i
        elif start is not None and (
            any(line.startswith("## ") or line.startswith("# ") for line in lines)
            or "**Navigation:**" in cell.source
        ):
            return range(start, i)
    return range(start, len(nb.cells)) if start is not None else range(0)


def student_version(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook without solutions and with the exercise cells' outputs cleared."""
    nb = copy.deepcopy(nb)
    section = exercise_section(nb)
    cells = []
    for i, cell in enumerate(nb.cells):
        if is_solution(cell):
            continue
        if i in section and cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
        cells.append(cell)
    nb.cells = cells
    return nb


def build(numbers=(), out: Path = BUILD / "student", source: Path = NOTEBOOKS) -> list[Path]:
    """Write the student copies into ``out/notebooks/``; returns their paths."""
    paths = select_notebooks(numbers, source)
    target_dir = out / "notebooks"
    target_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for path in paths:
        nb = student_version(read(path))
        target = target_dir / path.name
        nbformat.write(nb, target)
        written.append(target)
        removed = len(read(path).cells) - len(nb.cells)
        print(f"student: {path.name} ({removed} solution cells removed)", flush=True)
    assets = ROOT / "assets"
    if assets.is_dir():
        shutil.copytree(
            assets, out / "assets", dirs_exist_ok=True, ignore=shutil.ignore_patterns("vendor")
        )
    (out / "README.md").write_text(README, encoding="utf-8")
    return written


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numbers", nargs="*", help="two-digit notebook numbers; default all")
    parser.add_argument("--out", type=Path, default=BUILD / "student", help="output folder")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="input folder")
    args = parser.parse_args(argv)
    if args.out.resolve() == ROOT.resolve():
        raise SystemExit("refusing to write the student copy over the repository")
    written = build(args.numbers, args.out, args.notebooks)
    print(f"{len(written)} notebooks in {args.out / 'notebooks'}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""Build the notebooks from their sources in notebooks/src/ and execute them in place.

    python tools/build_notebooks.py              # every notebook (what `make execute` runs)
    python tools/build_notebooks.py 04 05        # only these numbers
    python tools/build_notebooks.py --check      # sources and .ipynb agree? (no execution)

A source is a Python file in the "percent" format that Jupytext, VS Code and Spyder read::

    # %% [markdown]
    # # 04 · The softmax operation (softmax运算)
    # %%
    import numpy as np
    # %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
    def softmax(o): ...

A JSON object after ``# %%`` is merged into the cell's metadata. Markdown lines lose their
leading ``# ``. The output is deterministic: cell ids and widget model ids are derived from
the notebook's name and position, timings are not recorded, so running this twice with
nothing changed leaves ``git diff`` empty. A timing cell (tag ``nbval-ignore-output``) still
runs, but keeps its stored measurement while its source is unchanged (``--fresh-timings``
stores a new one).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import uuid
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
SOURCES = NOTEBOOKS / "src"
HEADER = re.compile(r"^# %%(?P<md> \[markdown\])?\s*(?P<meta>\{.*\})?\s*$")
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
KERNELSPEC = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}


SETUP_CALL = re.compile(r"^\s*use_style\(", re.MULTILINE)
BOLD_LEAD = re.compile(r"^\*\*[^*\n]+\*\*")


def slide_type(cell: dict, previous: dict | None = None) -> str:
    """Slide metadata for presenting a notebook (``make slides``, RISE): from the cell and the
    one before it only, so the same source always gives the same slides.

    In order: a cell tagged ``notes`` is a speaker note; a solution gets a slide of its own
    right after its exercise (a solution in several cells, e.g. a worked derivation and then
    its code, shares that slide); the setup cell (the one that calls ``use_style()``) and the
    navigation line are skipped; ``#``/``##`` headings and every ``### Exercise`` open a slide,
    other ``###`` headings and a paragraph that starts with a bold lead-in (``**Order-preserving.**
    ...``) open a sub-slide; a markdown cell that is only a hidden answer (``<details>``) is a
    fragment that appears on the next key press. Everything else continues the current slide.
    Explicit ``slideshow`` metadata in a source wins over all of this.
    """
    tags = cell["metadata"].get("tags", [])
    src = cell["source"]
    if "notes" in tags:
        return "notes"
    if "solution" in tags:
        before = [] if previous is None else previous["metadata"].get("tags", [])
        return "-" if "solution" in before else "slide"
    if cell["cell_type"] == "code":
        return "skip" if SETUP_CALL.search(src) else "-"
    if cell["cell_type"] != "markdown":
        return "-"
    if "**Navigation:**" in src:
        return "skip"
    if src.startswith(("# ", "## ", "### Exercise", "#### ", "**Exercise")):
        return "slide"
    if src.startswith("### ") or BOLD_LEAD.match(src):
        return "subslide"
    if src.startswith("<details"):
        return "fragment"
    return "-"


def parse_source(path: Path) -> list[dict]:
    """Split a percent-format file into cell dicts (type, source, metadata)."""
    cells: list[dict] = []
    current: dict | None = None
    for line in path.read_text(encoding="utf-8").splitlines():
        m = HEADER.match(line)
        if m:
            meta = json.loads(m["meta"]) if m["meta"] else {}
            current = {
                "cell_type": "markdown" if m["md"] else "code",
                "lines": [],
                "metadata": meta,
            }
            cells.append(current)
            continue
        if current is None:
            if line.strip():
                raise ValueError(f"{path.name}: text before the first '# %%' line: {line!r}")
            continue
        if current["cell_type"] == "markdown":
            if line.strip() and not line.startswith("#"):
                raise ValueError(f"{path.name}: markdown line without '# ': {line!r}")
            line = line[2:] if line.startswith("# ") else line[1:]
        current["lines"].append(line)
    out: list[dict] = []
    for c in cells:
        text = "\n".join(c["lines"]).strip("\n")
        cell = {"cell_type": c["cell_type"], "source": text, "metadata": dict(c["metadata"])}
        previous = out[-1] if out else None
        cell["metadata"].setdefault("slideshow", {"slide_type": slide_type(cell, previous)})
        out.append(cell)
    return out


def make_notebook(path: Path) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    stem = path.stem
    for i, c in enumerate(parse_source(path)):
        if c["cell_type"] == "markdown":
            cell = nbformat.v4.new_markdown_cell(c["source"], metadata=c["metadata"])
        else:
            cell = nbformat.v4.new_code_cell(c["source"], metadata=c["metadata"])
        cell.id = f"{stem[:2]}-{i:03d}"
        nb.cells.append(cell)
    return nb


def stable_widget_ids(nb: nbformat.NotebookNode, stem: str) -> nbformat.NotebookNode:
    """Replace random widget model ids by ids derived from the notebook name and order."""
    state = nb.metadata.get("widgets", {}).get(WIDGET_STATE, {}).get("state", {})
    text = json.dumps(nb)
    ids = list(state)
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            view = out.get("data", {}).get("application/vnd.jupyter.widget-view+json")
            if view and view["model_id"] not in ids:
                ids.append(view["model_id"])
    for k, old in enumerate(ids):
        new = uuid.uuid5(uuid.NAMESPACE_URL, f"softmax-notebooks/{stem}/{k}").hex
        text = text.replace(old, new)
    return nbformat.from_dict(json.loads(text))


def problems(nb: nbformat.NotebookNode) -> list[str]:
    found = []
    for i, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for out in cell.get("outputs", []):
            if out.output_type == "error" and "raises-exception" not in cell.metadata.get(
                "tags", []
            ):
                found.append(f"cell {i}: {out.ename}: {out.evalue}")
            if out.get("name") == "stderr":
                found.append(f"cell {i}: stderr: {out.text[:200]!r}")
    return found


FRESH_TIMINGS = False  # --fresh-timings: store the new measurements of timing cells


def keep_timings(nb: nbformat.NotebookNode, previous: Path) -> None:
    """Keep the stored output of each unchanged timing cell (tag ``nbval-ignore-output``).

    A timing varies from run to run, so storing every new measurement would make each rebuild
    change the file. The cell still runs (it must not fail); only its printed measurement is
    the one stored last time its source changed, or with ``--fresh-timings``.
    """
    if not previous.exists():
        return
    old = {c.id: c for c in nbformat.read(previous, as_version=4).cells if c.cell_type == "code"}
    for cell in nb.cells:
        before = old.get(cell.id)
        if ("nbval-ignore-output" in cell.metadata.get("tags", []) and before is not None
                and before.source == cell.source and before.outputs):
            cell.outputs = before.outputs


def execute(path: Path) -> Path:
    nb = make_notebook(path)
    client = NotebookClient(
        nb,
        timeout=600,
        kernel_name="python3",
        resources={"metadata": {"path": str(NOTEBOOKS)}},
        record_timing=False,
        store_widget_state=True,
        allow_errors=True,
        coalesce_streams=True,  # one stdout output per cell, however the kernel flushed it
    )
    client.execute()
    nb.metadata = {
        "kernelspec": KERNELSPEC,
        "language_info": {"name": "python"},
        **{k: v for k, v in nb.metadata.items() if k == "widgets"},
    }
    nb = stable_widget_ids(nb, path.stem)
    target = NOTEBOOKS / f"{path.stem}.ipynb"
    if not FRESH_TIMINGS:
        keep_timings(nb, target)
    nbformat.write(nb, target)
    bad = problems(nb)
    if bad:
        raise SystemExit(f"{target.name} has problems:\n  " + "\n  ".join(bad))
    return target


def check(path: Path) -> list[str]:
    """Differences between a source and its .ipynb (cell types, sources, metadata)."""
    target = NOTEBOOKS / f"{path.stem}.ipynb"
    if not target.exists():
        return [f"{target.name} is missing: run `make execute`"]
    built, stored = make_notebook(path), nbformat.read(target, as_version=4)
    if len(built.cells) != len(stored.cells):
        return [f"{target.name}: {len(stored.cells)} cells, source has {len(built.cells)}"]
    diffs = []
    for i, (a, b) in enumerate(zip(built.cells, stored.cells, strict=True)):
        if (a.cell_type, a.source, a.metadata) != (b.cell_type, b.source, b.metadata):
            diffs.append(f"{target.name} cell {i} differs from {path.name}: run `make execute`")
    return diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numbers", nargs="*", help="two-digit notebook numbers; default all")
    parser.add_argument("--check", action="store_true", help="compare, do not execute")
    parser.add_argument("--fresh-timings", action="store_true",
                        help="store new measurements in timing cells (nbval-ignore-output)")
    args = parser.parse_args(argv)
    global FRESH_TIMINGS
    FRESH_TIMINGS = args.fresh_timings
    sources = sorted(SOURCES.glob("[0-9][0-9]_*.py"))
    if args.numbers:
        sources = [s for s in sources if s.name[:2] in args.numbers]
    if args.check:
        diffs = [d for s in sources for d in check(s)]
        print("\n".join(diffs) or f"{len(sources)} notebooks match their sources")
        return 1 if diffs else 0
    os.environ.setdefault("PYTHONHASHSEED", "0")
    for s in sources:
        print(f"executing {s.name} ...", flush=True)
        execute(s)
    return 0


if __name__ == "__main__":
    sys.exit(main())

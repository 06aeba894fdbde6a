"""``make html``: static HTML handouts of the whole series with an index page, working offline.

    python -m tools.classroom.handouts                  # every notebook -> build/html/
    python -m tools.classroom.handouts 04 --out DIR     # only 04
    python -m tools.classroom.handouts --notebooks build/student/notebooks --out build/student-html

One page per notebook (``NN_name.html``) plus ``index.html``; MathJax is copied to ``vendor/``.
Widgets show their saved state; solutions are folded under "Solution" (pass the student copy
with ``--notebooks`` for handouts without them). Print from the browser for paper copies.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import (
    BUILD,
    MATHJAX,
    NOTEBOOKS,
    copy_vendor,
    index_page,
    read,
    select_notebooks,
    summary_of,
    title_of,
)
from .export import export


def build(numbers=(), out: Path = BUILD / "html", source: Path = NOTEBOOKS) -> list[Path]:
    """Export the chosen notebooks as handouts into ``out``; returns the page paths."""
    paths = select_notebooks(numbers, source)
    copy_vendor(out, (MATHJAX,))
    pages = []
    entries = []
    for path in paths:
        print(f"html: {path.name}", flush=True)
        pages.append(export(path, out, "html"))
        nb = read(path)
        entries.append((pages[-1].name, title_of(nb, path.stem), summary_of(nb)))
    (out / "index.html").write_text(
        index_page(
            "Softmax regression: handouts",
            "The whole series as static pages: read, share or print them (the browser's Print). "
            "Widgets show the state they were saved in; run the notebooks in JupyterLab to move "
            "them. No network is needed.",
            entries,
        ),
        encoding="utf-8",
    )
    return pages


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numbers", nargs="*", help="two-digit notebook numbers; default all")
    parser.add_argument("--out", type=Path, default=BUILD / "html", help="output folder")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="input folder")
    args = parser.parse_args(argv)
    pages = build(args.numbers, args.out, args.notebooks)
    print(f"{len(pages)} handouts in {args.out}/ (open {args.out / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

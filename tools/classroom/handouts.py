"""``make html``: static HTML handouts of the whole series with an index page, working offline.

    python -m tools.classroom.handouts                  # every notebook -> build/html/
    python -m tools.classroom.handouts 04 --out DIR     # only 04
    python -m tools.classroom.handouts --notebooks build/student/notebooks --out build/student-html

One page per notebook (``NN_name.html``) plus ``index.html``; MathJax is copied to ``vendor/``.
Widgets show their saved state; solutions are folded under "Solution" (pass the student copy
with ``--notebooks`` for handouts without them). Print from the browser for paper copies.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .common import BUILD, MATHJAX, NOTEBOOKS
from .export import cli, export_series


def build(numbers=(), out: Path = BUILD / "html", source: Path = NOTEBOOKS) -> list[Path]:
    """Export the chosen notebooks as handouts into ``out``; returns their paths."""
    return export_series(
        "html",
        source,
        out,
        numbers,
        (MATHJAX,),
        "Softmax regression: handouts",
        "The whole series as static pages: read, share or print them (the browser's Print). "
        "Widgets show the state they were saved in; run the notebooks in JupyterLab to move "
        "them. No network is needed.",
    )


def main(argv=None) -> int:
    return cli(build, BUILD / "html", "handouts", argv)


if __name__ == "__main__":
    sys.exit(main())

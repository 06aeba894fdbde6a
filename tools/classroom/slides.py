"""``make slides``: a reveal.js slide deck of every notebook, in build/slides/, working offline.

    python -m tools.classroom.slides                 # every notebook -> build/slides/
    python -m tools.classroom.slides 04 --out DIR    # only 04

Each deck is ``NN_name.slides.html``; ``index.html`` lists them. reveal.js and MathJax are copied
to ``vendor/`` beside the decks, so the folder can be copied to a USB stick and opened from disk
with no network. Keys: → / ← (or a presenter's clicker) walk through every slide, S opens the
speaker view, F full screen, Esc the overview. Slide breaks come from each cell's
``slideshow`` metadata (see ``slide_type()`` in tools/build_notebooks.py).
"""

from __future__ import annotations

import sys
from pathlib import Path

from .common import BUILD, MATHJAX, NOTEBOOKS, REVEAL_FILES
from .export import cli, export_series


def build(numbers=(), out: Path = BUILD / "slides", source: Path = NOTEBOOKS) -> list[Path]:
    """Export the chosen notebooks as decks into ``out``; returns their paths."""
    return export_series(
        "slides",
        source,
        out,
        numbers,
        (*REVEAL_FILES, MATHJAX),
        "Softmax regression: slides",
        "Open a deck, press F for full screen, → for the next slide, S for speaker notes. "
        "Everything loads from this folder; no network is needed.",
    )


def main(argv=None) -> int:
    return cli(build, BUILD / "slides", "decks", argv)


if __name__ == "__main__":
    sys.exit(main())

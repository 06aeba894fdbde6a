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

import argparse
import sys
from pathlib import Path

from .common import (
    BUILD,
    MATHJAX,
    NOTEBOOKS,
    REVEAL_FILES,
    copy_vendor,
    index_page,
    read,
    select_notebooks,
    summary_of,
    title_of,
)
from .export import export


def build(numbers=(), out: Path = BUILD / "slides", source: Path = NOTEBOOKS) -> list[Path]:
    """Export the chosen notebooks as slide decks into ``out``; returns the deck paths."""
    paths = select_notebooks(numbers, source)
    copy_vendor(out, (*REVEAL_FILES, MATHJAX))
    decks = []
    entries = []
    for path in paths:
        print(f"slides: {path.name}", flush=True)
        decks.append(export(path, out, "slides"))
        nb = read(path)
        entries.append((decks[-1].name, title_of(nb, path.stem), summary_of(nb)))
    (out / "index.html").write_text(
        index_page(
            "Softmax regression: slides",
            "Open a deck, press F for full screen, → for the next slide, S for speaker notes. "
            "Everything loads from this folder; no network is needed.",
            entries,
        ),
        encoding="utf-8",
    )
    return decks


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("numbers", nargs="*", help="two-digit notebook numbers; default all")
    parser.add_argument("--out", type=Path, default=BUILD / "slides", help="output folder")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="input folder")
    args = parser.parse_args(argv)
    decks = build(args.numbers, args.out, args.notebooks)
    print(f"{len(decks)} decks in {args.out}/ (open {args.out / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())

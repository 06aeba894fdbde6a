"""Turn one executed notebook into an offline HTML page with nbconvert (slides or handout).

Both kinds share the preparation: widgets frozen to static HTML snapshots of their saved state
(``static_widgets``), links between notebooks pointed at the exported files, markdown images
embedded, and templates (``templates/``) that load MathJax and reveal.js from ``vendor/`` next
to the page instead of a CDN.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from nbconvert import HTMLExporter, SlidesExporter

from .common import (
    MATHJAX,
    NOTEBOOKS,
    TEMPLATES,
    copy_vendor,
    embed_images,
    index_page,
    read,
    relink,
    select_notebooks,
    summary_of,
    title_of,
)
from .static_widgets import CSS as WIDGET_CSS
from .static_widgets import freeze_widgets

SLIDES_CSS = """
:root { --jp-ui-font-size1: 20px; --jp-content-font-size1: 20px; --jp-code-font-size: 17px; }
.reveal { font-size: 20px; }
.reveal .slides { text-align: left; }
.reveal .slides section > section { height: 100%; overflow-y: auto; overflow-x: hidden;
  padding: 0 10px 0 0; box-sizing: border-box; }
.reveal h1 { font-size: 2.0em; } .reveal h2 { font-size: 1.6em; } .reveal h3 { font-size: 1.3em; }
.reveal .slides h1, .reveal .slides h2, .reveal .slides h3 { text-transform: none;
  margin-bottom: 0.4em; }
.reveal .jp-InputPrompt, .reveal .jp-OutputPrompt { display: none; }
.reveal .jp-RenderedImage img { max-height: 540px; width: auto; }
.reveal details > summary { cursor: pointer; color: #1f77b4; }
.reveal table { margin: 0.3em 0; }
.reveal .jp-RenderedHTMLCommon table { font-size: 0.85em; }
.reveal .sm-static-widget { font-size: 16px; }
"""

HTML_CSS = """
body { max-width: 1100px; margin: 0 auto; padding: 0 16px 48px; }
.sm-handout-nav { font-family: var(--jp-ui-font-family, sans-serif); padding: 10px 0;
  border-bottom: 1px solid #ddd; margin-bottom: 12px; color: #555; }
.sm-handout-nav a { color: #1f4f7f; font-weight: 600; text-decoration: none; }
details.sm-solution { margin: 6px 0 6px 0; }
details.sm-solution > summary { cursor: pointer; color: #1f77b4; font-weight: 600;
  font-family: var(--jp-ui-font-family, sans-serif); padding: 4px 0; }
@media print {
  .sm-handout-nav { display: none; }
  body { max-width: none; padding: 0; }
  .jp-Cell { break-inside: avoid; }
}
"""

# nbconvert warns once per image without alt text; our template adds one, quiet the rest.
logging.getLogger("traitlets").setLevel(logging.ERROR)


def _exporter(kind: str):
    if kind == "slides":
        exporter = SlidesExporter(
            extra_template_basedirs=[str(TEMPLATES)],
            extra_template_paths=[str(TEMPLATES)],
            template_name="classroom_slides",
            reveal_url_prefix="vendor/reveal.js",
            reveal_theme="white",
            reveal_width="1280",
            reveal_height="720",
        )
    elif kind == "html":
        exporter = HTMLExporter(
            extra_template_basedirs=[str(TEMPLATES)],
            extra_template_paths=[str(TEMPLATES)],
            template_name="classroom_html",
        )
    else:  # pragma: no cover - programming error
        raise ValueError(kind)
    return exporter


def mark_solution_runs(nb) -> None:
    """Flag the first and last cell of each run of solution cells (the handout folds a run)."""
    cells = nb["cells"]
    flags = ["solution" in c.get("metadata", {}).get("tags", []) for c in cells]
    for i, cell in enumerate(cells):
        if flags[i] and (i == 0 or not flags[i - 1]):
            cell["metadata"]["sm_solution_start"] = True
        if flags[i] and (i == len(cells) - 1 or not flags[i + 1]):
            cell["metadata"]["sm_solution_end"] = True


def export(path: Path, out: Path, kind: str) -> Path:
    """Write ``out/<stem>.slides.html`` (kind "slides") or ``out/<stem>.html`` (kind "html")."""
    suffix = ".slides.html" if kind == "slides" else ".html"
    nb = embed_images(relink(read(path), suffix), path.parent)
    title = title_of(nb, path.stem)
    nb = freeze_widgets(nb)
    mark_solution_runs(nb)
    resources = {
        "metadata": {"name": title, "path": str(path.parent)},
        "classroom": {
            "mathjax_url": f"vendor/{MATHJAX}",
            "css": WIDGET_CSS,
            "slides_css": SLIDES_CSS,
            "html_css": HTML_CSS,
            "title": title,
        },
    }
    import nbformat

    body, _ = _exporter(kind).from_notebook_node(nbformat.from_dict(nb), resources=resources)
    out.mkdir(parents=True, exist_ok=True)
    target = out / f"{path.stem}{suffix}"
    target.write_text(body, encoding="utf-8")
    return target


def export_series(
    kind: str, source: Path, out: Path, numbers, vendor, title: str, intro: str
) -> list[Path]:
    """Export the chosen notebooks of ``source`` as ``kind`` ("slides" or "html") into ``out``,
    with the vendored files they load and an ``index.html`` listing them; returns the paths."""
    paths = select_notebooks(numbers, source)
    copy_vendor(out, vendor)
    made, entries = [], []
    for path in paths:
        print(f"{kind}: {path.name}", flush=True)
        made.append(export(path, out, kind))
        entries.append((made[-1].name, title_of(read(path), path.stem), summary_of(read(path))))
    (out / "index.html").write_text(index_page(title, intro, entries), encoding="utf-8")
    return made


def cli(build, default_out: Path, what: str, argv=None) -> int:
    """The command line shared by ``python -m tools.classroom.slides`` and ``.handouts``."""
    parser = argparse.ArgumentParser(description=f"export the notebooks as {what}")
    parser.add_argument("numbers", nargs="*", help="two-digit notebook numbers; default all")
    parser.add_argument("--out", type=Path, default=default_out, help="output folder")
    parser.add_argument("--notebooks", type=Path, default=NOTEBOOKS, help="input folder")
    args = parser.parse_args(argv)
    made = build(args.numbers, args.out, args.notebooks)
    print(f"{len(made)} {what} in {args.out}/ (open {args.out / 'index.html'})")
    return 0

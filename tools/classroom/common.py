"""What the slide, handout and student-copy builders share: paths, notebook choice, links,
the vendored offline assets, and the check that an exported page loads nothing from the web."""

from __future__ import annotations

import base64
import re
import shutil
from collections.abc import Iterable, Sequence
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
BUILD = ROOT / "build"
VENDOR = ROOT / "assets" / "vendor"
TEMPLATES = Path(__file__).resolve().parent / "templates"

# The vendored files an exported page needs, relative to assets/vendor/ (see its README.md).
MATHJAX = "mathjax/es5/tex-svg-full.js"
REVEAL_FILES = (
    "reveal.js/dist/reveal.js",
    "reveal.js/dist/reveal.css",
    "reveal.js/dist/theme/white.css",
    "reveal.js/dist/plugin/notes.js",
)
LICENSES = ("reveal.js/LICENSE", "reveal.js/dist/theme/LICENSE-source-sans-pro", "mathjax/LICENSE")

NOTEBOOK_NAME = re.compile(r"^\d\d_[a-z0-9_]+\.ipynb$")
LOCAL_LINK = re.compile(r"(\]\(|href=[\"'])(\d\d_[a-z0-9_]+)\.ipynb(?=[#)\"'])")
# Anything a browser would fetch by itself: scripts, stylesheets, images, frames, fonts, imports.
FETCHING = re.compile(
    r"""<(?:script|img|iframe|source|audio|video|embed)\b[^>]*?\bsrc\s*=\s*["']?([^"'\s>]+)"""
    r"""|<link\b[^>]*?\bhref\s*=\s*["']?([^"'\s>]+)"""
    r"""|@import\s+(?:url\()?\s*["']?([^"')\s;]+)"""
    r"""|url\(\s*["']?([^"')\s]+)""",
    re.IGNORECASE,
)


def select_notebooks(numbers: Sequence[str] = (), folder: Path = NOTEBOOKS) -> list[Path]:
    """The series' notebooks ``NN_name.ipynb`` in ``folder``, all or only the given numbers."""
    paths = sorted(p for p in folder.glob("*.ipynb") if NOTEBOOK_NAME.match(p.name))
    if numbers:
        wanted = {n.zfill(2) for n in numbers}
        paths = [p for p in paths if p.name[:2] in wanted]
        missing = wanted - {p.name[:2] for p in paths}
        if missing:
            raise SystemExit(f"no notebook numbered {', '.join(sorted(missing))} in {folder}")
    if not paths:
        raise SystemExit(f"no notebooks found in {folder}")
    return paths


def read(path: Path) -> nbformat.NotebookNode:
    return nbformat.read(path, as_version=4)


def title_of(nb: nbformat.NotebookNode, fallback: str) -> str:
    """The text of the notebook's first ``# `` heading."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return fallback


def summary_of(nb) -> str:
    """The first sentence of the notebook's opening paragraph, without markdown or maths."""
    for cell in nb.cells:
        if cell.cell_type != "markdown":
            continue
        paragraphs = [p for p in cell.source.split("\n\n") if not p.startswith("#")]
        if paragraphs:
            text = " ".join(paragraphs[0].split())
            text = re.sub(r"\$[^$]*\$|[*_`]", "", text)
            sentence = re.split(r"(?<=[.!?])\s", text, maxsplit=1)[0]
            return sentence if len(sentence) <= 220 else sentence[:217] + "..."
    return ""


def relink(nb: nbformat.NotebookNode, suffix: str) -> nbformat.NotebookNode:
    """Point links between notebooks (``04_softmax.ipynb``) at the exported files instead."""
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = LOCAL_LINK.sub(lambda m: f"{m[1]}{m[2]}{suffix}", cell.source)
    return nb


IMAGE = re.compile(r"(!\[[^\]]*\]\(|<img\b[^>]*?\bsrc=[\"'])([^)\"'\s]+)")
IMAGE_TYPES = {
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".svg": "image/svg+xml",
    ".webp": "image/webp",
}


def embed_images(nb: nbformat.NotebookNode, folder: Path) -> nbformat.NotebookNode:
    """Inline the local images of markdown cells as data: URIs, so a page needs no files.

    (nbconvert's own ``embed_images`` re-parses each raw-HTML block on its own, which closes
    an open ``<details>`` before its answer; this leaves the HTML alone.)
    """

    def inline(m: re.Match) -> str:
        target = folder / m[2]
        kind = IMAGE_TYPES.get(target.suffix.lower())
        if re.match(r"^([a-z]+:|//)", m[2]) or kind is None or not target.is_file():
            return m[0]
        data = base64.b64encode(target.read_bytes()).decode("ascii")
        return f"{m[1]}data:{kind};base64,{data}"

    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = IMAGE.sub(inline, cell.source)
    return nb


def copy_vendor(out: Path, files: Iterable[str]) -> None:
    """Copy the named vendored files (and the licences) to ``out/vendor/``."""
    for rel in (*files, *LICENSES):
        source = VENDOR / rel
        if not source.is_file():
            raise SystemExit(f"{source} is missing: the offline assets live in assets/vendor/")
        target = out / "vendor" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)


def fetched_urls(text: str) -> list[str]:
    """Every URL in an HTML or CSS text that a browser would load on its own (not <a> links)."""
    return [next(g for g in m.groups() if g) for m in FETCHING.finditer(text)]


def remote_references(text: str) -> list[str]:
    """The fetched URLs that point off this machine (http:, https:, protocol-relative)."""
    return [u for u in fetched_urls(text) if re.match(r"^(https?:)?//", u, re.IGNORECASE)]


def local_references(text: str) -> list[str]:
    """The fetched URLs that are relative paths (not data:, not remote, not fragments)."""
    return [
        u
        for u in fetched_urls(text)
        if not re.match(r"^([a-z][a-z0-9+.-]*:|//|#)", u, re.IGNORECASE)
    ]


def index_page(title: str, intro: str, entries: Sequence[tuple[str, str, str]]) -> str:
    """A plain, self-contained index: (href, notebook title, subtitle) per entry."""
    from html import escape

    rows = "\n".join(
        f'<li><a href="{escape(href)}">{escape(name)}</a>'
        + (f"<span>{escape(sub)}</span>" if sub else "")
        + "</li>"
        for href, name, sub in entries
    )
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{escape(title)}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans CJK SC",
  sans-serif; max-width: 860px; margin: 2em auto; padding: 0 1em; color: #222; line-height: 1.5; }}
h1 {{ font-size: 1.6em; }}
ol {{ padding-left: 0; list-style: none; }}
li {{ margin: 0.5em 0; padding: 0.5em 0.8em; border-left: 4px solid #1f77b4; background: #f6f8fa; }}
li a {{ font-weight: 600; text-decoration: none; color: #1f4f7f; }}
li span {{ display: block; color: #555; font-size: 0.92em; }}
</style>
</head>
<body>
<h1>{escape(title)}</h1>
<p>{escape(intro)}</p>
<ol>
{rows}
</ol>
</body>
</html>
"""

"""The exported slides and handouts of 04, opened in Chromium with the network blocked.

Every request that is not to a local file, 127.0.0.1 or localhost is aborted by a Playwright
route and recorded; the list must stay empty (nothing was even attempted), no local file may be
missing, and no script may fail. Then: MathJax has typeset every formula of the notebook (one
``mjx-container`` per formula, no TeX errors, no raw ``$$`` left in the text), the widget
snapshot is drawn, and in the slides the → key moves to the next slide. The deck is opened both
from disk (file://, as a teacher double-clicks it) and from a local web server (as on a class
server). Screenshots: artifacts/screenshots/offline_*.png.
"""

from __future__ import annotations

import functools
import http.server
import re
import sys
import threading
from pathlib import Path

import nbformat
import pytest

from . import jlab

if str(jlab.ROOT) not in sys.path:
    sys.path.insert(0, str(jlab.ROOT))

from tools.classroom import handouts, slides  # noqa: E402

pytestmark = pytest.mark.browser

NB04 = jlab.NOTEBOOKS / "04_softmax.ipynb"
LOCAL = re.compile(r"^(file:|data:|blob:|about:|https?://(127\.0\.0\.1|localhost)(:\d+)?/)")
VIEWPORT = {"width": 1280, "height": 720}


def formula_count(path: Path) -> int:
    """How many formulas ($$...$$ and $...$, outside code spans) the notebook's text has."""
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells if c.cell_type == "markdown")
    text = re.sub(r"`[^`]*`", "", text)
    display = re.findall(r"\$\$.+?\$\$", text, re.S)
    inline = re.findall(r"\$[^$]+?\$", re.sub(r"\$\$.+?\$\$", "", text, flags=re.S))
    return len(display) + len(inline)


@pytest.fixture(scope="module")
def exported(tmp_path_factory):
    base = tmp_path_factory.mktemp("offline")
    slides.build(["00", "04"], base / "slides")
    handouts.build(["00", "04"], base / "html")
    return base


@pytest.fixture(scope="module")
def local_server(exported):
    """A plain web server on 127.0.0.1 for the exported folder, like a class server."""

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):  # keep pytest's output clean
            pass

    handler = functools.partial(Quiet, directory=str(exported))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


class Offline:
    """A page whose context aborts every non-local request and records what happened."""

    def __init__(self, browser):
        self.context = browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        self.attempted_remote: list[str] = []
        self.failed: list[str] = []
        self.errors: list[str] = []
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(30_000)
        self.page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.on(
            "console",
            lambda m: self.errors.append(m.text) if m.type == "error" else None,
        )

    def _route(self, route):
        url = route.request.url
        if LOCAL.match(url):
            route.continue_()
        else:
            self.attempted_remote.append(url)
            route.abort("internetdisconnected")

    def open(self, url: str) -> None:
        self.page.goto(url, wait_until="load")
        self.page.wait_for_function(
            "document.documentElement.getAttribute('data-mathjax') === 'typeset'",
            timeout=30_000,
        )

    def assert_offline_and_clean(self) -> None:
        assert self.attempted_remote == [], "non-local requests were attempted"
        assert self.failed == [], "some local files did not load"
        assert self.errors == [], "script errors on the page"

    def assert_formulas_typeset(self, expected: int) -> None:
        page = self.page
        assert page.locator("mjx-container").count() == expected
        assert page.locator("mjx-container svg").count() == expected
        assert page.locator("mjx-merror, [data-mjx-error]").count() == 0
        raw = page.evaluate(
            """() => [...document.querySelectorAll('.jp-RenderedMarkdown')]
                   .map(e => e.textContent).join(' ')"""
        )
        assert "$$" not in raw and "\\frac" not in raw and "\\mathbf" not in raw

    def screenshot(self, name: str) -> Path:
        jlab.SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = jlab.SCREENSHOTS / f"{name}.png"
        self.page.screenshot(path=str(path))
        return path

    def close(self) -> None:
        jlab.close_quietly(self.page)
        self.context.close()


@pytest.fixture
def offline(browser):
    pages: list[Offline] = []

    def make() -> Offline:
        pages.append(Offline(browser))
        return pages[-1]

    yield make
    for p in pages:
        p.close()


@pytest.mark.parametrize("scheme", ["file", "http"])
def test_slides_work_offline(exported, local_server, offline, scheme):
    deck = exported / "slides" / "04_softmax.slides.html"
    url = deck.as_uri() if scheme == "file" else f"{local_server}/slides/{deck.name}"
    view = offline()
    view.open(url)
    page = view.page
    page.wait_for_function("window.Reveal && Reveal.isReady()")
    view.assert_formulas_typeset(formula_count(NB04))

    # the arrow key moves to the next slide, and back
    first = page.evaluate("Reveal.getIndices()")
    title = page.locator("section.present h1").first.inner_text()
    assert "04" in title
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("ArrowRight")
    page.wait_for_function(
        "([h, v]) => { const i = Reveal.getIndices(); return i.h !== h || i.v !== v; }",
        arg=[first["h"], first.get("v", 0)],
    )
    second = page.evaluate("Reveal.getIndices()")
    assert (second["h"], second.get("v", 0)) != (first["h"], first.get("v", 0))
    assert page.evaluate("Reveal.getProgress()") > 0
    assert "04" not in page.locator("section.present").last.inner_text()[:40]
    page.keyboard.press("ArrowLeft")
    page.wait_for_function("Reveal.getIndices().h === 0 && !Reveal.getIndices().v")

    # a slide with a formula, and the widget's slide, are drawn; take pictures of both
    page.evaluate(
        """() => { const s = document.querySelector('mjx-container[display="true"]')
                                   .closest('section');
                   const i = Reveal.getIndices(s); Reveal.slide(i.h, i.v); }"""
    )
    page.wait_for_timeout(200)
    present = page.locator("section.present mjx-container[display='true']").first
    assert present.is_visible()
    box = present.bounding_box()
    assert box and box["width"] > 100 and box["height"] > 20  # a real typeset formula
    if scheme == "file":
        view.screenshot("offline_slides_04_formula")
    page.evaluate(
        """() => { const s = document.querySelector('.sm-static-widget').closest('section');
                   const i = Reveal.getIndices(s); Reveal.slide(i.h, i.v); }"""
    )
    page.wait_for_timeout(200)
    assert page.locator("section.present .sm-static-widget .sm-logit-explorer").is_visible()
    if scheme == "file":
        view.screenshot("offline_slides_04_widget")
    view.assert_offline_and_clean()


def test_handout_works_offline(exported, offline):
    view = offline()
    view.open((exported / "html" / "04_softmax.html").as_uri())
    view.assert_formulas_typeset(formula_count(NB04))
    page = view.page
    widget = page.locator(".sm-static-widget .sm-logit-explorer")
    assert widget.is_visible()
    assert widget.locator(".sm-value").count() > 3
    solutions = page.locator("details.sm-solution")
    assert solutions.count() >= 1
    assert not solutions.first.locator(".jp-Cell").first.is_visible()  # folded
    solutions.first.locator("summary").click()
    assert solutions.first.locator(".jp-Cell").first.is_visible()
    page.locator("nav.sm-handout-nav a").click()
    page.wait_for_url(re.compile(r"/index\.html$"))
    assert page.locator("a[href='04_softmax.html']").count() == 1
    page.go_back()
    page.wait_for_function("document.documentElement.getAttribute('data-mathjax') === 'typeset'")
    view.screenshot("offline_handout_04")
    view.assert_offline_and_clean()

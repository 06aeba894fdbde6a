"""Fixtures for the browser tests: one JupyterLab server and one Chromium per session.

* ``lab_server`` (session): a :class:`jlab.Server` (JupyterLab from this venv, 127.0.0.1, a
  free port, a random token, every config/data/runtime dir and HOME in a temporary folder,
  root = a temporary copy of notebooks/ and assets/). Shut down at the end of the session.
* ``browser`` (session): headless Chromium through Playwright. Found in this order:
  $SOFTMAX_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, Playwright's own download.
  When there is none (or Playwright is not installed) every browser test is skipped with the
  reason, except under CI (``CI`` set), where they fail and say how to install it.
* ``lab`` (function): a :class:`jlab.NotebookPage` on a fresh page, not yet opened; call
  ``lab.open("04_softmax.ipynb")`` then ``lab.run_all()``. After the test its page is closed
  and its kernel shut down, so one kernel runs at a time.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from pathlib import Path

import pytest

from . import jlab

VIEWPORT = {"width": 1280, "height": 900}


def _in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def _unavailable(reason: str):
    """Skip locally, fail under CI (a green CI must not hide a missing browser)."""
    if _in_ci():
        pytest.fail(f"browser tests cannot run under CI: {reason}", pytrace=False)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def playwright_api():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError as exc:
        _unavailable(f"playwright is not importable ({exc}); pip install -e '.[test]'")
    executable, where = jlab.find_chromium()
    if executable is None:
        _unavailable(f"{where}; {jlab.INSTALL_HINT}")
    p = sync_playwright().start()
    try:
        yield p, executable
    finally:
        p.stop()


@pytest.fixture(scope="session")
def browser(playwright_api):
    p, executable = playwright_api
    home = Path(tempfile.mkdtemp(prefix="softmax-chromium-"))
    try:
        b = jlab.launch_browser(p, executable, home)
    except Exception as exc:  # noqa: BLE001 - report any launch failure the same way
        shutil.rmtree(home, ignore_errors=True)
        _unavailable(f"Chromium at {executable} does not start: {exc}; {jlab.INSTALL_HINT}")
    try:
        yield b
    finally:
        b.close()
        shutil.rmtree(home, ignore_errors=True)


@pytest.fixture(scope="session")
def lab_server(browser):
    """The JupyterLab test server (started only once a browser is known to work)."""
    base = Path(tempfile.mkdtemp(prefix="softmax-browser-"))
    try:
        server = jlab.start_server(base)
    except Exception:
        shutil.rmtree(base, ignore_errors=True)
        raise
    try:
        yield server
    finally:
        server.cleanup()


class Pages:
    """Owns the one notebook page that is open at a time (and so the one running kernel).

    ``ran(name)`` returns a page on which ``name`` has been opened in a fresh workspace and
    run top to bottom; asked again for the same notebook (the next test) it returns the same
    page instead of loading JupyterLab and running the notebook a second time. The tests are
    ordered so that a notebook's run test comes right before its widget tests (see
    ``pytest_collection_modifyitems``). ``fresh()`` gives an unopened page of its own.
    """

    def __init__(self, browser, server: jlab.Server):
        self.browser = browser
        self.server = server
        self.current: jlab.NotebookPage | None = None
        self.current_name: str | None = None
        self._context = None

    def close(self) -> None:
        if self._context is not None:
            jlab.close_quietly(self.current.page)
            with contextlib.suppress(Exception):
                self._context.close()
        self.current = self.current_name = self._context = None
        self.server.shutdown_kernels()

    def fresh(self) -> jlab.NotebookPage:
        self.close()
        self._context = self.browser.new_context(viewport=VIEWPORT, device_scale_factor=1)
        page = self._context.new_page()
        page.set_default_timeout(30_000)
        self.current = jlab.NotebookPage(page, self.server)
        return self.current

    def ran(self, name: str) -> jlab.NotebookPage:
        if self.current_name == name and self.current is not None:
            return self.current
        page = self.fresh()
        page.open(name)
        page.run_state_after_run = page.run_all()
        self.current_name = name  # only once it ran: a failed run is not reused
        return page


@pytest.fixture(scope="session")
def pages(browser, lab_server):
    manager = Pages(browser, lab_server)
    try:
        yield manager
    finally:
        manager.close()


@pytest.fixture
def lab(pages):
    """A fresh, unopened page (own browser context); closed and its kernel shut down after."""
    page = pages.fresh()
    try:
        yield page
    finally:
        pages.close()


@pytest.fixture
def ran_notebook(pages):
    """``ran_notebook("04_softmax.ipynb")``: a page where that notebook has been Run All."""
    return pages.ran


@pytest.fixture
def scratch_notebook(lab_server):
    """Write a notebook (list of code-cell sources) into the server's notebook dir.

    Returns the file name to pass to ``lab.open``; removed after the test.
    """
    written: list[Path] = []

    def make(name: str, cells: list[str]) -> str:
        path = jlab.write_notebook(lab_server.notebook_dir / name, cells)
        written.append(path)
        return path.name

    yield make
    for path in written:
        path.unlink(missing_ok=True)


@pytest.fixture
def open_widget(pages, scratch_notebook):
    """Open the notebook that shows a widget, Run All, check it, return (page, widget root).

    ``open_widget("04_softmax.ipynb", "sm-logit-explorer", fallback=[cells])``: when the
    notebook does not exist yet, a scratch notebook with ``fallback`` cells is used instead
    (skipped when there is no fallback). The page must show no error output.
    """

    def opener(notebook: str, css_class: str, fallback: list[str] | None = None, index=0):
        if (jlab.NOTEBOOKS / notebook).exists():
            name = notebook
        elif fallback:
            name = scratch_notebook(f"scratch_{notebook}", fallback)
        else:
            pytest.skip(f"notebooks/{notebook} does not exist yet")
        page = pages.ran(name)
        page.assert_no_errors()
        return page, page.widget(css_class, index)

    return opener


def _notebook_of(item) -> str | None:
    callspec = getattr(item, "callspec", None)
    if callspec is not None and "name" in callspec.params:
        return callspec.params["name"]
    return getattr(getattr(item, "module", None), "NOTEBOOK", None)


def pytest_collection_modifyitems(config, items):
    """Order the browser tests by notebook, the run test first, so each notebook runs once."""
    here = Path(__file__).parent
    slots = [i for i, item in enumerate(items) if here in Path(str(item.path)).parents]
    browser_items = [items[i] for i in slots]

    def key(item):
        nb = _notebook_of(item) or "~"
        return (nb, 0 if item.name.startswith("test_notebook_runs") else 1)

    for i, item in zip(slots, sorted(browser_items, key=key), strict=True):
        items[i] = item

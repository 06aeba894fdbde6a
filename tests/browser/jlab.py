"""Drive a real JupyterLab in headless Chromium: a test server, a browser, page helpers.

No pytest in here, so ``benchmarks/bench_widgets.py`` can use it too. The fixtures that wrap it
live in ``conftest.py``.

* :func:`start_server` starts ``jupyter lab`` from the running Python (the project's venv) on
  127.0.0.1, a free port and a random token, with every Jupyter/IPython/matplotlib directory
  and HOME inside a temporary folder, the news/update notifications off and notebook windowing
  off (``windowingMode: none``, so off-screen cells stay in the DOM). Its root holds a COPY of
  ``notebooks/`` (running a notebook in the browser never touches the committed files) next to
  a copy of ``assets/``, the same layout as the repository. The app is exposed to the page
  (``--LabApp.expose_app_in_browser``) only so tests can read cell execution states: a cell
  whose input is collapsed (the exercise solutions) has no prompt in the DOM.
* :func:`find_chromium` / :func:`launch_browser`: the browser, with the flags this machine needs.
* :class:`NotebookPage`: open a notebook in a fresh workspace, Run All, wait, collect error
  outputs, find sliders (``.sm-slider-<name>``), press keys, type in readouts, read the
  ``.sm-value.sm-<kind>[data-index=i]`` numbers, take screenshots.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "notebooks"
ARTIFACTS = ROOT / "artifacts"
SCREENSHOTS = ARTIFACTS / "screenshots"
NOTEBOOK_DIR = "notebooks"  # where the copy of notebooks/ sits under the server's root

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser")
INSTALL_HINT = (
    "install Chromium: `apt-get install chromium` (Debian/Ubuntu; `.ci/run` does this), or "
    "`python -m playwright install chromium`, or point SOFTMAX_CHROMIUM at a Chromium binary"
)

# JupyterLab user settings for tests: no news/update toast, no virtualised notebook.
USER_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}


# --------------------------------------------------------------------------------------------
# Chromium
# --------------------------------------------------------------------------------------------
def _playwright_chromium() -> str | None:
    """Playwright's own downloaded Chromium (``python -m playwright install chromium``)."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:  # noqa: BLE001 - no driver, no browser: same answer
        return None
    return path if path and Path(path).is_file() else None


def find_chromium() -> tuple[str | None, str]:
    """The Chromium to use and where it came from, or (None, what was tried).

    Order: $SOFTMAX_CHROMIUM, /usr/bin/chromium, /usr/bin/chromium-browser, Playwright's own.
    A SOFTMAX_CHROMIUM that does not exist is reported, not replaced by another browser.
    """
    tried = []
    env = os.environ.get("SOFTMAX_CHROMIUM")
    if env:  # asked for this one: use it or say it is missing, never silently another
        if Path(env).is_file() and os.access(env, os.X_OK):
            return env, "SOFTMAX_CHROMIUM"
        return None, f"SOFTMAX_CHROMIUM={env} is not an executable file"
    for path in CHROMIUM_CANDIDATES:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return path, path
        tried.append(path)
    own = _playwright_chromium()
    if own:
        return own, "playwright"
    tried.append("Playwright's downloaded chromium")
    return None, "no Chromium found (tried " + ", ".join(tried) + ")"


def launch_browser(playwright, executable: str, home: Path):
    """Launch headless Chromium with the flags this machine needs (see BROWSER.md).

    Chromium writes caches and settings under HOME (~/.cache/chromium-headless,
    ~/.config/chromium, dconf); ``home`` is a temporary folder to hold them instead.
    """
    home.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_DATA_HOME=str(home / ".local/share"),
    )
    return playwright.chromium.launch(
        executable_path=executable, headless=True, args=CHROMIUM_ARGS, env=env
    )


# --------------------------------------------------------------------------------------------
# JupyterLab server
# --------------------------------------------------------------------------------------------
def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    """A running JupyterLab: ``url`` (no token), ``token``, ``root`` (its root dir)."""

    proc: subprocess.Popen
    port: int
    token: str
    base: Path  # the temporary folder holding everything
    root: Path
    log_path: Path
    env: dict[str, str] = field(repr=False)
    _log: Any = field(repr=False, default=None)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def notebook_dir(self) -> Path:
        return self.root / NOTEBOOK_DIR

    def api(self, method: str, path: str, body: dict | None = None, timeout: float = 10):
        """Call the REST API with the token; returns the decoded JSON (or None)."""
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(
            f"{self.url}{path}",
            data=data,
            method=method,
            headers={"Authorization": f"token {self.token}", "Content-Type": "application/json"},
        )
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            raw = resp.read()
        return json.loads(raw) if raw else None

    def log_tail(self, n: int = 40) -> str:
        try:
            lines = self.log_path.read_text(errors="replace").splitlines()
        except OSError:
            return ""
        return "\n".join(lines[-n:])

    def shutdown_kernels(self) -> None:
        """Shut down every session and kernel (between tests: one kernel at a time)."""
        with contextlib.suppress(OSError, urllib.error.URLError):
            for session in self.api("GET", "/api/sessions") or []:
                with contextlib.suppress(OSError, urllib.error.URLError):
                    self.api("DELETE", f"/api/sessions/{session['id']}")
            for kernel in self.api("GET", "/api/kernels") or []:
                with contextlib.suppress(OSError, urllib.error.URLError):
                    self.api("DELETE", f"/api/kernels/{kernel['id']}")

    def _our_kernel_pids(self) -> list[int]:
        """Kernels started by this server: their connection files sit in our runtime dir."""
        try:
            import psutil
        except ImportError:
            return []
        runtime = self.env["JUPYTER_RUNTIME_DIR"]
        pids = []
        for proc in psutil.process_iter(["pid", "cmdline"]):
            cmd = proc.info.get("cmdline") or []
            if any(runtime in part for part in cmd):
                pids.append(proc.info["pid"])
        return pids

    def stop(self, timeout: float = 20) -> None:
        """Shut the server down cleanly (API), then SIGTERM/SIGKILL what is left, by pid."""
        if self.proc.poll() is None:
            self.shutdown_kernels()
            with contextlib.suppress(OSError, urllib.error.URLError):
                self.api("POST", "/api/shutdown")
            try:
                self.proc.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                self.proc.send_signal(signal.SIGTERM)
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=5)
        # a kernel that outlived its server (it would also exit on its own: JPY_PARENT_PID)
        for pid in self._our_kernel_pids():
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
        if self._log is not None:
            self._log.close()
            self._log = None

    def cleanup(self) -> None:
        """Stop, then remove the temporary folder."""
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)


# The server config `make lab` uses (tools/jupyter_server_config.py): it turns Nagle's
# algorithm off on the kernel websocket, so a widget update is not held back ~40 ms by a
# delayed ACK. The tests and the benchmark run the server the way students get it.
SERVER_CONFIG = ROOT / "tools" / "jupyter_server_config.py"


def _write_settings(settings_dir: Path) -> None:
    for rel, value in USER_SETTINGS.items():
        path = settings_dir / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(value, indent=2), encoding="utf-8")


def prepare_root(base: Path, notebooks: Path = NOTEBOOKS, extra: Iterable[Path] = ()) -> Path:
    """Copy notebooks/*.ipynb (and assets/) into ``base/root``; return the root."""
    root = base / "root"
    dest = root / NOTEBOOK_DIR
    dest.mkdir(parents=True, exist_ok=True)
    for nb in sorted(notebooks.glob("*.ipynb")):
        shutil.copy2(nb, dest / nb.name)
    for path in extra:
        shutil.copy2(path, dest / path.name)
    assets = notebooks.parent / "assets"
    if assets.is_dir():
        shutil.copytree(assets, root / "assets", dirs_exist_ok=True)
    return root


def write_notebook(path: Path, cells: Sequence[str]) -> Path:
    """Write a small notebook of code cells (a scratch notebook for a widget)."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3 (ipykernel)",
        "language": "python",
    }
    nb.cells = [nbformat.v4.new_code_cell(src) for src in cells]
    path.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, str(path))
    return path


def start_server(
    base: Path, notebooks: Path = NOTEBOOKS, timeout: float = 90, nodelay: bool = True
) -> Server:
    """Start JupyterLab with everything under ``base`` (a fresh temporary folder).

    ``nodelay=True`` (the default) loads :data:`SERVER_CONFIG`, as ``make lab`` does;
    ``nodelay=False`` runs a plain server (the benchmark compares the two).
    """
    base.mkdir(parents=True, exist_ok=True)
    root = prepare_root(base, notebooks)
    home = base / "home"
    env = dict(os.environ)
    env.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / ".jupyter"),
        JUPYTER_DATA_DIR=str(home / ".local/share/jupyter"),
        JUPYTER_RUNTIME_DIR=str(base / "runtime"),
        IPYTHONDIR=str(home / ".ipython"),
        MPLCONFIGDIR=str(home / ".config/matplotlib"),
        JUPYTERLAB_SETTINGS_DIR=str(home / "lab/user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "lab/workspaces"),
        PYDEVD_DISABLE_FILE_VALIDATION="1",  # no frozen-modules note from the debugger
    )
    env.pop("JUPYTER_PATH", None)
    env.pop("JUPYTER_TOKEN", None)
    for key in (
        "JUPYTER_CONFIG_DIR",
        "JUPYTER_DATA_DIR",
        "JUPYTER_RUNTIME_DIR",
        "IPYTHONDIR",
        "MPLCONFIGDIR",
    ):
        Path(env[key]).mkdir(parents=True, exist_ok=True)
    settings = Path(env["JUPYTERLAB_SETTINGS_DIR"])
    _write_settings(settings)
    token = secrets.token_hex(24)
    log_path = base / "jupyterlab.log"
    last_error = ""
    for _attempt in range(3):  # the free port may be taken between probing and binding
        port = _free_port()
        cmd = [
            sys.executable, "-m", "jupyterlab",
            "--no-browser",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.port={port}",
            "--ServerApp.port_retries=0",
            f"--IdentityProvider.token={token}",
            *([f"--config={SERVER_CONFIG}"] if nodelay else []),
            f"--ServerApp.root_dir={root}",
            f"--LabApp.user_settings_dir={settings}",
            f"--LabApp.workspaces_dir={env['JUPYTERLAB_WORKSPACES_DIR']}",
            "--LabApp.expose_app_in_browser=True",  # window.jupyterapp: read cell states
        ]  # fmt: skip
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        log = open(log_path, "ab")  # noqa: SIM115 - closed by Server.stop
        proc = subprocess.Popen(
            cmd, cwd=root, env=env, stdout=log, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL, start_new_session=True,
        )  # fmt: skip
        server = Server(proc, port, token, base, root, log_path, env, log)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                server.api("GET", "/api/status", timeout=2)
                return server
            except (OSError, urllib.error.URLError):
                time.sleep(0.25)
        last_error = server.log_tail()
        server.stop()
    raise RuntimeError(f"JupyterLab did not start; the end of its log:\n{last_error}")


# --------------------------------------------------------------------------------------------
# Page helpers
# --------------------------------------------------------------------------------------------
_KERNEL_IDLE_JS = """
() => {
  const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
  if (!ind || ind.getAttribute('data-status') !== 'idle') return false;
  return [...document.querySelectorAll('.jp-StatusBar-TextItem')].some(e => {
    const t = e.textContent.trim();
    return /\\| Idle$/.test(t) && !t.startsWith('No Kernel');
  });
}
"""

# Run state from the notebook model (the app is exposed to the page for tests): hidden
# (collapsed) input cells have no prompt in the DOM, so the DOM alone cannot tell.
_RUN_STATE_JS = """
() => {
  const ind = document.querySelector('.jp-Notebook-ExecutionIndicator');
  const status = ind ? ind.getAttribute('data-status') : null;
  const errors = document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').length;
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  const model = panel && panel.content && panel.content.model;
  let running = 0, pending = 0, done = 0, cells = 0;
  if (model) {
    for (const cell of model.cells) {
      if (cell.type !== 'code') continue;
      cells++;
      const empty = cell.sharedModel.getSource().trim() === '';
      if (cell.executionState === 'running') running++;
      else if (cell.executionCount !== null && cell.executionCount !== undefined) done++;
      else if (!empty) pending++;
    }
    return {status, cells, running, pending, done, errors, source: 'model'};
  }
  for (const cell of document.querySelectorAll('.jp-Notebook .jp-CodeCell')) {
    cells++;
    const prompt = cell.querySelector('.jp-InputArea-prompt');
    if (!prompt) continue;  // input hidden: unknown
    const text = prompt.textContent;
    const src = cell.querySelector('.cm-content');
    const empty = src !== null && src.textContent.trim() === '';
    if (text.includes('*')) running++;
    else if (/\\[\\d+\\]/.test(text)) done++;
    else if (!empty) pending++;
  }
  return {status, cells, running, pending, done, errors, source: 'dom'};
}
"""

_ERRORS_JS = """
() => {
  const out = [];
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook')
    || document.querySelector('.jp-Notebook');
  if (!nb) return ['no notebook on the page'];
  const cells = [...nb.querySelectorAll('.jp-Cell')];
  cells.forEach((cell, i) => {
    const where = `cell ${i}`;
    for (const el of cell.querySelectorAll(
        '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]')) {
      out.push(`${where}: stderr/error output: ${el.innerText.slice(0, 2000)}`);
    }
    for (const el of cell.querySelectorAll('.jp-OutputArea-output')) {
      const t = el.innerText || '';
      if (/Error displaying widget|Error rendering|Javascript Error|Model not found/.test(t)) {
        out.push(`${where}: widget did not render: ${t.slice(0, 500)}`);
      }
    }
  });
  return out;
}
"""

_WIDGETS_JS = """
() => {
  const outs = [...document.querySelectorAll(
    '.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.widget-view+json"]')];
  const missing = outs.filter(o => !o.querySelector('.jupyter-widgets, .lm-Widget')).length;
  return {views: outs.length, missing};
}
"""

_COLLAPSE_LEFT_JS = """
() => {
  const app = window.jupyterapp;
  if (app && app.shell.collapseLeft) app.shell.collapseLeft();
}
"""

# scroll the notebook to its top; returns how much taller than its window it is
_SCROLL_TOP_JS = """
() => {
  const s = document.querySelector('.jp-NotebookPanel .jp-WindowedPanel-outer')
    || document.querySelector('.jp-NotebookPanel .jp-Notebook');
  if (!s) return 0;
  s.scrollTop = 0;
  return s.scrollHeight - s.clientHeight;
}
"""


def parse_number(text: str) -> float:
    """A number as a widget prints it: '0.665', '-inf', 'nan', '1.2e+03', '−3'."""
    t = text.strip().replace("\u2212", "-").replace(",", "")
    t = t.rstrip("%")
    low = t.lower()
    if low in ("nan", "-nan"):
        return math.nan
    if low in ("inf", "+inf", "∞"):
        return math.inf
    if low in ("-inf", "-∞"):
        return -math.inf
    return float(t)


class Slider:
    """An ipywidgets slider found by its CSS class ``sm-slider-<name>``."""

    def __init__(self, page, locator, name: str):
        self.page = page
        self.el = locator
        self.name = name
        self.handle = locator.locator(".noUi-handle").first
        self.readout = locator.locator(".widget-readout").first

    def aria_value(self) -> float:
        """``aria-valuenow`` of the handle (noUiSlider rounds it to one decimal)."""
        return float(self.handle.get_attribute("aria-valuenow"))

    def value(self, log_base: float | None = None) -> float:
        """The slider's value as noUiSlider holds it (``aria-valuetext``, full precision).

        A FloatLogSlider's noUiSlider works on the exponent: pass ``log_base=10`` to get
        ``10 ** exponent``. Typed values on the step grid read back exactly.
        """
        raw = float(self.handle.get_attribute("aria-valuetext"))
        return log_base**raw if log_base else raw

    def readout_value(self) -> float:
        """The number in the readout box (formatted with the slider's readout_format)."""
        return parse_number(self.readout.inner_text())

    def press(self, key: str, times: int = 1) -> None:
        """Focus the handle and press a key (ArrowRight/ArrowLeft move one step)."""
        self.handle.focus()
        for _ in range(times):
            self.handle.press(key)

    def type(self, value: float | str) -> None:
        """Click the readout, select all, type the value and press Enter."""
        self.readout.click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.type(str(value))
        self.page.keyboard.press("Enter")


class NotebookPage:
    """A Playwright page showing one notebook of the test server."""

    def __init__(self, page, server: Server):
        self.page = page
        self.server = server
        self.console_errors: list[str] = []
        page.on("pageerror", lambda exc: self.console_errors.append(f"pageerror: {exc}"))

    # -- opening and running ------------------------------------------------------------
    def open(self, name: str, timeout: float = 60_000) -> NotebookPage:
        """Open notebooks/<name> in a fresh workspace and wait for an idle kernel."""
        workspace = f"t{secrets.token_hex(6)}"
        path = f"{NOTEBOOK_DIR}/{name}"
        url = (
            f"{self.server.url}/lab/workspaces/{workspace}/tree/{path}"
            f"?reset&token={self.server.token}"
        )
        self.page.goto(url, timeout=timeout)
        self.page.locator(".jp-NotebookPanel .jp-Notebook .jp-Cell").first.wait_for(timeout=timeout)
        self.wait_kernel_idle(timeout)
        return self

    def wait_kernel_idle(self, timeout: float = 60_000) -> None:
        """Wait for a connected, idle kernel.

        The toolbar indicator says ``idle`` already while the status bar still reads
        "No Kernel | Initializing"; wait for both, and for the status bar's "<kernel> | Idle".
        """
        self.page.wait_for_function(_KERNEL_IDLE_JS, timeout=timeout)
        self.page.wait_for_timeout(200)
        self.page.wait_for_function(_KERNEL_IDLE_JS, timeout=timeout)

    def menu(self, top: str, item: str) -> None:
        """Click a main-menu entry, e.g. menu('Run', 'Run All Cells')."""
        self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(f"^{top}$")).click()
        self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(f"^{re.escape(item)}$")).click()

    def run_state(self) -> dict:
        return self.page.evaluate(_RUN_STATE_JS)

    def run_all(self, timeout: float = 120) -> dict:
        """Clear all outputs, Run All Cells from the menu, wait until finished.

        Finished: kernel idle, no ``[*]`` prompt, and every non-empty code cell numbered (or an
        error output stopped the run). Returns the final run state.
        """
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            "() => ![...document.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')]"
            ".some(p => /\\[\\d+\\]/.test(p.textContent))",
            timeout=10_000,
        )
        self.menu("Run", "Run All Cells")
        deadline = time.monotonic() + timeout
        state = self.run_state()
        while time.monotonic() < deadline:
            state = self.run_state()
            if (
                state["status"] == "idle"
                and state["running"] == 0
                and (state["pending"] == 0 or state["errors"] > 0)
            ):
                # settle: idle can flicker between queued cells
                self.page.wait_for_timeout(150)
                again = self.run_state()
                if again == state:
                    break
            self.page.wait_for_timeout(100)
        else:
            raise TimeoutError(f"Run All did not finish in {timeout} s: {state}")
        self.wait_widgets_rendered()
        return state

    def wait_widgets_rendered(self, timeout: float = 15) -> dict:
        """Wait until every widget-view output has rendered something."""
        deadline = time.monotonic() + timeout
        info = self.page.evaluate(_WIDGETS_JS)
        while info["missing"] and time.monotonic() < deadline:
            self.page.wait_for_timeout(100)
            info = self.page.evaluate(_WIDGETS_JS)
        return info

    # -- checking ----------------------------------------------------------------------
    def error_outputs(self) -> list[str]:
        """Error tracebacks, stderr outputs, widgets that failed to render, page exceptions."""
        problems = list(self.page.evaluate(_ERRORS_JS))
        problems += self.console_errors  # uncaught exceptions in the page (widget code)
        info = self.page.evaluate(_WIDGETS_JS)
        if info["missing"]:
            problems.append(f"{info['missing']} of {info['views']} widget views did not render")
        return problems

    def assert_no_errors(self) -> None:
        problems = self.error_outputs()
        assert not problems, "errors on the page:\n" + "\n".join(problems)

    # -- widgets -----------------------------------------------------------------------
    def widget(self, css_class: str, index: int = 0):
        """The root element of a widget (class e.g. ``sm-logit-explorer``), scrolled into view."""
        loc = self.page.locator(f".{css_class}").nth(index)
        loc.wait_for(timeout=15_000)
        loc.scroll_into_view_if_needed()
        return loc

    def slider(self, name: str, root=None) -> Slider:
        """The slider with class ``sm-slider-<name>`` (inside ``root`` if given)."""
        scope = root if root is not None else self.page
        loc = scope.locator(f".sm-slider-{name}").first
        loc.wait_for(timeout=15_000)
        return Slider(self.page, loc, name)

    def texts(self, root, kind: str) -> list[str]:
        """Texts of ``.sm-value.sm-<kind>`` inside root, ordered by data-index when present."""
        return root.evaluate(
            """(r, kind) => {
                const els = [...r.querySelectorAll(`.sm-value.sm-${kind}`)];
                const idx = e => e.hasAttribute('data-index') ? +e.dataset.index : 0;
                els.sort((a, b) => idx(a) - idx(b));
                return els.map(e => e.textContent.trim());
            }""",
            kind,
        )

    def numbers(self, root, kind: str) -> list[float]:
        return [parse_number(t) for t in self.texts(root, kind)]

    def text(self, root, selector: str) -> str:
        return root.locator(selector).first.inner_text()

    def wait_until(
        self,
        check: Callable[[], tuple[bool, Any]],
        timeout: float = 10,
        interval_ms: int = 50,
    ) -> Any:
        """Poll ``check`` (returns (ok, detail)) until ok; raise AssertionError with the detail.

        After a key press the kernel answers asynchronously; poll instead of sleeping.
        """
        deadline = time.monotonic() + timeout
        ok, detail = check()
        while not ok and time.monotonic() < deadline:
            self.page.wait_for_timeout(interval_ms)
            ok, detail = check()
        if not ok:
            raise AssertionError(detail)
        return detail

    # -- screenshots ------------------------------------------------------------------
    def screenshot(self, name: str, target=None, whole_notebook: bool = False) -> Path:
        """Save ``artifacts/screenshots/<name>.png``: the viewport, an element, or the notebook.

        ``whole_notebook`` grows the viewport to the notebook's full height for the shot (cells
        are not virtualised in the tests, so everything is drawn), capped at 16000 px.
        """
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        if target is not None:
            return self._element_screenshot(target, path)
        if not whole_notebook:
            self.page.screenshot(path=str(path))
            return path
        size = self.page.viewport_size
        self.page.evaluate(_COLLAPSE_LEFT_JS)
        extra = self.page.evaluate(_SCROLL_TOP_JS)
        height = min(16000, size["height"] + max(0, int(extra)) + 40)
        try:
            self.page.set_viewport_size({"width": size["width"], "height": height})
            self.page.wait_for_timeout(300)
            self.page.evaluate(_SCROLL_TOP_JS)
            self.page.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size(size)
        return path

    def _element_screenshot(self, target, path: Path) -> Path:
        """An element taller than the window: grow the window for the shot, then restore."""
        size = self.page.viewport_size
        box = target.bounding_box() or {"height": 0}
        need = int(box["height"]) + 200
        try:
            if need > size["height"]:
                self.page.set_viewport_size({"width": size["width"], "height": min(need, 16000)})
                self.page.wait_for_timeout(200)
            target.scroll_into_view_if_needed()
            target.screenshot(path=str(path))
        finally:
            self.page.set_viewport_size(size)
        return path


def close_quietly(page) -> None:
    with contextlib.suppress(Exception):
        page.close()


def _close(shown: float, want: float, abs_tol: float, rel_tol: float) -> bool:
    if math.isnan(want) or math.isnan(shown):
        return math.isnan(want) and math.isnan(shown)
    if math.isinf(want) or math.isinf(shown):
        return shown == want
    return abs(shown - want) <= max(abs_tol, rel_tol * abs(want)) + 1e-12


def compare(
    shown: Sequence[float], expected: Sequence[float], tol: float = 0.0, rel_tol: float = 0.0
) -> tuple[bool, str]:
    """(ok, message): every shown number within the tolerance of the expected one.

    ``tol`` is absolute (0.0005 for 3 decimals), ``rel_tol`` relative (5e-4 for 4 significant
    digits); nan matches nan and inf matches an equal inf.
    """
    shown, expected = list(shown), [float(e) for e in expected]
    if len(shown) != len(expected):
        return False, f"shown {shown} but expected {len(expected)} numbers {expected}"
    for s, e in zip(shown, expected, strict=True):
        if not _close(s, e, tol, rel_tol):
            return False, f"shown {shown} != expected {expected} (tolerance {tol or rel_tol})"
    return True, f"shown {shown} == expected {expected}"


@dataclass
class Shown:
    """What a widget should show for one kind: numbers within a tolerance, or exact texts.

    ``Shown([0.1, 0.2], tol=5e-4)`` (3 decimals), ``Shown([...], rel=5e-4)`` (4 significant
    digits), ``Shown(["dog"])`` (texts, compared exactly after stripping).
    """

    values: Sequence[Any]
    tol: float = 0.0
    rel: float = 0.0

    def check(self, page: NotebookPage, root, kind: str) -> tuple[bool, str]:
        if self.values and all(isinstance(v, str) for v in self.values):
            texts = page.texts(root, kind)
            ok = texts == [str(v).strip() for v in self.values]
            return ok, f"{kind}: shown {texts}, expected {list(self.values)}"
        try:
            shown = page.numbers(root, kind)
        except ValueError:  # a word where a number is due (e.g. "diverged" while updating)
            return False, f"{kind}: shown {page.texts(root, kind)}, expected {list(self.values)}"
        ok, msg = compare(shown, self.values, self.tol, self.rel)
        return ok, f"{kind}: {msg}"


def wait_shown(
    page: NotebookPage,
    root,
    expect: Callable[[], tuple[Any, dict[str, Shown]]],
    timeout: float = 10,
) -> Any:
    """Poll until the widget shows what ``expect()`` says; return expect's first item.

    ``expect()`` reads the inputs from the page (slider values, active buttons), computes the
    expected numbers with the helpers and returns ``(inputs, {kind: Shown(...)})``. It is
    called again on every poll, so a kernel that has not answered yet is simply waited for.
    On time out the AssertionError names the inputs and the first kind that differs.
    """

    def check():
        inputs, expected = expect()
        for kind, want in expected.items():
            ok, msg = want.check(page, root, kind)
            if not ok:
                return False, f"inputs {inputs}: {msg}"
        return True, inputs

    return page.wait_until(check, timeout=timeout)


def active_toggle(root, css: str) -> int:
    """Index of the pressed button of the ToggleButtons with class ``css`` inside root."""
    button = root.locator(f".{css} .widget-toggle-button.mod-active").first
    return int(button.get_attribute("value"))


def toggle_labels(root, css: str) -> list[str]:
    """The labels of the buttons of the ToggleButtons with class ``css`` inside root."""
    return [t.strip() for t in root.locator(f".{css} .widget-toggle-button").all_inner_texts()]


def click_toggle(root, css: str, index: int) -> None:
    """Click the ``index``-th button of the ToggleButtons with class ``css`` inside root."""
    root.locator(f'.{css} .widget-toggle-button[value="{index}"]').first.click()

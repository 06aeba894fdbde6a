"""Widget latency in a real browser, and how long each notebook takes to run.

    .venv/bin/python benchmarks/bench_widgets.py                  # both parts
    .venv/bin/python benchmarks/bench_widgets.py --part widgets   # or --part notebooks
    .venv/bin/python benchmarks/bench_widgets.py --samples 40 --repeats 5

1. **Widgets**: JupyterLab and headless Chromium as in the browser tests (tests/browser/jlab.py).
   Each widget is shown alone in a scratch notebook; its slider handle gets a key press
   (ArrowRight and ArrowLeft in turn, so the value stays in range) ``--samples`` times.
   Measured inside the page: a keydown listener (capture phase) records ``performance.now()``
   and a MutationObserver on the probability view records the first change; latency = change −
   key press. "frame" adds the wait for the next animation frame, when the change is painted.
   Kernel round trip included, Python's Playwright calls not. Run twice: with the server as
   ``make lab`` starts it (tools/jupyter_server_config.py sets TCP_NODELAY on the kernel
   websocket), and as a plain ``jupyter lab`` (Nagle's algorithm on: a message right after
   another then waits ~40 ms for a delayed ACK).
2. **Notebooks**: every notebooks/01..10_*.ipynb that exists, run top to bottom with nbclient in
   a fresh kernel (what Restart & Run All does), ``--repeats`` times, median. "cells" is the
   time from the first cell's start to the last cell's reply; "total" adds the kernel start.

Targets printed alongside (a benchmark, not a test: it prints, it does not assert):
probabilities visible p95 <= 50 ms; notebooks 01-08 cells < 5 s, 09-10 < 15 s.

To add a widget: one more ``WidgetBench`` in ``WIDGETS`` (its constructor call, root class,
the slider to press and the element that shows the result).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from browser import jlab  # noqa: E402  (the browser tests' helper module)

LATENCY_TARGET_MS = 50.0
NOTEBOOK_TARGETS_S = {**{f"{n:02d}": 5.0 for n in range(1, 9)}, "09": 15.0, "10": 15.0}


@dataclass(frozen=True)
class WidgetBench:
    """One widget to time: how to build it and where to press and look."""

    name: str
    setup: str  # Python source: the last expression is the widget
    root: str  # the widget's root CSS class
    slider: str  # the control pressed: ``.sm-slider-<slider>``
    watch: str  # CSS selector, inside the root, of the view whose change is timed


WIDGETS = [
    WidgetBench(
        "LogitExplorer",
        "from helpers.widgets import LogitExplorer\nLogitExplorer()",
        "sm-logit-explorer",
        "o1",
        ".sm-view-bars",  # the probabilities ŷ
    ),
    WidgetBench(
        "LossExplorer",
        "from helpers.widgets import LossExplorer\nLossExplorer()",
        "sm-loss-explorer",
        "o1",
        ".sm-view-bars",  # the probabilities ŷ (the terms and the curve come in the same update)
    ),
    WidgetBench(
        "GradientExplorer",
        "from helpers.widgets import GradientExplorer\nGradientExplorer()",
        "sm-gradient-explorer",
        "o1",
        ".sm-view-grad",  # the gradient bars ŷ − y
    ),
]

# armed before each key press: keydown time (capture), first mutation, the frame after it
PROBE_JS = """
([rootSel, watchSel]) => {
  const target = document.querySelector(rootSel).querySelector(watchSel);
  const probe = {down: null, changed: null, frame: null};
  const onDown = () => { if (probe.down === null) probe.down = performance.now(); };
  document.addEventListener('keydown', onDown, {capture: true});
  const obs = new MutationObserver(() => {
    if (probe.down === null || probe.changed !== null) return;
    probe.changed = performance.now();
    obs.disconnect();
    document.removeEventListener('keydown', onDown, {capture: true});
    requestAnimationFrame(() => { probe.frame = performance.now(); });
  });
  obs.observe(target, {subtree: true, childList: true, characterData: true, attributes: true});
  window.__smProbe = probe;
}
"""


def percentile(values: list[float], q: float) -> float:
    """The q-th percentile (0..100), linear interpolation, as numpy's default."""
    ordered = sorted(values)
    pos = (len(ordered) - 1) * q / 100
    lo = int(pos)
    hi = min(lo + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (pos - lo)


def measure_widget(page: jlab.NotebookPage, bench: WidgetBench, samples: int, warmup: int = 3):
    """(DOM-change latencies, frame latencies) in ms over ``samples`` key presses."""
    root = page.widget(bench.root)
    handle = page.slider(bench.slider, root).handle
    handle.focus()
    changed, framed = [], []
    for i in range(warmup + samples):
        page.page.evaluate(PROBE_JS, [f".{bench.root}", bench.watch])
        handle.press("ArrowRight" if i % 2 == 0 else "ArrowLeft")
        deadline = time.monotonic() + 5
        probe = None
        while time.monotonic() < deadline:
            probe = page.page.evaluate("() => window.__smProbe")
            if probe["frame"] is not None:
                break
            page.page.wait_for_timeout(2)
        if probe is None or probe["frame"] is None:
            raise RuntimeError(f"{bench.name}: no visible change within 5 s of a key press")
        if i >= warmup:
            changed.append(probe["changed"] - probe["down"])
            framed.append(probe["frame"] - probe["down"])
        page.page.wait_for_timeout(60)  # let the kernel go idle: samples are independent
    return changed, framed


def bench_widgets(samples: int, nodelay: bool) -> None:
    from playwright.sync_api import sync_playwright

    executable, where = jlab.find_chromium()
    if executable is None:
        print(f"widgets: skipped, {where}; {jlab.INSTALL_HINT}")
        return
    base = Path(tempfile.mkdtemp(prefix="softmax-bench-"))
    server = jlab.start_server(base, nodelay=nodelay)
    rows = []
    try:
        with sync_playwright() as p:
            browser = jlab.launch_browser(p, executable, base / "chromium-home")
            try:
                for bench in WIDGETS:
                    name = f"bench_{bench.name}.ipynb"
                    jlab.write_notebook(server.notebook_dir / name, [bench.setup])
                    context = browser.new_context(viewport={"width": 1280, "height": 900})
                    page = jlab.NotebookPage(context.new_page(), server)
                    try:
                        page.open(name)
                        page.run_all()
                        page.assert_no_errors()
                        changed, framed = measure_widget(page, bench, samples)
                    finally:
                        context.close()
                        server.shutdown_kernels()
                    rows.append((bench.name, changed, framed))
            finally:
                browser.close()
    finally:
        server.cleanup()
    how = (
        "as `make lab` starts it (tools/jupyter_server_config.py: TCP_NODELAY)"
        if nodelay
        else "plain `jupyter lab` (Nagle's algorithm on the kernel websocket)"
    )
    print(f"\nWidget latency, key press -> visible change, {samples} presses each (ms)")
    print(f"server: {how}")
    print(f"Chromium: {where}; target: frame p95 <= {LATENCY_TARGET_MS:.0f} ms")
    header = f"{'widget':18s} {'median':>7s} {'p95':>7s} {'max':>7s} {'frame p50':>10s} "
    print(header + f"{'frame p95':>10s}  target")
    for name, changed, framed in rows:
        p95 = percentile(framed, 95)
        verdict = "ok" if p95 <= LATENCY_TARGET_MS else "MISSED"
        print(
            f"{name:18s} {statistics.median(changed):7.1f} {percentile(changed, 95):7.1f} "
            f"{max(changed):7.1f} {statistics.median(framed):10.1f} {p95:10.1f}  {verdict}"
        )


def _cells_seconds(nb) -> float:
    """First cell's execute_input to last cell's execute_reply (nbclient's timing metadata)."""
    starts, ends = [], []
    for cell in nb.cells:
        timing = cell.get("metadata", {}).get("execution", {})
        if "iopub.execute_input" in timing and "shell.execute_reply" in timing:
            starts.append(datetime.fromisoformat(timing["iopub.execute_input"].rstrip("Z")))
            ends.append(datetime.fromisoformat(timing["shell.execute_reply"].rstrip("Z")))
    if not starts:
        return float("nan")
    return (max(ends) - min(starts)).total_seconds()


def bench_notebooks(repeats: int) -> None:
    import nbformat
    from nbclient import NotebookClient

    paths = [
        p
        for p in sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
        if p.name[:2] in NOTEBOOK_TARGETS_S
    ]
    work = Path(tempfile.mkdtemp(prefix="softmax-bench-nb-"))
    saved = {k: os.environ.get(k) for k in ("JUPYTER_RUNTIME_DIR", "IPYTHONDIR", "MPLCONFIGDIR")}
    for key in saved:  # kernels' connection files and caches go to the temporary folder
        os.environ[key] = str(work / key.lower())
        Path(os.environ[key]).mkdir(parents=True, exist_ok=True)
    rows = []
    try:
        run_dir = work / "notebooks"
        shutil.copytree(ROOT / "notebooks", run_dir, ignore=shutil.ignore_patterns("src"))
        if (ROOT / "assets").is_dir():
            shutil.copytree(ROOT / "assets", work / "assets")
        for path in paths:
            totals, cells = [], []
            for _ in range(repeats):
                nb = nbformat.read(run_dir / path.name, as_version=4)
                client = NotebookClient(
                    nb,
                    timeout=120,
                    kernel_name="python3",
                    resources={"metadata": {"path": str(run_dir)}},
                    record_timing=True,
                )
                start = time.perf_counter()
                client.execute(stderr=subprocess.DEVNULL)  # the kernel's own log lines
                totals.append(time.perf_counter() - start)
                cells.append(_cells_seconds(nb))
            rows.append((path.name, statistics.median(cells), statistics.median(totals)))
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(work, ignore_errors=True)
    print(f"\nNotebooks run top to bottom with nbclient, fresh kernel, median of {repeats} (s)")
    print(f"{'notebook':36s} {'cells':>6s} {'total':>6s}  target (cells)")
    for name, cell_s, total_s in rows:
        target = NOTEBOOK_TARGETS_S[name[:2]]
        verdict = "ok" if cell_s < target else "MISSED"
        print(f"{name:36s} {cell_s:6.2f} {total_s:6.2f}  < {target:.0f} s {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=["all", "widgets", "notebooks"], default="all")
    parser.add_argument("--samples", type=int, default=25, help="key presses per widget (>= 20)")
    parser.add_argument("--repeats", type=int, default=3, help="runs per notebook (median)")
    parser.add_argument(
        "--server",
        choices=["both", "default", "nodelay"],
        default="both",
        help="widget part: plain jupyter lab (default), as `make lab` runs it (nodelay), or both",
    )
    args = parser.parse_args()
    if args.part in ("all", "notebooks"):
        bench_notebooks(args.repeats)  # first: the browser part would compete for the CPU
    if args.part in ("all", "widgets"):
        for nodelay in {"default": [False], "nodelay": [True], "both": [False, True]}[args.server]:
            bench_widgets(args.samples, nodelay)


if __name__ == "__main__":
    main()

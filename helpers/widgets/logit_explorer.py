"""LogitExplorer: move logits, temperature and a shift; watch softmax respond.

The centrepiece of 04_softmax.ipynb.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import ipywidgets as W
import numpy as np

from ..softmax import naive_softmax, softmax
from . import html
from ._base import Explorer, add_logit_sliders, float_slider, temperature_slider, toggle

DTYPES = ("float64", "float32", "float16")


def overflow_threshold(dtype: str) -> float:
    """The largest z with a finite exp(z) in this dtype: log(max float)."""
    return float(np.log(np.finfo(dtype).max))


def logit_state(
    logits: Sequence[float],
    temperature: float = 1.0,
    shift: float = 0.0,
    mode: str = "stable",
    dtype: str = "float64",
) -> dict[str, Any]:
    """The computation behind LogitExplorer (pure, no widgets).

    The logits seen by softmax are ``o + shift`` in ``dtype``, divided by ``temperature``.
    ``mode="stable"`` uses :func:`helpers.softmax` (subtract the max first); ``"naive"`` the
    textbook ``exp(z) / sum(exp(z))``, which overflows for large z. Returns plain floats:
    ``z`` (o + shift) / T, ``exp`` (the exponentials the chosen mode computes), ``y_hat``,
    ``total`` (sum of y_hat), ``argmax`` (None when y_hat has nan), ``overflow``, ``message``
    and ``mode``.
    """
    if mode not in ("stable", "naive"):
        raise ValueError(f"mode must be 'stable' or 'naive', got {mode!r}")
    if dtype not in DTYPES:
        raise ValueError(f"dtype must be one of {DTYPES}, got {dtype!r}")
    dt = np.dtype(dtype)
    with np.errstate(over="ignore"):  # float16: o + shift may itself overflow; shown as inf
        o = np.asarray(logits, dtype=np.float64).astype(dt) + dt.type(shift)
    finite_logits = bool(np.isfinite(o).all())
    with np.errstate(over="ignore", invalid="ignore"):
        z = o / dt.type(temperature)
        if mode == "naive" or not finite_logits:
            exps = np.exp(z)
            y_hat = (
                naive_softmax(o, temperature=temperature) if finite_logits else exps / exps.sum()
            )
        else:
            exps = np.exp(z - z.max())
            y_hat = softmax(o, temperature=temperature)
    overflow = bool(np.isinf(exps).any()) or not finite_logits
    limit = overflow_threshold(dtype)
    if not finite_logits:
        message = (
            f"o + shift does not fit in {dtype} (largest {np.finfo(dtype).max:.5g}): "
            "the logits themselves overflowed"
        )
    elif mode == "naive" and overflow:
        message = (
            f"exp(z) overflowed to inf in {dtype} (any z above {limit:.2f} does), and "
            "inf / inf = nan. Subtract max(z) before exp: switch to stable."
        )
    elif mode == "naive":
        message = (
            f"naive: exp(z) / sum exp(z). Fine while every z ≤ {limit:.2f} in {dtype}; "
            "try a large shift."
        )
    else:
        message = (
            f"stable: exp(z − max z) / sum exp(z − max z); max z = {float(z.max()):.4g}, "
            "so the largest exponential is exp(0) = 1 and nothing overflows."
        )
    argmax = int(np.argmax(y_hat)) if np.isfinite(y_hat).all() else None
    return {
        "z": [float(v) for v in z],
        "exp": [float(v) for v in exps],
        "y_hat": [float(v) for v in y_hat],
        "total": float(np.sum(y_hat.astype(np.float64))),
        "argmax": argmax,
        "overflow": overflow,
        "message": message,
        "mode": mode,
    }


class LogitExplorer(Explorer):
    """Sliders for the logits o_1..o_q, a temperature, a shift, naive/stable and a dtype.

    ``LogitExplorer()`` shows the note's three classes; ``LogitExplorer(num_logits=5)`` or
    ``LogitExplorer(logits=[...], class_names=[...])`` up to 10. Drive it from Python with
    ``explorer.set(o1=3.0, temperature=0.5, mode="naive")``; read ``explorer.state``.

    Introduced in 04_softmax.ipynb.
    """

    css_class = "sm-logit-explorer"

    def __init__(
        self,
        logits: Sequence[float] | None = None,
        class_names: Sequence[str] | None = None,
        num_logits: int | None = None,
        logit_range: float = 20.0,
    ) -> None:
        super().__init__()
        if num_logits is not None and not 1 <= num_logits <= 10:
            raise ValueError(f"LogitExplorer shows 1 to 10 logits, got num_logits={num_logits}")
        if logits is None:
            q = 3 if num_logits is None else num_logits
            logits = [2.0, 1.0, 0.1, -1.0, 0.5, -0.5, 1.5, -1.5, 0.0, 3.0][:q]
        self.class_names = add_logit_sliders(
            self, logits, class_names, widget="LogitExplorer", lo=1, hi=10, logit_range=logit_range
        )
        q = len(self.class_names)
        self.controls["temperature"] = temperature_slider()
        self.controls["shift"] = float_slider(
            "shift c", 0.0, -1000.0, 1000.0, 1.0, fmt=".0f", css="sm-slider-shift"
        )
        mode_row = toggle("softmax", ["stable", "naive"], "stable", "sm-toggle-mode")
        dtype_row = toggle("dtype", list(DTYPES), "float64", "sm-toggle-dtype")
        self.controls["mode"], self.controls["dtype"] = mode_row.buttons, dtype_row.buttons
        self.bars = W.HTML()
        self.details = W.HTML()
        self.bars.add_class("sm-view-bars")
        self.details.add_class("sm-view-details")
        sliders = [self.controls[f"o{j + 1}"] for j in range(q)]
        self._wire(
            [
                W.HTML("<b>Logits o</b> (drag, use ← →, or click the number and type)"),
                *sliders,
                self.controls["temperature"],
                self.controls["shift"],
                mode_row,
                dtype_row,
                W.HTML("<b>Probabilities ŷ = softmax((o + c) / T)</b>"),
                self.bars,
                self.details,
            ]
        )

    @property
    def logits(self) -> list[float]:
        return [self.controls[f"o{j + 1}"].value for j in range(len(self.class_names))]

    def compute(self, temperature, shift, mode, dtype, **logit_values) -> dict[str, Any]:
        logits = [logit_values[f"o{j + 1}"] for j in range(len(self.class_names))]
        return logit_state(logits, temperature, shift, mode, dtype)

    def render(self, state) -> None:
        self.bars.value = html.bar_chart(
            self.class_names, state["y_hat"], kind="prob", highlight=state["argmax"]
        )
        exps = ", ".join(
            html.value_span(html.number(v, "{:.4g}"), "exp", j) for j, v in enumerate(state["exp"])
        )
        zs = ", ".join(
            html.value_span(html.number(v, "{:.4g}"), "z", j) for j, v in enumerate(state["z"])
        )
        winner = "—" if state["argmax"] is None else self.class_names[state["argmax"]]
        level = "error" if state["overflow"] else "ok"
        self.details.value = (
            f"<div>z = (o + c) / T = [{zs}]</div>"
            f"<div>exp(z{' − max z' if state['mode'] == 'stable' else ''}) = [{exps}]</div>"
            f"<div>Σ ŷ = {html.value_span(html.number(state['total']), 'sum')} · "
            f"argmax ŷ = {html.value_span(winner, 'argmax')}</div>"
            + html.note(state["message"], level)
        )

    def summary(self) -> str:
        s = self.state
        probs = ", ".join(html.number(p) for p in s["y_hat"])
        return (
            f"LogitExplorer: o = {self.logits}, ŷ = [{probs}] "
            "(interactive: run this notebook in JupyterLab to move the sliders)"
        )

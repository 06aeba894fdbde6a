"""LossExplorer: choose the true class, move the logits, watch ŷ, the loss and its terms.

The widget of 06_loss_and_likelihood.ipynb. The cross-entropy loss (交叉熵损失)
``l(y, ŷ) = −Σ_j y_j log ŷ_j`` is shown term by term: with a one-hot y only the true
class's term survives. A small inline SVG (a string, redrawn in place, no matplotlib) shows
where the loss sits on the curve −log p, p being the probability of the true class.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as W
import numpy as np

from .._checks import as_float_array, as_labels, check_temperature
from ..encoding import one_hot
from ..loss import cross_entropy
from ..softmax import log_softmax, logsumexp, softmax
from . import html
from ._base import Explorer, add_logit_sliders, temperature_slider, toggle

LOSS_MAX = 5.0  # the curve's vertical range: −log p for p from e^-5 ≈ 0.0067 to 1

# SVG geometry (pixels)
SVG_W, SVG_H = 340, 210
LEFT, RIGHT, TOP, BOTTOM = 46, 14, 12, 40


def loss_state(logits: Sequence[float], y: int, temperature: float = 1.0) -> dict[str, Any]:
    """The computation behind LossExplorer (pure, no widgets).

    The model's logits are divided by the temperature, ``z = o / T``; then
    ``ŷ = softmax(z)``, ``log ŷ = log_softmax(z)`` (never log of a rounded probability), the
    one-hot target ``y_onehot``, the terms ``−y_j log ŷ_j`` and their sum, the ``loss``
    (computed independently by :func:`helpers.cross_entropy` from z, one example, so "mean"
    and "sum" agree). Also ``p_true`` = ŷ_y, ``lse`` = logsumexp(z) and ``z_true`` = z_y
    (loss = lse − z_y), and ``uniform_loss`` = log q. Plain floats and lists.
    """
    o = as_float_array(logits, "logits").astype(np.float64)
    if o.ndim != 1:
        raise ValueError(f"logits must be one example's q logits, shape (q,); got {o.shape}")
    q = o.shape[0]
    T = check_temperature(temperature)
    label = int(as_labels([y], q, "y")[0])
    z = o / T
    y_hat = softmax(z)
    log_y_hat = log_softmax(z)
    Y = one_hot(label, q)
    # −y_j log ŷ_j; the zero terms are written as 0 (+ 0.0 turns −0.0 into 0.0)
    terms = -(Y * log_y_hat) + 0.0
    loss = cross_entropy(z[None, :], [label], reduction="mean")
    return {
        "z": [float(v) for v in z],
        "y_hat": [float(v) for v in y_hat],
        "log_y_hat": [float(v) for v in log_y_hat],
        "y_onehot": [float(v) for v in Y],
        "terms": [float(v) for v in terms],
        "term_sum": float(terms.sum()),
        "loss": float(loss),
        "y": label,
        "p_true": float(y_hat[label]),
        "lse": float(logsumexp(z)),
        "z_true": float(z[label]),
        "uniform_loss": float(np.log(q)),
        "temperature": T,
    }


# -- view ---------------------------------------------------------------------------------
def _px(p: float, loss: float) -> tuple[float, float]:
    """Data (p in [0, 1], loss in [0, LOSS_MAX]) to SVG pixels."""
    x = LEFT + p * (SVG_W - LEFT - RIGHT)
    y = TOP + (1 - loss / LOSS_MAX) * (SVG_H - TOP - BOTTOM)
    return x, y


def curve_points(num: int = 60) -> list[tuple[float, float]]:
    """Points (p, −log p) of the curve, evenly spaced in the loss so the steep end is smooth."""
    return [(math.exp(-lv), lv) for lv in np.linspace(LOSS_MAX, 0.0, num).tolist()]


def loss_curve_svg(p_true: float, loss: float, uniform_loss: float | None = None) -> str:
    """An inline SVG of the curve loss = −log p with a dot at (p_true, loss).

    A loss above the drawn range puts the dot on the top edge with an arrow and the value.
    ``uniform_loss`` (log q) adds a dashed guide at p = 1/q. Deterministic text: the same
    inputs give the same string.
    """
    pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in (_px(p, lv) for p, lv in curve_points()))
    x0, y0 = _px(0.0, 0.0)
    x1, _ = _px(1.0, 0.0)
    _, ytop = _px(0.0, LOSS_MAX)
    parts = [
        f'<svg class="sm-loss-curve" xmlns="http://www.w3.org/2000/svg" width="{SVG_W}" '
        f'height="{SVG_H}" viewBox="0 0 {SVG_W} {SVG_H}" '
        'style="font-family:sans-serif;font-size:11px">',
        f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y0:.1f}" stroke="{html.GREY}"/>',
        f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x0:.1f}" y2="{ytop:.1f}" stroke="{html.GREY}"/>',
    ]
    for p in (0.0, 0.25, 0.5, 0.75, 1.0):
        x, _ = _px(p, 0.0)
        parts.append(
            f'<line x1="{x:.1f}" y1="{y0:.1f}" x2="{x:.1f}" y2="{y0 + 4:.1f}" '
            f'stroke="{html.GREY}"/><text x="{x:.1f}" y="{y0 + 15:.1f}" text-anchor="middle" '
            f'fill="currentColor">{p:g}</text>'
        )
    for lv in range(int(LOSS_MAX) + 1):
        _, y = _px(0.0, lv)
        parts.append(
            f'<line x1="{x0 - 4:.1f}" y1="{y:.1f}" x2="{x0:.1f}" y2="{y:.1f}" '
            f'stroke="{html.GREY}"/><text x="{x0 - 7:.1f}" y="{y + 4:.1f}" text-anchor="end" '
            f'fill="currentColor">{lv}</text>'
        )
    parts.append(
        f'<text x="{(x0 + x1) / 2:.1f}" y="{SVG_H - 6}" text-anchor="middle" '
        'fill="currentColor">p = ŷ of the true class</text>'
        f'<text x="12" y="{(y0 + ytop) / 2:.1f}" text-anchor="middle" fill="currentColor" '
        f'transform="rotate(-90 12 {(y0 + ytop) / 2:.1f})">loss = −log p</text>'
    )
    if uniform_loss is not None and uniform_loss > 0:
        ux, uy = _px(math.exp(-uniform_loss), uniform_loss)
        parts.append(
            f'<g class="sm-uniform-guide" stroke="{html.GREY}" stroke-dasharray="3,3">'
            f'<line x1="{ux:.1f}" y1="{y0:.1f}" x2="{ux:.1f}" y2="{uy:.1f}"/>'
            f'<line x1="{x0:.1f}" y1="{uy:.1f}" x2="{ux:.1f}" y2="{uy:.1f}"/></g>'
            f'<text x="{ux + 4:.1f}" y="{uy - 4:.1f}" fill="{html.GREY}">'
            f"uniform: log q = {uniform_loss:.3f}</text>"
        )
    parts.append(
        f'<polyline class="sm-curve" points="{pts}" fill="none" stroke="{html.BLUE}" '
        'stroke-width="2"/>'
    )
    off_chart = loss > LOSS_MAX
    cx, cy = _px(p_true, min(loss, LOSS_MAX))
    color = html.RED if off_chart else html.ORANGE
    parts.append(
        f'<circle class="sm-loss-dot" data-p="{p_true:.6g}" data-loss="{loss:.6g}" '
        f'cx="{cx:.1f}" cy="{cy:.1f}" r="6" fill="{color}" stroke="white" stroke-width="1.5"/>'
    )
    if off_chart:
        parts.append(
            f'<text class="sm-off-chart" x="{cx + 10:.1f}" y="{cy + 10:.1f}" fill="{html.RED}">'
            f"↑ off the chart: loss = {loss:.4g}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


class LossExplorer(Explorer):
    """Sliders for the logits o1..oq, the true class y (buttons) and a temperature T.

    Shows ŷ = softmax(o / T) as bars (the true class marked), each term −y_j log ŷ_j of the
    cross-entropy sum, the loss, and the dot on the −log p curve. Drive it from Python with
    ``explorer.set(o1=3.0, y=2, temperature=0.5)``; ``explorer.state`` holds the numbers.

    Introduced in 06_loss_and_likelihood.ipynb.
    """

    css_class = "sm-loss-explorer"

    def __init__(
        self,
        logits: Sequence[float] = (2.0, 1.0, -1.0),
        y: int = 0,
        class_names: Sequence[str] | None = None,
        logit_range: float = 10.0,
    ) -> None:
        super().__init__()
        self.class_names = add_logit_sliders(
            self, logits, class_names, widget="LossExplorer", lo=2, hi=10, logit_range=logit_range
        )
        q = len(self.class_names)
        as_labels([y], q, "y")
        y_row = toggle(
            "true class y", [(n, j) for j, n in enumerate(self.class_names)], int(y), "sm-toggle-y"
        )
        self.controls["y"] = y_row.buttons
        self.controls["temperature"] = temperature_slider()
        self.bars = W.HTML()
        self.terms = W.HTML()
        self.curve = W.HTML()
        for view, name in [(self.bars, "bars"), (self.terms, "terms"), (self.curve, "curve")]:
            view.add_class(f"sm-view-{name}")
        sliders = [self.controls[f"o{j + 1}"] for j in range(q)]
        self._wire(
            [
                W.HTML("<b>Logits o</b> and the true class y"),
                *sliders,
                self.controls["temperature"],
                y_row,
                W.HTML("<b>ŷ = softmax(o / T)</b> (◀ marks the true class)"),
                self.bars,
                W.HBox([self.terms, self.curve]),
            ]
        )

    @property
    def logits(self) -> list[float]:
        return [self.controls[f"o{j + 1}"].value for j in range(len(self.class_names))]

    def compute(self, y, temperature, **logit_values) -> dict[str, Any]:
        logits = [logit_values[f"o{j + 1}"] for j in range(len(self.class_names))]
        return loss_state(logits, y, temperature)

    def render(self, state) -> None:
        colors = [html.GREEN if j == state["y"] else html.BLUE for j in range(len(state["y_hat"]))]
        self.bars.value = html.bar_chart(
            self.class_names,
            state["y_hat"],
            kind="prob",
            fmt="{:.4g}",
            highlight=state["y"],
            colors=colors,
        )
        rows = []
        for j, name in enumerate(self.class_names):
            yj = int(state["y_onehot"][j])
            rows.append(
                [
                    escape(name),
                    str(yj),
                    html.number(state["log_y_hat"][j], "{:.4g}"),
                    html.value_span(
                        html.number(state["terms"][j], "{:.4g}"),
                        "term",
                        j,
                        html.TEXT if yj else html.GREY,
                    ),
                ]
            )
        rows.append(
            [
                "<b>sum</b>",
                "",
                "",
                "<b>" + html.value_span(html.number(state["loss"], "{:.4g}"), "loss") + "</b>",
            ]
        )
        name = escape(self.class_names[state["y"]])
        lse, z_true = html.number(state["lse"], "{:.4g}"), html.number(state["z_true"], "{:.4g}")
        self.terms.value = (
            '<div class="sm-terms-box" style="width:400px;margin-right:12px">'
            "<div><b>l(y, ŷ) = −Σ<sub>j</sub> y<sub>j</sub> log ŷ<sub>j</sub></b></div>"
            + html.table(["class j", "y_j", "log ŷ_j", "−y_j log ŷ_j"], rows, css="sm-terms")
            + html.note(
                f"Only the true class ({name}) has y_j = 1, so only its term survives: "
                f"loss = −log ŷ_{name} = −log "
                f"{html.value_span(html.number(state['p_true'], '{:.4g}'), 'p-true')}.",
                "info",
            )
            + html.note(
                "From the logits, as helpers.cross_entropy computes it: logsumexp(z) − z_y = "
                f"{lse} − ({z_true}) = {html.number(state['lse'] - state['z_true'], '{:.4g}')}",
                "info",
                css="sm-note sm-from-logits",
            )
            + "</div>"
        )
        self.curve.value = loss_curve_svg(state["p_true"], state["loss"], state["uniform_loss"])

    def summary(self) -> str:
        s = self.state
        probs = ", ".join(html.number(p) for p in s["y_hat"])
        return (
            f"LossExplorer: o = {self.logits}, y = {self.class_names[s['y']]}, "
            f"ŷ = [{probs}], loss = {html.number(s['loss'], '{:.4f}')} "
            "(interactive: run this notebook in JupyterLab to move the sliders)"
        )

"""GradientExplorer: move the logits, pick the true class, watch the gradient and the Jacobian.

The widget of 07_softmax_derivatives.ipynb. For one example with logits o and a one-hot
label y, the gradient of the cross-entropy loss with respect to the logits o is
``∂l/∂o_j = softmax(o)_j − y_j`` (prediction minus truth), drawn as bars around zero; the
softmax Jacobian (雅可比矩阵) ``∂ŷ_i/∂o_j = diag(ŷ) − ŷŷᵀ`` is drawn as a heatmap table
generated as an HTML string (no matplotlib), with its row sums, which are always 0.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as W
import numpy as np

from .._checks import as_float_array, as_labels
from ..derivatives import softmax_jacobian
from ..encoding import one_hot
from ..loss import cross_entropy, cross_entropy_grad
from ..softmax import softmax
from . import html
from ._base import Explorer, add_logit_sliders, toggle

JAC_SCALE = 0.25  # |∂ŷ_i/∂o_j| <= 1/4 always: p(1 − p) <= 1/4 and p_i p_j <= 1/4


def shown(value: float, fmt: str = "{:+.3f}") -> str:
    """How the widget prints a number; one that rounds to zero prints as +0.000, not −0.000."""
    text = html.number(value, fmt)
    if np.isfinite(value) and float(text) == 0.0:
        text = html.number(0.0, fmt)
    return text


def gradient_state(logits: Sequence[float], y: int) -> dict[str, Any]:
    """The computation behind GradientExplorer (pure, no widgets).

    For one example's logits ``o`` (shape (q,)) and true class ``y``: ``y_hat`` =
    softmax(o), ``y_onehot``, ``grad`` = ∂l/∂o computed by :func:`helpers.cross_entropy_grad`
    (equal to ŷ − y), ``jac`` = the softmax Jacobian ∂ŷ_i/∂o_j from
    :func:`helpers.softmax_jacobian` as a list of rows (it is also the Hessian of l in o),
    ``jac_row_sums`` = J·1 (zero: the ones vector is in its null space), ``hess_diag`` =
    ŷ_j(1 − ŷ_j), ``grad_sum`` (zero), ``loss`` and ``y``. Plain floats and lists.
    """
    o = as_float_array(logits, "logits").astype(np.float64)
    if o.ndim != 1:
        raise ValueError(f"logits must be one example's q logits, shape (q,); got {o.shape}")
    q = o.shape[0]
    label = int(as_labels([y], q, "y")[0])
    y_hat = softmax(o)
    Y = one_hot(label, q)
    grad = cross_entropy_grad(o[None, :], [label])[0]  # one example: mean = the loss itself
    J = softmax_jacobian(o)
    return {
        "y_hat": [float(v) for v in y_hat],
        "y_onehot": [float(v) for v in Y],
        "grad": [float(v) for v in grad],
        "jac": [[float(v) for v in row] for row in J],
        "jac_row_sums": [float(v) for v in J @ np.ones(q)],
        "hess_diag": [float(v) for v in y_hat * (1 - y_hat)],
        "grad_sum": float(grad.sum()),
        "loss": float(cross_entropy(o[None, :], [label])),
        "y": label,
    }


# -- view -----------------------------------------------------------------------------------
def heat_color(value: float, scale: float = JAC_SCALE) -> str:
    """A diverging cell colour: blue for positive, red for negative, clear at 0 (rgba)."""
    a = min(abs(value) / scale, 1.0) * 0.85
    rgb = "31,119,180" if value >= 0 else "214,39,40"
    return f"rgba({rgb},{a:.3f})"


def jacobian_table(jac: Sequence[Sequence[float]], names: Sequence[str]) -> str:
    """The Jacobian as an HTML heatmap table: cell (i, j) is ∂ŷ_i/∂o_j, plus row sums.

    Each cell holds ``value_span(kind="jac", index=i*q+j)``; the row sums are kind
    ``"jac-rowsum"`` (index i). Deterministic text: the same numbers give the same string.
    """
    q = len(names)
    head = "".join(
        f'<th style="padding:3px 6px">o<sub>{j + 1}</sub> ({escape(n)})</th>'
        for j, n in enumerate(names)
    )
    rows = []
    for i, name in enumerate(names):
        cells = "".join(
            f'<td style="padding:4px 8px;text-align:right;background:{heat_color(v)};'
            f'border:1px solid {html.TRACK}">'
            f"{html.value_span(shown(v), 'jac', i * q + j)}</td>"
            for j, v in enumerate(jac[i])
        )
        total = sum(jac[i])
        rows.append(
            f'<tr><th style="padding:3px 6px;text-align:right">ŷ<sub>{i + 1}</sub> '
            f"({escape(name)})</th>{cells}"
            f'<td style="padding:4px 8px;text-align:right;color:{html.MUTED}">'
            f"{html.value_span(shown(total), 'jac-rowsum', i, html.MUTED)}</td></tr>"
        )
    legend = (
        f'<div style="display:flex;align-items:center;gap:6px;margin-top:4px;color:{html.MUTED};'
        'font-size:11px">−0.25<div style="width:120px;height:10px;background:'
        f"linear-gradient(90deg,{heat_color(-JAC_SCALE)},rgba(0,0,0,0),"
        f'{heat_color(JAC_SCALE)})"></div>+0.25</div>'
    )
    return (
        f'<table class="sm-jacobian" style="border-collapse:collapse;color:{html.TEXT};'
        f'font-family:{html.FONT}"><thead><tr><th style="padding:3px 6px">∂ŷ<sub>i</sub>/∂o'
        f"<sub>j</sub></th>{head}"
        '<th style="padding:3px 6px">row sum (J·1)</th></tr></thead>'
        f"<tbody>{''.join(rows)}</tbody></table>{legend}"
    )


class GradientExplorer(Explorer):
    """Sliders for the logits o1..oq and buttons for the true class y.

    Shows the gradient of the loss with respect to the logits, ∂l/∂o = ŷ − y, as bars around
    zero (kind ``"grad"``, index j) and the softmax Jacobian ∂ŷ_i/∂o_j as a heatmap (kind
    ``"jac"``, index i*q + j) with its zero row sums. Drive it from Python with
    ``explorer.set(o1=3.0, y=2)``; ``explorer.state`` holds the numbers shown.

    Introduced in 07_softmax_derivatives.ipynb.
    """

    css_class = "sm-gradient-explorer"

    def __init__(
        self,
        logits: Sequence[float] = (2.0, 1.0, -1.0),
        y: int = 1,
        class_names: Sequence[str] | None = None,
        logit_range: float = 10.0,
    ) -> None:
        super().__init__()
        self.class_names = add_logit_sliders(
            self,
            logits,
            class_names,
            widget="GradientExplorer",
            lo=2,
            hi=6,
            logit_range=logit_range,
        )
        q = len(self.class_names)
        as_labels([y], q, "y")
        y_row = toggle(
            "true class y", [(n, j) for j, n in enumerate(self.class_names)], int(y), "sm-toggle-y"
        )
        self.controls["y"] = y_row.buttons
        self.bars = W.HTML()
        self.details = W.HTML()
        self.jacobian = W.HTML()
        for view, name in [(self.bars, "grad"), (self.details, "details"), (self.jacobian, "jac")]:
            view.add_class(f"sm-view-{name}")
        sliders = [self.controls[f"o{j + 1}"] for j in range(q)]
        self._wire(
            [
                W.HTML("<b>Logits o</b> and the true class y"),
                *sliders,
                y_row,
                W.HTML(
                    "<b>Gradient with respect to the logits: ∂l/∂o<sub>j</sub> = ŷ<sub>j</sub> − "
                    "y<sub>j</sub></b> (prediction minus truth; ◀ marks the true class)"
                ),
                self.bars,
                self.details,
                W.HTML(
                    "<b>Softmax Jacobian ∂ŷ<sub>i</sub>/∂o<sub>j</sub> = diag(ŷ) − ŷŷᵀ</b> "
                    "(also the Hessian of l in o)"
                ),
                self.jacobian,
            ]
        )

    @property
    def logits(self) -> list[float]:
        return [self.controls[f"o{j + 1}"].value for j in range(len(self.class_names))]

    def compute(self, y, **logit_values) -> dict[str, Any]:
        logits = [logit_values[f"o{j + 1}"] for j in range(len(self.class_names))]
        return gradient_state(logits, y)

    def render(self, state) -> None:
        label = state["y"]
        colors = [html.GREEN if g < 0 else html.ORANGE for g in state["grad"]]
        self.bars.value = html.bar_chart(
            self.class_names,
            [float(shown(g)) for g in state["grad"]],  # as printed: −1e-9 shows as +0.000
            kind="grad",
            lo=-1.0,
            hi=1.0,
            fmt="{:+.3f}",
            highlight=label,
            colors=colors,
        )
        q = len(self.class_names)
        y_hat = ", ".join(
            html.value_span(shown(v, "{:.3f}"), "y-hat", j) for j, v in enumerate(state["y_hat"])
        )
        onehot = ", ".join(
            html.value_span(f"{v:.0f}", "y-onehot", j) for j, v in enumerate(state["y_onehot"])
        )
        self.details.value = (
            f"<div>ŷ = softmax(o) = [{y_hat}] · y = [{onehot}]</div>"
            f"<div>Σ<sub>j</sub> ∂l/∂o<sub>j</sub> = "
            f"{html.value_span(shown(state['grad_sum']), 'grad-sum')} (always 0: Σŷ = Σy = 1)"
            f" · loss l = −log ŷ<sub>{label + 1}</sub> = "
            f"{html.value_span(shown(state['loss'], '{:.4f}'), 'loss')}</div>"
            + html.note(
                "Gradient descent moves o by −lr·(ŷ − y): a green (negative) bar means the "
                f"step raises that logit (only the true class, {escape(self.class_names[label])}"
                f"), an orange (positive) bar lowers it (the other {q - 1}, each by the "
                "probability it wrongly holds).",
                "info",
            )
        )
        self.jacobian.value = jacobian_table(state["jac"], self.class_names)

    def summary(self) -> str:
        s = self.state
        grad = ", ".join(shown(g) for g in s["grad"])
        return (
            f"GradientExplorer: o = {self.logits}, y = {self.class_names[s['y']]}, "
            f"∂l/∂o = ŷ − y = [{grad}] "
            "(interactive: run this notebook in JupyterLab to move the sliders)"
        )

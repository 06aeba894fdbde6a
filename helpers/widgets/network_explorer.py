"""NetworkExplorer: move the inputs and one class's weights, watch the logits and edges change.

The widget of 03_network_architecture.ipynb. Three layers, as in ``_base.py``:

1. :func:`network_state`, the computation ``o = xW + b`` (pure, tested on its own);
2. :func:`network_svg` and the HTML builders, the view (an SVG drawing generated as a string,
   so an update is one string sent to the browser, no matplotlib re-draw);
3. :class:`NetworkExplorer`, the wiring.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as widgets
import numpy as np

from .._checks import as_float_array
from . import html
from ._base import DEFAULT_NAMES, Explorer, float_slider, toggle

CLASS_COLORS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b")
POSITIVE, NEGATIVE, NEUTRAL = html.BLUE, html.RED, "#888888"
#: hand-made weights for the running example (column j = class j): +2 on the pixel that is
#: bright only in class j's picture, -1 on the other classes' pixels, 0.5 on x1 (bright in all)
DEFAULT_W = np.array(
    [
        [0.5, 0.5, 0.5],
        [2.0, -1.0, -1.0],
        [-1.0, -1.0, 2.0],
        [-1.0, 2.0, -1.0],
    ]
)
DEFAULT_X = np.array([0.9, 0.7, 0.3, 0.1])
LOGIT_AXIS = 6.0  # the logit bars span [-6, 6]; larger logits fill the bar, the number is exact


def _check_params(x, W, b) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """x (d,), W (d, q), b (q,) as float64 arrays, or a ValueError that says what to fix."""
    x = as_float_array(x, "x").astype(np.float64)
    W = as_float_array(W, "W").astype(np.float64)
    b = as_float_array(b, "b").astype(np.float64)
    if x.ndim != 1:
        raise ValueError(f"x must be one example of shape (d,), got shape {x.shape}")
    if W.ndim != 2:
        raise ValueError(f"W must have shape (d, q), got shape {W.shape}")
    d, q = W.shape
    if x.shape[0] != d:
        flip = (
            "; it looks like the note's (q, d) matrix of o = Wx + b: pass W.T"
            if W.shape[1] == x.shape[0]
            else ""
        )
        raise ValueError(
            f"x has {x.shape[0]} entries but W has shape {W.shape}; W must be (d, q) with "
            f"d = len(x) rows, column j holding class j's weights{flip}"
        )
    if b.shape != (q,):
        raise ValueError(f"b has shape {b.shape} but W has q = {q} columns; pass b of shape ({q},)")
    return x, W, b


def network_state(x, W, b, cls: int = 0) -> dict[str, Any]:
    """The computation behind NetworkExplorer (pure, no widgets).

    ``o = xW + b`` for one example: x (d,), W (d, q) with column j holding class j's weights,
    b (q,). Returns plain floats and lists: ``o`` (q,) the logits, ``terms`` (d,) the products
    ``x_k * W[k, cls]`` that make up the chosen class's logit (so
    ``o[cls] == sum(terms) + b[cls]``), ``cls``, ``argmax`` (the class with the largest logit,
    the first on ties), and copies of ``x``, ``W`` (nested lists, W[k][j]) and ``b``.
    """
    x, W, b = _check_params(x, W, b)
    q = W.shape[1]
    if isinstance(cls, bool) or not isinstance(cls, (int, np.integer)) or not 0 <= cls < q:
        raise ValueError(f"cls must be a class index 0..{q - 1}, got {cls!r}")
    o = x @ W + b
    return {
        "x": [float(v) for v in x],
        "W": [[float(v) for v in row] for row in W],
        "b": [float(v) for v in b],
        "o": [float(v) for v in o],
        "terms": [float(v) for v in x * W[:, cls]],
        "cls": int(cls),
        "argmax": int(np.argmax(o)),
    }


def _num(value: float, fmt: str = "{:.2f}") -> str:
    """Format a number, never as '-0.00'."""
    text = html.number(value, fmt)
    if text.startswith("-") and float(text) == 0:
        text = text[1:]
    return text


def _bracket(text: str, value: float) -> str:
    """Put a negative number in brackets, so a sum reads '+ (-2.0)', not '+ -2.0'."""
    return f"({text})" if value < 0 and _num(value, "{:.3f}").startswith("-") else text


def _edge_width(w: float, scale: float) -> float:
    return 0.6 + 5.4 * min(abs(w) / scale, 1.0)


def _edge_color(w: float) -> str:
    return POSITIVE if w > 0 else NEGATIVE if w < 0 else NEUTRAL


def network_svg(
    state: dict[str, Any],
    class_names: Sequence[str] = DEFAULT_NAMES,
    weight_scale: float = 3.0,
) -> str:
    """The network diagram as an SVG string, from a :func:`network_state` dict.

    Input nodes are shaded like pixels (0 black, 1 white) and show x_k; output nodes show
    o_j. Each edge is a ``<line class="sm-edge">`` with ``data-from`` (k), ``data-to`` (j) and
    ``data-weight``; its width grows with |w| (full width at ``weight_scale``), blue for a
    positive weight, red for a negative one. The chosen class's edges are drawn on top and
    labelled with their weights; the other classes' edges are faded.
    """
    x, W, b, o, cls = state["x"], state["W"], state["b"], state["o"], state["cls"]
    d, q = len(x), len(b)
    gap, r, top = 64, 22, 34
    height = top * 2 + gap * (max(d, q) - 1)
    x_in, x_out, width = 92, 362, 560

    def ys(count: int) -> list[float]:
        span = gap * (max(d, q) - 1)
        if count == 1:
            return [top + span / 2]
        return [top + span * i / (count - 1) for i in range(count)]

    y_in, y_out = ys(d), ys(q)
    text_style = (
        "fill:var(--jp-ui-font-color1,#222);font-family:var(--jp-ui-font-family,sans-serif)"
    )
    parts = [
        f'<svg class="sm-network-svg" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="network diagram: {d} inputs fully connected to {q} outputs">'
    ]
    order = [j for j in range(q) if j != cls] + [cls]  # the chosen class on top
    labels = []
    for j in order:
        chosen = j == cls
        for k in range(d):
            w = W[k][j]
            dx, dy = x_out - x_in, y_out[j] - y_in[k]
            length = (dx * dx + dy * dy) ** 0.5
            ux, uy = dx / length, dy / length
            parts.append(
                f'<line class="sm-edge{" sm-edge-chosen" if chosen else ""}" '
                f'data-from="{k}" data-to="{j}" data-weight="{_num(w, "{:.3f}")}" '
                f'x1="{x_in + r * ux:.1f}" y1="{y_in[k] + r * uy:.1f}" '
                f'x2="{x_out - r * ux:.1f}" y2="{y_out[j] - r * uy:.1f}" '
                f'stroke="{_edge_color(w)}" stroke-width="{_edge_width(w, weight_scale):.2f}" '
                f'stroke-opacity="{0.95 if chosen else 0.2}"/>'
            )
            if chosen:
                t = 0.72
                lx, ly = x_in + t * dx, y_in[k] + t * dy
                text = _num(w)
                half = 3.6 * len(text) + 4
                labels.append(
                    f'<rect x="{lx - half:.1f}" y="{ly - 8:.1f}" width="{2 * half:.1f}" '
                    f'height="16" rx="3" style="fill:var(--jp-layout-color0,#fff);'
                    f'fill-opacity:0.9"/>'
                    f'<text class="sm-edge-label" data-from="{k}" x="{lx:.1f}" y="{ly + 4:.1f}" '
                    f'text-anchor="middle" font-size="12" style="fill:{_edge_color(w)};'
                    f'font-family:var(--jp-code-font-family,monospace)">{escape(text)}</text>'
                )
    parts.extend(labels)
    for k in range(d):
        shade = min(max(x[k], 0.0), 1.0)
        grey = round(255 * shade)
        ink = "#fff" if shade < 0.5 else "#000"
        parts.append(
            f'<circle class="sm-node sm-node-input" data-index="{k}" cx="{x_in}" '
            f'cy="{y_in[k]:.1f}" r="{r}" fill="rgb({grey},{grey},{grey})" stroke="#444" '
            f'stroke-width="1.5"/>'
            f'<text x="{x_in}" y="{y_in[k] + 5:.1f}" text-anchor="middle" font-size="14" '
            f'fill="{ink}" font-style="italic" font-family="serif">x{k + 1}</text>'
            f'<text class="sm-svg-x" data-index="{k}" x="{x_in - r - 8}" y="{y_in[k] + 5:.1f}" '
            f'text-anchor="end" font-size="13" style="{text_style}">{_num(x[k])}</text>'
        )
    for j in range(q):
        color = CLASS_COLORS[j % len(CLASS_COLORS)]
        chosen = j == cls
        name = escape(class_names[j])
        winner = " ◀ largest" if j == state["argmax"] else ""
        parts.append(
            f'<circle class="sm-node sm-node-output" data-index="{j}" cx="{x_out}" '
            f'cy="{y_out[j]:.1f}" r="{r}" style="fill:var(--jp-layout-color0,#fff)" '
            f'stroke="{color}" stroke-width="{4 if chosen else 2}"/>'
            f'<text x="{x_out}" y="{y_out[j] + 5:.1f}" text-anchor="middle" font-size="14" '
            f'font-style="italic" font-family="serif" style="fill:var(--jp-ui-font-color1,#222)">'
            f"o{j + 1}</text>"
            f'<text class="sm-svg-logit" data-index="{j}" x="{x_out + r + 10}" '
            f'y="{y_out[j] - 3:.1f}" font-size="13" font-weight="{"bold" if chosen else "normal"}" '
            f'style="fill:{color};font-family:var(--jp-code-font-family,monospace)">'
            f"o{j + 1} = {_num(o[j], '{:.3f}')}{winner}</text>"
            f'<text x="{x_out + r + 10}" y="{y_out[j] + 13:.1f}" font-size="12" '
            f'style="{text_style}">{name} · b{j + 1} = {_num(b[j])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)


def equation_html(state: dict[str, Any], class_names: Sequence[str] = DEFAULT_NAMES) -> str:
    """The chosen class's logit written out: o_j = x1 w_j1 + ... + b_j, symbols then numbers.

    The products x_k w_jk sit in ``value_span(kind="term", index=k)``, the bias in
    ``kind="bias"`` and the result in ``kind="chosen-logit"``.
    """
    j, x, W, b = state["cls"], state["x"], state["W"], state["b"]
    d = len(x)
    symbols = " + ".join(f"x<sub>{k + 1}</sub>w<sub>{j + 1}{k + 1}</sub>" for k in range(d))
    numbers = " + ".join(f"{_num(x[k])}·({_num(W[k][j])})" for k in range(d))
    terms = " + ".join(
        _bracket(html.value_span(_num(t, "{:.3f}"), "term", k), t)
        for k, t in enumerate(state["terms"])
    )
    bias = _bracket(html.value_span(_num(b[j]), "bias", j), b[j])
    total = html.value_span(_num(state["o"][j], "{:.3f}"), "chosen-logit", j)
    name = escape(class_names[j])
    return (
        f'<div class="sm-equation" style="font-family:{html.FONT};color:{html.TEXT};'
        f'line-height:1.7">'
        f"<div>o<sub>{j + 1}</sub> ({name}) = {symbols} + b<sub>{j + 1}</sub></div>"
        f"<div>&nbsp;&nbsp;&nbsp;= {numbers} + ({_num(b[j])})</div>"
        f"<div>&nbsp;&nbsp;&nbsp;= {terms} + {bias} = <b>{total}</b></div></div>"
    )


class NetworkExplorer(Explorer):
    """Sliders for the inputs x1..xd and for one class's weights; the diagram follows.

    ``NetworkExplorer()`` starts from the note's 4 -> 3 network (cat, chicken, dog);
    ``NetworkExplorer(W=..., b=..., x=...)`` from your own parameters (W of shape (d, q),
    column j holding class j's weights, as in the notation table).

    Controls (names for :meth:`set`): ``x1..xd`` the inputs (pixels, 0..1), ``cls`` the class
    j whose weights are on the sliders, ``w1..wd`` that class's weights w_j1..w_jd (column j
    of W) and ``b`` its bias b_j. Choosing another class loads its weights onto the sliders;
    moving a weight slider edits W for that class only. ``set`` applies ``cls`` first, so
    ``explorer.set(cls=2, w1=0.5)`` edits class 2. The parameters are the attributes ``W``
    (d, q) and ``b`` (q,); change them through the sliders or ``set``, not in place.

    Introduced in 03_network_architecture.ipynb.
    """

    css_class = "sm-network-explorer"

    def __init__(
        self,
        W=None,
        b=None,
        x=None,
        class_names: Sequence[str] | None = None,
        weight_range: float = 3.0,
    ) -> None:
        super().__init__()
        W = DEFAULT_W if W is None else W
        if x is None:  # the running example's image, or a mid-grey one for other sizes
            d = np.shape(W)[0]
            x = DEFAULT_X if d == len(DEFAULT_X) else np.full(d, 0.5)
        b = np.zeros(np.shape(W)[-1]) if b is None else b
        x, W, b = _check_params(x, W, b)
        d, q = W.shape
        if not (1 <= d <= 8 and 1 <= q <= 6):
            raise ValueError(
                f"NetworkExplorer draws 1 to 8 inputs and 1 to 6 classes, got W of shape {W.shape}"
            )
        self.weight_range = float(weight_range)
        if not self.weight_range > 0:
            raise ValueError(f"weight_range must be > 0, got {weight_range!r}")
        outside = np.abs(np.concatenate([W.ravel(), b])) > self.weight_range
        if outside.any():
            raise ValueError(
                f"every weight and bias must lie in [-{self.weight_range:g}, "
                f"{self.weight_range:g}] to fit on the sliders; pass a larger weight_range"
            )
        if ((x < 0) | (x > 1)).any():
            raise ValueError(f"the inputs are pixel values and must lie in [0, 1], got {x}")
        if class_names is None:
            class_names = DEFAULT_NAMES if q == 3 else [f"class {j + 1}" for j in range(q)]
        if len(class_names) != q:
            raise ValueError(f"{len(class_names)} class names for q = {q} classes")
        self.class_names = list(class_names)
        self.W = W.copy()
        self.b = b.copy()
        self._loading = False
        rng_ = self.weight_range

        for k in range(d):
            self.controls[f"x{k + 1}"] = float_slider(
                f"x{k + 1} (pixel)",
                float(x[k]),
                0.0,
                1.0,
                0.05,
                fmt=".2f",
                css=f"sm-slider-x{k + 1}",
            )
        cls_row = toggle(
            "class j",
            [(f"o{j + 1} {name}", j) for j, name in enumerate(self.class_names)],
            0,
            "sm-toggle-cls",
            button_width="110px",
        )
        self.controls["cls"] = cls_row.buttons
        for k in range(d):
            self.controls[f"w{k + 1}"] = float_slider(
                "", float(W[k, 0]), -rng_, rng_, 0.1, fmt=".2f", css=f"sm-slider-w{k + 1}"
            )
            self.controls[f"w{k + 1}"].observe(self._weight_observer(k), names="value")
        self.controls["b"] = float_slider(
            "", float(b[0]), -rng_, rng_, 0.1, fmt=".2f", css="sm-slider-b"
        )
        self.controls["b"].observe(self._on_bias, names="value")
        self.controls["cls"].observe(self._on_class, names="value")
        self._describe(0)

        self.diagram = widgets.HTML()
        self.diagram.add_class("sm-view-network")
        self.bars = widgets.HTML()
        self.bars.add_class("sm-view-logits")
        self.equation = widgets.HTML()
        self.equation.add_class("sm-view-equation")
        self._wire(
            [
                widgets.HTML("<b>Inputs x</b> (the four pixels of a 2×2 image)"),
                *[self.controls[f"x{k + 1}"] for k in range(d)],
                widgets.HTML(
                    "<b>Weights of one class</b>: column j of W, and the bias b<sub>j</sub>"
                ),
                cls_row,
                *[self.controls[f"w{k + 1}"] for k in range(d)],
                self.controls["b"],
                self.diagram,
                self.equation,
                widgets.HTML("<b>Logits o = xW + b</b>"),
                self.bars,
            ]
        )

    # -- wiring: keep W, b and the weight sliders in step --------------------------------
    @property
    def cls(self) -> int:
        """The class whose weights are on the sliders."""
        return int(self.controls["cls"].value)

    @property
    def x(self) -> np.ndarray:
        return np.array([self.controls[f"x{k + 1}"].value for k in range(self.W.shape[0])])

    def _weight_observer(self, k: int):
        def on_weight(change) -> None:
            if not self._loading:
                self.W[k, self.cls] = float(change["new"])

        return on_weight

    def _on_bias(self, change) -> None:
        if not self._loading:
            self.b[self.cls] = float(change["new"])

    def _on_class(self, change) -> None:
        """Load the newly chosen class's weights onto the sliders (W itself is unchanged)."""
        j = int(change["new"])
        holding, self._holding, self._loading = self._holding, True, True
        try:
            for k in range(self.W.shape[0]):
                self.controls[f"w{k + 1}"].value = float(self.W[k, j])
            self.controls["b"].value = float(self.b[j])
            self._describe(j)
        finally:
            self._holding, self._loading = holding, False

    def _describe(self, j: int) -> None:
        for k in range(self.W.shape[0]):
            self.controls[f"w{k + 1}"].description = f"w{j + 1}{k + 1} (x{k + 1} → o{j + 1})"
        self.controls["b"].description = f"b{j + 1}"

    def set(self, **values: Any) -> NetworkExplorer:
        """Move controls as a student would, the class first; then update once."""
        if "cls" in values:
            values = {"cls": values.pop("cls"), **values}
        super().set(**values)
        return self

    # -- computation and view ------------------------------------------------------------
    def compute(self, **values: Any) -> dict[str, Any]:
        d = self.W.shape[0]
        x = [values[f"x{k + 1}"] for k in range(d)]
        return network_state(x, self.W, self.b, values["cls"])

    def render(self, state) -> None:
        self.diagram.value = network_svg(state, self.class_names, self.weight_range)
        self.equation.value = equation_html(state, self.class_names)
        labels = [f"o{j + 1} {name}" for j, name in enumerate(self.class_names)]
        shown = [round(v, 12) + 0.0 for v in state["o"]]  # never "-0.000"
        self.bars.value = html.bar_chart(
            labels,
            shown,
            kind="logit",
            lo=-LOGIT_AXIS,
            hi=LOGIT_AXIS,
            highlight=state["argmax"],
            colors=[CLASS_COLORS[j % len(CLASS_COLORS)] for j in range(len(labels))],
        )

    def summary(self) -> str:
        s = self.state
        xs = ", ".join(_num(v) for v in s["x"])
        os_ = ", ".join(_num(v, "{:.3f}") for v in s["o"])
        return (
            f"NetworkExplorer: x = [{xs}], o = xW + b = [{os_}] "
            "(interactive: run this notebook in JupyterLab to move the sliders)"
        )

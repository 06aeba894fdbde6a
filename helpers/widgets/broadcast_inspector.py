"""BroadcastInspector: choose n, d, q and watch O = XW + b take shape, b broadcast down the rows.

The widget of 05_minibatch_vectorization.ipynb. Learners often argue that b "must be n × q"
to be added to XW; here b is drawn once, as the q numbers it really is, and then repeated down
the rows as *virtual copies*: what NumPy's broadcasting (广播机制) does without copying memory
(``np.broadcast_to(b, (n, q))`` has stride 0 along the rows).
"""

from __future__ import annotations

from html import escape
from typing import Any

import ipywidgets as W
import numpy as np

from ..softmax import softmax
from . import html
from ._base import Explorer, int_slider

N_MAX, D_MAX, Q_MAX = 6, 6, 5
# The shapes shown, in the order of their data-index in the view.
SHAPE_ORDER = ("X", "W", "XW", "b", "b_broadcast", "O", "Y_hat")
VIRTUAL_BG = "rgba(255, 127, 14, 0.14)"


def _check_size(value, name: str, hi: int) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)):
        raise TypeError(f"{name} must be a whole number from 1 to {hi}, got {value!r}")
    if not 1 <= value <= hi:
        raise ValueError(f"{name} must be from 1 to {hi} (the widget's range), got {value}")
    return int(value)


def shape_text(shape: tuple[int, ...]) -> str:
    """A shape as NumPy prints it: ``(4, 3)``, ``(3,)``."""
    return str(tuple(int(s) for s in shape))


def example_arrays(n: int, d: int, q: int, seed: int = 0):
    """The seeded example: small whole numbers, easy to multiply by hand.

    ``X`` (n, d), ``W`` (d, q), ``b`` (q,) with distinct entries, all float64. They are
    slices of one fixed draw of the largest sizes, so moving a slider adds or removes a row
    or column and leaves the other numbers where they were.
    """
    n = _check_size(n, "n", N_MAX)
    d = _check_size(d, "d", D_MAX)
    q = _check_size(q, "q", Q_MAX)
    rng = np.random.default_rng(seed)
    X_full = rng.integers(-2, 3, size=(N_MAX, D_MAX)).astype(np.float64)
    W_full = rng.integers(-2, 3, size=(D_MAX, Q_MAX)).astype(np.float64)
    b_full = rng.choice(np.arange(-3, 4), size=Q_MAX, replace=False).astype(np.float64)
    return X_full[:n, :d].copy(), W_full[:d, :q].copy(), b_full[:q].copy()


def broadcast_state(n: int, d: int, q: int, seed: int = 0) -> dict[str, Any]:
    """The computation behind BroadcastInspector (pure, no widgets).

    Returns plain Python values: the arrays ``X``, ``W``, ``XW`` = X @ W, ``b``,
    ``b_broadcast`` = np.broadcast_to(b, (n, q)), ``O`` = XW + b and ``Y_hat`` =
    softmax(O) row by row (nested lists of floats); ``shapes`` (name -> tuple) and
    ``shape_text`` (name -> "(n, q)") for every name in :data:`SHAPE_ORDER`;
    ``row_sums`` of Y_hat; ``b_strides`` (the strides of the broadcast view, (0, 8)),
    ``b_bytes`` (memory b really uses) and ``copy_bytes`` (what an (n, q) copy would use).
    """
    X, Wm, b = example_arrays(n, d, q, seed)
    XW = X @ Wm
    B = np.broadcast_to(b, XW.shape)  # a read-only view: no copy of b is made
    O = XW + b
    Y_hat = softmax(O, axis=1)
    arrays = {"X": X, "W": Wm, "XW": XW, "b": b, "b_broadcast": B, "O": O, "Y_hat": Y_hat}
    shapes = {name: tuple(int(s) for s in arr.shape) for name, arr in arrays.items()}
    state: dict[str, Any] = {
        name: (arr + 0.0).tolist()
        for name, arr in arrays.items()  # + 0.0 turns -0.0 into 0.0
    }
    state.update(
        n=int(n),
        d=int(d),
        q=int(q),
        shapes=shapes,
        shape_text={name: shape_text(s) for name, s in shapes.items()},
        row_sums=[float(s) for s in Y_hat.sum(axis=1)],
        b_strides=tuple(int(s) for s in B.strides),
        b_bytes=int(b.nbytes),
        copy_bytes=int(n * q * b.itemsize),
    )
    return state


# -- view ---------------------------------------------------------------------------------
CELL = "padding:1px 6px;text-align:right;min-width:22px;border:1px solid {border}"


def grid(
    name: str,
    label: str,
    values,
    shape: str,
    *,
    kind: str,
    fmt: str = "{:g}",
    virtual_rows: bool = False,
    extra_column: list[str] | None = None,
    footer: str = "",
) -> str:
    """One matrix as a small HTML table with its name and shape above it.

    A 1-D array (b) is drawn as a single row. Every entry is a ``value_span`` of ``kind`` with
    ``data-index`` = its flat position; the shape is a ``value_span`` of kind ``shape`` whose
    ``data-index`` is the position of ``name`` in :data:`SHAPE_ORDER`. With ``virtual_rows``
    every row after the first is drawn dashed and shaded: a virtual copy made by broadcasting.
    """
    rows = values if values and isinstance(values[0], list) else [values]
    body = []
    flat = 0
    for i, row in enumerate(rows):
        virtual = virtual_rows and i > 0
        border = "#ff7f0e" if virtual else html.MUTED
        style = CELL.format(border=border)
        if virtual:
            style += f";border-style:dashed;background:{VIRTUAL_BG};font-style:italic"
        cls = ' class="sm-virtual"' if virtual else ""
        cells = []
        for v in row:
            text = html.number(v, fmt)
            cells.append(f'<td style="{style}">{html.value_span(text, kind, flat)}</td>')
            flat += 1
        if extra_column is not None:
            cells.append(f'<td style="padding:1px 6px;color:{html.MUTED}">{extra_column[i]}</td>')
        body.append(f"<tr{cls}>{''.join(cells)}</tr>")
    shape_span = html.value_span(shape, "shape", SHAPE_ORDER.index(name))
    return (
        f'<div class="sm-grid sm-grid-{name}" style="display:inline-block;vertical-align:middle;'
        f'margin:0 4px;color:{html.TEXT}">'
        f'<div style="text-align:center;margin-bottom:2px">{label} {shape_span}</div>'
        f'<table style="border-collapse:collapse;font-family:{html.FONT};font-size:12px">'
        f"{''.join(body)}</table>{footer}</div>"
    )


def operator(symbol: str) -> str:
    return (
        f'<div style="display:inline-block;vertical-align:middle;font-size:20px;'
        f'margin:14px 6px 0;color:{html.TEXT}">{escape(symbol)}</div>'
    )


def equation(*parts: str, css: str) -> str:
    return f'<div class="{css}" style="margin:6px 0;white-space:nowrap">{"".join(parts)}</div>'


def render_product(state) -> str:
    """Row 1: X (n, d) @ W (d, q) = XW (n, q), a matrix–matrix product."""
    s = state["shape_text"]
    return equation(
        grid("X", "<b>X</b>", state["X"], s["X"], kind="x"),
        operator("@"),
        grid("W", "<b>W</b>", state["W"], s["W"], kind="w"),
        operator("="),
        grid("XW", "<b>XW</b>", state["XW"], s["XW"], kind="xw"),
        css="sm-eq-product",
    )


def render_sum(state) -> str:
    """Row 2: XW (n, q) + b (q,) -> broadcast to (n, q) = O (n, q)."""
    s = state["shape_text"]
    return equation(
        grid("XW", "<b>XW</b>", state["XW"], s["XW"], kind="xw2"),
        operator("+"),
        grid("b", "<b>b</b>", state["b"], s["b"], kind="b"),
        operator("→"),
        grid(
            "b_broadcast",
            "<b>b</b> broadcast",
            state["b_broadcast"],
            s["b_broadcast"],
            kind="b-broadcast",
            virtual_rows=True,
            footer=(
                '<div class="sm-virtual-label" style="font-size:11px;color:#ff7f0e;'
                'text-align:center">shaded: virtual copies of b</div>'
                if state["n"] > 1
                else ""
            ),
        ),
        operator("="),
        grid("O", "<b>O</b>", state["O"], s["O"], kind="o"),
        css="sm-eq-sum",
    )


def render_softmax(state) -> str:
    """Row 3: Ŷ = softmax(O) row by row, with each row's sum beside it."""
    sums = [
        "Σ = " + html.value_span(html.number(v, "{:.3f}"), "rowsum", i)
        for i, v in enumerate(state["row_sums"])
    ]
    return equation(
        grid("O", "<b>O</b>", state["O"], state["shape_text"]["O"], kind="o2"),
        operator("→"),
        grid(
            "Y_hat",
            "<b>Ŷ</b> = softmax(O) row by row",
            state["Y_hat"],
            state["shape_text"]["Y_hat"],
            kind="y-hat",
            fmt="{:.3f}",
            extra_column=sums,
        ),
        css="sm-eq-softmax",
    )


def render_notes(state) -> str:
    n, q = state["n"], state["q"]
    b_vals = ", ".join(html.number(v, "{:g}") for v in state["b"])
    i = n - 1
    example = (
        f"O[{i}, 0] = XW[{i}, 0] + b[0] = {html.number(state['XW'][i][0], '{:g}')} + "
        f"({html.number(state['b'][0], '{:g}')}) = {html.number(state['O'][i][0], '{:g}')}"
    )
    return html.note(
        f"b holds only q = {q} numbers [{b_vals}]. Broadcasting repeats that row down all "
        f"n = {n} rows: the dashed, shaded rows are <i>virtual copies</i>. "
        f"np.broadcast_to(b, ({n}, {q})) has strides "
        f"{html.value_span(str(state['b_strides']), 'strides')}: stride 0 along the rows "
        f"means every row reads the same {state['b_bytes']} bytes (a real copy would take "
        f"{state['copy_bytes']}).",
        "info",
        css="sm-note sm-broadcast-note",
    ) + html.note(
        f"Every row i gets the same b[j] in column j: {escape(example)}.",
        "info",
        css="sm-note sm-example-note",
    )


class BroadcastInspector(Explorer):
    """Sliders for the batch size n, the number of features d and of classes q.

    Shows X (n, d) @ W (d, q) = XW (n, q); XW + b with b (q,) broadcast down the rows as
    virtual copies; O (n, q) and Ŷ = softmax(O) row by row. Drive it from Python with
    ``inspector.set(n=5, d=2, q=4)``; ``inspector.state`` holds the arrays and shapes shown.

    Introduced in 05_minibatch_vectorization.ipynb.
    """

    css_class = "sm-broadcast-inspector"

    def __init__(self, n: int = 4, d: int = 4, q: int = 3, seed: int = 0) -> None:
        super().__init__()
        _check_size(n, "n", N_MAX)
        _check_size(d, "d", D_MAX)
        _check_size(q, "q", Q_MAX)
        self.seed = int(seed)
        self.controls["n"] = int_slider("n (batch size)", n, 1, N_MAX, css="sm-slider-n")
        self.controls["d"] = int_slider("d (features)", d, 1, D_MAX, css="sm-slider-d")
        self.controls["q"] = int_slider("q (classes)", q, 1, Q_MAX, css="sm-slider-q")
        self.product = W.HTML()
        self.sum = W.HTML()
        self.softmax = W.HTML()
        self.notes = W.HTML()
        for view, name in [
            (self.product, "product"),
            (self.sum, "sum"),
            (self.softmax, "softmax"),
            (self.notes, "notes"),
        ]:
            view.add_class(f"sm-view-{name}")
        self._wire(
            [
                W.HTML("<b>Shapes of a minibatch</b>: O = XW + b, then Ŷ = softmax(O)"),
                self.controls["n"],
                self.controls["d"],
                self.controls["q"],
                self.product,
                self.sum,
                self.softmax,
                self.notes,
            ]
        )

    def compute(self, n, d, q) -> dict[str, Any]:
        return broadcast_state(n, d, q, self.seed)

    def render(self, state) -> None:
        self.product.value = render_product(state)
        self.sum.value = render_sum(state)
        self.softmax.value = render_softmax(state)
        self.notes.value = render_notes(state)

    def summary(self) -> str:
        s = self.state["shape_text"]
        return (
            f"BroadcastInspector: X {s['X']} @ W {s['W']} = XW {s['XW']}; "
            f"+ b {s['b']} broadcast to {s['b_broadcast']}; O {s['O']} "
            "(interactive: run this notebook in JupyterLab to move the sliders)"
        )

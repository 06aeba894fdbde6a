"""The network diagram of softmax regression: d inputs fully connected to q outputs.

Introduced in 03_network_architecture.ipynb.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.patches import Circle

from .._checks import as_float_array
from .style import COLORS

POSITIVE, NEGATIVE, NEUTRAL = "#1f77b4", "#d62728", "#888888"
NODE_RADIUS = 0.22
LAYER_GAP = 3.5  # horizontal distance between the input and the output column
LABEL_AT = 0.68  # where along an edge (0 = input, 1 = output) its weight is written
MIN_WIDTH, MAX_WIDTH = 0.4, 5.0  # edge line widths in points, for |w| = 0 and the largest |w|


def _sub(i: int, j: int | None = None) -> str:
    """Mathtext subscript: 1 -> '1', (1, 2) -> '12', (10, 2) -> '10,2'."""
    if j is None:
        return str(i)
    sep = "," if i > 9 or j > 9 else ""
    return f"{i}{sep}{j}"


def _positions(count: int, span: float) -> np.ndarray:
    """y coordinates of ``count`` nodes spread evenly over [-span/2, span/2], first at the top."""
    if count == 1:
        return np.zeros(1)
    return np.linspace(span / 2, -span / 2, count)


def _sizes(W, b, x) -> tuple[int, int]:
    if W is not None:
        return W.shape
    d = 4 if x is None else x.shape[0]
    q = 3 if b is None else b.shape[0]
    return d, q


def _check(W, b, x, names):
    if W is not None:
        W = as_float_array(W, "W")
        if W.ndim != 2:
            raise ValueError(
                f"W must be a 2-D array of shape (d, q), got shape {W.shape}; "
                "column j holds class j's weights"
            )
    if x is not None:
        x = as_float_array(x, "x")
        if x.ndim != 1:
            raise ValueError(f"x must be one example of shape (d,), got shape {x.shape}")
    if b is not None:
        b = as_float_array(b, "b")
        if b.ndim != 1:
            raise ValueError(f"b must have shape (q,), got shape {b.shape}")
    d, q = _sizes(W, b, x)
    if x is not None and x.shape[0] != d:
        flip = (
            "; if yours is the note's (q, d) matrix of o = Wx + b, pass W.T"
            if W is not None and W.shape[1] == x.shape[0]
            else ""
        )
        raise ValueError(
            f"x has {x.shape[0]} entries but W has shape {W.shape}: draw_network expects W of "
            f"shape (d, q) with d = len(x) rows (column j holds class j's weights){flip}"
        )
    if b is not None and b.shape[0] != q:
        raise ValueError(
            f"b has {b.shape[0]} entries but there are q = {q} outputs; pass one bias per class"
        )
    input_names, output_names = names
    if input_names is not None and len(input_names) != d:
        raise ValueError(f"{len(input_names)} input names for d = {d} inputs")
    if output_names is not None and len(output_names) != q:
        raise ValueError(f"{len(output_names)} output names for q = {q} outputs")
    return W, b, x, d, q


def edge_widths(W, weight_scale: float | None = None) -> np.ndarray:
    """Line width (points) of each edge, shape (d, q): grows linearly with |W|.

    ``|w| = 0`` gives ``MIN_WIDTH``, ``|w| = weight_scale`` (default: the largest |w|) gives
    ``MAX_WIDTH``; larger weights are capped there.
    """
    W = np.abs(as_float_array(W, "W"))
    scale = float(W.max()) if weight_scale is None else float(weight_scale)
    if scale <= 0:
        return np.full(W.shape, MIN_WIDTH)
    return MIN_WIDTH + (MAX_WIDTH - MIN_WIDTH) * np.minimum(W / scale, 1.0)


def edge_color(w: float) -> str:
    """Blue for a positive weight, red for a negative one, grey for exactly zero."""
    return POSITIVE if w > 0 else NEGATIVE if w < 0 else NEUTRAL


def draw_network(
    W=None,
    b=None,
    x=None,
    ax: Axes | None = None,
    *,
    input_names: Sequence[str] | None = None,
    output_names: Sequence[str] | None = None,
    highlight: int | None = None,
    weight_scale: float | None = None,
    show_weights: bool | None = None,
) -> Axes:
    """Draw the single-layer network: d input nodes, each joined to all q output nodes.

    Shapes follow the notation table: ``W`` (d, q) with column j holding class j's weights
    (the note's 3x4 matrix of o = Wx + b is ``W.T``), ``b`` (q,), ``x`` (d,).

    * ``W=None``: the architecture only (default d = 4, q = 3, or the sizes of x and b);
      every edge is labelled with its symbol w_jk (j = output, k = input, as in the note's
      o_1 = x_1 w_11 + ... + x_4 w_14 + b_1).
    * ``W`` given: edge widths grow with |w| (see :func:`edge_widths`), blue for positive,
      red for negative weights, and the edges are labelled with the numbers.
    * ``x`` given: each input node is shaded like the pixel it holds (0 black, 1 white) and
      its value is written beside it; with W as well, the logits o = xW + b (plus b if
      given) are written beside the outputs.
    * ``highlight=j`` fades every edge except those into output j (class j's weights).
    * ``show_weights`` writes the weight labels (default: when there are at most 24 edges).

    Every artist carries a ``gid`` a test can find: ``"edge-k-j"`` for the line from input k
    to output j (0-based), ``"input-k"``, ``"output-j"`` for the node circles.
    Returns the Axes. Introduced in 03_network_architecture.ipynb.
    """
    W, b, x, d, q = _check(W, b, x, (input_names, output_names))
    if highlight is not None and not 0 <= highlight < q:
        raise ValueError(f"highlight must be a class index 0..{q - 1}, got {highlight}")
    if ax is None:
        span = max(d, q) - 1
        _, ax = plt.subplots(figsize=(6.4, max(2.4, 0.85 * span + 1.2)))
    if show_weights is None:
        show_weights = d * q <= 24
    span = max(d, q) - 1
    y_in, y_out = _positions(d, span), _positions(q, span)
    x_in, x_out = 0.0, LAYER_GAP
    widths = edge_widths(W, weight_scale) if W is not None else np.full((d, q), 1.2)
    r = NODE_RADIUS

    for k in range(d):
        for j in range(q):
            w = None if W is None else float(W[k, j])
            faded = highlight is not None and j != highlight
            color = NEUTRAL if w is None else edge_color(w)
            # the segment between the two circles' rims
            dx, dy = x_out - x_in, y_out[j] - y_in[k]
            length = float(np.hypot(dx, dy))
            ux, uy = dx / length, dy / length
            ax.plot(
                [x_in + r * ux, x_out - r * ux],
                [y_in[k] + r * uy, y_out[j] - r * uy],
                color=color,
                linewidth=float(widths[k, j]),
                alpha=0.18 if faded else 0.9,
                solid_capstyle="butt",
                zorder=1,
                gid=f"edge-{k}-{j}",
            )
            if show_weights and not faded:
                t = LABEL_AT
                label = f"$w_{{{_sub(j + 1, k + 1)}}}$" if w is None else f"{w:.2f}"
                ax.text(
                    x_in + t * dx,
                    y_in[k] + t * dy,
                    label,
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="#222" if w is None else color,
                    zorder=2,
                    bbox={"boxstyle": "round,pad=0.15", "fc": "white", "ec": "none", "alpha": 0.85},
                    gid=f"weight-{k}-{j}",
                )

    for k in range(d):
        shade = 1.0 if x is None else float(np.clip(x[k], 0.0, 1.0))
        ax.add_patch(
            Circle(
                (x_in, y_in[k]),
                r,
                facecolor=str(shade) if x is not None else "#f2f2f2",
                edgecolor="#444",
                linewidth=1.2,
                zorder=3,
                gid=f"input-{k}",
            )
        )
        ax.text(
            x_in,
            y_in[k],
            f"$x_{{{_sub(k + 1)}}}$",
            ha="center",
            va="center",
            fontsize=10,
            color="white" if shade < 0.5 else "black",
            zorder=4,
        )
        side = [] if input_names is None else [input_names[k]]
        if x is not None:
            side.append(f"{x[k]:.2f}")
        if side:
            ax.text(x_in - r - 0.12, y_in[k], " ".join(side), ha="right", va="center", fontsize=9)

    o = None
    if W is not None and x is not None:
        o = x @ W + (0.0 if b is None else b)
    for j in range(q):
        color = COLORS[j % len(COLORS)]
        ax.add_patch(
            Circle(
                (x_out, y_out[j]),
                r,
                facecolor="white",
                edgecolor=color,
                linewidth=2.0 if highlight in (None, j) else 1.0,
                zorder=3,
                gid=f"output-{j}",
            )
        )
        ax.text(
            x_out,
            y_out[j],
            f"$o_{{{_sub(j + 1)}}}$",
            ha="center",
            va="center",
            fontsize=10,
            zorder=4,
        )
        lines = []
        if o is not None:
            lines.append(f"$o_{{{_sub(j + 1)}}}$ = {o[j]:.3f}")
        if output_names is not None:
            lines.append(output_names[j])
        if b is not None:
            lines.append(f"$b_{{{_sub(j + 1)}}}$ = {b[j]:.2f}")
        elif W is None:
            lines.append(f"$+\\, b_{{{_sub(j + 1)}}}$")
        if lines:
            ax.text(
                x_out + r + 0.12,
                y_out[j],
                "\n".join(lines),
                ha="left",
                va="center",
                fontsize=9,
                color=color,
            )

    ax.set_xlim(x_in - 1.0, x_out + 1.6)
    ax.set_ylim(-span / 2 - 0.45, span / 2 + 0.45)
    ax.set_aspect("equal")
    ax.axis("off")
    return ax

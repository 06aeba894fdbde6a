"""Decision regions of a linear classifier in 2-D.

Introduced in 04_softmax.ipynb (softmax regression is a linear model); reused in
09_training_from_scratch.ipynb on two Iris features.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.colors import ListedColormap

from ..softmax import softmax
from .style import COLORS


def draw_decision_regions(
    W,
    b,
    *,
    X=None,
    y=None,
    class_names: Sequence[str] | None = None,
    xlim=(-3.0, 3.0),
    ylim=(-3.0, 3.0),
    resolution: int = 300,
    boundaries: bool = True,
    ax=None,
):
    """Colour the plane by argmax of softmax(x W + b) for x in 2-D; draw the class boundaries.

    Shapes: ``W`` (2, q), ``b`` (q,); optional data ``X`` (n, 2) and labels ``y`` (n,). The
    boundary between classes i and j is the straight line (w_i - w_j) . x + (b_i - b_j) = 0,
    drawn where those two classes are the top two. Returns the Axes.
    """
    W = np.asarray(W, dtype=float)
    b = np.asarray(b, dtype=float)
    if W.ndim != 2 or W.shape[0] != 2 or b.shape != (W.shape[1],):
        raise ValueError(f"need W of shape (2, q) and b of shape (q,), got {W.shape} and {b.shape}")
    q = W.shape[1]
    names = list(class_names) if class_names is not None else [f"class {j}" for j in range(q)]
    if ax is None:
        _, ax = plt.subplots(figsize=(4.6, 4.0))
    xs = np.linspace(*xlim, resolution)
    ys = np.linspace(*ylim, resolution)
    gx, gy = np.meshgrid(xs, ys)
    grid = np.column_stack([gx.ravel(), gy.ravel()])
    O = grid @ W + b
    P = softmax(O)
    winner = P.argmax(axis=1).reshape(gx.shape)
    cmap = ListedColormap(COLORS[:q])
    ax.imshow(
        winner,
        origin="lower",
        extent=(*xlim, *ylim),
        cmap=cmap,
        vmin=-0.5,
        vmax=q - 0.5,
        alpha=0.25,
        aspect="auto",
        interpolation="nearest",
    )
    if boundaries and q > 1:
        order = np.argsort(O, axis=1)
        first, second = order[:, -1], order[:, -2]
        for i in range(q):
            for j in range(i + 1, q):
                # the line o_i = o_j, kept only where i and j are the two best classes
                near = ((first == i) & (second == j)) | ((first == j) & (second == i))
                if not near.any():
                    continue
                diff = np.ma.masked_where(
                    ~near.reshape(gx.shape), (O[:, i] - O[:, j]).reshape(gx.shape)
                )
                ax.contour(gx, gy, diff, levels=[0.0], colors="k", linewidths=1.2)
    if X is not None:
        X = np.asarray(X, dtype=float)
        labels = np.zeros(len(X), dtype=int) if y is None else np.asarray(y)
        for j in range(q):
            pts = X[labels == j]
            ax.scatter(
                pts[:, 0],
                pts[:, 1],
                s=18,
                color=COLORS[j],
                edgecolor="k",
                linewidth=0.4,
                label=names[j],
            )
    else:
        for j in range(q):
            ax.scatter([], [], color=COLORS[j], label=names[j])
    ax.set_xlim(*xlim)
    ax.set_ylim(*ylim)
    ax.set_xlabel("x1")
    ax.set_ylabel("x2")
    ax.legend(loc="upper right", fontsize="small", framealpha=0.8)
    ax.grid(False)
    return ax

"""Small images: digits, and the learned weights of each class drawn as an image (a template).

Introduced in 09_training_from_scratch.ipynb (weight templates) and used again in
10_evaluation.ipynb (the most confidently wrong digits).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np


def _grid(
    count: int, ncols: int | None, size: float, extra_height: float = 0.0, layout=None, extra=0.0
):
    ncols = min(count, ncols or count)
    nrows = math.ceil(count / ncols)
    fig, axes = plt.subplots(
        nrows,
        ncols,
        figsize=(size * ncols + extra, (size + extra_height) * nrows + extra / 2),
        squeeze=False,
        layout=layout,
    )
    for ax in axes.ravel()[count:]:
        ax.set_axis_off()
    return fig, axes.ravel()[:count]


def _clean(ax) -> None:
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("0.6")
        spine.set_linewidth(0.8)


def draw_weight_templates(
    W,
    class_names: Sequence[str] | None = None,
    *,
    image_shape: tuple[int, int] = (8, 8),
    ncols: int | None = 5,
    title: str | None = None,
):
    """Draw each class's weights, column j of ``W``, as an image: the class's template.

    Pixel (r, c) of template j is ``W[r * cols + c, j]``, the weight that pixel's value gets in
    class j's logit ``o_j = x · W[:, j] + b_j``. Red: a bright pixel there raises the logit
    (votes for the class); blue: it lowers it; white: no say. All templates share one colour
    scale, ±max|W|, so they can be compared; a colour bar shows it. ``ncols`` templates per
    row. Shapes: ``W`` (d, q) with d = rows * cols. Returns the Figure.

    Introduced in 09_training_from_scratch.ipynb.
    """
    W = np.asarray(W, dtype=float)
    rows, cols = image_shape
    if W.ndim != 2 or W.shape[0] != rows * cols:
        raise ValueError(
            f"W has shape {W.shape}; templates of {rows}x{cols} pixels need W of shape "
            f"({rows * cols}, q), one column per class"
        )
    if not np.isfinite(W).all():
        raise ValueError("W contains NaN or inf (did training diverge?); nothing to draw")
    q = W.shape[1]
    names = list(class_names) if class_names is not None else [str(j) for j in range(q)]
    scale = float(np.max(np.abs(W))) or 1.0
    fig, axes = _grid(q, ncols, 1.25, 0.25, layout="constrained", extra=0.8)
    image = None
    for j, ax in enumerate(axes):
        image = ax.imshow(
            W[:, j].reshape(rows, cols),
            cmap="RdBu_r",
            vmin=-scale,
            vmax=scale,
            interpolation="nearest",
        )
        _clean(ax)
        ax.set_title(str(names[j]), fontsize=10)
    bar = fig.colorbar(image, ax=list(axes), shrink=0.9)
    bar.set_label("weight", fontsize=9)
    bar.ax.tick_params(labelsize=8)
    if title:
        fig.suptitle(title, fontsize=11)
    return fig


def draw_digits(
    X,
    titles: Sequence[str] | None = None,
    *,
    image_shape: tuple[int, int] = (8, 8),
    ncols: int | None = 10,
    title: str | None = None,
    title_colors: Sequence[str] | None = None,
):
    """Draw images given as rows of pixels, dark ink on white, one small panel each.

    Shapes: ``X`` (n, rows * cols), row i reshaped to ``image_shape`` is image i (the raw
    digits have pixel values 0..16; each image is scaled from its own minimum to maximum, so
    standardised pixels draw as well). ``titles`` (n,) labels each panel, coloured by
    ``title_colors`` if given. Returns the Figure.

    Introduced in 09_training_from_scratch.ipynb; 10_evaluation.ipynb draws its most
    confidently wrong predictions with it.
    """
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[None, :]
    rows, cols = image_shape
    if X.ndim != 2 or X.shape[1] != rows * cols or len(X) == 0:
        raise ValueError(
            f"X has shape {X.shape}; need (n, {rows * cols}) with n >= 1, one image of "
            f"{rows}x{cols} pixels per row (flatten images with X.reshape(len(X), -1))"
        )
    if titles is not None and len(titles) != len(X):
        raise ValueError(f"{len(titles)} titles for {len(X)} images; give one title per image")
    extra = 0.0 if titles is None else 0.3 * max(str(t).count("\n") + 1 for t in titles)
    fig, axes = _grid(len(X), ncols, 1.0, extra)
    for i, ax in enumerate(axes):
        ax.imshow(X[i].reshape(rows, cols), cmap="gray_r", interpolation="nearest")
        _clean(ax)
        if titles is not None:
            color = title_colors[i] if title_colors is not None else "black"
            ax.set_title(str(titles[i]), fontsize=8, color=color)
    if title:
        fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    return fig

"""The toy 2x2 grayscale images of the running example, drawn as pictures.

Introduced in 01_classification.ipynb; the images come from :func:`helpers.data.toy_images`.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np

from .style import COLORS


def _as_images(X) -> np.ndarray:
    X = np.asarray(X, dtype=float)
    if X.ndim == 1:
        X = X[None, :]
    if X.ndim != 2 or X.shape[1] != 4:
        raise ValueError(
            f"X must hold 2x2 images as rows of 4 pixels, shape (n, 4), got shape {X.shape}; "
            "flatten an image with x.reshape(4)"
        )
    if not np.isfinite(X).all():
        raise ValueError("X contains NaN or inf; pixels must be finite numbers in [0, 1]")
    return X


def draw_toy_image(
    x, ax=None, *, show_values: bool = True, title: str | None = None, color: str | None = None
):
    """Draw one 2x2 image ``x`` (4 pixels x1..x4 in reading order, 0 black, 1 white).

    With ``show_values`` every pixel is labelled with its value; ``color`` colours the frame
    and the title (the class colour). Returns the Axes.
    """
    x = _as_images(x)[0]
    if ax is None:
        _, ax = plt.subplots(figsize=(1.6, 1.6))
    ax.imshow(x.reshape(2, 2), cmap="gray", vmin=0.0, vmax=1.0, interpolation="nearest")
    ax.set_xticks([])
    ax.set_yticks([])
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color(color or "0.5")
        spine.set_linewidth(2.0 if color else 0.8)
    if show_values:
        for k, v in enumerate(x):
            r, c = divmod(k, 2)
            ax.text(
                c,
                r,
                f"{v:.2f}",
                ha="center",
                va="center",
                fontsize=8,
                color="black" if v > 0.5 else "white",
            )
    if title is not None:
        ax.set_title(title, fontsize=9, color=color or "black")
    return ax


def draw_toy_images(
    X,
    y=None,
    class_names: Sequence[str] | None = None,
    *,
    per_class: int = 5,
    show_values: bool = True,
    titles: Sequence[str] | None = None,
):
    """Draw toy images: a grid with one row per class, or a single row of given images.

    With labels ``y`` (n,) and ``class_names`` (q,), row j shows the first ``per_class``
    images of class j (in the order they appear in ``X``), framed in class j's colour. With
    ``y=None`` every row of ``X`` is drawn side by side, titled by ``titles`` if given.
    Shapes: ``X`` (n, 4), pixels x1..x4 in reading order, so ``X[i].reshape(2, 2)`` is the
    image. Returns the Figure.

    Introduced in 01_classification.ipynb.
    """
    X = _as_images(X)
    if y is None:
        n = len(X)
        if titles is not None and len(titles) != n:
            raise ValueError(f"{len(titles)} titles for {n} images; give one title per row of X")
        fig, axes = plt.subplots(1, n, figsize=(1.5 * n + 0.2, 1.9), squeeze=False)
        for i, ax in enumerate(axes[0]):
            draw_toy_image(
                X[i], ax, show_values=show_values, title=None if titles is None else titles[i]
            )
        fig.tight_layout()
        return fig
    y = np.asarray(y)
    if y.shape != (len(X),):
        raise ValueError(f"y has shape {y.shape} but X has {len(X)} rows; give one label per row")
    q = int(y.max()) + 1 if class_names is None else len(class_names)
    names = list(class_names) if class_names is not None else [f"class {j}" for j in range(q)]
    if per_class < 1:
        raise ValueError(f"per_class must be at least 1, got {per_class}")
    fig, axes = plt.subplots(
        q, per_class, figsize=(1.35 * per_class + 1.0, 1.45 * q), squeeze=False
    )
    for j in range(q):
        members = np.flatnonzero(y == j)[:per_class]
        color = COLORS[j % len(COLORS)]
        for k, ax in enumerate(axes[j]):
            if k < len(members):
                draw_toy_image(X[members[k]], ax, show_values=show_values, color=color)
            else:
                ax.axis("off")
        axes[j, 0].set_ylabel(f"{names[j]} (y={j})", color=color, fontsize=10)
    fig.tight_layout()
    return fig

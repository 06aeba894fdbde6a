"""Figures about labels: probability distributions as bars, predictions beside their images,
and distance matrices between class codes.

Introduced in 01_classification.ipynb (what a classifier outputs) and
02_one_hot_encoding.ipynb (one-hot and soft labels, distances between labels).
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np

from .images import _as_images, draw_toy_image
from .style import COLORS


def _as_rows(P, name: str = "P") -> np.ndarray:
    P = np.asarray(P, dtype=float)
    if P.ndim == 1:
        P = P[None, :]
    if P.ndim != 2:
        raise ValueError(f"{name} must have shape (q,) or (n, q), got shape {P.shape}")
    if not np.isfinite(P).all():
        raise ValueError(f"{name} contains NaN or inf; every probability must be finite")
    return P


def _draw_bars(
    ax,
    p: np.ndarray,
    names: Sequence[str],
    *,
    highlight_argmax: bool,
    ylabel: str | None,
    title: str | None,
) -> None:
    q = len(p)
    winner = int(np.argmax(p))
    colors = [COLORS[j % len(COLORS)] for j in range(q)]
    bars = ax.bar(range(q), p, color=colors, edgecolor="black", linewidth=0.6)
    if highlight_argmax:
        bars[winner].set_linewidth(2.2)
    for j, v in enumerate(p):
        ax.text(
            j,
            v + 0.03,
            f"{v:.2f}",
            ha="center",
            va="bottom",
            fontsize=8,
            fontweight="bold" if highlight_argmax and j == winner else "normal",
        )
    ax.set_xticks(range(q), names, rotation=0 if q <= 4 else 45)
    ax.set_ylim(0, 1.15)
    ax.set_yticks([0, 0.5, 1])
    ax.grid(axis="x", visible=False)
    if ylabel:
        ax.set_ylabel(ylabel)
    if title:
        ax.set_title(title, fontsize=10)


def draw_distributions(
    P,
    class_names: Sequence[str],
    *,
    titles: Sequence[str] | None = None,
    ylabel: str = "probability",
    highlight_argmax: bool = True,
    suptitle: str | None = None,
):
    """Draw each row of ``P`` (n, q) (or one vector (q,)) as a bar chart over the classes.

    One panel per row, bars in the class colours, each labelled with its value; the largest
    bar gets a thick outline when ``highlight_argmax``. Returns the Figure.

    Introduced in 02_one_hot_encoding.ipynb (one-hot and soft labels).
    """
    P = _as_rows(P)
    n, q = P.shape
    if len(class_names) != q:
        raise ValueError(f"{len(class_names)} class names for {q} columns; give one per class")
    if titles is not None and len(titles) != n:
        raise ValueError(f"{len(titles)} titles for {n} rows; give one title per row")
    fig, axes = plt.subplots(
        1, n, figsize=(min(2.6 * n, 11.0) + 0.4, 2.6), squeeze=False, sharey=True
    )
    for i, ax in enumerate(axes[0]):
        _draw_bars(
            ax,
            P[i],
            class_names,
            highlight_argmax=highlight_argmax,
            ylabel=ylabel if i == 0 else None,
            title=None if titles is None else titles[i],
        )
    if suptitle:
        fig.suptitle(suptitle, fontsize=10)
    fig.tight_layout()
    return fig


def draw_predictions(
    X,
    Y_hat,
    class_names: Sequence[str],
    *,
    titles: Sequence[str] | None = None,
    suptitle: str | None = None,
):
    """Draw toy images (top row) above the class probabilities predicted for them (bottom).

    Shapes: ``X`` (n, 4) toy images, ``Y_hat`` (n, q) one probability distribution per
    image. The most probable class is outlined. Returns the Figure.

    Introduced in 01_classification.ipynb (where the series is going).
    """
    X = _as_images(X)
    Y_hat = _as_rows(Y_hat, "Y_hat")
    n, q = Y_hat.shape
    if len(X) != n:
        raise ValueError(f"X has {len(X)} images but Y_hat has {n} rows; give one row per image")
    if len(class_names) != q:
        raise ValueError(f"{len(class_names)} class names for {q} columns; give one per class")
    if titles is not None and len(titles) != n:
        raise ValueError(f"{len(titles)} titles for {n} images; give one title per image")
    fig, axes = plt.subplots(
        2, n, figsize=(2.6 * n + 0.4, 4.4), squeeze=False, gridspec_kw={"height_ratios": [1.0, 1.3]}
    )
    for i in range(n):
        draw_toy_image(
            X[i], axes[0, i], show_values=False, title=None if titles is None else titles[i]
        )
        _draw_bars(
            axes[1, i],
            Y_hat[i],
            class_names,
            highlight_argmax=True,
            ylabel="ŷ (probability)" if i == 0 else None,
            title=None,
        )
    if suptitle:
        fig.suptitle(suptitle, fontsize=10)
    fig.tight_layout()
    return fig


def draw_distance_matrix(
    D,
    names: Sequence[str],
    *,
    ax=None,
    title: str | None = None,
    fmt: str = "{:.2f}",
    vmax: float | None = None,
):
    """Draw a square matrix of distances ``D`` (q, q) between classes as an annotated heatmap.

    Row i, column j holds the distance between class i and class j; every cell prints its
    value with ``fmt``. ``vmax`` fixes the top of the colour scale (to compare two matrices
    on one scale). Returns the Axes.

    Introduced in 02_one_hot_encoding.ipynb.
    """
    D = np.asarray(D, dtype=float)
    if D.ndim != 2 or D.shape[0] != D.shape[1]:
        raise ValueError(f"D must be a square matrix (q, q), got shape {D.shape}")
    q = D.shape[0]
    if len(names) != q:
        raise ValueError(f"{len(names)} names for a {q}x{q} matrix; give one name per row")
    if ax is None:
        _, ax = plt.subplots(figsize=(3.4, 3.0))
    top = float(D.max()) if vmax is None else float(vmax)
    top = top if top > 0 else 1.0
    ax.imshow(D, cmap="Blues", vmin=0.0, vmax=top)
    for i in range(q):
        for j in range(q):
            ax.text(
                j,
                i,
                fmt.format(D[i, j]),
                ha="center",
                va="center",
                fontsize=9,
                color="white" if D[i, j] > 0.6 * top else "black",
            )
    ax.set_xticks(range(q), names)
    ax.set_yticks(range(q), names)
    ax.tick_params(length=0)
    ax.grid(False)
    for spine in ax.spines.values():
        spine.set_visible(False)
    if title:
        ax.set_title(title, fontsize=10)
    return ax

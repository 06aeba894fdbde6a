"""Pictures of how a classifier does: the confusion matrix and the reliability diagram.

Introduced in 10_evaluation.ipynb; the numbers come from :mod:`helpers.evaluation`.
"""

from __future__ import annotations

from collections.abc import Sequence

import matplotlib.pyplot as plt
import numpy as np

from ..evaluation import expected_calibration_error, reliability_curve
from .style import COLORS


def draw_confusion_matrix(C, class_names: Sequence[str] | None = None, *, ax=None, title=None):
    """Draw a confusion matrix as a grid of counts: rows the true class, columns the prediction.

    ``C`` (q, q) integer counts, ``C[i, j]`` = examples of class i predicted as j (as
    :func:`helpers.evaluation.confusion_matrix` returns it). The diagonal (right answers) is
    drawn in green, the mistakes in shades of red by count, zeros left blank, so the few
    confusions stand out. Returns the Axes.

    Introduced in 10_evaluation.ipynb.
    """
    C = np.asarray(C)
    if C.ndim != 2 or C.shape[0] != C.shape[1] or C.shape[0] == 0:
        raise ValueError(f"C must be a square (q, q) matrix of counts, got shape {C.shape}")
    if C.dtype.kind not in "iu" or (C < 0).any():
        raise ValueError("C must hold non-negative integer counts (use confusion_matrix)")
    q = C.shape[0]
    names = list(class_names) if class_names is not None else [str(j) for j in range(q)]
    if len(names) != q:
        raise ValueError(f"{len(names)} class names for a {q}x{q} matrix")
    if ax is None:
        size = max(3.2, 0.42 * q + 1.2)
        _, ax = plt.subplots(figsize=(size, size))
    off = C.astype(float).copy()
    np.fill_diagonal(off, 0.0)
    worst = max(float(off.max()), 1.0)
    rgba = np.ones((q, q, 4))
    reds = plt.get_cmap("Reds")
    for i in range(q):
        for j in range(q):
            if i == j:
                rgba[i, j] = (0.85, 0.94, 0.85, 1.0)  # pale green: right answers
            elif C[i, j] > 0:
                rgba[i, j] = reds(0.25 + 0.6 * C[i, j] / worst)
    ax.imshow(rgba, interpolation="nearest")
    for i in range(q):
        for j in range(q):
            if C[i, j] == 0 and i != j:
                continue
            strong = i != j and C[i, j] / worst > 0.6
            ax.text(
                j,
                i,
                str(int(C[i, j])),
                ha="center",
                va="center",
                fontsize=8 if q > 6 else 10,
                color="white" if strong else "black",
                fontweight="bold" if i != j else "normal",
            )
    ax.set_xticks(range(q), names)
    ax.set_yticks(range(q), names)
    ax.set_xlabel("predicted class")
    ax.set_ylabel("true class")
    ax.grid(False)
    ax.set_xticks(np.arange(q + 1) - 0.5, minor=True)
    ax.set_yticks(np.arange(q + 1) - 0.5, minor=True)
    ax.grid(which="minor", color="0.85", linewidth=0.6)
    ax.tick_params(which="minor", length=0)
    for spine in ax.spines.values():
        spine.set_visible(True)
        spine.set_color("0.6")
    if title is not None:
        ax.set_title(title)
    return ax


def draw_reliability_diagram(
    probs, labels, *, num_bins: int = 10, ax=None, title: str | None = None, color=None
):
    """The reliability diagram: per confidence bin, the accuracy against the mean confidence.

    Bars show each bin's accuracy, placed over its confidence range; the dashed diagonal is
    perfect calibration (accuracy = confidence); the red part of a bar is the gap between its
    accuracy and its mean confidence (a black tick), so bars below the diagonal are
    over-confident, bars above it under-confident. Each bin's count is printed at the bottom,
    and the expected calibration error (ECE) in the legend. Empty bins are left out.

    Shapes: ``probs`` (n, q) rows summing to 1, ``labels`` (n,). Returns the Axes.

    Introduced in 10_evaluation.ipynb.
    """
    curve = reliability_curve(probs, labels, num_bins)
    ece = expected_calibration_error(probs, labels, num_bins)
    if ax is None:
        _, ax = plt.subplots(figsize=(4.2, 5.2), layout="constrained")
    color = color or COLORS[0]
    edges = curve.bin_edges
    width = edges[1] - edges[0]
    filled = curve.count > 0
    left = edges[:-1][filled]
    acc = curve.accuracy[filled]
    conf = curve.confidence[filled]
    ax.bar(
        left,
        acc,
        width=width,
        align="edge",
        color=color,
        alpha=0.75,
        edgecolor="white",
        label="accuracy in the bin",
    )
    ax.bar(
        left,
        conf - acc,
        bottom=acc,
        width=width,
        align="edge",
        fill=False,
        edgecolor="#d62728",
        linewidth=1.0,
        hatch="///",
        label=f"gap to confidence (ECE = {ece:.3f})",
    )
    ax.hlines(conf, left + 0.15 * width, left + 0.85 * width, color="black", linewidth=1.5)
    ax.plot(
        [0, 1], [0, 1], linestyle="--", color="0.4", linewidth=1.2, label="perfectly calibrated"
    )
    for x, n in zip(left, curve.count[filled], strict=True):
        ax.text(x + width / 2, 0.02, str(int(n)), ha="center", va="bottom", fontsize=7)
    ax.set_xlim(0, 1)
    ax.set_ylim(0, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("confidence (largest probability)")
    ax.set_ylabel("accuracy")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), fontsize=8, ncols=1, frameon=False)
    if title is not None:
        ax.set_title(title)
    return ax

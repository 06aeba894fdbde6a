"""Training curves: the loss and accuracy after every epoch, from ``SoftmaxRegression.history``.

Introduced in 09_training_from_scratch.ipynb (the live version is the TrainingProgress widget;
this is the figure that stays in the notebook for readers without a running kernel).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import matplotlib.pyplot as plt

from .style import COLORS


def draw_training_curves(
    history: Mapping[str, Sequence[float]], *, num_classes: int | None = None, title=None
):
    """Two panels: the mean cross-entropy loss and the accuracy per epoch, train and test.

    ``history`` is ``model.history`` after ``fit`` (keys ``epoch``, ``train_loss``,
    ``train_acc`` and, if a test set was given, ``test_loss``, ``test_acc``). With
    ``num_classes`` q, a dotted line marks log q, the loss of uniform guessing. Returns the
    Figure.

    Introduced in 09_training_from_scratch.ipynb.
    """
    for key in ("epoch", "train_loss", "train_acc"):
        if key not in history:
            raise ValueError(f"history has no {key!r}; pass model.history after model.fit(...)")
    epochs = list(history["epoch"])
    if not epochs:
        raise ValueError("history is empty: train for at least one epoch first")
    has_test = "test_loss" in history
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(8.4, 3.2))
    ax_loss.plot(epochs, history["train_loss"], color=COLORS[0], label="train")
    ax_acc.plot(epochs, history["train_acc"], color=COLORS[0], label="train")
    if has_test:
        ax_loss.plot(epochs, history["test_loss"], color=COLORS[1], linestyle="--", label="test")
        ax_acc.plot(epochs, history["test_acc"], color=COLORS[1], linestyle="--", label="test")
    if num_classes is not None:
        ax_loss.axhline(math.log(num_classes), color="0.5", linestyle=":", linewidth=1.2)
        ax_loss.annotate(
            f"log q = {math.log(num_classes):.2f} (uniform guessing)",
            (epochs[-1], math.log(num_classes)),
            ha="right",
            va="bottom",
            fontsize=8,
            color="0.4",
        )
    ax_loss.set_ylim(bottom=0)
    ax_loss.set_xlabel("epoch")
    ax_loss.set_ylabel("mean cross-entropy")
    ax_loss.set_title("loss")
    ax_acc.set_xlabel("epoch")
    ax_acc.set_ylabel("accuracy")
    ax_acc.set_title("accuracy")
    ax_acc.yaxis.set_major_formatter(plt.FuncFormatter(lambda v, _: f"{v:.0%}"))
    for ax in (ax_loss, ax_acc):
        ax.set_xlim(0, max(epochs[-1], 1))
        ax.legend(fontsize=8)
    if title:
        fig.suptitle(title)
    fig.tight_layout()
    return fig

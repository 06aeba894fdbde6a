"""Figures of 09 and 10: weight templates, digits, training curves, confusion matrix,
reliability diagram. Each test checks that the drawing shows the numbers it was given."""

import math

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import SoftmaxRegression, softmax
from helpers.data import toy_images, train_test_split
from helpers.evaluation import confusion_matrix, expected_calibration_error, reliability_curve
from helpers.plots import (
    draw_confusion_matrix,
    draw_digits,
    draw_reliability_diagram,
    draw_training_curves,
    draw_weight_templates,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def image_axes(fig):
    return [ax for ax in fig.axes if ax.images and ax.get_title()]


# -- templates and digits -------------------------------------------------------------------------


def test_weight_templates_show_each_column_on_one_shared_scale():
    rng = np.random.default_rng(0)
    W = rng.normal(size=(64, 10))
    fig = draw_weight_templates(W, [str(j) for j in range(10)], title="t")
    axes = image_axes(fig)
    assert [ax.get_title() for ax in axes] == [str(j) for j in range(10)]
    scale = np.abs(W).max()
    for j, ax in enumerate(axes):
        (image,) = ax.images
        np.testing.assert_array_equal(image.get_array(), W[:, j].reshape(8, 8))
        assert image.get_clim() == (-scale, scale)
    assert fig._suptitle.get_text() == "t"
    toy = draw_weight_templates(W[:4, :3], ["cat", "chicken", "dog"], image_shape=(2, 2))
    assert [ax.get_title() for ax in image_axes(toy)] == ["cat", "chicken", "dog"]


@pytest.mark.parametrize(
    ("W", "match"),
    [(np.zeros((63, 10)), "shape"), (np.full((4, 3), np.nan), "NaN")],
)
def test_weight_templates_reject_bad_input(W, match):
    with pytest.raises(ValueError, match=match):
        draw_weight_templates(W, image_shape=(8, 8) if W.shape[0] != 4 else (2, 2))


def test_digits_are_drawn_in_reading_order_with_their_titles():
    X = np.arange(3 * 64, dtype=float).reshape(3, 64)
    fig = draw_digits(X, ["a", "b\nc", "d"], title_colors=["red", "black", "black"], ncols=2)
    axes = image_axes(fig)
    assert [ax.get_title() for ax in axes] == ["a", "b\nc", "d"]
    np.testing.assert_array_equal(axes[1].images[0].get_array(), X[1].reshape(8, 8))
    assert axes[0].title.get_color() == "red"
    assert len(fig.axes) == 4  # a 2 x 2 grid, the empty fourth panel switched off
    assert not fig.axes[3].axison
    with pytest.raises(ValueError, match="one title per image"):
        draw_digits(X, ["a"])
    with pytest.raises(ValueError, match="shape"):
        draw_digits(np.zeros((2, 10)))


# -- training curves ------------------------------------------------------------------------------


def test_training_curves_plot_the_history():
    X, y, _ = toy_images(n_per_class=30, seed=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, seed=0)
    model = SoftmaxRegression(4, 3).fit(X_train, y_train, epochs=5, X_test=X_test, y_test=y_test)
    fig = draw_training_curves(model.history, num_classes=3, title="toy")
    loss_ax, acc_ax = fig.axes
    lines = {(ax.get_title(), line.get_label()): line for ax in fig.axes for line in ax.lines}
    for (panel, label), key in {
        ("loss", "train"): "train_loss",
        ("loss", "test"): "test_loss",
        ("accuracy", "train"): "train_acc",
        ("accuracy", "test"): "test_acc",
    }.items():
        line = lines[(panel, label)]
        np.testing.assert_array_equal(line.get_xdata(), model.history["epoch"])
        np.testing.assert_array_equal(line.get_ydata(), model.history[key])
    # the log q guide line
    assert any(np.allclose(line.get_ydata(), math.log(3)) for line in loss_ax.lines)
    without_test = {k: model.history[k] for k in ("epoch", "train_loss", "train_acc")}
    assert len(draw_training_curves(without_test).axes[1].lines) == 1
    with pytest.raises(ValueError, match="model.history"):
        draw_training_curves({"epoch": [1]})
    with pytest.raises(ValueError, match="empty"):
        draw_training_curves({"epoch": [], "train_loss": [], "train_acc": []})


# -- confusion matrix -----------------------------------------------------------------------------


def test_confusion_matrix_prints_every_nonzero_count_in_its_cell():
    y_true = np.array([0, 0, 1, 1, 1, 2, 2, 2, 2])
    y_pred = np.array([0, 2, 1, 1, 0, 2, 2, 1, 2])
    C = confusion_matrix(y_true, y_pred, 3)
    ax = draw_confusion_matrix(C, ["a", "b", "c"], title="cm")
    texts = {(round(t.get_position()[1]), round(t.get_position()[0])): t for t in ax.texts}
    for i in range(3):
        for j in range(3):
            if C[i, j] or i == j:
                assert texts[(i, j)].get_text() == str(C[i, j])
            else:
                assert (i, j) not in texts  # zeros off the diagonal are left blank
    assert [t.get_text() for t in ax.get_xticklabels()] == ["a", "b", "c"]
    assert ax.get_xlabel() == "predicted class" and ax.get_ylabel() == "true class"
    rgba = ax.images[0].get_array()
    assert rgba[0, 0, 1] > rgba[0, 0, 0]  # the diagonal is green
    assert rgba[0, 2, 0] > rgba[0, 2, 1]  # a mistake is red
    np.testing.assert_array_equal(rgba[0, 1], [1, 1, 1, 1])  # no mistakes: white


@pytest.mark.parametrize(
    ("C", "match"),
    [
        (np.zeros((2, 3), dtype=int), "square"),
        (np.array([[1.5, 0], [0, 1]]), "integer"),
        (np.array([[-1, 0], [0, 1]]), "non-negative"),
    ],
)
def test_confusion_matrix_rejects_bad_input(C, match):
    with pytest.raises(ValueError, match=match):
        draw_confusion_matrix(C)


# -- reliability diagram --------------------------------------------------------------------------


def test_reliability_diagram_draws_the_helpers_curve():
    rng = np.random.default_rng(1)
    y = rng.integers(0, 4, size=400)
    O = rng.normal(size=(400, 4)) * 2
    O[np.arange(400), y] += 2
    P = softmax(O)
    ax = draw_reliability_diagram(P, y, num_bins=10, title="r")
    curve = reliability_curve(P, y, 10)
    filled = curve.count > 0
    bars = [p for p in ax.patches if p.get_fill()]
    gaps = [p for p in ax.patches if not p.get_fill()]
    assert len(bars) == len(gaps) == filled.sum()
    np.testing.assert_allclose([p.get_height() for p in bars], curve.accuracy[filled])
    np.testing.assert_allclose([p.get_x() for p in bars], curve.bin_edges[:-1][filled])
    tops = [p.get_y() + p.get_height() for p in gaps]
    np.testing.assert_allclose(tops, curve.confidence[filled])
    counts = [t.get_text() for t in ax.texts]
    assert counts == [str(c) for c in curve.count[filled]]
    labels = [t.get_text() for t in ax.get_legend().get_texts()]
    ece = expected_calibration_error(P, y, 10)
    assert any(f"ECE = {ece:.3f}" in label for label in labels)
    with pytest.raises(ValueError, match="softmax"):
        draw_reliability_diagram(O, y)  # logits, not probabilities

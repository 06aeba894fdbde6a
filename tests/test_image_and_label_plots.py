"""Figures of 01 and 02: toy images, probability bars, predictions, distance matrices."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from helpers import one_hot, softmax
from helpers.data import toy_images
from helpers.plots import (
    COLORS,
    draw_distance_matrix,
    draw_distributions,
    draw_predictions,
    draw_toy_image,
    draw_toy_images,
)


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def bar_heights(ax) -> list[float]:
    return [patch.get_height() for patch in ax.patches]


def test_toy_image_shows_the_pixels_in_reading_order():
    x = np.array([0.1, 0.9, 0.4, 0.6])
    ax = draw_toy_image(x, title="one")
    np.testing.assert_array_equal(ax.get_images()[0].get_array(), x.reshape(2, 2))
    assert ax.get_images()[0].get_clim() == (0.0, 1.0)  # 0 black, 1 white, whatever the data
    labels = {(t.get_position(), t.get_text()) for t in ax.texts}
    assert labels == {((0, 0), "0.10"), ((1, 0), "0.90"), ((0, 1), "0.40"), ((1, 1), "0.60")}
    assert ax.get_title() == "one"
    assert len(draw_toy_image(x, show_values=False).texts) == 0


def test_toy_images_grid_has_one_row_per_class_with_that_class_images():
    X, y, names = toy_images(n_per_class=4, seed=0)
    fig = draw_toy_images(X, y, names, per_class=3)
    axes = np.array(fig.axes).reshape(3, 3)
    for j, name in enumerate(names):
        assert axes[j, 0].get_ylabel() == f"{name} (y={j})"
        members = np.flatnonzero(y == j)[:3]
        for k in range(3):
            shown = axes[j, k].get_images()[0].get_array()
            np.testing.assert_array_equal(shown, X[members[k]].reshape(2, 2))
            frame = axes[j, k].spines["left"].get_edgecolor()
            assert np.allclose(frame, plt.matplotlib.colors.to_rgba(COLORS[j]))


def test_toy_images_grid_leaves_missing_images_blank():
    X = np.array([[0.0, 1.0, 0.0, 1.0], [1.0, 1.0, 0.0, 0.0], [0.5, 0.5, 0.5, 0.5]])
    fig = draw_toy_images(X, np.array([0, 1, 1]), ["a", "b"], per_class=2)
    axes = np.array(fig.axes).reshape(2, 2)
    assert not axes[0, 1].axison and axes[1, 1].axison
    assert len(axes[0, 1].get_images()) == 0


def test_toy_images_in_a_row_with_titles():
    X, _, _ = toy_images(n_per_class=1, seed=0)
    fig = draw_toy_images(X, titles=["a", "b", "c"])
    assert [ax.get_title() for ax in fig.axes] == ["a", "b", "c"]
    for ax, x in zip(fig.axes, X, strict=True):
        np.testing.assert_array_equal(ax.get_images()[0].get_array(), x.reshape(2, 2))


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: draw_toy_images(np.zeros((2, 3))), r"shape \(n, 4\)"),
        (lambda: draw_toy_images(np.zeros((2, 4)), titles=["a"]), "one title per row"),
        (lambda: draw_toy_images(np.zeros((2, 4)), np.array([0]), ["a"]), "one label per row"),
        (
            lambda: draw_toy_images(np.zeros((2, 4)), np.array([0, 0]), ["a"], per_class=0),
            "per_class",
        ),
        (lambda: draw_toy_image([0.0, np.nan, 0.0, 1.0]), "NaN or inf"),
    ],
)
def test_toy_images_refuse_bad_input(call, words):
    with pytest.raises(ValueError, match=words):
        call()


def test_distributions_draw_one_panel_per_row_with_the_values():
    P = np.vstack([one_hot([2], 3), [[0.3, 0.0, 0.7]], [[0.5, 0.3, 0.2]]])
    fig = draw_distributions(
        P, ["cat", "chicken", "dog"], titles=["a", "b", "c"], suptitle="labels"
    )
    assert len(fig.axes) == 3 and fig._suptitle.get_text() == "labels"
    for ax, p in zip(fig.axes, P, strict=True):
        np.testing.assert_allclose(bar_heights(ax), p)
        widths = [patch.get_linewidth() for patch in ax.patches]
        assert int(np.argmax(widths)) == int(np.argmax(p))  # the argmax is outlined
        assert [t.get_text() for t in ax.texts] == [f"{v:.2f}" for v in p]
        assert [t.get_text() for t in ax.get_xticklabels()] == ["cat", "chicken", "dog"]
    assert fig.axes[0].get_ylabel() == "probability" and fig.axes[1].get_ylabel() == ""


def test_distributions_accept_one_vector_and_refuse_mismatches():
    fig = draw_distributions([0.2, 0.8], ["no", "yes"])
    np.testing.assert_allclose(bar_heights(fig.axes[0]), [0.2, 0.8])
    with pytest.raises(ValueError, match="one per class"):
        draw_distributions([0.2, 0.8], ["a", "b", "c"])
    with pytest.raises(ValueError, match="one title per row"):
        draw_distributions([[0.2, 0.8]], ["a", "b"], titles=["x", "y"])
    with pytest.raises(ValueError, match="NaN or inf"):
        draw_distributions([np.nan, 1.0], ["a", "b"])


def test_predictions_put_each_image_above_its_probabilities():
    X, y, names = toy_images(n_per_class=1, seed=0)
    Y_hat = softmax(np.array([[2.0, 0.5, -1.0], [0.3, 1.2, 0.9], [-0.5, 0.2, 2.5]]))
    fig = draw_predictions(X, Y_hat, names, titles=["p", "q", "r"], suptitle="illustrative")
    axes = np.array(fig.axes).reshape(2, 3)
    for i in range(3):
        np.testing.assert_array_equal(axes[0, i].get_images()[0].get_array(), X[i].reshape(2, 2))
        np.testing.assert_allclose(bar_heights(axes[1, i]), Y_hat[i])
    assert [ax.get_title() for ax in axes[0]] == ["p", "q", "r"]
    assert fig._suptitle.get_text() == "illustrative"
    with pytest.raises(ValueError, match="one row per image"):
        draw_predictions(X[:2], Y_hat, names)
    with pytest.raises(ValueError, match="one per class"):
        draw_predictions(X, Y_hat, names[:2])


def test_distance_matrix_prints_every_distance():
    E = np.eye(3)
    D = np.linalg.norm(E[:, None] - E[None, :], axis=-1)
    ax = draw_distance_matrix(D, ["cat", "chicken", "dog"], title="one-hot", vmax=2)
    np.testing.assert_array_equal(ax.get_images()[0].get_array(), D)
    assert ax.get_images()[0].get_clim() == (0.0, 2.0)
    texts = [t.get_text() for t in ax.texts]
    assert texts == [f"{v:.2f}" for v in D.ravel()]
    assert ax.get_title() == "one-hot"
    ax_int = draw_distance_matrix(np.zeros((2, 2)), ["a", "b"], fmt="{:.0f}")
    assert [t.get_text() for t in ax_int.texts] == ["0"] * 4


def test_distance_matrix_refuses_non_square_input():
    with pytest.raises(ValueError, match="square"):
        draw_distance_matrix(np.zeros((2, 3)), ["a", "b"])
    with pytest.raises(ValueError, match="one name per row"):
        draw_distance_matrix(np.zeros((2, 2)), ["a"])

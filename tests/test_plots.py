"""Plot helpers: the decision regions figure and the style's text stand-in."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.contour import ContourSet

from helpers.plots import draw_decision_regions
from helpers.plots.style import figure_text


def test_decision_regions_draw_one_boundary_per_touching_pair():
    W = np.array([[2.0, -1.0, -1.0], [0.0, 1.5, -1.5]])
    b = np.array([0.0, 0.5, 0.2])
    ax = draw_decision_regions(W, b, class_names=["cat", "chicken", "dog"])
    image = ax.get_images()[0].get_array()
    assert set(np.unique(image)) == {0, 1, 2}
    # boundary lines: every vertex satisfies o_i = o_j for some pair (i, j)
    paths = [p for c in ax.collections if isinstance(c, ContourSet) for p in c.get_paths()]
    assert paths
    vertices = np.concatenate([p.vertices for p in paths if len(p.vertices)])
    O = vertices @ W + b
    gaps = np.sort(O, axis=1)
    assert np.abs(gaps[:, -1] - gaps[:, -2]).max() < 0.05
    assert figure_text(ax.figure) == "[figure]"
    ax.set_title("regions")
    assert figure_text(ax.figure) == "[figure: regions]"
    plt.close("all")


def test_decision_regions_reject_wrong_shapes():
    with pytest.raises(ValueError, match=r"\(2, q\)"):
        draw_decision_regions(np.ones((3, 3)), np.ones(3))

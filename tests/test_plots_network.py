"""draw_network: nodes, edges, widths and colours that follow W (artists, not pixels)."""

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.patches import Circle

from helpers.plots import draw_network
from helpers.plots.network import MAX_WIDTH, MIN_WIDTH, NEGATIVE, POSITIVE, edge_widths


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def edge_lines(ax) -> dict[tuple[int, int], object]:
    """(k, j) -> the Line2D from input k to output j."""
    out = {}
    for line in ax.lines:
        gid = line.get_gid() or ""
        if gid.startswith("edge-"):
            _, k, j = gid.split("-")
            out[int(k), int(j)] = line
    return out


def nodes(ax, kind: str) -> list[Circle]:
    return [p for p in ax.patches if isinstance(p, Circle) and p.get_gid().startswith(kind)]


def texts(ax, prefix: str) -> list[str]:
    return [t.get_text() for t in ax.texts if (t.get_gid() or "").startswith(prefix)]


def test_default_is_the_notes_4_to_3_network():
    ax = draw_network()
    assert len(nodes(ax, "input")) == 4 and len(nodes(ax, "output")) == 3
    lines = edge_lines(ax)
    assert sorted(lines) == [(k, j) for k in range(4) for j in range(3)]  # fully connected
    labels = texts(ax, "weight")
    assert len(labels) == 12 and "$w_{12}$" in labels and "$w_{34}$" in labels
    # every edge starts at its input node's rim and ends at its output node's rim
    for (k, j), line in lines.items():
        (x0, x1), (y0, y1) = line.get_xdata(), line.get_ydata()
        start, end = nodes(ax, "input")[k].center, nodes(ax, "output")[j].center
        r = nodes(ax, "input")[k].radius
        assert np.hypot(x0 - start[0], y0 - start[1]) == pytest.approx(r)
        assert np.hypot(x1 - end[0], y1 - end[1]) == pytest.approx(r)


@pytest.mark.parametrize(("d", "q"), [(1, 1), (2, 5), (6, 2), (8, 10)])
def test_other_sizes_have_d_times_q_edges(d, q):
    rng = np.random.default_rng(d * 10 + q)
    ax = draw_network(rng.normal(size=(d, q)))
    assert len(edge_lines(ax)) == d * q
    assert len(nodes(ax, "input")) == d and len(nodes(ax, "output")) == q
    assert len(texts(ax, "weight")) == (d * q if d * q <= 24 else 0)


def test_edge_widths_follow_abs_W_and_colours_follow_the_sign():
    W = np.array([[0.0, -3.0, 1.0], [2.0, 0.5, -1.5], [-0.25, 2.5, 0.75], [1.25, -2.0, 3.0]])
    ax = draw_network(W)
    lines = edge_lines(ax)
    widths = np.array([[lines[k, j].get_linewidth() for j in range(3)] for k in range(4)])
    # the ranking of the widths is the ranking of |W|, from MIN_WIDTH at 0 to MAX_WIDTH at max
    assert (np.argsort(widths, axis=None) == np.argsort(np.abs(W), axis=None)).all()
    assert widths[0, 0] == pytest.approx(MIN_WIDTH) and widths.max() == pytest.approx(MAX_WIDTH)
    np.testing.assert_allclose(widths, edge_widths(W))
    for (k, j), line in lines.items():
        w = W[k, j]
        if w:
            assert line.get_color() == (POSITIVE if w > 0 else NEGATIVE)
    assert texts(ax, "weight")[1] == "-3.00"  # numbers, not symbols, once W is given


def test_weight_scale_caps_the_width():
    W = np.array([[0.5, 4.0], [1.0, -2.0]])
    widths = edge_widths(W, weight_scale=2.0)
    assert widths[0, 1] == widths[1, 1] == pytest.approx(MAX_WIDTH)
    assert widths[0, 0] < widths[1, 0] < MAX_WIDTH
    np.testing.assert_allclose(edge_widths(np.zeros((2, 2))), MIN_WIDTH)


def test_logits_inputs_and_highlight():
    W = np.array([[0.5, 0.5, 0.5], [2.0, -1.0, -1.0], [-1.0, -1.0, 2.0], [-1.0, 2.0, -1.0]])
    b, x = np.array([0.2, -0.1, 0.3]), np.array([0.9, 0.7, 0.3, 0.1])
    ax = draw_network(W, b, x, output_names=["cat", "chicken", "dog"], highlight=2)
    all_text = "\n".join(t.get_text() for t in ax.texts)
    for j, v in enumerate(x @ W + b):
        assert f"$o_{{{j + 1}}}$ = {v:.3f}" in all_text
    assert "0.90" in all_text and "chicken" in all_text and "$b_{3}$ = 0.30" in all_text
    lines = edge_lines(ax)
    for (_, j), line in lines.items():
        assert (line.get_alpha() > 0.5) == (j == 2)
    assert len(texts(ax, "weight")) == 4  # only the highlighted class is labelled
    # input nodes are shaded like the pixels: x = 0.9 is light, x = 0.1 dark
    shades = [n.get_facecolor()[0] for n in nodes(ax, "input")]
    np.testing.assert_allclose(shades, x, atol=0.01)


def test_draws_into_a_given_axes_and_hides_labels_on_request():
    fig, ax = plt.subplots()
    assert draw_network(ax=ax, show_weights=False) is ax
    assert texts(ax, "weight") == [] and len(fig.axes) == 1


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"W": np.ones((3, 4)), "x": np.ones(4)}, r"pass W\.T"),
        ({"W": np.ones((4, 3)), "b": np.ones(4)}, "one bias per class"),
        ({"W": np.ones(4)}, "2-D"),
        ({"W": np.ones((4, 3)), "highlight": 3}, "0..2"),
        ({"output_names": ["a", "b"]}, "2 output names"),
    ],
)
def test_errors_say_what_to_fix(kwargs, message):
    with pytest.raises(ValueError, match=message):
        draw_network(**kwargs)

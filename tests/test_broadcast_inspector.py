"""BroadcastInspector: the shapes and numbers shown equal NumPy's own computation."""

import html as htmllib
import itertools
import re

import numpy as np
import pytest

from helpers import softmax
from helpers.widgets import BroadcastInspector
from helpers.widgets.broadcast_inspector import (
    D_MAX,
    N_MAX,
    Q_MAX,
    SHAPE_ORDER,
    broadcast_state,
    example_arrays,
)

SPAN = re.compile(r'<span class="sm-value sm-([\w-]+)"(?: data-index="(\d+)")?[^>]*>(.*?)</span>')


def spans(text: str, kind: str) -> list[str]:
    """The texts of every value_span of this kind, in data-index order."""
    found = [
        (int(i) if i else -1, htmllib.unescape(t)) for k, i, t in SPAN.findall(text) if k == kind
    ]
    return [t for _, t in sorted(found)]


def shown_numbers(text: str, kind: str) -> np.ndarray:
    return np.array([float(t) for t in spans(text, kind)])


SETTINGS = [(4, 4, 3), (1, 1, 1), (N_MAX, D_MAX, Q_MAX), (2, 5, 4), (6, 1, 2), (3, 3, 3)]
EXTREMES = list(itertools.product([1, N_MAX], [1, D_MAX], [1, Q_MAX]))


@pytest.mark.parametrize(("n", "d", "q"), SETTINGS + EXTREMES)
def test_state_matches_numpy(n, d, q):
    X, W, b = example_arrays(n, d, q)
    s = broadcast_state(n, d, q)
    assert X.shape == (n, d) and W.shape == (d, q) and b.shape == (q,)
    XW = X @ W
    np.testing.assert_array_equal(s["XW"], XW)
    np.testing.assert_array_equal(s["b_broadcast"], np.broadcast_to(b, (n, q)))
    np.testing.assert_array_equal(s["O"], XW + b)
    np.testing.assert_array_equal(s["O"], XW + np.tile(b, (n, 1)))
    np.testing.assert_allclose(s["Y_hat"], softmax(XW + b, axis=1), rtol=1e-15)
    np.testing.assert_allclose(s["row_sums"], np.ones(n))
    assert s["shapes"] == {
        "X": (n, d),
        "W": (d, q),
        "XW": (n, q),
        "b": (q,),
        "b_broadcast": (n, q),
        "O": (n, q),
        "Y_hat": (n, q),
    }
    assert s["shape_text"]["b"] == f"({q},)"
    assert s["shape_text"]["O"] == f"({n}, {q})"
    # stride 0 along the rows: every row reads the same q numbers (numpy reports 0 for an
    # axis of length 1 as well, hence q == 1)
    assert s["b_strides"] == (0, 8 if q > 1 else 0)
    assert s["b_bytes"] == 8 * q and s["copy_bytes"] == 8 * n * q


def test_example_is_seeded_and_stable_when_a_slider_moves():
    X4, W4, b4 = example_arrays(4, 4, 3)
    X6, W6, b6 = example_arrays(6, 5, 5)
    np.testing.assert_array_equal(X6[:4, :4], X4)
    np.testing.assert_array_equal(W6[:4, :3], W4)
    np.testing.assert_array_equal(b6[:3], b4)
    assert len(set(b6.tolist())) == Q_MAX, "b's entries are distinct, so its copies are visible"
    X_other, _, _ = example_arrays(4, 4, 3, seed=1)
    assert not np.array_equal(X_other, X4)


@pytest.mark.parametrize(
    ("n", "d", "q", "error"),
    [
        (0, 2, 2, ValueError),
        (2, D_MAX + 1, 2, ValueError),
        (2, 2, 2.5, TypeError),
        (True, 2, 2, TypeError),
    ],
)
def test_sizes_are_validated(n, d, q, error):
    with pytest.raises(error, match="must be"):
        broadcast_state(n, d, q)


@pytest.mark.parametrize(("n", "d", "q"), SETTINGS + EXTREMES)
def test_widget_shows_the_computed_numbers_and_shapes(n, d, q):
    w = BroadcastInspector()
    w.set(n=n, d=d, q=q)
    X, W, b = example_arrays(n, d, q)
    product, total, soft = w.product.value, w.sum.value, w.softmax.value
    np.testing.assert_array_equal(shown_numbers(product, "x"), X.ravel())
    np.testing.assert_array_equal(shown_numbers(product, "w"), W.ravel())
    np.testing.assert_array_equal(shown_numbers(product, "xw"), (X @ W).ravel())
    np.testing.assert_array_equal(shown_numbers(total, "xw2"), (X @ W).ravel())
    np.testing.assert_array_equal(shown_numbers(total, "b"), b)
    np.testing.assert_array_equal(
        shown_numbers(total, "b-broadcast"), np.broadcast_to(b, (n, q)).ravel()
    )
    np.testing.assert_array_equal(shown_numbers(total, "o"), (X @ W + b).ravel())
    np.testing.assert_allclose(
        shown_numbers(soft, "y-hat"), softmax(X @ W + b, axis=1).ravel(), atol=5e-4
    )
    assert spans(soft, "rowsum") == ["1.000"] * n
    # rows 2..n of the broadcast b are the virtual copies; the first row is b itself
    assert total.count('class="sm-virtual"') == n - 1
    assert ("virtual copies" in total) == (n > 1)
    # shapes, by their position in SHAPE_ORDER
    everything = product + total + soft
    shown = {}
    for k, idx, text in SPAN.findall(everything):
        if k == "shape":
            shown.setdefault(SHAPE_ORDER[int(idx)], set()).add(htmllib.unescape(text))
    assert shown == {name: {str(shape)} for name, shape in w.state["shapes"].items()}
    assert shown["O"] == {f"({n}, {q})"} and shown["b"] == {f"({q},)"}
    assert spans(w.notes.value, "strides") == [str(w.state["b_strides"])]
    assert w.state["b_strides"][0] == 0
    assert "-0" not in " ".join(spans(everything, "xw") + spans(everything, "o"))


def test_widget_wiring_css_and_summary():
    w = BroadcastInspector()
    assert set(w.controls) == {"n", "d", "q"}
    for name, control in w.controls.items():
        assert f"sm-slider-{name}" in control._dom_classes
        assert (control.min, control.max) == (1, {"n": N_MAX, "d": D_MAX, "q": Q_MAX}[name])
    assert "sm-broadcast-inspector" in w.root._dom_classes
    assert w.summary().startswith("BroadcastInspector: X (4, 4) @ W (4, 3) = XW (4, 3)")
    w.controls["q"].value = 5  # a student dragging one slider: the view follows
    assert w.state["shape_text"]["O"] == "(4, 5)"
    assert "O (4, 5)" in w.summary()
    bundle = w._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"] == w.summary()
    w.set(n=99)  # clamped by ipywidgets, as in the browser
    assert w.state["n"] == N_MAX
    with pytest.raises(KeyError, match="no control"):
        w.set(m=3)

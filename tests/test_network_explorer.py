"""NetworkExplorer and its computation network_state, driven headless."""

import itertools
import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers.widgets import NetworkExplorer
from helpers.widgets.network_explorer import _num, network_state, network_svg

finite = st.floats(-5, 5, allow_nan=False, allow_infinity=False)


def shown(html: str, kind: str) -> list[str]:
    """The texts of the sm-value spans of one kind, in document order."""
    pattern = rf'class="sm-value sm-{kind}"(?: data-index="(\d+)")?[^>]*>([^<]*)<'
    return [text for _, text in re.findall(pattern, html)]


def edges(svg: str) -> list[dict]:
    """Every <line class="sm-edge..."> of the diagram, with its attributes."""
    out = []
    for tag in re.findall(r"<line class=\"sm-edge[^>]*>", svg):
        attrs = dict(re.findall(r'([\w-]+)="([^"]*)"', tag))
        out.append(attrs)
    return out


def logits_by_loops(x, W, b):
    """o_j = sum_k x_k W[k, j] + b_j, an independent reference."""
    d, q = W.shape
    return np.array([sum(x[k] * W[k, j] for k in range(d)) + b[j] for j in range(q)])


@given(
    st.integers(1, 6).flatmap(
        lambda d: st.integers(1, 5).flatmap(
            lambda q: st.tuples(
                hnp.arrays(np.float64, d, elements=finite),
                hnp.arrays(np.float64, (d, q), elements=finite),
                hnp.arrays(np.float64, q, elements=finite),
                st.integers(0, q - 1),
            )
        )
    )
)
def test_state_is_xW_plus_b(params):
    x, W, b, cls = params
    state = network_state(x, W, b, cls)
    np.testing.assert_allclose(state["o"], logits_by_loops(x, W, b), atol=1e-12)
    # the chosen class's logit is the sum of its products plus its bias
    np.testing.assert_allclose(sum(state["terms"]) + b[cls], state["o"][cls], atol=1e-12)
    np.testing.assert_allclose(state["terms"], x * W[:, cls])
    assert state["argmax"] == int(np.argmax(x @ W + b))
    assert state["cls"] == cls and len(state["W"]) == W.shape[0]


def test_state_agrees_with_the_notes_layout():
    x, W_note, b = np.array([0.9, 0.7, 0.3, 0.1]), np.arange(12.0).reshape(3, 4) / 6, np.ones(3)
    np.testing.assert_allclose(network_state(x, W_note.T, b)["o"], W_note @ x + b)


def test_state_rejects_the_transposed_layout_and_bad_classes():
    x, W = np.ones(4), np.ones((3, 4))  # the note's (q, d) matrix
    with pytest.raises(ValueError, match=r"pass W\.T"):
        network_state(x, W, np.zeros(3))
    with pytest.raises(ValueError, match="b has shape"):
        network_state(x, W.T, np.zeros(4))
    with pytest.raises(ValueError, match="class index 0..2"):
        network_state(x, W.T, np.zeros(3), cls=3)
    with pytest.raises(ValueError, match="class index"):
        network_state(x, W.T, np.zeros(3), cls=True)


def test_widget_shows_the_logits_it_computes():
    e = NetworkExplorer()
    e.set(x1=0.2, x2=0.9, x3=0.0, x4=0.6)
    x = np.array([0.2, 0.9, 0.0, 0.6])
    expected = x @ e.W + e.b
    np.testing.assert_allclose(e.state["o"], expected)
    assert shown(e.bars.value, "logit") == [_num(v, "{:.3f}") for v in expected]
    indices = re.findall(r'class="sm-value sm-logit" data-index="(\d+)"', e.bars.value)
    assert indices == ["0", "1", "2"]
    # the diagram writes the same logits beside the output nodes
    for j, v in enumerate(expected):
        assert f"o{j + 1} = {_num(v, '{:.3f}')}" in e.diagram.value
    assert f"o = xW + b = [{', '.join(_num(v, '{:.3f}') for v in expected)}]" in e.summary()


def test_choosing_a_class_loads_its_weights_and_edits_only_that_column():
    W0 = np.array([[0.5, 0.5, 0.5], [2.0, -1.0, -1.0], [-1.0, -1.0, 2.0], [-1.0, 2.0, -1.0]])
    b0 = np.array([0.2, -0.1, 0.3])
    e = NetworkExplorer(W=W0, b=b0)
    for j in range(3):
        e.set(cls=j)
        assert [e.controls[f"w{k + 1}"].value for k in range(4)] == list(W0[:, j])
        assert e.controls["b"].value == b0[j]
        assert e.controls["w2"].description.startswith(f"w{j + 1}2")
        np.testing.assert_array_equal(e.W, W0)  # only looking changes nothing
    e.set(cls=1, w1=-2.5, b=1.0)
    expected_W, expected_b = W0.copy(), b0.copy()
    expected_W[0, 1], expected_b[1] = -2.5, 1.0
    np.testing.assert_array_equal(e.W, expected_W)
    np.testing.assert_array_equal(e.b, expected_b)
    np.testing.assert_allclose(e.state["o"], e.x @ expected_W + expected_b)
    # the class is applied first, whatever the keyword order
    e.set(w4=0.7, cls=0)
    assert e.W[3, 0] == 0.7 and e.W[3, 1] == W0[3, 1]
    # going back shows the edited weights of class 1
    e.set(cls=1)
    assert e.controls["w1"].value == -2.5 and e.controls["b"].value == 1.0


def test_moving_a_slider_directly_updates_in_place():
    e = NetworkExplorer()
    diagram, before = e.diagram, e.diagram.value
    e.controls["cls"].value = 2  # as a click in the browser
    assert e.state["cls"] == 2 and e.diagram is diagram and e.diagram.value != before
    e.controls["w3"].value = -3.0
    assert e.W[2, 2] == -3.0
    assert e.state["o"][2] == pytest.approx(float(e.x @ e.W[:, 2] + e.b[2]))
    assert shown(e.equation.value, "chosen-logit") == [_num(e.state["o"][2], "{:.3f}")]


def test_equation_terms_add_up():
    e = NetworkExplorer().set(cls=1, x1=0.5, w1=-1.5, b=-0.4)
    terms = [float(t) for t in shown(e.equation.value, "term")]
    np.testing.assert_allclose(terms, e.x * e.W[:, 1], atol=5e-4)
    assert shown(e.equation.value, "bias") == ["-0.40"]
    assert "(<span" in e.equation.value  # negative numbers are bracketed: + (-0.750)


def test_edges_follow_the_weights():
    e = NetworkExplorer().set(cls=0, w1=0.0, w2=-3.0, w3=1.0, w4=2.0)
    found = edges(e.diagram.value)
    assert len(found) == 12
    by_pair = {(int(a["data-from"]), int(a["data-to"])): a for a in found}
    assert set(by_pair) == set(itertools.product(range(4), range(3)))
    for (k, j), a in by_pair.items():
        assert float(a["data-weight"]) == pytest.approx(e.W[k, j], abs=5e-4)
        w = e.W[k, j]
        assert a["stroke"] == ("#1f77b4" if w > 0 else "#d62728" if w < 0 else "#888888")
        assert ("sm-edge-chosen" in a["class"]) == (j == 0)
    widths = {k: float(by_pair[k, 0]["stroke-width"]) for k in range(4)}
    # |w|: 0 < 1 < 2 < 3 for inputs 1, 3, 4, 2
    assert widths[0] < widths[2] < widths[3] < widths[1]
    assert len(re.findall(r'class="sm-edge-label"', e.diagram.value)) == 4
    assert e.diagram.value.count('class="sm-node sm-node-input"') == 4
    assert e.diagram.value.count('class="sm-node sm-node-output"') == 3


def test_controls_and_css_classes_for_the_browser_tests():
    e = NetworkExplorer()
    assert list(e.controls) == ["x1", "x2", "x3", "x4", "cls", "w1", "w2", "w3", "w4", "b"]
    assert "sm-network-explorer" in e.root._dom_classes
    for name in ["x1", "x2", "x3", "x4", "w1", "w2", "w3", "w4", "b"]:
        assert f"sm-slider-{name}" in e.controls[name]._dom_classes
    assert "sm-view-network" in e.diagram._dom_classes
    assert e.diagram.value.startswith('<svg class="sm-network-svg"')
    bundle = e._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    assert bundle["text/plain"].startswith("NetworkExplorer: x = [0.90, 0.70, 0.30, 0.10]")


def test_sweep_slider_extremes_without_warnings():
    # pytest runs with warnings as errors: any RuntimeWarning fails this test
    e = NetworkExplorer()
    for cls, x, w, b in itertools.product(range(3), [0.0, 1.0], [-3.0, 0.0, 3.0], [-3.0, 3.0]):
        e.set(cls=cls, x1=x, x2=1 - x, x3=x, x4=x, w1=w, w2=-w, w3=w, w4=w, b=b)
        assert np.isfinite(e.state["o"]).all()
        assert "nan" not in e.bars.value and "-0.000" not in e.bars.value
    e.set(x1=5.0, w1=99.0)  # clamped like a browser slider
    assert e.controls["x1"].value == 1.0 and e.W[0, e.cls] == 3.0


def test_other_sizes_and_names():
    rng = np.random.default_rng(1)
    W, b, x = rng.uniform(-1, 1, (6, 2)), rng.uniform(-1, 1, 2), rng.uniform(0, 1, 6)
    e = NetworkExplorer(W=W, b=b, x=x, class_names=["no", "yes"])
    assert [n for n in e.controls if n.startswith("w")] == [f"w{k}" for k in range(1, 7)]
    np.testing.assert_allclose(e.state["o"], x @ W + b)
    assert len(edges(e.diagram.value)) == 12 and "yes" in e.bars.value
    assert NetworkExplorer(W=np.ones((4, 5)) / 2).class_names[4] == "class 5"


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"W": np.ones((3, 4)), "x": [0.9, 0.7, 0.3, 0.1]}, r"pass W\.T"),
        ({"W": np.full((4, 3), 5.0)}, "weight_range"),
        ({"x": [0.5, 0.5, 2.0, 0.5]}, r"\[0, 1\]"),
        ({"class_names": ["a", "b"]}, "2 class names"),
        ({"W": np.ones((9, 3))}, "1 to 8 inputs"),
    ],
)
def test_construction_errors_say_what_to_fix(kwargs, message):
    with pytest.raises(ValueError, match=message):
        NetworkExplorer(**kwargs)


def test_svg_never_prints_negative_zero():
    state = network_state([0.9, 0.7, 0.3, 0.1], np.ones((4, 3)) * [[1], [-1], [-1], [1]], [0, 0, 0])
    assert abs(state["o"][0]) < 1e-15 or state["o"][0] == 0
    svg = network_svg(state)
    assert "-0.000" not in svg and "o1 = 0.000" in svg
    assert _num(-1e-17) == "0.00" and _num(-0.5) == "-0.50"

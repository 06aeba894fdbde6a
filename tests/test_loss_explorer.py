"""LossExplorer: ŷ, the terms and the loss shown equal the helpers' (and scipy's) numbers."""

import html as htmllib
import itertools
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest
import scipy.special as sp
from hypothesis import given
from hypothesis import strategies as st

from helpers import cross_entropy, log_softmax, one_hot, softmax
from helpers.widgets import LossExplorer
from helpers.widgets.loss_explorer import (
    LOSS_MAX,
    SVG_H,
    SVG_W,
    _px,
    curve_points,
    loss_curve_svg,
    loss_state,
)

SPAN = re.compile(r'<span class="sm-value sm-([\w-]+)"(?: data-index="(\d+)")?[^>]*>(.*?)</span>')
SETTINGS = [
    ([2.0, 1.0, -1.0], 0, 1.0),
    ([2.0, 1.0, -1.0], 2, 1.0),
    ([0.0, 0.0, 0.0], 1, 1.0),
    ([3.5, -2.2, 0.7], 1, 0.3),
    ([-4.0, 6.0, 1.0], 0, 5.0),
    ([10.0, -10.0, 10.0], 1, 0.1),
]
EXTREMES = [
    (list(o), y, T)
    for o in itertools.product([-10.0, 10.0], repeat=3)
    for y in range(3)
    for T in (0.1, 10.0)
]


def spans(text: str, kind: str) -> list[str]:
    found = [
        (int(i) if i else -1, htmllib.unescape(t)) for k, i, t in SPAN.findall(text) if k == kind
    ]
    return [t for _, t in sorted(found)]


@pytest.mark.parametrize(("o", "y", "T"), SETTINGS + EXTREMES)
def test_state_matches_helpers_and_scipy(o, y, T):
    s = loss_state(o, y, T)
    z = np.asarray(o) / T
    np.testing.assert_allclose(s["z"], z)
    np.testing.assert_allclose(s["y_hat"], sp.softmax(z), rtol=1e-12, atol=1e-300)
    np.testing.assert_allclose(s["log_y_hat"], sp.log_softmax(z), rtol=1e-12)
    assert s["y_onehot"] == one_hot(y, 3).tolist()
    # with a one-hot y only the true class's term survives
    assert [j for j, t in enumerate(s["terms"]) if t != 0] in ([y], [])
    assert s["terms"][y] == pytest.approx(-sp.log_softmax(z)[y], rel=1e-12, abs=1e-12)
    assert s["loss"] == pytest.approx(cross_entropy(z[None], [y]), rel=1e-12, abs=1e-12)
    assert s["loss"] == pytest.approx(s["term_sum"], rel=1e-12, abs=1e-12)
    assert s["loss"] == pytest.approx(s["lse"] - s["z_true"], rel=1e-9, abs=1e-9)
    assert s["lse"] == pytest.approx(float(sp.logsumexp(z)), rel=1e-12)
    assert s["p_true"] == s["y_hat"][y]
    assert s["uniform_loss"] == pytest.approx(math.log(3))
    assert all(math.isfinite(v) for v in s["terms"] + [s["loss"]])
    assert all(str(t) != "-0.0" for t in s["terms"])


@given(
    st.lists(st.floats(-10, 10), min_size=2, max_size=10).flatmap(
        lambda o: st.tuples(st.just(o), st.integers(0, len(o) - 1))
    ),
    st.floats(0.1, 10.0),
)
def test_state_property_loss_is_minus_log_p_true(o_and_y, T):
    o, y = o_and_y
    s = loss_state(o, y, T)
    z = np.asarray(o) / T
    assert s["loss"] == pytest.approx(-sp.log_softmax(z)[y], rel=1e-9, abs=1e-12)
    assert sum(s["y_hat"]) == pytest.approx(1.0)
    assert s["loss"] >= 0 and math.isfinite(s["loss"])
    svg = loss_curve_svg(s["p_true"], s["loss"], s["uniform_loss"])
    check_svg(svg, s["p_true"], s["loss"])


def test_uniform_logits_give_log_q_at_any_temperature():
    for q in (2, 3, 7):
        for T in (0.1, 1.0, 10.0):
            assert loss_state([1.5] * q, 0, T)["loss"] == pytest.approx(math.log(q))


@pytest.mark.parametrize(
    ("args", "error", "match"),
    [
        (([1.0, 2.0], 2, 1.0), ValueError, "out of range"),
        (([1.0, 2.0], 0, 0.0), ValueError, "temperature"),
        (([1.0, float("nan")], 0, 1.0), ValueError, "NaN"),
        (([[1.0, 2.0]], 0, 1.0), ValueError, "shape"),
    ],
)
def test_inputs_are_validated(args, error, match):
    with pytest.raises(error, match=match):
        loss_state(*args)


def check_view(w: LossExplorer) -> None:
    """The numbers in the HTML are the state's, and the state is the helpers'."""
    s = w.state
    z = np.asarray(w.logits) / w.controls["temperature"].value
    y = w.controls["y"].value
    probs = [float(t) for t in spans(w.bars.value, "prob")]
    np.testing.assert_allclose(probs, softmax(z), rtol=1e-3, atol=1e-300)
    assert spans(w.bars.value, "prob") == [f"{p:.4g}" for p in s["y_hat"]]
    terms = [float(t) for t in spans(w.terms.value, "term")]
    expected_terms = -one_hot(y, 3) * log_softmax(z)
    np.testing.assert_allclose(terms, expected_terms, rtol=1e-3, atol=1e-12)
    assert spans(w.terms.value, "term") == [f"{t:.4g}" for t in s["terms"]]
    (loss_text,) = spans(w.terms.value, "loss")
    assert float(loss_text) == pytest.approx(cross_entropy(z[None], [y]), rel=1e-3)
    assert loss_text == f"{s['loss']:.4g}"
    (p_text,) = spans(w.terms.value, "p-true")
    assert p_text == f"{s['p_true']:.4g}"
    check_svg(w.curve.value, s["p_true"], s["loss"])


def check_svg(svg: str, p: float, loss: float) -> None:
    root = ET.fromstring(svg)  # well-formed XML: a browser will draw it
    ns = {"s": "http://www.w3.org/2000/svg"}
    (dot,) = root.findall("s:circle", ns)
    assert dot.get("class") == "sm-loss-dot"
    cx, cy = float(dot.get("cx")), float(dot.get("cy"))
    ex, ey = _px(p, min(loss, LOSS_MAX))
    assert (cx, cy) == (pytest.approx(ex, abs=0.06), pytest.approx(ey, abs=0.06))
    assert 0 <= cx <= SVG_W and 0 <= cy <= SVG_H
    assert float(dot.get("data-loss")) == pytest.approx(loss, rel=1e-5)
    off = root.findall("s:text[@class='sm-off-chart']", ns)
    assert len(off) == (1 if loss > LOSS_MAX else 0)


@pytest.mark.parametrize(("o", "y", "T"), SETTINGS + EXTREMES)
def test_widget_shows_the_helpers_numbers(o, y, T):
    w = LossExplorer()
    w.set(o1=o[0], o2=o[1], o3=o[2], y=y, temperature=T)
    assert w.state == loss_state(o, y, T)
    check_view(w)


def test_dot_lies_on_the_curve_and_curve_is_minus_log_p():
    for p, lv in curve_points():
        assert lv == pytest.approx(-math.log(p))
    pts = [
        tuple(map(float, xy.split(",")))
        for xy in re.search(r'class="sm-curve" points="([^"]+)"', loss_curve_svg(0.5, math.log(2)))
        .group(1)
        .split()
    ]
    xs = [x for x, _ in pts]
    ys = [y for _, y in pts]
    assert xs == sorted(xs) and ys == sorted(ys)  # p grows, loss falls (pixel y grows down)
    assert loss_curve_svg(0.5, 0.69) == loss_curve_svg(0.5, 0.69)  # deterministic string


def test_widget_wiring_css_and_summary():
    w = LossExplorer()
    assert set(w.controls) == {"o1", "o2", "o3", "y", "temperature"}
    for name in ("o1", "o2", "o3", "temperature"):
        assert f"sm-slider-{name}" in w.controls[name]._dom_classes
    assert "sm-loss-explorer" in w.root._dom_classes
    assert w.controls["y"].options == (("cat", 0), ("chicken", 1), ("dog", 2))
    w.controls["y"].value = 2  # a student clicking "dog"
    assert w.state["y"] == 2 and "y = dog" in w.summary()
    assert f"loss = {w.state['loss']:.4f}" in w.summary()
    bundle = w._repr_mimebundle_()
    assert bundle["text/plain"] == w.summary()
    w.set(o1=1e6)  # clamped to the slider's range, as in the browser
    assert w.logits[0] == 10.0
    with pytest.raises(ValueError, match="2 to 10"):
        LossExplorer(logits=[1.0])
    with pytest.raises(ValueError, match="out of range"):
        LossExplorer(y=3)
    five = LossExplorer(logits=[0.0] * 5, y=4)
    assert five.state["loss"] == pytest.approx(math.log(5))
    assert len(spans(five.terms.value, "term")) == 5

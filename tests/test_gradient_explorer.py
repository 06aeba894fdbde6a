"""GradientExplorer (07): the computation against the helpers, the widget driven headless."""

import itertools
import re
from html import unescape

import numpy as np
import pytest

from helpers import (
    cross_entropy,
    cross_entropy_grad,
    numerical_gradient,
    one_hot,
    softmax,
    softmax_jacobian,
)
from helpers.widgets import GradientExplorer
from helpers.widgets.gradient_explorer import gradient_state, shown

SETTINGS = [
    ((2.0, 1.0, -1.0), 1),
    ((0.0, 0.0, 0.0), 0),
    ((-3.3, 4.2, 0.7), 2),
    ((10.0, -10.0, -10.0), 2),  # confidently wrong: gradient ±1
    ((-10.0, -10.0, 10.0), 2),  # confidently right: gradient 0
    ((10.0, 10.0, 10.0), 1),
]


def spans(text: str, kind: str) -> dict[int | None, str]:
    """The numbers shown in ``<span class="sm-value sm-KIND" data-index=i>``, by index."""
    found = {}
    pattern = rf'<span class="sm-value sm-{re.escape(kind)}"(?: data-index="(\d+)")?[^>]*>([^<]*)<'
    for index, value in re.findall(pattern, text):
        found[int(index) if index else None] = unescape(value)
    return found


def view_html(explorer) -> str:
    return explorer.bars.value + explorer.details.value + explorer.jacobian.value


@pytest.mark.parametrize("logits, y", SETTINGS)
def test_state_matches_the_helpers(logits, y):
    s = gradient_state(logits, y)
    o = np.array(logits)
    p = softmax(o)
    np.testing.assert_allclose(s["grad"], p - one_hot(y, 3), atol=1e-15)
    np.testing.assert_allclose(s["grad"], cross_entropy_grad(o[None], [y])[0], atol=0)
    numeric = numerical_gradient(lambda v: cross_entropy(v[None], [y]), o)
    np.testing.assert_allclose(s["grad"], numeric, atol=1e-8)
    np.testing.assert_allclose(s["jac"], softmax_jacobian(o), atol=0)
    np.testing.assert_allclose(s["jac_row_sums"], 0.0, atol=1e-15)
    np.testing.assert_allclose(s["hess_diag"], np.diag(softmax_jacobian(o)), atol=1e-15)
    assert s["grad_sum"] == pytest.approx(0.0, abs=1e-15)
    assert s["loss"] == pytest.approx(cross_entropy(o[None], [y]))
    assert s["y"] == y


@pytest.mark.parametrize("logits, y", SETTINGS)
def test_widget_shows_the_computed_numbers(logits, y):
    explorer = GradientExplorer()
    explorer.set(o1=logits[0], o2=logits[1], o3=logits[2], y=y)
    s = gradient_state(logits, y)
    assert explorer.state == s
    text = view_html(explorer)
    assert spans(text, "grad") == {j: shown(g) for j, g in enumerate(s["grad"])}
    jac = spans(text, "jac")
    assert jac == {i * 3 + j: shown(s["jac"][i][j]) for i in range(3) for j in range(3)}
    assert set(spans(text, "jac-rowsum").values()) == {"+0.000"}
    assert spans(text, "loss") == {None: shown(s["loss"], "{:.4f}")}
    assert spans(text, "grad-sum") == {None: "+0.000"}
    assert spans(text, "y-onehot") == {j: str(int(j == y)) for j in range(3)}
    assert "−0.000" not in text and "-0.000" not in text
    assert f"y = {explorer.class_names[y]}" in explorer.summary()


def test_gradient_bars_are_drawn_around_zero():
    explorer = GradientExplorer().set(o1=10.0, o2=-10.0, o3=-10.0, y=2)
    bars = explorer.bars.value
    assert "border-left" in bars  # the zero line of a chart with lo < 0
    assert spans(bars, "grad") == {0: "+1.000", 1: "+0.000", 2: "-1.000"}


def test_sweeping_the_extremes_raises_no_warning():
    """Every corner of the slider box, every true class (warnings are errors in pytest)."""
    explorer = GradientExplorer()
    for o1, o2, o3 in itertools.product([-10.0, 0.0, 10.0], repeat=3):
        for y in range(3):
            explorer.set(o1=o1, o2=o2, o3=o3, y=y)
            s = explorer.state
            assert np.isfinite(s["grad"]).all() and np.isfinite(s["jac"]).all()
            assert abs(sum(s["grad"])) < 1e-12


def test_controls_and_css_classes():
    explorer = GradientExplorer()
    assert list(explorer.controls) == ["o1", "o2", "o3", "y"]
    assert "sm-gradient-explorer" in explorer.root._dom_classes
    for j in range(1, 4):
        assert f"sm-slider-o{j}" in explorer.controls[f"o{j}"]._dom_classes
    assert "sm-toggle-y" in explorer.controls["y"]._dom_classes
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"].startswith("GradientExplorer: o = [2.0, 1.0, -1.0]")


def test_other_sizes_and_bad_arguments():
    explorer = GradientExplorer(logits=[0.5, -0.5], y=0)
    assert len(explorer.state["jac"]) == 2 and explorer.class_names == ["class 0", "class 1"]
    assert len(spans(explorer.jacobian.value, "jac")) == 4
    with pytest.raises(ValueError, match="2 to 6"):
        GradientExplorer(logits=[1.0])
    with pytest.raises(ValueError, match="out of range"):
        GradientExplorer(y=3)
    with pytest.raises(ValueError, match="class names"):
        GradientExplorer(class_names=["a", "b"])
    with pytest.raises(KeyError, match="no control"):
        GradientExplorer().set(o4=1.0)

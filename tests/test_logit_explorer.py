"""LogitExplorer and its computation, driven headless."""

import re

import numpy as np
import pytest

from helpers import naive_softmax, softmax
from helpers.widgets import LogitExplorer, logit_state


def shown(html: str, kind: str) -> list[str]:
    """The texts of the sm-value spans of one kind, in data-index order."""
    pattern = rf'class="sm-value sm-{kind}"(?: data-index="(\d+)")?[^>]*>([^<]*)<'
    return [text for _, text in re.findall(pattern, html)]


@pytest.mark.parametrize("mode", ["stable", "naive"])
@pytest.mark.parametrize("dtype", ["float64", "float32", "float16"])
def test_state_matches_helpers(mode, dtype):
    o = [1.5, -0.5, 3.0]
    state = logit_state(o, temperature=0.7, shift=4.0, mode=mode, dtype=dtype)
    x = np.asarray(o).astype(dtype) + np.dtype(dtype).type(4.0)
    fn = softmax if mode == "stable" else naive_softmax
    np.testing.assert_allclose(state["y_hat"], fn(x, temperature=0.7), rtol=1e-3)
    assert state["argmax"] == 2 and not state["overflow"]


def test_naive_overflows_where_stable_does_not():
    stable = logit_state([2.0, 1.0, 0.0], shift=800.0, mode="stable")
    naive = logit_state([2.0, 1.0, 0.0], shift=800.0, mode="naive")
    np.testing.assert_allclose(stable["y_hat"], softmax([2.0, 1.0, 0.0]))
    assert naive["overflow"] and np.isnan(naive["y_hat"]).all() and naive["argmax"] is None
    assert "709.78" in naive["message"] and "stable" in naive["message"]
    half = logit_state([12.0, 0.0, 0.0], mode="naive", dtype="float16")
    assert half["overflow"] and "11.09" in half["message"]


def test_widget_shows_the_probabilities_it_computes():
    e = LogitExplorer()
    e.set(o1=0.3, o2=2.2, o3=-1.7, temperature=1.5, shift=-3)
    expected = softmax(np.array(e.logits) - 3, temperature=1.5)
    np.testing.assert_allclose(e.state["y_hat"], expected)
    assert shown(e.bars.value, "prob") == [f"{p:.3f}" for p in expected]
    assert shown(e.details.value, "sum") == ["1.000"]
    assert shown(e.details.value, "argmax") == ["chicken"]
    assert "ŷ = [" in e.summary()


def test_widget_displays_overflow_in_naive_mode():
    e = LogitExplorer().set(mode="naive", shift=900)
    assert shown(e.bars.value, "prob") == ["nan", "nan", "nan"]
    assert "inf" in shown(e.details.value, "exp")
    assert "overflowed" in e.details.value and shown(e.details.value, "argmax") == ["—"]
    e.set(mode="stable")
    assert shown(e.bars.value, "prob")[0] == f"{softmax([2.0, 1.0, 0.1])[0]:.3f}"


def test_sweep_slider_extremes_without_warnings():
    # pytest runs with warnings as errors: any RuntimeWarning fails this test
    e = LogitExplorer(num_logits=10)
    sliders = {k: c for k, c in e.controls.items() if hasattr(c, "min")}
    for mode in ["stable", "naive"]:
        for dtype in ["float64", "float32", "float16"]:
            for name, control in sliders.items():
                for value in (control.min, control.max):
                    e.set(**{name: value}, mode=mode, dtype=dtype)
                    total = e.state["total"]
                    if mode == "stable":
                        assert total == pytest.approx(1.0, abs=2e-3)
            e.set(**{f"o{j + 1}": 20.0 for j in range(10)}, shift=1000, mode=mode, dtype=dtype)


def test_values_are_clamped_like_the_browser():
    e = LogitExplorer().set(o1=1e6, temperature=1e-9)
    assert e.controls["o1"].value == e.controls["o1"].max
    assert e.controls["temperature"].value == pytest.approx(0.1)


def test_bad_arguments():
    with pytest.raises(ValueError, match="1 to 10"):
        LogitExplorer(num_logits=11)
    with pytest.raises(ValueError, match="one name per logit"):
        LogitExplorer(logits=[1, 2], class_names=["a"])
    with pytest.raises(KeyError, match="no control named"):
        LogitExplorer().set(o9=1)
    with pytest.raises(ValueError, match="mode"):
        logit_state([1.0], mode="fast")

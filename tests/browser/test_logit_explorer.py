"""LogitExplorer in 04_softmax.ipynb, driven with real key presses and typing in Chromium.

The numbers on the page must equal ``helpers.softmax`` of the slider values read back from the
page (within the displayed rounding), sum to 1, and the naive mode must overflow visibly.
"""

import math

import numpy as np
import pytest

from helpers import softmax
from helpers.widgets._base import DEFAULT_NAMES
from helpers.widgets.logit_explorer import logit_state

from . import jlab

pytestmark = pytest.mark.browser

NOTEBOOK = "04_softmax.ipynb"
ROOT_CSS = "sm-logit-explorer"
FALLBACK = ["from helpers.widgets import LogitExplorer\nLogitExplorer()"]
TOL = 0.0005 + 1e-9  # probabilities are shown with 3 decimals


def slider_values(lab, root) -> dict:
    """o1..o3, T and c as the page holds them (aria-valuetext; T's slider is logarithmic)."""
    values = {f"o{j}": lab.slider(f"o{j}", root).value() for j in (1, 2, 3)}
    values["T"] = lab.slider("temperature", root).value(log_base=10)
    values["c"] = lab.slider("shift", root).value()
    return values


def expected_probs(v: dict) -> list[float]:
    o = np.array([v["o1"], v["o2"], v["o3"]])
    return [float(p) for p in softmax(o + v["c"], temperature=v["T"])]


def wait_for_right_probs(lab, root) -> dict:
    """Poll until the shown probabilities equal softmax of the shown slider values."""

    def check():
        v = slider_values(lab, root)
        ok, msg = jlab.compare(lab.numbers(root, "prob"), expected_probs(v), TOL)
        return ok, (v if ok else f"sliders {v}: probabilities {msg}")

    return lab.wait_until(check)


def check_derived_numbers(lab, root, v: dict) -> None:
    """Σŷ is 1, argmax names the largest probability, z = (o + c) / T (4 significant digits)."""
    probs = lab.numbers(root, "prob")
    assert abs(sum(probs) - 1) <= 3 * TOL, probs
    (total,) = lab.numbers(root, "sum")
    assert abs(total - 1) <= TOL, total
    expected = expected_probs(v)
    assert lab.texts(root, "argmax") == [DEFAULT_NAMES[int(np.argmax(expected))]]
    z = [(v[f"o{j}"] + v["c"]) / v["T"] for j in (1, 2, 3)]
    for shown, want in zip(lab.numbers(root, "z"), z, strict=True):
        assert math.isclose(shown, want, rel_tol=5e-4, abs_tol=5e-4), (shown, want)


def test_logit_explorer_keys_typing_and_overflow(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)

    # as displayed after Run All
    v0 = wait_for_right_probs(lab, root)
    check_derived_numbers(lab, root, v0)

    # key presses: o2 five steps right, T twenty steps left (10**-0.2), o3 three steps left
    lab.slider("o2", root).press("ArrowRight", 5)
    lab.slider("temperature", root).press("ArrowLeft", 20)
    lab.slider("o3", root).press("ArrowLeft", 3)
    v1 = wait_for_right_probs(lab, root)
    assert v1["o2"] == pytest.approx(v0["o2"] + 0.5)
    assert v1["o3"] == pytest.approx(v0["o3"] - 0.3)
    assert v1["T"] == pytest.approx(v0["T"] * 10**-0.2)
    check_derived_numbers(lab, root, v1)

    # typing in the readouts
    lab.slider("o1", root).type("-1.5")
    lab.slider("o3", root).type("2.5")
    v2 = wait_for_right_probs(lab, root)
    assert (v2["o1"], v2["o3"]) == (pytest.approx(-1.5), pytest.approx(2.5))
    check_derived_numbers(lab, root, v2)
    probs_before_shift = lab.numbers(root, "prob")

    # stable mode: a shift of 800 changes nothing (softmax is shift invariant)
    lab.slider("shift", root).type("800")
    v3 = wait_for_right_probs(lab, root)
    assert v3["c"] == 800
    assert lab.numbers(root, "prob") == probs_before_shift
    assert "nan" not in lab.texts(root, "prob")

    # naive mode with the same shift: exp overflows to inf, inf / inf = nan, and a note says so
    root.locator('.widget-toggle-button[data-value="naive"]').click()
    naive = logit_state([v3["o1"], v3["o2"], v3["o3"]], v3["T"], v3["c"], mode="naive")
    assert naive["overflow"]  # the reference agrees that this overflows

    def shows_overflow():
        probs, exps = lab.texts(root, "prob"), lab.texts(root, "exp")
        ok = probs == ["nan"] * 3 and "inf" in exps
        return ok, f"naive mode shows ŷ = {probs}, exp = {exps}"

    lab.wait_until(shows_overflow)
    assert lab.texts(root, "exp") == [jlab_number(e) for e in naive["exp"]]
    assert lab.texts(root, "sum") == ["nan"]
    assert lab.texts(root, "argmax") == ["—"]
    note = root.locator(".sm-note").first
    assert "overflow" in note.inner_text()
    assert "sm-error" in (note.get_attribute("class") or "")
    lab.screenshot("logit_explorer_naive_overflow", target=root)

    # back to stable: finite again, equal to softmax
    root.locator('.widget-toggle-button[data-value="stable"]').click()
    wait_for_right_probs(lab, root)
    lab.assert_no_errors()


def jlab_number(x: float) -> str:
    """How the widget prints an exponential: 4 significant digits, inf/nan spelled out."""
    from helpers.widgets.html import number

    return number(x, "{:.4g}")

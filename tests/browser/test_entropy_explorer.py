"""EntropyExplorer in 08_information_theory.ipynb: weights of p and q, nats and bits.

p, q, the surprisals, H(p), H(p, q) and KL(p‖q) on the page must be what ``entropy_state``
computes for the slider values and the unit the page shows (3 decimals; ∞ spelled out).
"""

import math

import pytest

from helpers.information import UNITS
from helpers.widgets.entropy_explorer import entropy_state

from .jlab import Shown, active_toggle, click_toggle, wait_shown

pytestmark = pytest.mark.browser

NOTEBOOK = "08_information_theory.ipynb"
ROOT_CSS = "sm-entropy-explorer"
FALLBACK = [
    "from helpers.widgets import EntropyExplorer\n"
    "EntropyExplorer(p_weights=[0.6, 0.3, 0.1], q_weights=[0.3, 0.3, 0.4])"
]
TOGGLE = "sm-toggle-unit"
DEC3 = 5e-4


def expect(lab, root):
    def make():
        k = root.locator(".widget-slider[class*='sm-slider-p']").count()
        pw = [lab.slider(f"p{j + 1}", root).value() for j in range(k)]
        qw = [lab.slider(f"q{j + 1}", root).value() for j in range(k)]
        unit = UNITS[active_toggle(root, TOGGLE)]
        s = entropy_state(pw, qw, unit)
        shown = {
            "p": Shown(s["p"], tol=DEC3),
            "q": Shown(s["q"], tol=DEC3),
            "p-surprisal": Shown(s["p_surprisal"], tol=DEC3),
            "q-surprisal": Shown(s["q_surprisal"], tol=DEC3),
            "entropy": Shown([s["entropy"]], tol=DEC3),
            "cross_entropy": Shown([s["cross_entropy"]], tol=DEC3),
            "kl": Shown([s["kl"]], tol=DEC3),
        }
        return {"p": pw, "q": qw, "unit": unit, "ce": s["cross_entropy"]}, shown

    return make


def test_entropy_explorer_keys_typing_units_and_infinity(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    check = expect(lab, root)
    v0 = wait_shown(lab, root, check)

    lab.slider("p1", root).press("ArrowLeft", 10)
    lab.slider("q3", root).press("ArrowRight", 5)
    v1 = wait_shown(lab, root, check)
    assert v1["p"][0] == pytest.approx(v0["p"][0] - 0.10)
    assert v1["q"][2] == pytest.approx(min(1.0, v0["q"][2] + 0.05))

    lab.slider("q1", root).type("0.05")
    click_toggle(root, TOGGLE, UNITS.index("bits"))
    v2 = wait_shown(lab, root, check)
    assert (v2["q"][0], v2["unit"]) == (pytest.approx(0.05), "bits")

    # q gives 0 to an outcome p says can happen: H(p, q) = KL = ∞ and the page explains it
    lab.slider("q2", root).type("0")
    v3 = wait_shown(lab, root, check)
    assert math.isinf(v3["ce"])
    assert lab.texts(root, "cross_entropy") == ["∞"]
    assert "infinite" in root.locator(".sm-note.sm-error").first.inner_text()
    lab.screenshot("entropy_explorer_after_interaction", target=root)
    lab.assert_no_errors()

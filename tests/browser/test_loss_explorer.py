"""LossExplorer in 06_loss_and_likelihood.ipynb: logits, temperature and the true class.

ŷ, the terms −y_j log ŷ_j, the loss and p_true on the page must be what ``loss_state``
computes for the slider values and the pressed button the page shows (4 significant digits).
"""

import pytest

from helpers.widgets.loss_explorer import LOSS_MAX, loss_state

from .jlab import Shown, active_toggle, click_toggle, wait_shown

pytestmark = pytest.mark.browser

NOTEBOOK = "06_loss_and_likelihood.ipynb"
ROOT_CSS = "sm-loss-explorer"
FALLBACK = ["from helpers.widgets import LossExplorer\nLossExplorer()"]
TOGGLE = "sm-toggle-y"
SIG4 = 5e-4  # relative: numbers are shown with 4 significant digits


def expect(lab, root):
    def make():
        q = root.locator(".widget-slider[class*='sm-slider-o']").count()
        o = [lab.slider(f"o{j + 1}", root).value() for j in range(q)]
        T = lab.slider("temperature", root).value(log_base=10)
        y = active_toggle(root, TOGGLE)
        s = loss_state(o, y, T)
        shown = {
            "prob": Shown(s["y_hat"], rel=SIG4),
            "term": Shown(s["terms"], rel=SIG4),
            "loss": Shown([s["loss"]], rel=SIG4),
            "p-true": Shown([s["p_true"]], rel=SIG4),
        }
        return {"o": o, "T": T, "y": y, "loss": s["loss"]}, shown

    return make


def dot_loss(root) -> float:
    return float(root.locator("circle.sm-loss-dot").get_attribute("data-loss"))


def test_loss_explorer_keys_typing_and_true_class(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    check = expect(lab, root)
    v0 = wait_shown(lab, root, check)
    assert dot_loss(root) == pytest.approx(v0["loss"], rel=1e-5)

    # key presses: o1 ten steps left, T fifteen steps right (× 10**0.15)
    lab.slider("o1", root).press("ArrowLeft", 10)
    lab.slider("temperature", root).press("ArrowRight", 15)
    v1 = wait_shown(lab, root, check)
    assert v1["o"][0] == pytest.approx(v0["o"][0] - 1.0)
    assert v1["T"] == pytest.approx(v0["T"] * 10**0.15)

    # typing, then another true class
    lab.slider("o2", root).type("3.5")
    click_toggle(root, TOGGLE, 2)
    v2 = wait_shown(lab, root, check)
    assert (v2["o"][1], v2["y"]) == (pytest.approx(3.5), 2)
    assert dot_loss(root) == pytest.approx(v2["loss"], rel=1e-5)

    # a confident wrong answer: the loss leaves the chart and the page says so
    lab.slider("o3", root).type("-8")
    lab.slider("temperature", root).type("1")
    v3 = wait_shown(lab, root, check)
    assert v3["loss"] > LOSS_MAX
    off = root.locator(".sm-off-chart")
    assert off.count() == 1 and "off the chart" in (off.text_content() or "")
    lab.screenshot("loss_explorer_after_interaction", target=root)
    lab.assert_no_errors()

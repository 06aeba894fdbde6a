"""GradientExplorer in 07_softmax_derivatives.ipynb: logits by keys and typing, the true class.

The gradient ŷ − y, ŷ, y, the loss and the Jacobian with its zero row sums on the page must
be what ``gradient_state`` computes for the slider values and button the page shows.
"""

import pytest

from helpers.widgets.gradient_explorer import gradient_state

from .jlab import Shown, active_toggle, click_toggle, wait_shown

pytestmark = pytest.mark.browser

NOTEBOOK = "07_softmax_derivatives.ipynb"
ROOT_CSS = "sm-gradient-explorer"
FALLBACK = [
    "from helpers.widgets import GradientExplorer\nGradientExplorer(logits=[2.0, 1.0, -1.0], y=1)"
]
TOGGLE = "sm-toggle-y"
DEC3 = 5e-4


def expect(lab, root):
    def make():
        q = root.locator(".widget-slider[class*='sm-slider-o']").count()
        o = [lab.slider(f"o{j + 1}", root).value() for j in range(q)]
        y = active_toggle(root, TOGGLE)
        s = gradient_state(o, y)
        shown = {
            "grad": Shown(s["grad"], tol=DEC3),
            "y-hat": Shown(s["y_hat"], tol=DEC3),
            "y-onehot": Shown(s["y_onehot"]),
            "grad-sum": Shown([0.0], tol=DEC3),
            "loss": Shown([s["loss"]], tol=5e-5),
            "jac": Shown([v for row in s["jac"] for v in row], tol=DEC3),
            "jac-rowsum": Shown([0.0] * q, tol=DEC3),
        }
        return {"o": o, "y": y}, shown

    return make


def test_gradient_explorer_keys_typing_and_true_class(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    check = expect(lab, root)
    v0 = wait_shown(lab, root, check)

    lab.slider("o2", root).press("ArrowRight", 7)
    v1 = wait_shown(lab, root, check)
    assert v1["o"][1] == pytest.approx(v0["o"][1] + 0.7)

    lab.slider("o3", root).type("4.5")
    click_toggle(root, TOGGLE, 0)
    v2 = wait_shown(lab, root, check)
    assert (v2["o"][2], v2["y"]) == (pytest.approx(4.5), 0)

    lab.slider("o1", root).press("ArrowLeft", 12)
    v3 = wait_shown(lab, root, check)
    assert v3["o"][0] == pytest.approx(v2["o"][0] - 1.2)
    # the true class's gradient is the only negative one (ŷ_y − 1 < 0)
    grads = lab.numbers(root, "grad")
    assert grads[v3["y"]] < 0 and all(g >= 0 for j, g in enumerate(grads) if j != v3["y"])
    lab.screenshot("gradient_explorer_after_interaction", target=root)
    lab.assert_no_errors()

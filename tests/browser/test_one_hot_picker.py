"""OneHotPicker in 02_one_hot_encoding.ipynb: the slider (keys and typing) and the buttons.

Every number on the page must be what ``one_hot_state`` computes for the class count and the
label the page shows.
"""

import pytest

from helpers.widgets.one_hot_picker import DEFAULT_NAMES, one_hot_state

from .jlab import Shown, active_toggle, click_toggle, toggle_labels, wait_shown

pytestmark = pytest.mark.browser

NOTEBOOK = "02_one_hot_encoding.ipynb"
ROOT_CSS = "sm-one-hot-picker"
FALLBACK = ["from helpers.widgets import OneHotPicker\nOneHotPicker(label=2)"]
TOGGLE = "sm-toggle-label"


def expect(lab, root):
    """Inputs as the page shows them, and the numbers one_hot_state gives for them."""

    def make():
        q = round(lab.slider("num_classes", root).value())
        label = active_toggle(root, TOGGLE)
        s = one_hot_state(label, q)
        shown = {
            "onehot": Shown([f"{v:.0f}" for v in s["vector"]]),
            "label": Shown([str(s["label"])]),
            "argmax": Shown([str(s["argmax"])]),
            "decoded": Shown([s["decoded"]]),
            "dist-int": Shown([str(d) for d in s["integer_distances"]]),
            "dist-onehot": Shown(s["one_hot_distances"], tol=5e-4),
        }
        return {"q": q, "label": label}, shown

    return make


def test_one_hot_picker_keys_typing_and_buttons(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    check = expect(lab, root)
    v0 = wait_shown(lab, root, check)
    assert toggle_labels(root, TOGGLE) == list(DEFAULT_NAMES[: v0["q"]])

    # two key presses: two more classes, two more buttons
    lab.slider("num_classes", root).press("ArrowRight", 2)
    v1 = wait_shown(lab, root, check)
    assert v1["q"] == v0["q"] + 2
    assert toggle_labels(root, TOGGLE) == list(DEFAULT_NAMES[: v1["q"]])

    # pick the last class with its button
    click_toggle(root, TOGGLE, v1["q"] - 1)
    v2 = wait_shown(lab, root, check)
    assert v2["label"] == v1["q"] - 1

    # type fewer classes: the picked class no longer exists and moves to the last one
    lab.slider("num_classes", root).type("3")
    v3 = wait_shown(lab, root, check)
    assert v3 == {"q": 3, "label": 2}
    assert toggle_labels(root, TOGGLE) == list(DEFAULT_NAMES[:3])

    # type the maximum, pick the tenth class, one step left
    lab.slider("num_classes", root).type("10")
    wait_shown(lab, root, check)
    click_toggle(root, TOGGLE, 9)
    assert wait_shown(lab, root, check) == {"q": 10, "label": 9}
    lab.slider("num_classes", root).press("ArrowLeft")
    assert wait_shown(lab, root, check) == {"q": 9, "label": 8}
    lab.screenshot("one_hot_picker_after_interaction", target=root)
    lab.assert_no_errors()

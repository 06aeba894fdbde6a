"""The training widgets of 09_training_from_scratch.ipynb.

TrainingExplorer: move the learning rate, batch size, epochs and weight decay by key presses
(and the epochs by typing: the other three are selection sliders without an editable
readout); the final losses and accuracies on the page must be what ``train_state`` gives for
the settings the page shows (it is seeded, so the same settings give the same numbers), and a
learning rate that blows up must show "diverged". TrainingProgress: after Run All its bar and
numbers show the last epoch, the same numbers the notebook prints below it.
"""

import math
import re
from functools import cache

import pytest

from helpers.widgets.training import (
    LR_OPTIONS,
    METRICS,
    WEIGHT_DECAY_OPTIONS,
    _default_data,
    train_state,
)

from .jlab import Shown, parse_number, wait_shown

pytestmark = pytest.mark.browser

NOTEBOOK = "09_training_from_scratch.ipynb"
ROOT_CSS = "sm-training-explorer"
FALLBACK = ["from helpers.widgets import TrainingExplorer\nTrainingExplorer()"]


@cache
def digits():
    return _default_data()[0]


@cache
def trained(lr: float, batch_size: int, epochs: int, weight_decay: float) -> dict:
    X_train, X_test, y_train, y_test = digits()
    return train_state(
        X_train,
        y_train,
        X_test,
        y_test,
        lr=lr,
        batch_size=batch_size,
        epochs=epochs,
        weight_decay=weight_decay,
        num_classes=10,
    )


LABELLED = ("lr", "batch_size", "weight_decay")  # selection sliders: value in a label beside


def settings(lab, root) -> dict:
    """The four settings as the page shows them ("64", "1347 (all)", "0.001")."""
    text = {
        name: root.locator(f".sm-value.sm-readout-{name}").inner_text().strip()
        if name in LABELLED
        else lab.slider(name, root).readout.inner_text().strip()
        for name in ("lr", "batch_size", "epochs", "weight_decay")
    }
    return {
        "lr": float(text["lr"]),
        "batch_size": int(text["batch_size"].split()[0]),
        "epochs": int(text["epochs"]),
        "weight_decay": float(text["weight_decay"]),
    }


def shown_for(state: dict) -> dict[str, Shown]:
    if state["diverged"]:
        return {kind: Shown(["diverged"]) for kind in METRICS}
    out = {}
    for kind in METRICS:
        if kind.endswith("loss"):
            out[kind] = Shown([state[kind]], tol=5e-5)  # 4 decimals
        else:
            out[kind] = Shown([100 * state[kind]], tol=5e-3)  # a percentage with 2 decimals
    return out


def expect(lab, root):
    def make():
        s = settings(lab, root)
        state = trained(**s)
        return {**s, "diverged": state["diverged"]}, shown_for(state)

    return make


def test_training_explorer_keys_typing_and_divergence(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    check = expect(lab, root)
    v0 = wait_shown(lab, root, check, timeout=20)

    # key presses: learning rate one option up, batch size two options down
    lab.slider("lr", root).press("ArrowRight")
    lab.slider("batch_size", root).press("ArrowLeft", 2)
    v1 = wait_shown(lab, root, check, timeout=20)
    assert v1["lr"] == LR_OPTIONS[LR_OPTIONS.index(v0["lr"]) + 1]
    assert v1["batch_size"] < v0["batch_size"]

    # typing fewer epochs (an IntSlider); weight decay down to 0 by key presses (a selection
    # slider has no editable readout: see test_selection_sliders_show_their_value_in_a_plain_label)
    lab.slider("epochs", root).type("5")
    wd_steps = WEIGHT_DECAY_OPTIONS.index(v1["weight_decay"])
    lab.slider("weight_decay", root).press("ArrowLeft", wd_steps)
    v2 = wait_shown(lab, root, check, timeout=20)
    assert (v2["epochs"], v2["weight_decay"]) == (5, 0.0)

    # blow it up: the strongest weight decay, then the smallest learning rate that the
    # reference says diverges with it, both by key presses
    lab.slider("weight_decay", root).press("ArrowRight", len(WEIGHT_DECAY_OPTIONS) - 1)
    v3 = wait_shown(lab, root, check, timeout=20)
    assert v3["weight_decay"] == WEIGHT_DECAY_OPTIONS[-1]
    bad = next(
        lr
        for lr in LR_OPTIONS
        if trained(lr, v3["batch_size"], v3["epochs"], v3["weight_decay"])["diverged"]
    )
    steps = LR_OPTIONS.index(bad) - LR_OPTIONS.index(v3["lr"])
    lab.slider("lr", root).press("ArrowRight" if steps > 0 else "ArrowLeft", abs(steps))
    v4 = wait_shown(lab, root, check, timeout=20)
    assert v4["lr"] == bad and v4["diverged"]
    status = root.locator(".sm-status").first
    assert "diverged" in status.inner_text()
    assert "sm-error" in (status.get_attribute("class") or "")
    lab.screenshot("training_explorer_diverged", target=root)
    lab.assert_no_errors()


def test_selection_sliders_show_their_value_in_a_plain_label(open_widget):
    """A SelectionSlider's own readout looks editable but ignores typed text (ipywidgets 8,
    jupyter-widgets/ipywidgets PR #2976): it is switched off, and a label shows the value."""
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    check = expect(lab, root)
    before = wait_shown(lab, root, check, timeout=20)
    for name in LABELLED:
        readouts = root.locator(f".sm-slider-{name} .widget-readout")
        assert readouts.count() == 0 or not readouts.first.is_visible(), name
    i = WEIGHT_DECAY_OPTIONS.index(before["weight_decay"])
    step, key = (-1, "ArrowLeft") if i == len(WEIGHT_DECAY_OPTIONS) - 1 else (1, "ArrowRight")
    lab.slider("weight_decay", root).press(key)
    after = wait_shown(lab, root, check, timeout=20)
    assert after["weight_decay"] == WEIGHT_DECAY_OPTIONS[i + step]


SUMMARY = re.compile(
    r"train loss (?P<train_loss>\S+), train acc (?P<train_acc>\S+); "
    r"test loss (?P<test_loss>\S+), test acc (?P<test_acc>\S+)"
)


def test_training_progress_shows_the_last_epoch(open_widget):
    lab, root = open_widget(NOTEBOOK, "sm-training-progress")
    bar = root.locator(".sm-progress-bar")
    label = bar.locator(".widget-label").inner_text()
    m = re.fullmatch(r"epoch (\d+)", label.strip())
    assert m, f"progress bar label {label!r}"
    # the notebook prints progress.summary() right after training: the same numbers
    printed = lab.page.locator(".jp-OutputArea-output", has_text="epoch ").all_inner_texts()
    lines = [line for text in printed for line in text.splitlines() if SUMMARY.search(line)]
    assert lines, "the notebook's printed progress summary was not found"
    want = SUMMARY.search(lines[0]).groupdict()
    assert f"epoch {m.group(1)} of {m.group(1)}" in lines[0], lines[0]
    for kind, text in want.items():
        shown = lab.numbers(root, kind)
        assert len(shown) == 1 and math.isclose(shown[0], parse_number(text)), (kind, shown)
    lab.screenshot("training_progress_after_run", target=root)

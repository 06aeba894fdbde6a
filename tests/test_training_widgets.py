"""TrainingProgress and TrainingExplorer (09): computation, SVG views, wiring, extremes."""

import html as htmllib
import itertools
import math
import re
import xml.etree.ElementTree as ET

import numpy as np
import pytest

from helpers import SoftmaxRegression, cross_entropy
from helpers.data import load_digits, standardize, toy_images, train_test_split
from helpers.widgets import TrainingExplorer, TrainingProgress
from helpers.widgets.training import (
    BATCH_SIZES,
    LR_OPTIONS,
    MAX_EPOCHS,
    METRICS,
    PANEL_H,
    WEIGHT_DECAY_OPTIONS,
    curves_svg,
    loss_axis_top,
    numbers_html,
    progress_state,
    record_text,
    templates_svg,
    train_state,
)

SPAN = re.compile(r'<span class="sm-value sm-([\w-]+)"(?: data-index="(\d+)")?[^>]*>(.*?)</span>')
NS = {"s": "http://www.w3.org/2000/svg"}


def spans(text: str) -> dict[str, str]:
    return {kind: htmllib.unescape(t) for kind, _, t in SPAN.findall(text)}


@pytest.fixture(scope="module")
def toy():
    X, y, names = toy_images(n_per_class=60, seed=0)
    X_train, X_test, y_train, y_test = train_test_split(X, y, seed=0)
    return (X_train, X_test, y_train, y_test), names


@pytest.fixture(scope="module")
def digits():
    X, y, names, _ = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(X, y, seed=0)
    X_train, X_test, _, _ = standardize(X_train, X_test)
    return (X_train, X_test, y_train, y_test), names


def fit_reference(data, **kw):
    X_train, X_test, y_train, y_test = data
    q = int(max(y_train.max(), y_test.max())) + 1
    model = SoftmaxRegression(X_train.shape[1], q, seed=0)
    model.fit(X_train, y_train, seed=0, X_test=X_test, y_test=y_test, **kw)
    return model


# -- computation ------------------------------------------------------------------------------


def test_progress_state_before_and_during_training(toy):
    data, _ = toy
    s = progress_state([], 10)
    assert s["epoch"] == 0 and s["fraction"] == 0 and s["last"] is None and s["epochs"] == 10
    records = []
    model = fit_reference(data, lr=0.5, epochs=4, callback=lambda m, r: records.append(r))
    s = progress_state(records[:3], 4)
    assert s["epoch"] == 3 and s["fraction"] == pytest.approx(0.75) and s["has_test"]
    assert s["history"] == {k: v[:3] for k, v in model.history.items()}
    assert s["last"] == {k: v[2] for k, v in model.history.items()}
    # more epochs than planned: the total grows instead of overflowing the bar
    s = progress_state(records, 2)
    assert s["epochs"] == 4 and s["fraction"] == 1.0
    without_test = [{k: r[k] for k in ("epoch", "train_loss", "train_acc")} for r in records]
    assert not progress_state(without_test, 4)["has_test"]
    for bad in (0, -1, 2.5, True):
        with pytest.raises(ValueError, match="epochs"):
            progress_state([], bad)


@pytest.mark.parametrize(
    "kw",
    [
        dict(lr=0.5, batch_size=16, epochs=5, weight_decay=0.0),
        dict(lr=2.0, batch_size=180, epochs=3, weight_decay=0.01),
    ],
)
def test_train_state_is_softmax_regression_fit(toy, kw):
    data, _ = toy
    X_train, X_test, y_train, y_test = data
    s = train_state(X_train, y_train, X_test, y_test, **kw)
    model = fit_reference(data, **kw)
    assert s["history"] == model.history
    assert not s["diverged"] and s["epochs_done"] == kw["epochs"]
    np.testing.assert_array_equal(s["W"], model.W)
    np.testing.assert_array_equal(s["b"], model.b)
    assert s["train_loss"] == pytest.approx(cross_entropy(X_train @ model.W + model.b, y_train))
    assert s["test_acc"] == np.mean(model.predict(X_test) == y_test)
    assert s["train_acc"] == np.mean(model.predict(X_train) == y_train)
    steps = math.ceil(len(y_train) / kw["batch_size"])
    assert f"{kw['epochs'] * steps} SGD steps" in s["message"]
    # pure: the same arguments give the same numbers
    again = train_state(X_train, y_train, X_test, y_test, **kw)
    assert again["history"] == s["history"]


def test_train_state_reports_divergence_instead_of_raising(digits):
    data, _ = digits
    X_train, X_test, y_train, y_test = data
    kw = dict(lr=100.0, batch_size=64, epochs=20, weight_decay=1.0)
    # fit itself may warn on the way (an overflow in X @ W before its finite check): silence
    # that here; train_state must not let it out (warnings are errors in the tests)
    with pytest.raises(FloatingPointError) as info, np.errstate(over="ignore"):
        fit_reference(data, **kw)
    s = train_state(X_train, y_train, X_test, y_test, **kw)
    assert s["diverged"] and s["message"] == str(info.value)
    assert "diverged in epoch" in s["message"] and "lr=100" in s["message"]
    assert all(math.isnan(s[k]) for k in METRICS)
    assert s["W"] is None and s["epochs_done"] < 20
    assert len(s["history"]["epoch"]) == s["epochs_done"]


# -- views --------------------------------------------------------------------------------------


def polylines(svg: str) -> dict[str, ET.Element]:
    root = ET.fromstring(svg)  # well-formed XML: a browser will draw it
    found = {}
    for line in root.iter("{http://www.w3.org/2000/svg}polyline"):
        (name,) = [c for c in line.get("class").split() if c.startswith("sm-curve-")]
        found[name.removeprefix("sm-curve-")] = line
    return found


def points(line: ET.Element) -> np.ndarray:
    return np.array([[float(v) for v in p.split(",")] for p in line.get("points").split()])


def test_curves_svg_draws_every_epoch_inside_the_panels(toy):
    data, _ = toy
    model = fit_reference(data, lr=0.5, epochs=7)
    svg = curves_svg(model.history, epochs=10, num_classes=3)
    lines = polylines(svg)
    assert set(lines) == {"train-loss", "test-loss", "train-acc", "test-acc"}
    for name, line in lines.items():
        key = name.replace("-", "_")
        assert int(line.get("data-points")) == 7
        assert float(line.get("data-last")) == pytest.approx(model.history[key][-1], rel=1e-5)
        pts = points(line)
        assert pts.shape == (7, 2)
        assert np.all(np.diff(pts[:, 0]) > 0)  # epochs left to right
        assert pts[:, 1].min() >= 0 and pts[:, 1].max() <= PANEL_H
    # x positions: equal steps per epoch, 7 of the 10 planned epochs drawn
    x = points(lines["train-acc"])[:, 0]
    step = np.diff(x)
    np.testing.assert_allclose(step, step[0], atol=0.11)
    # higher accuracy is drawn higher (smaller y)
    acc = np.array(model.history["train_acc"])
    order = np.argsort(acc)
    assert np.all(np.diff(points(lines["train-acc"])[order, 1]) <= 1e-9)
    assert curves_svg(model.history, 10, 3) == svg  # deterministic
    assert "log q = 1.099" in svg


def test_curves_svg_copes_with_huge_and_non_finite_losses():
    history = {
        "epoch": [1, 2, 3],
        "train_loss": [1.0, 1e6, math.inf],
        "train_acc": [0.5, 0.2, math.nan],
    }
    svg = curves_svg(history, epochs=3, num_classes=10, note="diverged in epoch 4")
    lines = polylines(svg)
    assert set(lines) == {"train-loss", "train-acc"}
    for line in lines.values():
        pts = points(line)
        assert np.isfinite(pts).all() and pts[:, 1].min() >= 0
    assert "diverged in epoch 4" in svg
    assert "sm-off-chart" in svg  # the huge and infinite losses sit on the top edge
    calm = {"epoch": [1, 2], "train_loss": [1.0, 0.5], "train_acc": [0.5, 0.7]}
    assert "sm-off-chart" not in curves_svg(calm, epochs=3, num_classes=10)
    empty = curves_svg({"epoch": [], "train_loss": [], "train_acc": []}, 5, 3)
    assert polylines(empty) == {}


def test_loss_axis_covers_log_q_and_caps_large_losses():
    for q in (2, 3, 10):
        base = math.log(q)
        assert loss_axis_top({}, q) >= 1.2 * base
        assert loss_axis_top({"train_loss": [0.1, 2.5 * base]}, q) >= 2.5 * base
        capped = loss_axis_top({"train_loss": [1e9]}, q)
        assert 4 * base <= capped < 6 * base


def test_templates_svg_draws_each_column_as_an_image():
    W = np.zeros((6, 2))
    W[0, 0], W[5, 1] = 2.0, -1.0
    root = ET.fromstring(templates_svg(W, (2, 3), ["a", "b"]))
    groups = root.findall("s:g", NS)
    assert [g.get("data-index") for g in groups] == ["0", "1"]
    cells = groups[0].findall("s:rect", NS)[:6]
    assert cells[0].get("fill") == "rgb(178,24,43)"  # the largest weight: full red
    assert cells[1].get("fill") == "rgb(255,255,255)"  # zero: white
    last = groups[1].findall("s:rect", NS)[5]
    assert last.get("fill") != "rgb(255,255,255)" and last.get("fill").startswith("rgb(")
    assert [t.text for t in root.iter("{http://www.w3.org/2000/svg}text")] == ["a", "b"]
    with pytest.raises(ValueError, match="shape"):
        templates_svg(W, (8, 8), ["a", "b"])


def test_numbers_html_and_record_text():
    values = {"train_loss": 0.12345, "train_acc": 0.9876, "test_loss": 0.2, "test_acc": 0.95}
    found = spans(numbers_html(values))
    assert found == {
        "train_loss": "0.1235",
        "train_acc": "98.76%",
        "test_loss": "0.2000",
        "test_acc": "95.00%",
    }
    diverged = spans(numbers_html(dict.fromkeys(METRICS, math.nan)))
    assert set(diverged.values()) == {"diverged"}
    assert set(spans(numbers_html(values, has_test=False))) == {"train_loss", "train_acc"}
    assert record_text(None) == "no epoch finished yet"
    assert record_text({**values, "epoch": 3}) == (
        "train loss 0.1235, train acc 98.76%; test loss 0.2000, test acc 95.00%"
    )


# -- TrainingProgress -----------------------------------------------------------------------------


def test_progress_follows_fit_and_summarises_deterministically(toy):
    data, _ = toy
    progress = TrainingProgress(epochs=6, title="toy")
    assert "sm-training-progress" in progress.root._dom_classes
    assert progress.summary() == "toy: epoch 0 of 6; no epoch finished yet"
    assert progress._repr_mimebundle_()["text/plain"] == progress.summary()
    model = fit_reference(data, lr=0.5, epochs=6, callback=progress)
    h = model.history
    assert progress.bar.value == 6 and progress.bar.max == 6
    assert progress.state["history"] == h
    shown = spans(progress.numbers.value)
    assert shown["train_loss"] == f"{h['train_loss'][-1]:.4f}"
    assert shown["test_acc"] == f"{100 * h['test_acc'][-1]:.2f}%"
    assert all(
        int(line.get("data-points")) == 6 for line in polylines(progress.curves.value).values()
    )
    assert progress.summary() == "toy: epoch 6 of 6; " + record_text(
        {k: v[-1] for k, v in h.items()}
    )
    # training again restarts the display
    fit_reference(data, lr=0.5, epochs=2, callback=progress)
    assert progress.state["epoch"] == 2 and len(progress.records) == 2


def test_progress_redraws_the_curves_at_most_about_fifty_times(toy):
    data, _ = toy
    progress = TrainingProgress(epochs=200)
    redraws = []
    progress.curves.observe(lambda change: redraws.append(change), names="value")
    fit_reference(data, lr=0.5, batch_size=180, epochs=200, callback=progress)
    assert 40 <= len(redraws) <= 52
    assert int(polylines(progress.curves.value)["train-loss"].get("data-points")) == 200
    assert progress.bar.value == 200  # the bar itself moves every epoch


def test_progress_rejects_a_bad_epoch_count():
    for bad in (0, 2.0, None):
        with pytest.raises(ValueError, match="epochs"):
            TrainingProgress(epochs=bad)


# -- TrainingExplorer -----------------------------------------------------------------------------


def test_default_explorer_trains_on_the_digits(digits):
    data, names = digits
    w = TrainingExplorer()
    assert list(w.controls) == ["lr", "batch_size", "epochs", "weight_decay"]
    for name, control in w.controls.items():
        assert f"sm-slider-{name}" in control._dom_classes
    assert "sm-training-explorer" in w.root._dom_classes
    assert w.values() == {"lr": 0.2, "batch_size": 64, "epochs": 20, "weight_decay": 1e-3}
    X_train, X_test, y_train, y_test = data
    expected = train_state(
        X_train, y_train, X_test, y_test, lr=0.2, batch_size=64, epochs=20, weight_decay=1e-3
    )
    assert w.state["history"] == expected["history"]
    shown = spans(w.numbers.value)
    assert shown["test_acc"] == f"{100 * expected['test_acc']:.2f}%"
    assert shown["train_loss"] == f"{expected['train_loss']:.4f}"
    assert len(ET.fromstring(w.templates.value.split("</div>", 1)[1]).findall("s:g", NS)) == 10
    assert w.summary().startswith("TrainingExplorer: lr=0.2, batch_size=64, epochs=20")
    assert w._repr_mimebundle_()["text/plain"] == w.summary()
    assert w.controls["batch_size"].options[-1] == (f"{len(y_train)} (all)", len(y_train))


def test_explorer_retrains_on_every_change(toy):
    data, names = toy
    w = TrainingExplorer(data=data, class_names=names, image_shape=(2, 2), lr=0.5, epochs=5)
    first = w.state
    w.set(lr=2.0, batch_size=16, epochs=8, weight_decay=0.0)
    X_train, X_test, y_train, y_test = data
    expected = train_state(
        X_train, y_train, X_test, y_test, lr=2.0, batch_size=16, epochs=8, weight_decay=0.0
    )
    assert w.state["history"] == expected["history"] != first["history"]
    assert spans(w.numbers.value)["test_loss"] == f"{expected['test_loss']:.4f}"
    assert len(polylines(w.curves.value)) == 4
    assert "sm-templates" in w.templates.value
    assert "trained 8 epochs" in w.message.value
    w.controls["epochs"].value = 3  # moving one slider, as in the browser, re-trains too
    assert w.state["epochs_done"] == 3


def test_explorer_shows_divergence_cleanly(digits):
    data, names = digits
    w = TrainingExplorer(data=data, class_names=names)
    w.set(lr=100.0, weight_decay=1.0)
    assert w.state["diverged"]
    assert set(spans(w.numbers.value).values()) == {"diverged"}
    assert "diverged" in w.message.value and "sm-error" in w.message.value
    assert "no weights to draw" in w.templates.value
    assert "diverged in epoch" in w.summary()
    w.set(lr=0.2, weight_decay=1e-3)  # and it recovers
    assert not w.state["diverged"] and "sm-templates" in w.templates.value


def test_explorer_sweeps_extreme_settings_without_warnings(toy, digits):
    # pytest runs with warnings as errors: any RuntimeWarning fails this test
    data, names = toy
    w = TrainingExplorer(data=data, class_names=names, image_shape=(2, 2))
    n = len(data[2])
    for lr, wd, batch, epochs in itertools.product(
        (LR_OPTIONS[0], LR_OPTIONS[-1]),
        (WEIGHT_DECAY_OPTIONS[0], WEIGHT_DECAY_OPTIONS[-1]),
        (BATCH_SIZES[0], n),
        (1, MAX_EPOCHS),
    ):
        w.set(lr=lr, weight_decay=wd, batch_size=batch, epochs=epochs)
        assert w.state["diverged"] or all(math.isfinite(w.state[k]) for k in METRICS)
        ET.fromstring(w.curves.value)
    dw = TrainingExplorer(data=digits[0], class_names=digits[1])
    for lr, wd in itertools.product((LR_OPTIONS[-1],), WEIGHT_DECAY_OPTIONS[::4]):
        dw.set(lr=lr, weight_decay=wd, epochs=MAX_EPOCHS, batch_size=512)
        ET.fromstring(dw.curves.value)


def test_slider_options_are_log_spaced_and_start_weight_decay_at_zero():
    assert WEIGHT_DECAY_OPTIONS[0] == 0.0
    for options in (LR_OPTIONS, WEIGHT_DECAY_OPTIONS[1:]):
        ratios = np.diff(np.log10(options))
        assert np.all(ratios > 0) and np.all(ratios < 0.41)  # 1-2-5 steps: at most x2.5
    assert LR_OPTIONS[0] <= 1e-3 and LR_OPTIONS[-1] >= 100


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        (dict(lr=0.3), "lr must be one of"),
        (dict(batch_size=7), "batch_size must be one of"),
        (dict(weight_decay=0.3), "weight_decay must be one of"),
        (dict(class_names=["a", "b"]), "class names"),
    ],
)
def test_explorer_rejects_values_not_on_its_sliders(toy, kw, match):
    data, names = toy
    kw.setdefault("class_names", names)
    with pytest.raises(ValueError, match=match):
        TrainingExplorer(data=data, image_shape=(2, 2), **kw)


def test_explorer_without_images_draws_no_templates(toy):
    data, names = toy
    w = TrainingExplorer(data=data, class_names=names, image_shape=(8, 8), epochs=2)
    assert w.image_shape is None and w.templates.value == ""

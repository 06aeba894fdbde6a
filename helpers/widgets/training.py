"""TrainingProgress and TrainingExplorer: watch softmax regression learn, then tweak it.

The widgets of 09_training_from_scratch.ipynb, in the three layers of ``_base.py``:

1. computation: :func:`progress_state` (what a progress display shows after some epochs) and
   :func:`train_state` (train a fresh model with given hyperparameters and report the result,
   a blow-up included), both pure and tested on their own;
2. view: :func:`curves_svg` (loss and accuracy per epoch as an inline SVG string, no
   matplotlib), :func:`templates_svg` (the weights of each class drawn as an image) and
   :func:`numbers_html` (the final numbers, each in a ``value_span``);
3. wiring: :class:`TrainingProgress`, a callback for ``SoftmaxRegression.fit`` that updates a
   progress bar and the curves in place after every epoch, and :class:`TrainingExplorer`,
   sliders for the learning rate, batch size, epochs and weight decay that re-train on every
   change (the digits train in a few tens of milliseconds).
"""

from __future__ import annotations

import math
import time
from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

import ipywidgets as W
import numpy as np

from .._checks import as_float_array, as_labels
from ..model import SoftmaxRegression
from . import html
from ._base import Explorer, int_slider

METRICS = ("train_loss", "train_acc", "test_loss", "test_acc")

# the sliders' settings: 1-2-5 steps on a log scale; weight decay starts at 0 (no penalty)
LR_OPTIONS = (
    0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0
)  # fmt: skip
WEIGHT_DECAY_OPTIONS = (
    0.0, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5,
    1.0,
)  # fmt: skip
BATCH_SIZES = (16, 32, 64, 128, 256, 512)  # plus the whole training set ("all")
MAX_EPOCHS = 50

# curve colours: train solid, test dashed
TRAIN_COLOR, TEST_COLOR = html.BLUE, html.ORANGE


# -- computation --------------------------------------------------------------------------------


def _history_from(records: Sequence[Mapping[str, Any]]) -> dict[str, list]:
    keys = ["epoch"] + [k for k in METRICS if records and k in records[0]]
    return {k: [float(r[k]) if k != "epoch" else int(r[k]) for r in records] for k in keys}


def progress_state(records: Sequence[Mapping[str, Any]], epochs: int) -> dict[str, Any]:
    """The computation behind TrainingProgress (pure, no widgets).

    ``records`` are the per-epoch dicts that ``SoftmaxRegression.fit`` passes to its
    callback (keys ``epoch``, ``train_loss``, ``train_acc`` and, with a test set,
    ``test_loss``, ``test_acc``), in order; ``epochs`` is the number of epochs planned.
    Returns ``epoch`` (the last one seen, 0 before training), ``epochs`` (at least
    ``epoch``), ``fraction`` done in [0, 1], ``history`` (a dict of lists, as
    ``model.history``), ``last`` (the last record with float values, or None) and
    ``has_test``.
    """
    if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
        raise ValueError(f"epochs must be a whole number >= 1, got {epochs!r}")
    history = _history_from(records)
    epoch = history["epoch"][-1] if records else 0
    total = max(epochs, epoch)
    last = {k: v[-1] for k, v in history.items()} if records else None
    return {
        "epoch": epoch,
        "epochs": total,
        "fraction": epoch / total,
        "history": history,
        "last": last,
        "has_test": "test_loss" in history,
    }


def train_state(
    X_train,
    y_train,
    X_test,
    y_test,
    *,
    lr: float,
    batch_size: int,
    epochs: int,
    weight_decay: float,
    num_classes: int | None = None,
    seed: int = 0,
) -> dict[str, Any]:
    """The computation behind TrainingExplorer (pure: the same arguments give the same result).

    Trains a fresh ``SoftmaxRegression(d, q, seed=seed)`` with minibatch SGD
    (``fit(..., seed=seed)``) and reports the outcome. A learning rate so large that the
    parameters blow up is not an error here: ``fit`` raises FloatingPointError, which is
    caught and reported (``diverged=True``, its message in ``message``); no NumPy warning
    escapes at any setting.

    Shapes: ``X_train`` (n, d), ``y_train`` (n,), ``X_test`` (m, d), ``y_test`` (m,); ``q`` is
    ``num_classes`` or 1 + the largest label. Returns ``history`` (as ``model.history``, the
    epochs completed), ``train_loss``, ``train_acc``, ``test_loss``, ``test_acc`` after the
    last epoch (NaN if training diverged), ``diverged``, ``epochs_done``, ``message``,
    ``W`` (d, q) and ``b`` (q,) as float arrays (None if diverged), ``num_classes`` and the
    hyperparameters as given.
    """
    X_train = as_float_array(X_train, "X_train")
    X_test = as_float_array(X_test, "X_test")
    y_train = as_labels(y_train, num_classes, "y_train")
    y_test = as_labels(y_test, num_classes, "y_test")
    q = int(num_classes) if num_classes is not None else int(max(y_train.max(), y_test.max())) + 1
    model = SoftmaxRegression(X_train.shape[1], q, seed=seed)
    diverged = False
    # fit raises FloatingPointError on a blow-up, without a RuntimeWarning first
    try:
        model.fit(
            X_train,
            y_train,
            lr=lr,
            batch_size=batch_size,
            epochs=epochs,
            weight_decay=weight_decay,
            seed=seed,
            X_test=X_test,
            y_test=y_test,
        )
    except FloatingPointError as exc:
        diverged = True
        message = str(exc)
    history = {k: list(v) for k, v in model.history.items()}
    done = len(history.get("epoch", []))
    if diverged:
        final = dict.fromkeys(METRICS, math.nan)
    else:
        final = {k: float(history[k][-1]) if done else math.nan for k in METRICS}
        if not done:
            message = "0 epochs: nothing trained yet"
        else:
            steps = math.ceil(len(y_train) / batch_size)
            message = (
                f"trained {done} epoch{'s' if done != 1 else ''} of {steps} minibatch "
                f"step{'s' if steps != 1 else ''} each ({done * steps} SGD steps)"
            )
    return {
        "history": history,
        **final,
        "diverged": diverged,
        "epochs_done": done,
        "message": message,
        "W": None if diverged else np.array(model.W),
        "b": None if diverged else np.array(model.b),
        "num_classes": q,
        "lr": float(lr),
        "batch_size": int(batch_size),
        "epochs": int(epochs),
        "weight_decay": float(weight_decay),
    }


# -- view: curves -------------------------------------------------------------------------------

PANEL_W, PANEL_H = 300, 190
PAD_L, PAD_R, PAD_T, PAD_B = 44, 12, 24, 34


def _nice_step(span: float, target: int = 5) -> float:
    """A 1-2-5 step that cuts ``span`` into about ``target`` intervals."""
    raw = span / target
    mag = 10 ** math.floor(math.log10(raw))
    return next(m * mag for m in (1, 2, 5, 10) if m * mag >= raw)


def loss_axis_top(history: Mapping[str, Sequence[float]], num_classes: int) -> float:
    """Upper end of the loss axis: a little above log q (the loss of uniform guessing), more if
    the losses are higher, but at most 4 log q (higher points sit on the top edge)."""
    base = math.log(max(num_classes, 2))
    values = [
        v for k in ("train_loss", "test_loss") for v in history.get(k, []) if math.isfinite(v)
    ]
    top = max([1.2 * base, *values])
    top = min(top, 4.0 * base)
    step = _nice_step(top)
    return step * math.ceil(top / step - 1e-9)


def _panel(
    ox: float,
    title: str,
    xs: Sequence[int],
    series: Sequence[tuple[str, Sequence[float], str, bool]],
    x_max: int,
    y_top: float,
    y_fmt: str,
) -> list[str]:
    """One chart at horizontal offset ``ox``: axes, ticks, and one polyline per series
    (css name, values, colour, dashed). Values above ``y_top`` (or not finite) sit on the
    top edge with an open circle."""
    x0, x1 = ox + PAD_L, ox + PANEL_W - PAD_R
    y0, y1 = PANEL_H - PAD_B, PAD_T  # y0 is the bottom (value 0)

    def px(e: float, v: float) -> tuple[float, float]:
        return x0 + (x1 - x0) * e / x_max, y0 - (y0 - y1) * min(max(v, 0.0), y_top) / y_top

    parts = [
        f'<text x="{(x0 + x1) / 2:.1f}" y="14" text-anchor="middle" font-weight="bold" '
        f'fill="currentColor">{escape(title)}</text>',
        f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x1:.1f}" y2="{y0:.1f}" stroke="{html.GREY}"/>',
        f'<line x1="{x0:.1f}" y1="{y0:.1f}" x2="{x0:.1f}" y2="{y1:.1f}" stroke="{html.GREY}"/>',
    ]
    step = _nice_step(y_top, 4)
    k = 0
    while k * step <= y_top + 1e-9:
        v = k * step
        _, y = px(0, v)
        parts.append(
            f'<line x1="{x0 - 4:.1f}" y1="{y:.1f}" x2="{x1:.1f}" y2="{y:.1f}" '
            f'stroke="{html.GREY}" stroke-opacity="0.25"/>'
            f'<text x="{x0 - 6:.1f}" y="{y + 4:.1f}" text-anchor="end" fill="currentColor">'
            f"{y_fmt.format(v)}</text>"
        )
        k += 1
    xstep = max(1, int(_nice_step(x_max, 5)))
    for e in range(0, x_max + 1, xstep):
        x, _ = px(e, 0)
        parts.append(
            f'<line x1="{x:.1f}" y1="{y0:.1f}" x2="{x:.1f}" y2="{y0 + 4:.1f}" '
            f'stroke="{html.GREY}"/><text x="{x:.1f}" y="{y0 + 15:.1f}" text-anchor="middle" '
            f'fill="currentColor">{e}</text>'
        )
    parts.append(
        f'<text x="{(x0 + x1) / 2:.1f}" y="{PANEL_H - 4}" text-anchor="middle" '
        'fill="currentColor">epoch</text>'
    )
    for name, values, color, dashed in series:
        if not values:
            continue
        pts = [px(e, v if math.isfinite(v) else y_top) for e, v in zip(xs, values, strict=True)]
        dash = ' stroke-dasharray="6,4"' if dashed else ""
        parts.append(
            f'<polyline class="sm-curve sm-curve-{name}" data-points="{len(values)}" '
            f'data-last="{values[-1]:.6g}" points="{" ".join(f"{x:.1f},{y:.1f}" for x, y in pts)}"'
            f' fill="none" stroke="{color}" stroke-width="2"{dash}/>'
        )
        lx, ly = pts[-1]
        clipped = not (math.isfinite(values[-1]) and values[-1] <= y_top)
        fill = "none" if clipped else color
        parts.append(
            f'<circle cx="{lx:.1f}" cy="{ly:.1f}" r="3.5" fill="{fill}" stroke="{color}" '
            'stroke-width="1.5"/>'
        )
    return parts


def curves_svg(
    history: Mapping[str, Sequence[float]], epochs: int, num_classes: int, note: str = ""
) -> str:
    """Loss (mean cross-entropy) and accuracy per epoch, train solid and test dashed, as one
    inline SVG string with two panels. The x axis runs to ``epochs`` (the planned number),
    so the curves grow from the left during training. The loss axis ends a little above
    log q (uniform guessing; a dotted line), see :func:`loss_axis_top`. Deterministic: the
    same history gives the same string."""
    xs = list(history.get("epoch", []))
    x_max = max(int(epochs), xs[-1] if xs else 0, 1)
    has_test = "test_loss" in history
    top = loss_axis_top(history, num_classes)
    width = 2 * PANEL_W + 10
    height = PANEL_H + 22
    parts = [
        f'<svg class="sm-training-curves" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        'style="font-family:sans-serif;font-size:11px">'
    ]
    loss_series = [("train-loss", history.get("train_loss", []), TRAIN_COLOR, False)]
    acc_series = [("train-acc", history.get("train_acc", []), TRAIN_COLOR, False)]
    if has_test:
        loss_series.append(("test-loss", history["test_loss"], TEST_COLOR, True))
        acc_series.append(("test-acc", history["test_acc"], TEST_COLOR, True))
    parts += _panel(0, "loss (mean cross-entropy)", xs, loss_series, x_max, top, "{:g}")
    # the loss of uniform guessing, log q: where training starts
    base = math.log(max(num_classes, 2))
    x0, x1 = PAD_L, PANEL_W - PAD_R
    yb = (PANEL_H - PAD_B) - (PANEL_H - PAD_B - PAD_T) * base / top
    parts.append(
        f'<line class="sm-log-q" x1="{x0}" y1="{yb:.1f}" x2="{x1}" y2="{yb:.1f}" '
        f'stroke="{html.GREY}" stroke-dasharray="2,3"/>'
        f'<text x="{x1 - 2}" y="{yb - 4:.1f}" text-anchor="end" fill="{html.GREY}">'
        f"log q = {base:.3f}</text>"
    )
    losses = [v for _, values, _, _ in loss_series for v in values]
    if any(not (math.isfinite(v) and v <= top) for v in losses):
        parts.append(
            f'<text class="sm-off-chart" x="{x1 - 2}" y="{PAD_T + 12}" text-anchor="end" '
            f'fill="{html.RED}">↑ losses above {top:g} drawn on the top edge</text>'
        )
    parts += _panel(PANEL_W + 10, "accuracy", xs, acc_series, x_max, 1.0, "{:.0%}")
    ly = PANEL_H + 14
    legend = [("train", TRAIN_COLOR, "")]
    if has_test:
        legend.append(("test", TEST_COLOR, ' stroke-dasharray="6,4"'))
    lx = PAD_L
    for label, color, dash in legend:
        parts.append(
            f'<line x1="{lx}" y1="{ly - 4}" x2="{lx + 24}" y2="{ly - 4}" stroke="{color}" '
            f'stroke-width="2"{dash}/><text x="{lx + 28}" y="{ly}" fill="currentColor">'
            f"{label}</text>"
        )
        lx += 80
    if note:
        parts.append(
            f'<text class="sm-curves-note" x="{lx}" y="{ly}" fill="{html.RED}">'
            f"{escape(note)}</text>"
        )
    parts.append("</svg>")
    return "".join(parts)


# -- view: weight templates ---------------------------------------------------------------------


def _diverging(t: float) -> str:
    """Colour for t in [-1, 1]: blue (negative) - white - red (positive)."""
    t = max(-1.0, min(1.0, t))
    end = (178, 24, 43) if t > 0 else (33, 102, 172)
    a = abs(t)
    rgb = [round(255 + (c - 255) * a) for c in end]
    return f"rgb({rgb[0]},{rgb[1]},{rgb[2]})"


def templates_svg(W, image_shape: tuple[int, int], class_names: Sequence[str]) -> str:
    """Each class's weights, column j of ``W`` (d, q), drawn as an image of ``image_shape``
    (d = rows * cols): red where a bright pixel votes for the class, blue where it votes
    against, white for 0; one colour scale, ±max|W|, shared by all classes."""
    W = np.asarray(W, dtype=float)
    rows, cols = image_shape
    if W.ndim != 2 or W.shape[0] != rows * cols:
        raise ValueError(f"W has shape {W.shape}; need ({rows * cols}, q) for {image_shape} images")
    scale = float(np.max(np.abs(W))) or 1.0
    cell = 7
    gap = 10
    size = cols * cell
    q = W.shape[1]
    width = q * (size + gap)
    height = rows * cell + 16
    parts = [
        f'<svg class="sm-templates" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" '
        'style="font-family:sans-serif;font-size:11px">'
    ]
    for j in range(q):
        ox = j * (size + gap)
        img = W[:, j].reshape(rows, cols) / scale
        parts.append(f'<g class="sm-template" data-index="{j}">')
        for r in range(rows):
            for c in range(cols):
                parts.append(
                    f'<rect x="{ox + c * cell}" y="{r * cell}" width="{cell}" height="{cell}" '
                    f'fill="{_diverging(float(img[r, c]))}"/>'
                )
        parts.append(
            f'<rect x="{ox}" y="0" width="{size}" height="{rows * cell}" fill="none" '
            f'stroke="{html.GREY}"/><text x="{ox + size / 2}" y="{rows * cell + 12}" '
            f'text-anchor="middle" fill="currentColor">{escape(str(class_names[j]))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


# -- view: numbers ------------------------------------------------------------------------------


def loss_text(value: float) -> str:
    return "diverged" if not math.isfinite(value) else html.number(value, "{:.4f}")


def acc_text(value: float) -> str:
    return "diverged" if not math.isfinite(value) else html.number(100 * value, "{:.2f}") + "%"


def numbers_html(values: Mapping[str, float], has_test: bool = True) -> str:
    """A table of the final numbers, each in a ``value_span`` of kind train_loss, train_acc,
    test_loss, test_acc; a diverged run shows the word "diverged" in red."""

    def cell(kind: str) -> str:
        v = values[kind]
        text = loss_text(v) if kind.endswith("loss") else acc_text(v)
        return html.value_span(text, kind, color=html.TEXT if math.isfinite(v) else html.RED)

    rows = [["train", cell("train_loss"), cell("train_acc")]]
    if has_test:
        rows.append(["test", cell("test_loss"), cell("test_acc")])
    return html.table(["", "loss", "accuracy"], rows, css="sm-training-numbers")


def record_text(record: Mapping[str, float] | None) -> str:
    """One line with an epoch's numbers, as the notebooks print them."""
    if record is None:
        return "no epoch finished yet"
    text = f"train loss {loss_text(record['train_loss'])}, "
    text += f"train acc {acc_text(record['train_acc'])}"
    if "test_loss" in record:
        text += f"; test loss {loss_text(record['test_loss'])}, "
        text += f"test acc {acc_text(record['test_acc'])}"
    return text


# -- wiring -------------------------------------------------------------------------------------


class TrainingProgress(Explorer):
    """A live progress display for ``SoftmaxRegression.fit``: pass it as the callback.

    Show it (make it the last expression of a cell), then train in the next cell::

        progress = TrainingProgress(epochs=20)
        progress                       # a progress bar, the numbers, loss/accuracy curves
        model.fit(X, y, epochs=20, X_test=..., y_test=..., callback=progress)

    After every epoch the bar, the numbers and (every few epochs, and after the last one) the
    curves are updated in place. Without a front end nothing is drawn and nothing is
    printed; ``summary()`` gives the numbers as one deterministic line of text, which is also
    what a text-only viewer shows. Calling ``fit`` again restarts the display.

    Introduced in 09_training_from_scratch.ipynb.
    """

    css_class = "sm-training-progress"

    def __init__(self, epochs: int, title: str = "training", num_classes: int | None = None):
        super().__init__()
        if isinstance(epochs, bool) or not isinstance(epochs, int) or epochs < 1:
            raise ValueError(f"epochs must be a whole number >= 1, got {epochs!r}")
        self.epochs = epochs
        self.title = title
        self.num_classes = num_classes
        self.records: list[dict[str, float]] = []
        self.redraw_every = max(1, math.ceil(epochs / 50))  # at most ~50 redraws of the curves
        self.bar = W.IntProgress(value=0, min=0, max=epochs, description="epoch 0")
        self.bar.add_class("sm-progress-bar")
        self.numbers = W.HTML()
        self.curves = W.HTML()
        self.numbers.add_class("sm-view-numbers")
        self.curves.add_class("sm-view-curves")
        self._wire([W.HTML(f"<b>{escape(title)}</b>"), self.bar, self.numbers, self.curves])

    def __call__(self, model: SoftmaxRegression, record: Mapping[str, Any]) -> None:
        """The callback: ``fit`` calls it with the model and each epoch's record."""
        if record["epoch"] == 1:
            self.records = []
        if self.num_classes is None:
            self.num_classes = model.num_outputs
        self.records.append(dict(record))
        self.update()

    def compute(self) -> dict[str, Any]:
        return progress_state(self.records, self.epochs)

    def render(self, state) -> None:
        self.bar.max = state["epochs"]
        self.bar.value = state["epoch"]
        self.bar.description = f"epoch {state['epoch']}"
        if state["last"] is None:
            self.numbers.value = html.note("waiting for the first epoch …", "info")
        else:
            self.numbers.value = numbers_html(state["last"], state["has_test"])
        epoch = state["epoch"]
        if epoch <= 1 or epoch % self.redraw_every == 0 or epoch >= state["epochs"]:
            self.curves.value = curves_svg(state["history"], state["epochs"], self.num_classes or 2)

    def summary(self) -> str:
        s = self.state
        return f"{self.title}: epoch {s['epoch']} of {s['epochs']}; {record_text(s['last'])}"


def _default_data():
    """The digits, split 75/25 (seed 0) and standardised with the training set's statistics."""
    from ..data import load_digits, standardize, train_test_split

    X, y, class_names, _ = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=0)
    X_train, X_test, _, _ = standardize(X_train, X_test)
    return (X_train, X_test, y_train, y_test), class_names


def _option_label(value: float) -> str:
    return "0" if value == 0 else f"{value:g}"


class TrainingExplorer(Explorer):
    """Sliders for the learning rate, batch size, epochs and weight decay; every change
    re-trains a fresh model (seeded, so a setting always gives the same result) and shows the
    final train/test loss and accuracy, the curves and, for image data, the learned weights.

    ``TrainingExplorer()`` trains on the standardised digits; pass ``data=(X_train, X_test,
    y_train, y_test)`` (and ``class_names``, ``image_shape``) for another data set. Drive it
    from Python with ``explorer.set(lr=0.5, batch_size=32, epochs=10, weight_decay=0.0)``;
    ``explorer.state`` holds the numbers (see :func:`train_state`). Values must be among the
    slider's options (``LR_OPTIONS``, ``BATCH_SIZES`` + the training set size,
    ``WEIGHT_DECAY_OPTIONS``; epochs 1..50).

    Introduced in 09_training_from_scratch.ipynb.
    """

    css_class = "sm-training-explorer"

    def __init__(
        self,
        data=None,
        class_names: Sequence[str] | None = None,
        image_shape: tuple[int, int] | None = (8, 8),
        lr: float = 0.2,
        batch_size: int = 64,
        epochs: int = 20,
        weight_decay: float = 1e-3,
    ) -> None:
        super().__init__()
        if data is None:
            data, default_names = _default_data()
            class_names = default_names if class_names is None else class_names
        X_train, X_test, y_train, y_test = data
        self.data = (
            as_float_array(X_train, "X_train"),
            as_float_array(X_test, "X_test"),
            as_labels(y_train, None, "y_train"),
            as_labels(y_test, None, "y_test"),
        )
        n, d = self.data[0].shape
        q = int(max(self.data[2].max(), self.data[3].max())) + 1
        self.num_classes = q
        self.class_names = (
            [str(c) for c in class_names] if class_names is not None else [str(j) for j in range(q)]
        )
        if len(self.class_names) != q:
            raise ValueError(f"{len(self.class_names)} class names for {q} classes")
        if image_shape is not None and image_shape[0] * image_shape[1] != d:
            image_shape = None  # not images of that shape: no templates
        self.image_shape = image_shape
        self.n_train = n
        batch_options = [b for b in BATCH_SIZES if b < n] + [n]
        if batch_size not in batch_options:
            raise ValueError(f"batch_size must be one of {batch_options}, got {batch_size!r}")
        if lr not in LR_OPTIONS:
            raise ValueError(f"lr must be one of {LR_OPTIONS}, got {lr!r}")
        if weight_decay not in WEIGHT_DECAY_OPTIONS:
            raise ValueError(
                f"weight_decay must be one of {WEIGHT_DECAY_OPTIONS}, got {weight_decay!r}"
            )
        layout = W.Layout(width="420px")
        style = {"description_width": "110px"}
        self.controls["lr"] = W.SelectionSlider(
            options=[(_option_label(v), v) for v in LR_OPTIONS],
            value=lr,
            description="learning rate",
            continuous_update=False,
            layout=layout,
            style=style,
        )
        self.controls["batch_size"] = W.SelectionSlider(
            options=[(f"{b} (all)" if b == n else str(b), b) for b in batch_options],
            value=batch_size,
            description="batch size",
            continuous_update=False,
            layout=W.Layout(width="420px"),
            style=style,
        )
        self.controls["epochs"] = int_slider("epochs", epochs, 1, MAX_EPOCHS, css=None)
        self.controls["epochs"].continuous_update = False
        self.controls["weight_decay"] = W.SelectionSlider(
            options=[(_option_label(v), v) for v in WEIGHT_DECAY_OPTIONS],
            value=weight_decay,
            description="weight decay",
            continuous_update=False,
            layout=W.Layout(width="420px"),
            style=style,
        )
        for name, control in self.controls.items():
            control.add_class(f"sm-slider-{name}")
        # A SelectionSlider's readout looks editable but ignores typed text (ipywidgets 8), so
        # it is switched off and a plain label next to the slider shows the chosen value.
        self.readouts = {}
        for name in ("lr", "batch_size", "weight_decay"):
            slider = self.controls[name]
            slider.readout = False
            slider.layout.width = "330px"
            label = W.HTML(layout=W.Layout(width="90px"))
            label.add_class(f"sm-label-{name}")
            self.readouts[name] = label
            slider.observe(self._show_readout, names="index")
            self._show_readout({"owner": slider, "new": slider.index})
        self.numbers = W.HTML()
        self.curves = W.HTML()
        self.templates = W.HTML()
        self.message = W.HTML()
        for view, name in [
            (self.numbers, "numbers"),
            (self.curves, "curves"),
            (self.templates, "templates"),
            (self.message, "message"),
        ]:
            view.add_class(f"sm-view-{name}")
        self.seconds = 0.0
        self._show_time = False  # not on the first render: a saved notebook stays deterministic
        self._wire(
            [
                W.HTML(
                    f"<b>Train softmax regression</b> ({n} training examples, {d} features, "
                    f"{q} classes): every change trains a fresh model"
                ),
                W.HBox([self.controls["lr"], self.readouts["lr"]]),
                W.HBox([self.controls["batch_size"], self.readouts["batch_size"]]),
                self.controls["epochs"],
                W.HBox([self.controls["weight_decay"], self.readouts["weight_decay"]]),
                self.message,
                self.numbers,
                self.curves,
                self.templates,
            ]
        )
        self._show_time = True

    def _show_readout(self, change) -> None:
        slider = change["owner"]  # label from the new index: slider.label may not follow yet
        name = next(k for k, c in self.controls.items() if c is slider)
        label = slider.options[change["new"]][0]
        self.readouts[name].value = html.value_span(label, f"readout-{name}")

    def compute(self, lr, batch_size, epochs, weight_decay) -> dict[str, Any]:
        start = time.perf_counter()
        X_train, X_test, y_train, y_test = self.data
        state = train_state(
            X_train,
            y_train,
            X_test,
            y_test,
            lr=lr,
            batch_size=batch_size,
            epochs=epochs,
            weight_decay=weight_decay,
            num_classes=self.num_classes,
        )
        self.seconds = time.perf_counter() - start  # shown, but not part of the state
        return state

    def render(self, state) -> None:
        self.numbers.value = numbers_html(state)
        note = f"diverged in epoch {state['epochs_done'] + 1}" if state["diverged"] else ""
        self.curves.value = curves_svg(
            state["history"], state["epochs"], self.num_classes, note=note
        )
        if state["diverged"]:
            self.message.value = html.note(
                "<b>diverged:</b> " + escape(state["message"]), "error", css="sm-note sm-status"
            )
        else:
            took = f" in {self.seconds * 1000:.0f} ms" if self._show_time else ""
            self.message.value = html.note(
                escape(state["message"]) + took, "ok", css="sm-note sm-status"
            )
        if self.image_shape is not None and state["W"] is not None:
            self.templates.value = (
                "<div><b>learned weights W[:, j] as images</b> "
                "(red: a bright pixel votes for the class, blue: against)</div>"
                + templates_svg(state["W"], self.image_shape, self.class_names)
            )
        elif self.image_shape is not None:
            self.templates.value = html.note("no weights to draw: training diverged", "error")

    def summary(self) -> str:
        s = self.state
        status = (
            f"diverged in epoch {s['epochs_done'] + 1}"
            if s["diverged"]
            else record_text({k: s[k] for k in METRICS})
        )
        return (
            f"TrainingExplorer: lr={s['lr']:g}, batch_size={s['batch_size']}, "
            f"epochs={s['epochs']}, weight_decay={s['weight_decay']:g}: {status} "
            "(interactive: run this notebook in JupyterLab to move the sliders)"
        )

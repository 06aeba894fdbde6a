"""OneHotPicker: pick a class, see its one-hot vector, decode it back with argmax.

The widget of 02_one_hot_encoding.ipynb. It also shows how far the picked class is from every
other class under integer labels (|y − j|) and under one-hot vectors (‖e_y − e_j‖ = √2).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as W
import numpy as np

from ..encoding import one_hot
from . import html
from ._base import Explorer, int_slider, toggle

DEFAULT_NAMES = (
    "cat",
    "chicken",
    "dog",
    "bird",
    "fish",
    "horse",
    "rabbit",
    "mouse",
    "cow",
    "sheep",
)
MAX_CLASSES = 10
SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def one_hot_state(
    label: int, num_classes: int = 3, class_names: Sequence[str] | None = None
) -> dict[str, Any]:
    """The computation behind OneHotPicker (pure, no widgets).

    ``label`` y in 0..num_classes-1 becomes the one-hot vector e_y (via
    :func:`helpers.one_hot`); argmax decodes it back. Returns plain Python values:
    ``label``, ``num_classes``, ``class_names`` (the first num_classes names), ``class_name``,
    ``vector`` (q floats), ``argmax``, ``decoded`` (the name at argmax), ``round_trip`` (argmax
    gives the label back), ``integer_distances`` |y − j| and ``one_hot_distances``
    ‖e_y − e_j‖₂ for every class j.
    """
    names = list(DEFAULT_NAMES if class_names is None else class_names)
    if isinstance(num_classes, bool) or not isinstance(num_classes, int | np.integer):
        raise TypeError(f"num_classes must be an int, got {num_classes!r}")
    if not 1 <= num_classes <= len(names):
        raise ValueError(
            f"num_classes={num_classes}, but there are {len(names)} class names; "
            f"pick 1..{len(names)} classes or pass more class_names"
        )
    q = int(num_classes)
    names = names[:q]
    vector = one_hot(np.array([label]), q)[0]  # raises a clear ValueError when out of range
    y = int(label)
    E = np.eye(q)
    one_hot_distances = np.linalg.norm(E - vector, axis=1)
    integer_distances = np.abs(np.arange(q) - y)
    argmax = int(np.argmax(vector))
    return {
        "label": y,
        "num_classes": q,
        "class_names": names,
        "class_name": names[y],
        "vector": [float(v) for v in vector],
        "argmax": argmax,
        "decoded": names[argmax],
        "round_trip": argmax == y,
        "integer_distances": [int(d) for d in integer_distances],
        "one_hot_distances": [float(d) for d in one_hot_distances],
    }


def vector_cells(names: Sequence[str], vector: Sequence[float], hot: int) -> str:
    """The one-hot vector as a row of cells, the class name under each (view layer)."""
    cells = []
    for j, (name, v) in enumerate(zip(names, vector, strict=True)):
        on = j == hot
        background = html.BLUE if on else html.TRACK
        color = "white" if on else html.TEXT
        cells.append(
            f'<div class="sm-cell{" sm-hot" if on else ""}" data-index="{j}" '
            'style="display:flex;flex-direction:column;align-items:center;margin:0 2px">'
            f'<div style="width:52px;height:34px;line-height:34px;text-align:center;'
            f"background:{background};border:1px solid {html.MUTED};font-size:16px;"
            f'font-weight:bold">' + html.value_span(f"{v:.0f}", "onehot", j, color) + "</div>"
            f'<div style="font-size:11px;color:{html.MUTED};margin-top:2px">'
            f"{j}: {escape(name)}</div></div>"
        )
    return (
        '<div class="sm-onehot-cells" style="display:flex;flex-wrap:wrap;margin:6px 0">'
        + "".join(cells)
        + "</div>"
    )


def distance_table(state: dict[str, Any]) -> str:
    """|y − j| and ‖e_y − e_j‖ for every class j, as a table (view layer)."""
    rows = []
    for j, name in enumerate(state["class_names"]):
        rows.append(
            [
                escape(f"{j}: {name}"),
                html.value_span(str(state["integer_distances"][j]), "dist-int", j),
                html.value_span(f"{state['one_hot_distances'][j]:.3f}", "dist-onehot", j),
            ]
        )
    y = state["label"]
    sub = str(y).translate(SUBSCRIPTS)
    header = ["class j", f"|{y} − j|", f"‖e{sub} − eⱼ‖"]
    return html.table(header, rows, css="sm-table sm-distances")


class OneHotPicker(Explorer):
    """Pick a class (toggle buttons) and a number of classes (slider); see the one-hot vector,
    its argmax, and the distances to every other class under both encodings.

    Drive it from Python with ``picker.set(label=2)``, ``picker.set(label="dog")`` or
    ``picker.set(num_classes=5, label=4)``; read ``picker.state``.

    Introduced in 02_one_hot_encoding.ipynb.
    """

    css_class = "sm-one-hot-picker"

    def __init__(
        self,
        label: int = 0,
        num_classes: int = 3,
        class_names: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        self.names = list(DEFAULT_NAMES if class_names is None else class_names)
        if not 2 <= len(self.names) <= MAX_CLASSES:
            raise ValueError(
                f"OneHotPicker shows 2 to {MAX_CLASSES} classes, got {len(self.names)} names"
            )
        if not 2 <= num_classes <= len(self.names):
            raise ValueError(
                f"num_classes must be 2..{len(self.names)} (one name per class), got {num_classes}"
            )
        one_hot_state(label, num_classes, self.names)  # validates the label early
        self.controls["num_classes"] = int_slider(
            "classes q", num_classes, 2, len(self.names), css="sm-slider-num_classes"
        )
        label_row = toggle(
            "class y",
            self._options(num_classes),
            int(label),
            "sm-toggle-label",
            button_width="72px",
        )
        self.controls["label"] = label_row.buttons
        self.cells = W.HTML()
        self.mapping = W.HTML()
        self.distances = W.HTML()
        self.cells.add_class("sm-view-cells")
        self.mapping.add_class("sm-view-mapping")
        self.distances.add_class("sm-view-distances")
        self._wire(
            [
                W.HTML("<b>Pick a class</b> (click a button; the slider sets how many classes)"),
                label_row,
                self.controls["num_classes"],
                W.HTML("<b>Its one-hot vector e<sub>y</sub></b>"),
                self.cells,
                self.mapping,
                W.HTML("<b>Distance from the picked class to every class</b>"),
                self.distances,
            ]
        )

    def _options(self, q: int) -> list[tuple[str, int]]:
        return [(name, j) for j, name in enumerate(self.names[:q])]

    def _sync_options(self) -> None:
        """Show one button per class after num_classes changed; keep the pick if it exists."""
        q = self.controls["num_classes"].value
        toggle = self.controls["label"]
        if len(toggle.options) == q:
            return
        keep = min(int(toggle.value if toggle.value is not None else 0), q - 1)
        holding, self._holding = self._holding, True
        try:
            toggle.options = self._options(q)
            toggle.value = keep
        finally:
            self._holding = holding

    def update(self) -> None:
        self._sync_options()
        super().update()

    def set(self, **values: Any) -> OneHotPicker:
        """Move the controls; ``label`` may be an index or a class name. ``num_classes`` is
        applied first, so ``set(num_classes=5, label=4)`` works from 3 classes."""
        if "num_classes" in values:
            self._holding = True
            try:
                self.controls["num_classes"].value = values.pop("num_classes")
            finally:
                self._holding = False
            self._sync_options()
        if "label" in values:
            label = values["label"]
            q = self.controls["num_classes"].value
            if isinstance(label, str):
                if label not in self.names[:q]:
                    raise ValueError(
                        f"no class named {label!r} among {self.names[:q]} (num_classes={q})"
                    )
                label = self.names.index(label)
            if isinstance(label, bool) or not isinstance(label, int | np.integer):
                raise TypeError(f"label must be a class index or name, got {label!r}")
            if not 0 <= label < q:
                raise ValueError(
                    f"label {label} is out of range for num_classes={q} (labels must be "
                    f"0..{q - 1}); raise num_classes first"
                )
            values["label"] = int(label)
        return super().set(**values)

    def compute(self, label, num_classes) -> dict[str, Any]:
        return one_hot_state(label, num_classes, self.names)

    def render(self, state) -> None:
        y = state["label"]
        self.cells.value = vector_cells(state["class_names"], state["vector"], y)
        vec = ", ".join(f"{v:.0f}" for v in state["vector"])
        self.mapping.value = (
            f"<div>label y = {html.value_span(str(y), 'label')} "
            f"({escape(state['class_name'])}) → e<sub>y</sub> = "
            f"{html.value_span(f'({vec})', 'vector')} → argmax = "
            f"{html.value_span(str(state['argmax']), 'argmax')} → "
            f"{html.value_span(state['decoded'], 'decoded')}</div>"
            + html.note(
                "argmax gives the label back: decoding inverts encoding."
                if state["round_trip"]
                else "argmax does not give the label back!",
                "ok" if state["round_trip"] else "error",
            )
        )
        self.distances.value = distance_table(state) + html.note(
            "Integer labels put some classes further apart than others; every pair of "
            "different one-hot vectors is √2 ≈ 1.414 apart."
        )

    def summary(self) -> str:
        s = self.state
        vec = ", ".join(f"{v:.0f}" for v in s["vector"])
        return (
            f"OneHotPicker: label {s['label']} ({s['class_name']}) -> one-hot ({vec}) -> "
            f"argmax {s['argmax']} ({s['decoded']}) "
            "(interactive: run this notebook in JupyterLab to pick a class)"
        )

"""What every widget in the series shares: the wiring layer.

A widget here is a plain Python object in three layers (geosci-labs style):

1. the **computation**: a pure function from slider values to numbers, tested on its own;
2. the **view**: functions that turn those numbers into HTML (``helpers.widgets.html``);
3. the **wiring**: an :class:`Explorer` subclass that builds the controls, observes them and
   pushes new HTML into the view when they change.

Updates happen in place (``observe`` -> set an ``HTML`` widget's value), never by re-drawing a
matplotlib figure, so a slider answers in about 10 ms and a notebook cell that displays a
widget has no captured output that could differ under nbval.

Tests and the browser tests drive a widget the same way a student does: ``explorer.set(o1=3)``
moves a slider from Python, ``explorer.state`` returns the numbers currently shown.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Mapping
from html import escape
from typing import Any

import ipywidgets as W

SLIDER_LAYOUT = {"width": "420px"}
SLIDER_STYLE = {"description_width": "110px"}

# Lecture mode (``use_style(lecture=True)`` or SOFTMAX_LECTURE=1): projector sizes for widgets
# created afterwards. Only sizes change; the values, the numbers shown and ``state`` do not.
LECTURE_SLIDER_LAYOUT = {"width": "640px"}
LECTURE_SLIDER_STYLE = {"description_width": "170px"}
LECTURE_SCALE = 1.5  # for other px sizes set in a widget's style (button widths, labels)
# Scoped to the root box's ``sm-lecture`` class: ipywidgets' own size variables, and the HTML
# views (bars, tables, SVG drawn with fixed px sizes) zoomed as a whole.
LECTURE_CSS = (
    ".sm-lecture{--jp-widgets-font-size:20px;--jp-widgets-inline-height:40px;"
    "--jp-widgets-inline-label-width:120px;--jp-widgets-slider-handle-size:22px;"
    "--jp-widgets-slider-track-thickness:6px}"
    ".sm-lecture .widget-html-content{font-size:13px;line-height:28px;zoom:1.5}"
    ".sm-lecture .widget-readout{font-size:20px}"
)
SLIDER_TYPES = (
    W.FloatSlider,
    W.IntSlider,
    W.FloatLogSlider,
    W.FloatRangeSlider,
    W.IntRangeSlider,
    W.SelectionSlider,
    W.SelectionRangeSlider,
)


def lecture_active() -> bool:
    """Whether widgets created now use lecture sizes (see ``helpers.plots.use_style``)."""
    style = sys.modules.get("helpers.plots.style")
    if style is not None:  # use_style() may have decided; never import matplotlib from here
        return style.lecture_active()
    return os.environ.get("SOFTMAX_LECTURE", "").lower() in {"1", "true", "yes", "on"}


def _scaled(size: str | None, factor: float = LECTURE_SCALE) -> str | None:
    """'80px' -> '120px'; anything that is not a px size is returned as it is."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)px\s*", size or "")
    return f"{float(m[1]) * factor:g}px" if m else size


def apply_lecture_sizes(root: W.Widget) -> None:
    """Projector sizes for ``root`` and every widget inside it (sliders wider, text larger)."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        widget = stack.pop()
        if id(widget) in seen:
            continue
        seen.add(id(widget))
        stack.extend(getattr(widget, "children", ()))
        style = getattr(widget, "style", None)
        if isinstance(widget, SLIDER_TYPES):
            widget.layout.width = LECTURE_SLIDER_LAYOUT["width"]
            style.description_width = LECTURE_SLIDER_STYLE["description_width"]
            continue
        for key in ("description_width", "button_width"):
            if style is not None and getattr(style, key, None):
                setattr(style, key, _scaled(getattr(style, key)))
    root.add_class("sm-lecture")


def _slider(cls: type, css: str | None, **kwargs) -> W.Widget:
    """A slider of class ``cls`` with the series' layout, projector-sized in lecture mode."""
    lecture = lecture_active()
    slider = cls(
        layout=W.Layout(**(LECTURE_SLIDER_LAYOUT if lecture else SLIDER_LAYOUT)),
        style=LECTURE_SLIDER_STYLE if lecture else SLIDER_STYLE,
        continuous_update=True,
        **kwargs,
    )
    if css:
        slider.add_class(css)
    return slider


def float_slider(
    description: str,
    value: float,
    lo: float,
    hi: float,
    step: float,
    fmt: str = ".1f",
    css: str | None = None,
) -> W.FloatSlider:
    """A FloatSlider with the series' layout, an editable readout and no lag (continuous)."""
    return _slider(
        W.FloatSlider,
        css,
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=description,
        readout_format=fmt,
    )


def int_slider(description: str, value: int, lo: int, hi: int, css: str | None = None):
    """An IntSlider with the series' layout."""
    return _slider(W.IntSlider, css, value=value, min=lo, max=hi, description=description)


def temperature_slider(css: str = "sm-slider-temperature") -> W.FloatLogSlider:
    """Temperature T from 0.1 to 10 on a log scale, starting at 1 (04, 06)."""
    return _slider(
        W.FloatLogSlider,
        css,
        value=1.0,
        base=10,
        min=-1,
        max=1,
        step=0.01,
        description="temperature T",
        readout_format=".2f",
    )


def toggle(
    description: str,
    options,
    value,
    css: str | None = None,
    button_width: str = "80px",
    **kwargs,
) -> W.HBox:
    """ToggleButtons in a row whose label lines up with the sliders' descriptions.

    (A ToggleButtons' own description is drawn on a line of its own in JupyterLab.) Returns
    the row; the buttons themselves, the control to observe, are ``row.buttons``.
    """
    buttons = W.ToggleButtons(
        options=options, value=value, style={"button_width": button_width}, **kwargs
    )
    if css:
        buttons.add_class(css)
    label = W.HTML(
        f'<div style="text-align:right;padding-right:8px">{escape(description)}</div>',
        layout=W.Layout(width=SLIDER_STYLE["description_width"]),
    )
    row = W.HBox([label, buttons])
    row.buttons = buttons
    return row


DEFAULT_NAMES = ("cat", "chicken", "dog")


def add_logit_sliders(
    explorer: Explorer, logits, class_names, *, widget: str, lo: int, hi: int, logit_range: float
) -> list[str]:
    """Validate ``logits``/``class_names`` and add sliders ``o1..oq`` to ``explorer.controls``.

    Returns the class names (cat, chicken, dog for three logits, else "class j").
    """
    q = len(logits)
    if not lo <= q <= hi:
        raise ValueError(f"{widget} shows {lo} to {hi} logits, got {q}")
    if class_names is None:
        class_names = DEFAULT_NAMES if q == 3 else [f"class {j}" for j in range(q)]
    if len(class_names) != q:
        raise ValueError(f"{len(class_names)} class names for {q} logits; give one name per logit")
    for j, v in enumerate(logits):
        explorer.controls[f"o{j + 1}"] = float_slider(
            f"o{j + 1} ({class_names[j]})",
            float(v),
            -logit_range,
            logit_range,
            0.1,
            css=f"sm-slider-o{j + 1}",
        )
    return list(class_names)


class Explorer:
    """Base class of the series' widgets: controls in, HTML views out, updated in place.

    Subclasses fill ``self.controls`` (name -> ipywidget with a ``value``), build
    ``self.root`` (the box that is displayed) and implement :meth:`compute` (pure: values ->
    state dict) and :meth:`render` (state -> update the view widgets in place).
    """

    css_class = "sm-explorer"

    def __init__(self) -> None:
        self.controls: dict[str, W.ValueWidget] = {}
        self.root: W.Box = W.VBox()
        self.state: dict[str, Any] = {}
        self.lecture = False
        self._holding = False

    # -- wiring -------------------------------------------------------------------------
    def _wire(self, children: list[W.Widget]) -> None:
        """Build the root box and observe every control; call once at the end of __init__.

        In lecture mode the box gets projector sizes and, as a hidden last child, the style
        sheet that enlarges its text (see ``LECTURE_CSS``).
        """
        self.lecture = lecture_active()
        if self.lecture:
            sheet = W.HTML(f"<style>{LECTURE_CSS}</style>", layout=W.Layout(display="none"))
            sheet.add_class("sm-lecture-style")
            children = [*children, sheet]
        self.root = W.VBox(children)
        self.root.add_class(self.css_class)
        self.root.add_class("sm-explorer")
        if self.lecture:
            apply_lecture_sizes(self.root)
        for control in self.controls.values():
            control.observe(self._on_change, names="value")
        self.update()

    def _on_change(self, _change=None) -> None:
        if not self._holding:
            self.update()

    def values(self) -> dict[str, Any]:
        """The current value of every control."""
        return {name: c.value for name, c in self.controls.items()}

    def update(self) -> None:
        """Recompute from the controls and refresh the view."""
        self.state = self.compute(**self.values())
        self.render(self.state)

    def set(self, **values: Any) -> Explorer:
        """Move several controls at once, as a student would, then update once.

        Values outside a slider's range are clamped by ipywidgets, as in the browser.
        """
        unknown = set(values) - set(self.controls)
        if unknown:
            raise KeyError(
                f"no control named {sorted(unknown)}; controls are {list(self.controls)}"
            )
        self._holding = True
        try:
            for name, value in values.items():
                self.controls[name].value = value
        finally:
            self._holding = False
        self.update()
        return self

    # -- to be provided by subclasses ---------------------------------------------------
    def compute(self, **values: Any) -> dict[str, Any]:  # pragma: no cover - abstract
        raise NotImplementedError

    def render(self, state: Mapping[str, Any]) -> None:  # pragma: no cover - abstract
        raise NotImplementedError

    def summary(self) -> str:
        """One or two lines of plain text: what a front end without widgets shows."""
        return f"{type(self).__name__} (interactive: run this notebook in JupyterLab)"

    # -- display ------------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs):
        bundle = self.root._repr_mimebundle_(**kwargs)
        if isinstance(bundle, tuple):  # (data, metadata)
            bundle = bundle[0]
        bundle = dict(bundle)
        bundle["text/plain"] = self.summary()
        return bundle

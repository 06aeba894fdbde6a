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

from collections.abc import Mapping
from typing import Any

import ipywidgets as W

SLIDER_LAYOUT = {"width": "420px"}
SLIDER_STYLE = {"description_width": "110px"}


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
    slider = W.FloatSlider(
        value=value,
        min=lo,
        max=hi,
        step=step,
        description=description,
        readout_format=fmt,
        continuous_update=True,
        layout=W.Layout(**SLIDER_LAYOUT),
        style=SLIDER_STYLE,
    )
    if css:
        slider.add_class(css)
    return slider


def int_slider(description: str, value: int, lo: int, hi: int, css: str | None = None):
    """An IntSlider with the series' layout."""
    slider = W.IntSlider(
        value=value,
        min=lo,
        max=hi,
        description=description,
        continuous_update=True,
        layout=W.Layout(**SLIDER_LAYOUT),
        style=SLIDER_STYLE,
    )
    if css:
        slider.add_class(css)
    return slider


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
        self._holding = False

    # -- wiring -------------------------------------------------------------------------
    def _wire(self, children: list[W.Widget]) -> None:
        """Build the root box and observe every control; call once at the end of __init__."""
        self.root = W.VBox(children)
        self.root.add_class(self.css_class)
        self.root.add_class("sm-explorer")
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

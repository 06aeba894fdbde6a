"""Widgets as static HTML: their saved state drawn without a kernel and without JavaScript.

An executed notebook stores every widget's last state in its metadata
(``application/vnd.jupyter.widget-state+json``) and, in the cell, a view that points at the root
model. Exported slides and handouts have no kernel, so a live slider could move but nothing
would follow it. Instead :func:`freeze_widgets` replaces each widget view by an HTML snapshot of
the same tree: boxes become flex rows/columns, ``HTML`` widgets keep their HTML (the bars and
numbers the series' widgets draw), sliders become disabled range inputs with their readout,
toggle buttons show the selected option. A caption says it is a snapshot. No numbers are
recomputed: everything comes from the saved state.
"""

from __future__ import annotations

import copy
from html import escape
from typing import Any

WIDGET_VIEW = "application/vnd.jupyter.widget-view+json"
WIDGET_STATE = "application/vnd.jupyter.widget-state+json"
CAPTION = "Saved state of an interactive widget: run the notebook in JupyterLab to move it."

CSS = """
.sm-static-widget{border:1px solid #ddd;border-radius:4px;padding:8px 10px;margin:4px 0;
  font-family:var(--jp-ui-font-family,sans-serif);font-size:var(--jp-ui-font-size1,13px);
  color:var(--jp-ui-font-color1,#222);max-width:100%;box-sizing:border-box;overflow-x:auto}
.sm-static-widget .sm-w-caption{color:#777;font-size:0.8em;font-style:italic;margin-top:4px}
.sm-static-widget .sm-w-vbox{display:flex;flex-direction:column;gap:2px}
.sm-static-widget .sm-w-hbox{display:flex;flex-direction:row;flex-wrap:wrap;gap:12px;
  align-items:center}
.sm-static-widget .sm-w-row{display:flex;align-items:center;gap:8px;min-height:28px}
.sm-static-widget .sm-w-label{width:110px;text-align:right;flex:none;white-space:nowrap;
  overflow:hidden;text-overflow:ellipsis}
.sm-static-widget input[type=range]{width:240px;accent-color:#1f77b4}
.sm-static-widget .sm-w-readout{font-family:var(--jp-code-font-family,monospace);
  min-width:48px}
.sm-static-widget .sm-w-button{border:1px solid #bbb;background:#f4f4f4;padding:2px 10px;
  border-radius:2px;min-width:60px;text-align:center}
.sm-static-widget .sm-w-button.sm-w-selected{background:#1f77b4;color:#fff;border-color:#1f77b4}
.sm-static-widget .sm-w-unknown{color:#777;font-style:italic}
"""


def _ref(value: Any) -> str | None:
    if isinstance(value, str) and value.startswith("IPY_MODEL_"):
        return value[len("IPY_MODEL_") :]
    return None


def _fmt(value: Any, spec: str | None) -> str:
    """Format a readout like ipywidgets' d3-format specs (.1f, .2f, .3g, d, ...)."""
    if value is None:
        return ""
    spec = (spec or "").lstrip("~")
    try:
        return format(value, spec) if spec else str(value)
    except (TypeError, ValueError):
        return str(value)


class _Renderer:
    def __init__(self, state: dict[str, Any]):
        self.models = {k: v.get("state", {}) for k, v in state.items()}
        self.names = {k: v.get("model_name", "") for k, v in state.items()}

    def layout(self, s: dict) -> dict:
        return self.models.get(_ref(s.get("layout")) or "", {})

    def style(self, s: dict) -> dict:
        return self.models.get(_ref(s.get("style")) or "", {})

    def label(self, s: dict) -> str:
        text = s.get("description") or ""
        if not text:
            return ""
        inner = text if s.get("description_allow_html") else escape(text)
        width = self.style(s).get("description_width") or ""
        css = f' style="width:{escape(width)}"' if width else ""
        return f'<span class="sm-w-label"{css}>{inner}</span>'

    def classes(self, s: dict, own: str) -> str:
        extra = " ".join(escape(c) for c in s.get("_dom_classes", []))
        return f"{own} {extra}".strip()

    def render(self, model_id: str, depth: int = 0) -> str:
        if depth > 50 or model_id not in self.models:
            return ""
        s, name = self.models[model_id], self.names[model_id]
        lay = self.layout(s)
        if lay.get("display") == "none" or lay.get("visibility") == "hidden":
            return ""
        width = lay.get("width")
        size = f' style="max-width:{escape(width)}"' if width else ""
        children = [self.render(c, depth + 1) for c in map(_ref, s.get("children", [])) if c]
        if name in {
            "VBoxModel",
            "BoxModel",
            "GridBoxModel",
            "AccordionModel",
            "TabModel",
            "StackModel",
        }:
            titles = s.get("titles") or []
            if titles:
                children = [
                    f"<div><b>{escape(t or '')}</b>{c}</div>"
                    for t, c in zip(titles, children, strict=False)
                ]
            return f'<div class="{self.classes(s, "sm-w-vbox")}"{size}>{"".join(children)}</div>'
        if name == "HBoxModel":
            return f'<div class="{self.classes(s, "sm-w-hbox")}"{size}>{"".join(children)}</div>'
        if name in {"HTMLModel", "HTMLMathModel", "LabelModel"}:
            value = s.get("value", "")
            body = escape(value) if name == "LabelModel" else value
            row = self.classes(s, "sm-w-row")
            return f'<div class="{row}">{self.label(s)}<div>{body}</div></div>'
        if "Slider" in name and "Range" not in name and "Selection" not in name:
            return self.slider(s, name)
        if name in {
            "ToggleButtonsModel",
            "RadioButtonsModel",
            "SelectionSliderModel",
            "DropdownModel",
            "SelectModel",
        }:
            labels = s.get("_options_labels", [])
            index = s.get("index")
            buttons = "".join(
                f'<span class="sm-w-button{" sm-w-selected" if i == index else ""}">'
                f"{escape(str(lab))}</span>"
                for i, lab in enumerate(labels)
            )
            return f'<div class="{self.classes(s, "sm-w-row")}">{self.label(s)}{buttons}</div>'
        if name in {"CheckboxModel", "ToggleButtonModel"}:
            mark = "☑" if s.get("value") else "☐"
            text = escape(s.get("description", ""))
            return f'<div class="{self.classes(s, "sm-w-row")}">{mark} {text}</div>'
        if name in {"ButtonModel"}:
            text = escape(s.get("description", ""))
            return f'<div class="sm-w-row"><span class="sm-w-button">{text}</span></div>'
        if name in {
            "IntTextModel",
            "FloatTextModel",
            "BoundedIntTextModel",
            "BoundedFloatTextModel",
            "TextModel",
            "TextareaModel",
        }:
            value = escape(str(s.get("value", "")))
            return (
                f'<div class="{self.classes(s, "sm-w-row")}">{self.label(s)}'
                f'<span class="sm-w-readout">{value}</span></div>'
            )
        if name == "OutputModel":
            return ""  # the series never uses Output widgets (they break nbval)
        text = escape(s.get("description") or name.removesuffix("Model"))
        return f'<div class="sm-w-row sm-w-unknown">[{text}]</div>'

    def slider(self, s: dict, name: str) -> str:
        value = s.get("value")
        lo, hi, step = s.get("min", 0), s.get("max", 100), s.get("step", 1)
        position = value
        if name == "FloatLogSliderModel" and isinstance(value, (int, float)) and value > 0:
            import math

            position = math.log(value, s.get("base", 10.0))
        readout = _fmt(value, s.get("readout_format")) if s.get("readout", True) else ""
        width = self.layout(s).get("width")
        track = f' style="width:calc({escape(width)} - 180px)"' if width else ""
        return (
            f'<div class="{self.classes(s, "sm-w-row")}">{self.label(s)}'
            f'<input type="range" disabled min="{lo}" max="{hi}" step="{step}" '
            f'value="{position}"{track} aria-label="{escape(s.get("description", ""))}">'
            f'<span class="sm-w-readout">{escape(readout)}</span></div>'
        )


def snapshot_html(state: dict[str, Any], model_id: str) -> str:
    """The static HTML of the widget tree rooted at ``model_id``."""
    body = _Renderer(state).render(model_id)
    return (
        f'<div class="sm-static-widget" data-model-id="{escape(model_id)}">{body}'
        f'<div class="sm-w-caption">{escape(CAPTION)}</div></div>'
    )


def freeze_widgets(nb: dict) -> dict:
    """A copy of ``nb`` whose widget views are static HTML snapshots and with no widget state.

    Outputs keep their ``text/plain`` summary. The returned notebook has no widget metadata, so
    nbconvert adds no widget JavaScript.
    """
    nb = copy.deepcopy(nb)
    widgets = nb.get("metadata", {}).pop("widgets", None) or {}
    state = widgets.get(WIDGET_STATE, {}).get("state", {})
    for cell in nb.get("cells", []):
        for out in cell.get("outputs", []):
            data = out.get("data", {})
            view = data.pop(WIDGET_VIEW, None)
            if view is None:
                continue
            model_id = view.get("model_id", "")
            if model_id in state:
                data["text/html"] = snapshot_html(state, model_id)
    return nb

"""Figures of the series (matplotlib), one module per kind of figure, imported lazily.

Importing this changes nothing global; call :func:`use_style` in a notebook's setup cell.
"""

from importlib import import_module

_WHERE = {
    "use_style": "style",
    "lecture_mode": "style",
    "COLORS": "style",
    "draw_toy_images": "images",  # 01
    "draw_toy_image": "images",  # 01
    "draw_predictions": "labels",  # 01
    "draw_distributions": "labels",  # 02
    "draw_distance_matrix": "labels",  # 02
    "draw_network": "network",  # 03
    "draw_decision_regions": "regions",  # 04, 09
    "draw_training_curves": "training",  # 09
    "draw_weight_templates": "templates",  # 09
    "draw_digits": "templates",  # 09, 10
    "draw_confusion_matrix": "evaluation",  # 10
    "draw_reliability_diagram": "evaluation",  # 10
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

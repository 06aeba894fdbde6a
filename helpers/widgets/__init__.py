"""Interactive widgets of the series (ipywidgets), each an object a test can drive.

See ``_base.py`` for the three layers (computation, view, wiring) every widget follows.
Widgets are imported lazily, so ``from helpers.widgets import LogitExplorer`` loads only
what it needs.
"""

from importlib import import_module

# name -> module that defines it (the notebook that teaches it)
_WHERE = {
    "Explorer": "_base",
    "OneHotPicker": "one_hot_picker",  # 02
    "NetworkExplorer": "network_explorer",  # 03
    "LogitExplorer": "logit_explorer",  # 04
    "logit_state": "logit_explorer",
    "BroadcastInspector": "broadcast_inspector",  # 05
    "LossExplorer": "loss_explorer",  # 06
    "GradientExplorer": "gradient_explorer",  # 07
    "EntropyExplorer": "entropy_explorer",  # 08
    "TrainingProgress": "training",  # 09
    "TrainingExplorer": "training",  # 09
}

__all__ = sorted(_WHERE)


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

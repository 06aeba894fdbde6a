"""The series' figure style, applied only by an explicit call.

Introduced in every notebook's setup cell: ``from helpers.plots import use_style; use_style()``.
"""

from __future__ import annotations

import os

import matplotlib as mpl

# class colours used everywhere: cat, chicken, dog, then matplotlib's cycle
COLORS = [
    "#1f77b4",
    "#ff7f0e",
    "#2ca02c",
    "#d62728",
    "#9467bd",
    "#8c564b",
    "#e377c2",
    "#7f7f7f",
    "#bcbd22",
    "#17becf",
]

_BASE = {
    "figure.figsize": (6.0, 3.6),
    "figure.dpi": 100,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.prop_cycle": mpl.cycler(color=COLORS),
    "font.size": 10,
    "lines.linewidth": 1.8,
    "svg.hashsalt": "softmax-notebooks",
}
_LECTURE = {
    "font.size": 16,
    "lines.linewidth": 3.0,
    "figure.figsize": (9.0, 5.4),
    "axes.titlesize": 18,
    "axes.labelsize": 16,
}


def lecture_mode() -> bool:
    """True when the environment variable SOFTMAX_LECTURE is set to 1/true/yes."""
    return os.environ.get("SOFTMAX_LECTURE", "").lower() in {"1", "true", "yes", "on"}


def use_style(lecture: bool | None = None) -> None:
    """Apply the series' matplotlib style; ``lecture=True`` (or SOFTMAX_LECTURE=1) makes
    fonts and lines projector-sized. Changes only how figures look, never a number."""
    if lecture is None:
        lecture = lecture_mode()
    mpl.rcParams.update(_BASE)
    if lecture:
        mpl.rcParams.update(_LECTURE)

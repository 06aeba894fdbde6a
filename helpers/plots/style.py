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
    "lines.markersize": 9.0,
    "figure.figsize": (9.0, 5.4),
    "axes.titlesize": 18,
    "axes.labelsize": 16,
    "axes.linewidth": 1.5,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "legend.fontsize": 14,
    "grid.linewidth": 1.2,
}
LECTURE_VALUES = {"1", "true", "yes", "on"}

# The choice of the last use_style() call; None until then (the environment decides).
_lecture_choice: bool | None = None


def lecture_mode() -> bool:
    """True when the environment variable SOFTMAX_LECTURE is set to 1/true/yes/on."""
    return os.environ.get("SOFTMAX_LECTURE", "").lower() in LECTURE_VALUES


def lecture_active() -> bool:
    """Whether figures and widgets made now use projector sizes: what the last
    ``use_style(...)`` call chose, or SOFTMAX_LECTURE if it has not been called."""
    return lecture_mode() if _lecture_choice is None else _lecture_choice


def figure_text(fig) -> str:
    """The plain-text stand-in of a figure: its titles, for text-only viewers and nbval."""
    titles = [fig._suptitle.get_text()] if getattr(fig, "_suptitle", None) else []
    titles += [ax.get_title() for ax in fig.axes if ax.get_title()]
    return f"[figure: {'; '.join(titles)}]" if titles else "[figure]"


def use_style(lecture: bool | None = None) -> None:
    """Apply the series' matplotlib style; ``lecture=True`` (or SOFTMAX_LECTURE=1) makes
    fonts and lines projector-sized. Changes only how figures look, never a number.

    Lecture mode also reaches the widgets created afterwards (``helpers.widgets``): wider
    sliders and larger text; their numbers stay the same. ``use_style(lecture=False)`` switches
    it off again, whatever the environment says.

    In IPython it also replaces a figure's plain-text form ``<Figure size 600x360 with 1 Axes>``
    by its titles, ``[figure: ...]``, which is what text-only viewers show.
    """
    global _lecture_choice
    if lecture is None:
        lecture = lecture_mode()
    _lecture_choice = bool(lecture)
    # start from matplotlib's defaults for the lecture keys, so switching back really resets
    mpl.rcParams.update({key: mpl.rcParamsDefault[key] for key in _LECTURE})
    mpl.rcParams.update(_BASE)
    if lecture:
        mpl.rcParams.update(_LECTURE)
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover - IPython comes with Jupyter
        return
    shell = get_ipython()
    if shell is not None:
        from matplotlib.figure import Figure

        if "inline" in str(mpl.rcParams._get_backend_or_none() or ""):
            # activating the inline backend resets the figure formatters: do it first
            import matplotlib_inline.backend_inline  # noqa: F401

        plain = shell.display_formatter.formatters["text/plain"]
        plain.for_type(Figure, lambda fig, printer, cycle: printer.text(figure_text(fig)))

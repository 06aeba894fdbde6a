"""The view layer: small HTML builders the widgets push into ``ipywidgets.HTML``.

Plain HTML and inline styles (JupyterLab theme variables with fallbacks), so an update is one
string sent to the browser. Every number a test may read sits in an element with a class of
its own, ``sm-value sm-<kind>``, and a ``data-index`` attribute: the browser tests assert on
those, never on pixels.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape

FONT = "var(--jp-code-font-family, monospace)"
TEXT = "var(--jp-ui-font-color1, #222)"
MUTED = "var(--jp-ui-font-color2, #666)"
TRACK = "var(--jp-layout-color2, #eee)"
BLUE, ORANGE, RED, GREEN, GREY = "#1f77b4", "#ff7f0e", "#d62728", "#2ca02c", "#999"


def number(value: float, fmt: str = "{:.3f}") -> str:
    """Format a number for display; inf and nan are spelled out as NumPy prints them."""
    if math.isnan(value):
        return "nan"
    if math.isinf(value):
        return "inf" if value > 0 else "-inf"
    return fmt.format(value)


def value_span(text: str, kind: str, index: int | None = None, color: str = TEXT) -> str:
    """A number a test can find: ``<span class="sm-value sm-KIND" data-index=i>``."""
    idx = "" if index is None else f' data-index="{index}"'
    return (
        f'<span class="sm-value sm-{kind}"{idx} style="color:{color};'
        f'font-family:{FONT}">{escape(text)}</span>'
    )


def bar_chart(
    labels: Sequence[str],
    values: Sequence[float],
    *,
    kind: str,
    lo: float = 0.0,
    hi: float = 1.0,
    fmt: str = "{:.3f}",
    highlight: int | None = None,
    colors: Sequence[str] | None = None,
    width: int = 260,
    suffixes: Sequence[str] | None = None,
) -> str:
    """Horizontal bars, one row per label, for values on the axis [lo, hi].

    Negative values (when lo < 0) grow left from the zero line. Non-finite values draw a
    full red hatched bar and print as inf/nan. ``highlight`` marks one row (e.g. the argmax).
    """
    zero = (0 - lo) / (hi - lo) if lo < 0 < hi else 0.0
    rows = []
    for i, (label, v) in enumerate(zip(labels, values, strict=True)):
        color = colors[i] if colors else BLUE
        finite = math.isfinite(v)
        if finite:
            frac = (min(max(v, lo), hi) - lo) / (hi - lo)
            left, right = sorted((zero, frac))
            bar = (
                f'<div style="position:absolute;left:{left * 100:.2f}%;'
                f'width:{(right - left) * 100:.2f}%;top:0;bottom:0;background:{color}"></div>'
            )
        else:
            color = RED
            bar = (
                '<div style="position:absolute;left:0;right:0;top:0;bottom:0;background:'
                f"repeating-linear-gradient(45deg,{RED},{RED} 4px,transparent 4px,"
                'transparent 8px)"></div>'
            )
        axis = (
            (
                f'<div style="position:absolute;left:{zero * 100:.2f}%;top:0;bottom:0;'
                f'border-left:1px solid {MUTED}"></div>'
            )
            if lo < 0
            else ""
        )
        weight = "bold" if i == highlight else "normal"
        mark = " ◀" if i == highlight else ""
        suffix = escape(suffixes[i]) if suffixes else ""
        shown = value_span(number(v, fmt), kind, i, TEXT if finite else RED)
        rows.append(
            f'<div style="display:flex;align-items:center;gap:8px;margin:2px 0;'
            f'font-weight:{weight};color:{TEXT}">'
            f'<div style="width:90px;text-align:right">{escape(label)}</div>'
            f'<div style="position:relative;width:{width}px;height:16px;background:{TRACK}">'
            f"{bar}{axis}</div>"
            f'<div style="width:130px">{shown}{suffix}{mark}</div></div>'
        )
    return f'<div class="sm-bars sm-bars-{kind}">{"".join(rows)}</div>'


def table(header: Sequence[str], rows: Sequence[Sequence[str]], css: str = "sm-table") -> str:
    """A compact table; cells are inserted as given (already escaped / built with value_span)."""
    th = "".join(f'<th style="padding:2px 8px;text-align:right">{escape(h)}</th>' for h in header)
    body = "".join(
        "<tr>"
        + "".join(f'<td style="padding:2px 8px;text-align:right">{c}</td>' for c in row)
        + "</tr>"
        for row in rows
    )
    return (
        f'<table class="{css}" style="border-collapse:collapse;color:{TEXT};'
        f'font-family:{FONT}"><thead><tr>{th}</tr></thead><tbody>{body}</tbody></table>'
    )


def note(text: str, level: str = "info", css: str = "sm-note") -> str:
    """A one-line message; level 'info', 'ok', 'warn' or 'error' picks the colour."""
    color = {"info": MUTED, "ok": GREEN, "warn": ORANGE, "error": RED}[level]
    return f'<div class="{css} sm-{level}" style="color:{color};margin:4px 0">{text}</div>'

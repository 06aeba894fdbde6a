"""EntropyExplorer: two distributions p and q, their entropy, cross-entropy and KL divergence.

The widget of 08_information_theory.ipynb. Each slider holds a non-negative *weight*; the
distribution shown is the weights divided by their sum (``p = w / Σw``), so the sliders can
move freely and p and q always sum to 1. All weights at 0 means the uniform distribution.
The three quantities are drawn as stacked bars, ``H(p, q) = H(p) + KL(p‖q)``, in nats or bits.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from html import escape
from typing import Any

import ipywidgets as W

from ..information import UNITS, cross_entropy_dist, entropy, kl, normalize_weights, surprisal
from . import html
from ._base import Explorer, float_slider, toggle

SCALE_NATS = 3.0  # the bars' full width, in nats (= 3 / ln 2 ≈ 4.33 bits): lengths never change
BAR_WIDTH = 300  # pixels
H_COLOR, KL_COLOR = html.BLUE, html.RED
P_COLOR, Q_COLOR = html.BLUE, html.ORANGE


def entropy_state(
    p_weights: Sequence[float], q_weights: Sequence[float], unit: str = "nats"
) -> dict[str, Any]:
    """The computation behind EntropyExplorer (pure, no widgets).

    Normalises the weights (:func:`helpers.information.normalize_weights`) to ``p`` and
    ``q``, then ``entropy`` = H(p), ``cross_entropy`` = H(p, q) and ``kl`` = KL(p‖q) from
    :mod:`helpers.information`, in ``unit``; ``p_surprisal``/``q_surprisal`` = −log p_j and
    −log q_j (inf for a zero probability), ``p_uniform``/``q_uniform`` (all weights were 0),
    ``unit`` and ``per_nat`` (how many of ``unit`` one nat is: 1 or 1/ln 2). Plain floats.
    """
    if unit not in UNITS:
        raise ValueError(f"unit must be one of {UNITS}, got {unit!r}")
    p, p_uniform = normalize_weights(p_weights)
    q, q_uniform = normalize_weights(q_weights)
    if p.shape != q.shape:
        raise ValueError(f"p has {p.size} outcomes and q has {q.size}; give the same number")
    return {
        "p": [float(v) for v in p],
        "q": [float(v) for v in q],
        "p_uniform": p_uniform,
        "q_uniform": q_uniform,
        "entropy": float(entropy(p, unit)),
        "cross_entropy": float(cross_entropy_dist(p, q, unit)),
        "kl": float(kl(p, q, unit)),
        "p_surprisal": [float(v) for v in surprisal(p, unit)],
        "q_surprisal": [float(v) for v in surprisal(q, unit)],
        "unit": unit,
        "per_nat": 1.0 if unit == "nats" else 1.0 / math.log(2.0),
    }


# -- view -----------------------------------------------------------------------------------
def shown(value: float, fmt: str = "{:.3f}") -> str:
    """How the widget prints a number: inf as ∞, and never −0.000."""
    if math.isinf(value):
        return "∞"
    text = html.number(value, fmt)
    return html.number(0.0, fmt) if float(text) == 0.0 else text


def _segment(left: float, width: float, color: str, infinite: bool = False) -> str:
    background = (
        f"repeating-linear-gradient(45deg,{color},{color} 4px,transparent 4px,transparent 8px)"
        if infinite
        else color
    )
    return (
        f'<div style="position:absolute;left:{left * 100:.2f}%;width:{width * 100:.2f}%;'
        f'top:0;bottom:0;background:{background}"></div>'
    )


def stacked_bars(h: float, kl_value: float, ce: float, unit: str, per_nat: float) -> str:
    """Three rows on one axis: H(p), KL(p‖q) starting where H(p) ends, and H(p, q) made of
    both. The axis spans SCALE_NATS nats whatever the unit, so only the numbers change when
    the unit does. A value past the axis (or infinite) fills to the end, hatched."""
    full = SCALE_NATS * per_nat  # the axis length in the chosen unit
    fh = min(h / full, 1.0)
    fk = min(kl_value / full, 1.0 - fh) if math.isfinite(kl_value) else 1.0 - fh
    past = not math.isfinite(ce) or ce > full
    rows = [
        ("H(p)", "entropy", h, [_segment(0, fh, H_COLOR)], "entropy of p"),
        (
            "KL(p‖q)",
            "kl",
            kl_value,
            [_segment(fh, fk, KL_COLOR, past)],
            "the extra cost of using q",
        ),
        (
            "H(p, q)",
            "cross_entropy",
            ce,
            [_segment(0, fh, H_COLOR), _segment(fh, fk, KL_COLOR, past)],
            "= H(p) + KL(p‖q)",
        ),
    ]
    out = []
    for label, kind, value, segments, note in rows:
        weight = "bold" if kind == "cross_entropy" else "normal"
        out.append(
            f'<div style="display:flex;align-items:center;gap:8px;margin:3px 0;color:{html.TEXT};'
            f'font-weight:{weight}"><div style="width:70px;text-align:right">{label}</div>'
            f'<div style="position:relative;width:{BAR_WIDTH}px;height:18px;'
            f'background:{html.TRACK}">{"".join(segments)}</div>'
            f'<div style="width:250px">{html.value_span(shown(value), kind)} {unit} '
            f'<span style="color:{html.MUTED};font-weight:normal">{escape(note)}</span></div>'
            "</div>"
        )
    ticks = "".join(
        f'<span style="position:absolute;left:{t / full * 100:.2f}%;transform:translateX(-50%)">'
        f"{t:g}</span>"
        for t in range(int(full) + 1)
    )
    out.append(
        f'<div style="display:flex;gap:8px;color:{html.MUTED};font-size:11px">'
        f'<div style="width:70px"></div><div style="position:relative;width:{BAR_WIDTH}px;'
        f'height:14px">{ticks}</div><div>{unit}</div></div>'
    )
    return f'<div class="sm-stacked">{"".join(out)}</div>'


def terms_table(state: dict[str, Any], names: Sequence[str]) -> str:
    """Per outcome: p_j, q_j, the surprisals −log p_j and −log q_j (in the unit)."""
    rows = []
    for j, name in enumerate(names):
        bars = "".join(
            f'<div style="width:{120 * state[letter][j]:.1f}px;height:6px;margin:1px 0;'
            f'background:{color}"></div>'
            for letter, color in (("p", P_COLOR), ("q", Q_COLOR))
        )
        rows.append(
            [
                escape(name),
                f'<div style="width:120px;background:{html.TRACK}">{bars}</div>',
                html.value_span(shown(state["p"][j]), "p", j, P_COLOR),
                html.value_span(shown(state["q"][j]), "q", j, Q_COLOR),
                html.value_span(shown(state["p_surprisal"][j]), "p-surprisal", j),
                html.value_span(shown(state["q_surprisal"][j]), "q-surprisal", j),
            ]
        )
    unit = state["unit"]
    return html.table(
        ["outcome", "p and q", "p_j", "q_j", f"−log p_j ({unit})", f"−log q_j ({unit})"],
        rows,
        css="sm-table sm-distributions",
    )


class EntropyExplorer(Explorer):
    """Weights for two distributions p and q (sliders p1..pk, q1..qk) and a unit switch.

    The distributions shown are the normalised weights (kinds ``"p"`` and ``"q"``, index j);
    H(p), H(p, q) and KL(p‖q) (kinds ``"entropy"``, ``"cross_entropy"``, ``"kl"``) are drawn
    as stacked bars, H(p, q) = H(p) + KL(p‖q), in nats or bits (control ``unit``). Drive it
    from Python with ``explorer.set(p1=0.2, q3=0.0, unit="bits")``; read ``explorer.state``.

    Introduced in 08_information_theory.ipynb.
    """

    css_class = "sm-entropy-explorer"

    def __init__(
        self,
        p_weights: Sequence[float] = (0.6, 0.3, 0.1),
        q_weights: Sequence[float] = (0.3, 0.3, 0.4),
        outcome_names: Sequence[str] | None = None,
    ) -> None:
        super().__init__()
        k = len(p_weights)
        if not 2 <= k <= 4 or len(q_weights) != k:
            raise ValueError(
                f"EntropyExplorer shows 2 to 4 outcomes with as many weights for p as for q; "
                f"got {k} and {len(q_weights)}"
            )
        if outcome_names is None:
            outcome_names = ("cat", "chicken", "dog") if k == 3 else [f"x{j + 1}" for j in range(k)]
        if len(outcome_names) != k:
            raise ValueError(f"{len(outcome_names)} names for {k} outcomes; give one per outcome")
        self.names = list(outcome_names)
        for letter, weights in (("p", p_weights), ("q", q_weights)):
            for j, w in enumerate(weights):
                self.controls[f"{letter}{j + 1}"] = float_slider(
                    f"{letter}{j + 1} ({self.names[j]})",
                    float(w),
                    0.0,
                    1.0,
                    0.01,
                    fmt=".2f",
                    css=f"sm-slider-{letter}{j + 1}",
                )
        unit_row = toggle(
            "unit",
            list(UNITS),
            "nats",
            "sm-toggle-unit",
            tooltips=["natural log (ln), as in the loss", "log base 2"],
        )
        self.controls["unit"] = unit_row.buttons
        self.distributions = W.HTML()
        self.bars = W.HTML()
        self.details = W.HTML()
        for view, name in [
            (self.distributions, "distributions"),
            (self.bars, "bars"),
            (self.details, "details"),
        ]:
            view.add_class(f"sm-view-{name}")
        p_sliders = [self.controls[f"p{j + 1}"] for j in range(k)]
        q_sliders = [self.controls[f"q{j + 1}"] for j in range(k)]
        self._wire(
            [
                W.HTML(
                    "<b>Weights</b>: each slider is a weight ≥ 0; the distribution is the weights "
                    "divided by their sum, p<sub>j</sub> = w<sub>j</sub> / Σw (all 0 means uniform)"
                ),
                W.HBox(
                    [
                        W.VBox([W.HTML("<b>weights of p</b> (the data)"), *p_sliders]),
                        W.VBox([W.HTML("<b>weights of q</b> (the model)"), *q_sliders]),
                    ]
                ),
                unit_row,
                self.distributions,
                self.bars,
                self.details,
            ]
        )

    def compute(self, unit, **weights) -> dict[str, Any]:
        k = len(self.names)
        p_w = [weights[f"p{j + 1}"] for j in range(k)]
        q_w = [weights[f"q{j + 1}"] for j in range(k)]
        return entropy_state(p_w, q_w, unit)

    def render(self, state) -> None:
        self.distributions.value = terms_table(state, self.names)
        self.bars.value = stacked_bars(
            state["entropy"], state["kl"], state["cross_entropy"], state["unit"], state["per_nat"]
        )
        notes = []
        for letter in ("p", "q"):
            if state[f"{letter}_uniform"]:
                notes.append(
                    html.note(f"All {letter} weights are 0: {letter} is taken as uniform.", "warn")
                )
        if math.isinf(state["cross_entropy"]):
            zero = [
                self.names[j]
                for j in range(len(self.names))
                if state["q"][j] == 0 and state["p"][j] > 0
            ]
            notes.append(
                html.note(
                    f"q gives probability 0 to {', '.join(zero)}, which p says can happen: its "
                    "surprisal −log 0 is infinite, so H(p, q) and KL(p‖q) are ∞. (A zero in p "
                    "is harmless: 0 · log 0 = 0.)",
                    "error",
                )
            )
        ln2 = math.log(2.0)
        notes.append(
            html.note(
                f"Units: bits = nats / ln 2 (ln 2 = {ln2:.4f}); 1 nat = {1 / ln2:.4f} bits. "
                "The bars keep their length when you switch: same quantity, different unit.",
                "info",
            )
        )
        self.details.value = "".join(notes)

    def summary(self) -> str:
        s = self.state
        p = ", ".join(shown(v) for v in s["p"])
        q = ", ".join(shown(v) for v in s["q"])
        return (
            f"EntropyExplorer: p = [{p}], q = [{q}]: H(p) = {shown(s['entropy'])}, "
            f"H(p, q) = {shown(s['cross_entropy'])}, KL(p‖q) = {shown(s['kl'])} {s['unit']} "
            "(interactive: run this notebook in JupyterLab to move the sliders)"
        )

"""Checkers for the exercises of 08_information_theory.ipynb.

Expected values come from :mod:`helpers.information` (entropy, kl), in nats.
"""

from __future__ import annotations

import math

import numpy as np

from ..information import entropy, kl
from ._framework import Case, Report, run_checks

LN2 = math.log(2.0)


def _as_float(result) -> float | None:
    try:
        arr = np.asarray(result, dtype=np.float64)
    except (TypeError, ValueError):
        return None
    return float(arr) if arr.ndim == 0 else None


NAN_HINT = (
    "nan: a zero probability gave 0 · log 0 = 0 · (−inf) = nan. By convention "
    "0 log 0 = 0: skip the terms with p_j = 0, e.g. keep = p > 0 and sum over p[keep]"
)


def _shown(value: float) -> str:
    return "inf" if math.isinf(value) else f"{value + 0.0:.6g}"  # + 0.0: never print -0


def _number(expected: float):
    """An ``expected`` function for Case: one number within 1e-9 (or the same inf)."""

    def check(result):
        got = _as_float(result)
        if got is None:
            return False, f"{type(result).__name__} that is not a single number"
        if math.isinf(expected) or math.isinf(got):
            return got == expected, _shown(got)
        return math.isclose(got, expected, rel_tol=1e-9, abs_tol=1e-12), _shown(got)

    return check


def _number_hint(
    expected: float,
    swapped: float | None = None,
    unweighted: float | None = None,
    nan_hint: str = NAN_HINT,
    formula: str = "H(p) = −Σ p_j log p_j",
):
    """Recognise nan from 0·log 0, a missing minus sign, bits instead of nats, swapped args."""

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            return None
        got = _as_float(result)
        if got is None:
            return (
                "return a single number (a float): sum the terms over the outcomes, "
                "e.g. with np.sum"
            )
        if math.isnan(got):
            return nan_hint
        if math.isfinite(expected) and expected != 0:
            if math.isclose(got, -expected, rel_tol=1e-6):
                return f"the sign is flipped: {formula}, which is never negative"
            if math.isclose(got, -expected / LN2, rel_tol=1e-6):
                return f"two slips: the sign is flipped and this is in bits: {formula}, np.log"
            if math.isclose(got, expected / LN2, rel_tol=1e-6):
                return (
                    "this is the answer in bits (log base 2); the checker wants nats: "
                    "use np.log, the natural log, as the loss does"
                )
        if swapped is not None and math.isclose(got, swapped, rel_tol=1e-6, abs_tol=1e-12):
            return (
                "this is KL(q‖p): the arguments are swapped. KL(p‖q) = Σ p_j log(p_j / q_j), "
                "weighted by p, the first argument. KL is not symmetric"
            )
        if unweighted is not None and math.isclose(got, unweighted, rel_tol=1e-6):
            return "each term log(p_j / q_j) must be weighted by p_j before summing"
        return None

    return diagnose


def check_entropy(fn) -> Report:
    """Exercise ★ in 08_information_theory.ipynb: ``fn(p) -> H(p)`` in nats, 0 log 0 = 0."""
    cases = []
    for tried, p, hint in [
        ("a fair coin [0.5, 0.5]", [0.5, 0.5], "H(p) = −Σ p_j log p_j, with the natural log"),
        ("uniform over 3 [1/3, 1/3, 1/3]", [1 / 3, 1 / 3, 1 / 3], "uniform over k gives log k"),
        ("[0.6, 0.3, 0.1]", [0.6, 0.3, 0.1], "H(p) = −Σ p_j log p_j"),
        (
            "a one-hot [0, 1, 0] (certain)",
            [0.0, 1.0, 0.0],
            "a certain outcome has entropy 0. Take the log only where p > 0: np.log(0) warns "
            "and gives −inf, and 0 · (−inf) = nan",
        ),
        (
            "[0.5, 0.25, 0.25, 0] (a zero entry)",
            [0.5, 0.25, 0.25, 0.0],
            "the zero entry must contribute 0 (0 log 0 = 0), without a warning: "
            "sum over p[p > 0] only",
        ),
    ]:
        p = np.array(p)
        expected = entropy(p)
        cases.append(
            Case(
                tried,
                (p,),
                _number(expected),
                hint,
                diagnose=_number_hint(expected),
                show=_shown(expected),
            )
        )
    return run_checks("check_entropy", fn, cases)


def check_kl(fn) -> Report:
    """Exercise ★★ in 08_information_theory.ipynb: ``fn(p, q) -> KL(p‖q)`` in nats."""
    cases = []
    for tried, p, q, hint in [
        (
            "KL(p‖p) for p = [0.6, 0.3, 0.1]",
            [0.6, 0.3, 0.1],
            [0.6, 0.3, 0.1],
            "KL(p‖q) = Σ p_j log(p_j / q_j), which is 0 when q = p",
        ),
        (
            "p = [0.6, 0.3, 0.1], q = [0.3, 0.3, 0.4]",
            [0.6, 0.3, 0.1],
            [0.3, 0.3, 0.4],
            "KL(p‖q) = Σ p_j log(p_j / q_j)",
        ),
        (
            "p = [0.3, 0.3, 0.4], q = [0.6, 0.3, 0.1] (swapped: KL is not symmetric)",
            [0.3, 0.3, 0.4],
            [0.6, 0.3, 0.1],
            "KL(p‖q) = Σ p_j log(p_j / q_j), weighted by the FIRST argument",
        ),
        (
            "p = [0.5, 0.5, 0], q = [0.25, 0.25, 0.5] (p has a zero)",
            [0.5, 0.5, 0.0],
            [0.25, 0.25, 0.5],
            "terms with p_j = 0 contribute 0 (0 log 0 = 0): sum over p > 0 only, "
            "and never take log(0)",
        ),
        (
            "p = [0.5, 0.5, 0], q = [1, 0, 0] (q is 0 where p is not)",
            [0.5, 0.5, 0.0],
            [1.0, 0.0, 0.0],
            "q gives probability 0 to an outcome p says can happen: the answer is inf "
            "(np.inf), without a warning. Return np.inf when any p_j > 0 has q_j = 0",
        ),
    ]:
        p, q = np.array(p), np.array(q)
        expected = kl(p, q)
        swapped = kl(q, p) if np.all(p > 0) else None
        unweighted = float(np.sum(np.log(p / q))) if np.all(p > 0) and np.all(q > 0) else None
        nan_hint = NAN_HINT
        if math.isinf(expected):
            nan_hint = (
                "nan: where p_j = q_j = 0 the term 0 · log(0 / 0) is nan; it must be 0 "
                "(0 log 0 = 0), and where q_j = 0 < p_j the answer is inf. Sum over p > 0 "
                "only, and return np.inf if any of those q_j is 0"
            )
        cases.append(
            Case(
                tried,
                (p, q),
                _number(expected),
                hint,
                diagnose=_number_hint(
                    expected, swapped, unweighted, nan_hint, "KL(p‖q) = Σ p_j log(p_j / q_j)"
                ),
                show=_shown(expected),
            )
        )
    return run_checks("check_kl", fn, cases)

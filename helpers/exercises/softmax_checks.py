"""Checkers for the exercises of 04_softmax.ipynb."""

from __future__ import annotations

import numpy as np

from ..softmax import softmax
from ._framework import Case, Report, as_floats, run_checks


def _overflow_hint(result) -> str | None:
    """Recognise nan from exp overflow (inf / inf) or total underflow (0 / 0)."""
    arr = as_floats(result)
    if arr is not None and np.isnan(arr).any():
        return (
            "it returned nan: exp overflowed to inf (inf / inf = nan) or every exp "
            "underflowed to 0 (0 / 0 = nan). Subtract the row maximum before exp, so the "
            "largest exponential is exp(0) = 1"
        )
    return None


def _axis_hint(result) -> str | None:
    if isinstance(result, BaseException):
        if "broadcast" in str(result):
            return (
                "shapes do not broadcast: the row sums have shape (n,); keep them as a "
                "column with keepdims=True, shape (n, 1)"
            )
        return None
    arr = as_floats(result)
    if arr is None:
        return None
    if arr.ndim == 2 and np.allclose(arr.sum(axis=0), 1) and not np.allclose(arr.sum(axis=1), 1):
        return (
            "the columns sum to 1, not the rows: you normalised over axis=0. Each row is one "
            "example, so reduce over axis=1 (or -1) with keepdims=True"
        )
    return _overflow_hint(result)


def _sums_to_one_by_row(result):
    """rows that each sum to 1"""
    arr = np.asarray(result, dtype=float)
    ok = arr.ndim == 2 and bool(np.allclose(arr.sum(axis=1), 1))
    return ok, f"row sums {np.round(arr.sum(axis=-1), 4).tolist()}"


def softmax_cases() -> list[Case]:
    o = np.array([1.0, 2.0, 3.0])
    O = np.array([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
    return [
        Case(
            "softmax([1, 2, 3])",
            (o,),
            softmax(o),
            "exponentiate, then divide by the sum",
            diagnose=_overflow_hint,
        ),
        Case(
            "softmax([1000, 0]) (overflow)",
            (np.array([1000.0, 0.0]),),
            np.array([1.0, 0.0]),
            "subtract the row maximum before exp",
            diagnose=_overflow_hint,
        ),
        Case(
            "softmax([-1000, -1000]) (underflow)",
            (np.array([-1000.0, -1000.0]),),
            np.array([0.5, 0.5]),
            "0 / 0 = nan: subtract the row maximum before exp",
            diagnose=_overflow_hint,
        ),
        Case(
            "softmax(o + 100) equals softmax(o)",
            (o + 100,),
            softmax(o),
            "softmax must not change when the same constant is added to every logit",
            diagnose=_overflow_hint,
        ),
        Case(
            "a batch of 2 rows: each row sums to 1",
            (O,),
            softmax(O),
            "normalise each row over the classes: axis=1 (or -1) with keepdims=True",
            diagnose=_axis_hint,
        ),
    ]


def check_softmax(fn) -> Report:
    """Exercise ★★ in 04_softmax.ipynb: a stable softmax over the last axis."""
    return run_checks("check_softmax", fn, softmax_cases())


def check_softmax_rows(fn) -> Report:
    """Exercise ★ (bug hunt) in 04_softmax.ipynb: a batch softmax normalised over the wrong axis."""
    O = np.array([[1.0, 2.0, 3.0], [2.0, 0.0, -1.0]])
    tall = np.array([[0.5, 1.5], [2.0, -1.0], [0.0, 0.0]])
    return run_checks(
        "check_softmax_rows",
        fn,
        [
            Case(
                "rows of a (2, 3) batch each sum to 1",
                (O,),
                _sums_to_one_by_row,
                "normalise over axis=1 (the classes), not axis=0",
                diagnose=_axis_hint,
                show="row sums [1.0, 1.0]",
            ),
            Case(
                "the values for the (2, 3) batch",
                (O,),
                softmax(O),
                "each row must equal softmax of that row alone",
                diagnose=_axis_hint,
            ),
            Case(
                "a (3, 2) batch",
                (tall,),
                softmax(tall),
                "keep the row sums as a column: "
                "keepdims=True gives shape (n, 1), which broadcasts over the row",
                diagnose=_axis_hint,
            ),
        ],
    )

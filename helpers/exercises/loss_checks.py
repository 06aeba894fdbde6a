"""Checkers for the exercises of 06_loss_and_likelihood.ipynb.

The exercise: ``cross_entropy_from_logits(O, y)`` returns the mean cross-entropy
``(1/n) Σ_i −log softmax(O_i)_{y_i}`` of a batch, from logits O (n, q) and integer labels
y (n,), stably: finite and right even for logits of ±1000.
"""

from __future__ import annotations

import math

import numpy as np

from ..loss import cross_entropy
from ..softmax import log_softmax
from ._framework import Case, Report, as_floats, run_checks

LOG_OF_ZERO = (
    "it returned inf or nan (or log warned about a zero): log(softmax(O)) takes the log of a "
    "probability that rounded to 0. Compute log ŷ from the logits instead: "
    "log_softmax(O) = O − logsumexp(O), with the row maximum subtracted first"
)
SUMMED = (
    "this is the sum over the batch, not the mean: divide by n (the number of rows), or use "
    ".mean(). The series' loss is the mean, so the learning rate does not depend on n"
)
NOT_A_SCALAR = (
    "return one number, the mean over the batch: this returned one loss per example; "
    "average them with .mean()"
)
WRONG_CLASS = (
    "the loss must use each example's own true class: pick log ŷ[i, y[i]] with "
    "O[np.arange(n), y] style indexing (O[y] picks rows, not one entry per row)"
)
NATURAL_LOG = "use the natural logarithm np.log (nats), not log2 or log10"
SIGN = "the loss is −log ŷ_y, which is ≥ 0: you have the sign the wrong way round"


def _per_example(O: np.ndarray, y: np.ndarray) -> np.ndarray:
    return cross_entropy(O, y, reduction="none")


def diagnose_loss(O, y):
    """Return a diagnose function that recognises the typical wrong answers for (O, y)."""
    O = np.asarray(O, dtype=float)
    y = np.asarray(y)
    n, q = O.shape
    per = _per_example(O, y)
    mean = float(per.mean())
    logp = log_softmax(O)
    candidates = [
        (float(per.sum()), SUMMED),
        (-mean, SIGN),
        (mean / math.log(2), NATURAL_LOG),
        (mean / math.log(10), NATURAL_LOG),
        (float(-logp.mean()), WRONG_CLASS),  # averaged over every class, not only the true one
        (float(-logp[np.arange(n), (y + 1) % q].mean()), WRONG_CLASS),  # labels off by one
        (float(-logp[np.arange(n), np.argmax(O, axis=1)].mean()), WRONG_CLASS),  # argmax as y
    ]
    if y.max() < n:  # O[y] picks whole rows: averaged over all they hold
        candidates.append((float(-logp[y].mean()), WRONG_CLASS))
    if n == q:
        candidates.append((float(-logp[y, np.arange(n)].mean()), WRONG_CLASS))  # O[y, i]

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            text = str(result)
            if "index" in text and "out of bounds" in text:
                return WRONG_CLASS
            return None
        arr = as_floats(result)
        if arr is None:
            return None
        if not np.isfinite(arr).all():
            return LOG_OF_ZERO
        if arr.shape == (n,) and np.allclose(arr, per):
            return NOT_A_SCALAR
        if arr.size != 1:
            return NOT_A_SCALAR if arr.size == n else None
        value = float(arr.reshape(()))
        for candidate, hint in candidates:
            if math.isclose(value, candidate, rel_tol=1e-6, abs_tol=1e-9):
                return hint
        return None

    return diagnose


def _is_mean(O, y):
    expected = cross_entropy(O, y, reduction="mean")

    def ok(result):
        arr = as_floats(result)
        if arr is None:
            return False, repr(result)
        if arr.size != 1:
            return False, f"an array of shape {arr.shape}"
        value = float(arr.reshape(()))
        good = math.isfinite(value) and math.isclose(value, expected, rel_tol=1e-6, abs_tol=1e-9)
        return good, f"{value:.6g}"

    ok.__doc__ = f"{expected:.6g} (the mean over the batch)"
    return ok


def _case(tried: str, O, y, hint: str, expected=None) -> Case:
    O = np.asarray(O, dtype=float)
    y = np.asarray(y)
    return Case(
        tried,
        (O, y),
        cross_entropy(O, y, reduction="mean") if expected is None else expected,
        hint,
        diagnose=diagnose_loss(O, y),
        atol=1e-9,
        rtol=1e-6,
    )


def loss_cases() -> list[Case]:
    rng = np.random.default_rng(6)
    O = rng.normal(size=(4, 3))
    y = np.array([0, 2, 1, 2])
    O5 = rng.normal(scale=2.0, size=(5, 4))
    y5 = np.array([3, 0, 1, 1, 2])
    extreme = np.array([[1000.0, 0.0, -1000.0], [0.0, 1000.0, 0.0], [-1000.0, -1000.0, 1000.0]])
    y_extreme = np.array([1, 0, 2])  # wrong, wrong, right: losses 1000, 1000, 0
    uniform = np.zeros((2, 3))
    return [
        _case(
            "a batch of 4 examples, 3 classes",
            O,
            y,
            "the loss of example i is −log softmax(O_i)[y_i]; return the mean over i",
        ),
        _case(
            "uniform logits: the loss is log q = log 3",
            uniform,
            np.array([0, 2]),
            "equal logits give ŷ_j = 1/q, so every example's loss is −log(1/q) = log q",
        ),
        _case(
            "extreme logits (±1000): finite and right",
            extreme,
            y_extreme,
            LOG_OF_ZERO,
        ),
        Case(
            "mean reduction on a batch of 5, 4 classes",
            (O5, y5),
            _is_mean(O5, y5),
            "average the per-example losses over the batch (divide by n = 5)",
            diagnose=diagnose_loss(O5, y5),
        ),
    ]


def check_cross_entropy(fn) -> Report:
    """Exercise ★★ in 06_loss_and_likelihood.ipynb: ``fn(O, y)`` -> mean cross-entropy."""
    return run_checks("check_cross_entropy", fn, loss_cases())

"""Checkers for the exercises of 09_training_from_scratch.ipynb."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from ..model import SoftmaxRegression
from ._framework import Case, Report, fmt, run_checks


@dataclass
class _Problem:
    """One SGD step to take: parameters, their gradients, the learning rate, and the answer."""

    W: np.ndarray
    b: np.ndarray
    dW: np.ndarray
    db: np.ndarray
    lr: float
    W_new: np.ndarray
    b_new: np.ndarray


def sgd_problem(seed: int, n: int, d: int, q: int, lr: float) -> _Problem:
    """A random model and minibatch, the gradients from ``SoftmaxRegression.gradients`` and
    the expected step from ``SoftmaxRegression.fit`` (one full-batch epoch is exactly one
    update ``W - lr * dW``, ``b - lr * db``): the helpers compute the answer."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    y = rng.integers(0, q, size=n)
    model = SoftmaxRegression(d, q, seed=seed)
    model.W = rng.normal(size=(d, q))
    model.b = rng.normal(size=q)
    W, b = model.W.copy(), model.b.copy()
    dW, db = model.gradients(X, y)
    model.fit(X, y, lr=lr, batch_size=n, epochs=1, seed=seed)
    return _Problem(W, b, dW, db, lr, model.W.copy(), model.b.copy())


@dataclass
class _Call:
    """What came back from one call, plus whether the arrays passed in were changed."""

    result: Any
    W_changed: bool
    b_changed: bool


def _parts(result) -> tuple[np.ndarray, np.ndarray] | None:
    """The two returned arrays, or None if the result is not a pair of numeric arrays."""
    if not isinstance(result, (tuple, list)) or len(result) != 2:
        return None
    try:
        a, c = (np.asarray(r, dtype=float) for r in result)
    except (TypeError, ValueError):
        return None
    return a, c


def _diagnose(p: _Problem, result) -> str | None:
    """Recognise the typical wrong updates from what came back."""
    if isinstance(result, BaseException):
        if "unpack" in str(result) or "not iterable" in str(result):
            return "return both new arrays as a pair: return W_new, b_new"
        return None
    parts = _parts(result)
    if parts is None:
        return (
            "return a pair (W_new, b_new): two arrays, W_new with W's shape and b_new with "
            "b's shape"
        )
    W_new, b_new = parts
    if W_new.shape == p.b.shape and b_new.shape == p.W.shape:
        return "the pair is in the wrong order: return W_new first, then b_new"
    if b_new.shape != p.b.shape and b_new.shape == np.broadcast_shapes(p.b.shape, p.dW.shape):
        return "b_new has W's shape: update b with its own gradient db, not dW"
    if W_new.shape != p.W.shape or b_new.shape != p.b.shape:
        return (
            f"W_new must have W's shape {p.W.shape} and b_new b's shape {p.b.shape}; got "
            f"{W_new.shape} and {b_new.shape}"
        )
    close = np.allclose
    W_ok = close(W_new, p.W - p.lr * p.dW)
    if close(W_new, p.W + p.lr * p.dW) or (W_ok and close(b_new, p.b + p.lr * p.db)):
        return (
            "you added the gradient: that is gradient *ascent*, which makes the loss grow. "
            "The gradient points uphill, so step against it: W - lr * dW, b - lr * db"
        )
    if close(W_new, p.W - p.dW):
        return "you forgot the learning rate: the step is lr times the gradient, W - lr * dW"
    if close(W_new, p.W - p.dW / p.lr):
        return "you divided by the learning rate; multiply instead: W - lr * dW"
    if close(W_new, p.W - p.lr * p.db):
        return "W was updated with db: W's step uses its own gradient, W - lr * dW"
    if W_ok and close(b_new, p.b):
        return "b did not move: update the bias too, b - lr * db"
    if W_ok and close(b_new, p.b - p.db):
        return "the bias step forgot the learning rate: b - lr * db"
    if close(W_new, p.W) and close(b_new, p.b):
        return "nothing changed: the step subtracts lr times the gradients from W and b"
    step = p.W - W_new
    if W_new.size > 1 and np.allclose(step, step.flat[0]) and not close(step, 0):
        return (
            "every weight moved by the same amount: you subtracted a single number (the loss?) "
            "instead of the gradient dW, which has one entry per weight, so each weight moves "
            "by its own slope"
        )
    if close(W_new, p.W - p.lr * p.W):
        return "you subtracted lr * W: the step uses the gradient dW, not the weights"
    return None


def _expect(p: _Problem, what: str = "values"):
    def expected(call: _Call):
        result = call.result
        if result is None:
            if call.W_changed:
                return False, "None (and W was changed in place)"
            return False, "None"
        parts = _parts(result)
        if parts is None:
            return False, fmt(result)
        W_new, b_new = parts
        if W_new.shape != p.W.shape or b_new.shape != p.b.shape:
            return False, f"arrays of shapes {W_new.shape} and {b_new.shape}"
        if what == "untouched":
            changed = [n for n, c in (("W", call.W_changed), ("b", call.b_changed)) if c]
            if changed:
                return False, f"{' and '.join(changed)} changed in place"
            return True, "W and b unchanged"
        ok = bool(np.allclose(W_new, p.W_new, rtol=1e-10, atol=1e-12)) and bool(
            np.allclose(b_new, p.b_new, rtol=1e-10, atol=1e-12)
        )
        if ok:
            return True, "that step"
        return False, (
            f"W_new off by up to {float(np.max(np.abs(W_new - p.W_new))):.3g} and b_new off by "
            f"up to {float(np.max(np.abs(b_new - p.b_new))):.3g}"
        )

    return expected


def _diagnose_call(p: _Problem):
    def diagnose(call) -> str | None:
        if isinstance(call, BaseException):
            return _diagnose(p, call)
        if call.result is None:
            if call.W_changed or call.b_changed:
                return (
                    "you updated W in place (W -= ...) but returned nothing: compute new "
                    "arrays and return them, return W - lr * dW, b - lr * db"
                )
            return "the function returned None: did you forget the `return` statement?"
        return _diagnose(p, call.result)

    return diagnose


def _in_place_hint(p: _Problem):
    def diagnose(call) -> str | None:
        if isinstance(call, BaseException) or call.result is None:
            return _diagnose_call(p)(call)
        if not (call.W_changed or call.b_changed):
            return _diagnose(p, call.result)
        return (
            "the result may be right, but the W (or b) passed in was changed too: "
            "`W -= lr * dW` updates the caller's array in place, so a copy kept earlier "
            "(W_before = W) changes behind your back. Return new arrays: W - lr * dW"
        )

    return diagnose


SHOW = "W - lr * dW, b - lr * db (one step of SoftmaxRegression.fit)"


def _problems() -> list[_Problem]:
    return [
        sgd_problem(seed=0, n=6, d=4, q=3, lr=0.1),
        sgd_problem(seed=1, n=5, d=4, q=3, lr=0.5),
        sgd_problem(seed=2, n=30, d=64, q=10, lr=0.2),
    ]


def sgd_cases() -> list[Case]:
    """The cases of :func:`check_sgd_update`: arguments (W, b, dW, db, lr, probe)."""
    small, other, digits = _problems()

    def args(p: _Problem) -> tuple:
        return (p.W, p.b, p.dW, p.db, p.lr)

    return [
        Case(
            "one step, W (4, 3), b (3,), lr = 0.1",
            args(small),
            _expect(small),
            "the update is W_new = W - lr * dW and b_new = b - lr * db",
            diagnose=_diagnose_call(small),
            show=SHOW,
        ),
        Case(
            "another step, lr = 0.5",
            args(other),
            _expect(other),
            "multiply the gradients by lr, then subtract: W - lr * dW, b - lr * db",
            diagnose=_diagnose_call(other),
            show=SHOW,
        ),
        Case(
            "the digits' shapes, W (64, 10), b (10,), lr = 0.2",
            args(digits),
            _expect(digits),
            "the same formula works for any shapes: W - lr * dW, b - lr * db",
            diagnose=_diagnose_call(digits),
            show=SHOW,
        ),
        Case(
            "W and b passed in are not changed",
            args(small),
            _expect(small, "untouched"),
            "return new arrays (W - lr * dW) instead of updating W in place (W -= lr * dW)",
            diagnose=_in_place_hint(small),
            show="the arrays passed in left as they were",
        ),
    ]


def check_sgd_update(fn) -> Report:
    """Exercise ★ in 09_training_from_scratch.ipynb: one minibatch SGD step.

    ``fn(W, b, dW, db, lr)`` must return ``(W_new, b_new)`` = ``(W - lr * dW, b - lr * db)``
    and leave the arrays passed in unchanged.
    """
    if not callable(fn):
        return run_checks("check_sgd_update", fn, [])

    def probe(W, b, dW, db, lr):
        W_before, b_before = W.copy(), b.copy()
        result = fn(W, b, dW, db, lr)
        return _Call(
            result,
            not np.array_equal(W, W_before),
            not np.array_equal(b, b_before),
        )

    return run_checks("check_sgd_update", probe, sgd_cases())

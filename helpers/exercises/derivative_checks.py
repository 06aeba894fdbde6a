"""Checkers for the exercises of 07_softmax_derivatives.ipynb.

Every expected value is a finite-difference gradient of the helpers' own functions
(:func:`helpers.cross_entropy`, :func:`helpers.softmax`), so the checkers test the student's
derivation against the definition of a derivative, not against another formula.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ..derivatives import numerical_gradient
from ..encoding import one_hot
from ..loss import cross_entropy
from ..softmax import softmax
from ._framework import Case, Report, run_checks

REL_TOL = 1e-6  # analytic vs central differences agree to ~1e-9 in float64; 1e-6 is generous
ABS_TOL = 1e-8  # for entries so small that rounding dominates their finite differences


def relative_error(a: np.ndarray, b: np.ndarray) -> float:
    """``‖a − b‖ / max(‖a‖ + ‖b‖, tiny)``: 0 when equal, about 1 when unrelated.

    The measure used for gradient checking in 07_softmax_derivatives.ipynb.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    denom = max(float(np.linalg.norm(a) + np.linalg.norm(b)), 1e-300)
    return float(np.linalg.norm(a - b)) / denom


def _close_to(expected: np.ndarray, what: str) -> Callable:
    """An ``expected`` function for Case: same shape and relative error below REL_TOL."""

    def check(result):
        try:
            got = np.asarray(result, dtype=np.float64)
        except (TypeError, ValueError):
            return False, f"{type(result).__name__} that is not an array of numbers"
        if got.shape != expected.shape:
            return False, f"shape {got.shape}, expected {expected.shape}"
        if not np.all(np.isfinite(got)) and not np.array_equal(got, expected):
            return False, f"shape {got.shape} with nan or inf entries"
        err = relative_error(got, expected)
        if err < REL_TOL:
            return True, f"shape {got.shape}, relative error < {REL_TOL:g}"
        if np.max(np.abs(got - expected)) < ABS_TOL:  # tiny entries: rounding dominates
            return True, f"shape {got.shape}, every difference < {ABS_TOL:g}"
        return False, f"shape {got.shape}, relative error {err:.2g}"

    check.__doc__ = what
    return check


# -- exercise: the gradient of the mean loss with respect to W and b -----------------------
def _problem(n: int, d: int, q: int, seed: int, soft: bool = False):
    """A small regression problem: X (n, d) pixel-like values, Y one-hot (or soft) rows."""
    rng = np.random.default_rng(seed)
    X = rng.uniform(0.0, 1.0, size=(n, d))
    W = rng.normal(0.0, 0.8, size=(d, q))
    b = rng.normal(0.0, 0.5, size=q)
    y = rng.integers(0, q, size=n)
    Y = one_hot(y, q)
    if soft:  # label smoothing: 0.8 on the label, the rest spread evenly
        Y = 0.8 * Y + 0.2 / q
    return X, Y, W, b


def numerical_param_grads(X, Y, W, b) -> tuple[np.ndarray, np.ndarray]:
    """Central differences of the MEAN loss cross_entropy(X @ W + b, Y) in W and in b."""
    grad_W = numerical_gradient(lambda W_: cross_entropy(X @ W_ + b, Y), W)
    grad_b = numerical_gradient(lambda b_: cross_entropy(X @ W + b_, Y), b)
    return grad_W, grad_b


def _gradient_hint(X, Y, W, b, part: str) -> Callable:
    """Recognise the usual wrong gradients for one problem and one part ("W" or "b")."""
    n, d = X.shape
    q = W.shape[1]
    O = X @ W + b
    Y_hat = softmax(O)
    G = (Y_hat - Y) / n  # the right gradient with respect to O
    right = X.T @ G if part == "W" else G.sum(axis=0)
    other_shape = (q,) if part == "W" else (d, q)
    wrong = {
        "sum": right * n,
        "no_y": X.T @ Y_hat / n if part == "W" else Y_hat.mean(axis=0),
        "no_y_sum": X.T @ Y_hat if part == "W" else Y_hat.sum(axis=0),
        "sign": -right,
    }
    col_softmax = softmax(O, axis=0)
    wrong["softmax_axis"] = (
        X.T @ (col_softmax - Y) / n if part == "W" else (col_softmax - Y).mean(axis=0)
    )

    def close(a, b_) -> bool:
        return a.shape == b_.shape and relative_error(a, b_) < 1e-6

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            text = str(result)
            if "not a pair" in text:
                return "return both gradients as a pair, in this order: return grad_W, grad_b"
            if any(w in text for w in ("matmul", "shapes", "mismatch", "broadcast", "aligned")):
                return (
                    "the shapes do not fit: X is (n, d) and Ŷ − Y is (n, q), so the product "
                    "with shape (d, q) is X.T @ (Y_hat - Y); transpose X, not Ŷ − Y"
                )
            return None
        try:
            got = np.asarray(result, dtype=np.float64)
        except (TypeError, ValueError):
            return None
        if part == "W" and got.shape == (q, d) and (d != q or close(got, right.T)):
            return (
                f"this is the transpose: shape {got.shape}, but W has shape (d, q) = {(d, q)} "
                "and its gradient must too. Use X.T @ (Y_hat - Y) / n, not (Y_hat - Y).T @ X"
            )
        if got.shape == other_shape:
            return "W and b are swapped: return the pair in the order (grad_W, grad_b)"
        if part == "b" and got.shape == (n,):
            return (
                "shape (n,): you averaged over axis=1 (the classes). ∇b averages Ŷ − Y over the "
                "examples: (Y_hat - Y).mean(axis=0), shape (q,)"
            )
        if part == "b" and got.ndim == 0:
            return (
                "a single number: average over the examples only, axis=0, to keep one entry "
                "per class: shape (q,)"
            )
        if close(got, wrong["sum"]):
            return (
                f"n = {n} times too large: that is the gradient of the SUM of the losses. "
                "The checker uses the MEAN loss, so divide by n"
            )
        if close(got, wrong["no_y"]) or close(got, wrong["no_y_sum"]):
            return (
                "you forgot to subtract Y: the gradient with respect to the logits is "
                "prediction minus truth, Y_hat - Y (Y one-hot or soft rows), not Y_hat alone"
            )
        if close(got, wrong["sign"]):
            return (
                "the sign is flipped: ∂l/∂o = Ŷ − Y (prediction minus truth), not Y − Ŷ; the "
                "minus sign belongs to the descent step, W -= lr * grad_W"
            )
        if close(got, wrong["softmax_axis"]):
            return (
                "softmax ran over the wrong axis: normalise each ROW of O = X @ W + b "
                "(axis=1, keepdims=True), one example per row"
            )
        return None

    return diagnose


def check_gradient(fn) -> Report:
    """Exercise ★★ in 07_softmax_derivatives.ipynb: ``fn(X, Y, W, b) -> (grad_W, grad_b)``,
    the gradients of the MEAN cross-entropy of softmax(X @ W + b) against target rows Y,
    compared with central differences of :func:`helpers.cross_entropy`."""
    if not callable(fn):
        return run_checks("check_gradient", fn, [])

    def part_of(part: str, X, Y, W, b):
        out = fn(X, Y, W, b)
        if out is None:
            return None
        if not isinstance(out, (tuple, list)) or len(out) != 2:
            raise TypeError(
                f"returned {type(out).__name__}, not a pair: return grad_W, grad_b (a tuple)"
            )
        return out[0] if part == "W" else out[1]

    problems = [
        ("n=5, d=4, q=3 (the running example)", _problem(5, 4, 3, seed=7)),
        ("n=1, one example", _problem(1, 4, 3, seed=8)),
        ("n=8, d=2, q=5", _problem(8, 2, 5, seed=9)),
        ("n=6, d=3, q=3 (square W)", _problem(6, 3, 3, seed=10)),
        ("n=4, soft labels Y", _problem(4, 4, 3, seed=11, soft=True)),
    ]
    cases = []
    for name, (X, Y, W, b) in problems:
        grad_W, grad_b = numerical_param_grads(X, Y, W, b)
        for part, expected, shape_hint in [
            ("W", grad_W, "X.T @ (Y_hat - Y) / n with Y_hat = softmax(X @ W + b) row by row"),
            ("b", grad_b, "(Y_hat - Y).mean(axis=0): one entry per class"),
        ]:
            cases.append(
                Case(
                    f"∇{part}, {name}",
                    (part, X, Y, W, b),
                    _close_to(expected, "finite differences"),
                    f"compare with {shape_hint}",
                    diagnose=_gradient_hint(X, Y, W, b, part),
                    show=f"shape {expected.shape} as finite differences",
                )
            )
    return run_checks("check_gradient", part_of, cases)


# -- exercise: the softmax Jacobian ----------------------------------------------------------
def numerical_jacobian(o) -> np.ndarray:
    """J[i, j] = ∂softmax(o)_i/∂o_j by central differences, one row per output i."""
    o = np.asarray(o, dtype=np.float64)
    return np.stack([numerical_gradient(lambda v, i=i: softmax(v)[i], o) for i in range(o.size)])


def _jacobian_hint(o) -> Callable:
    p = softmax(np.asarray(o, dtype=np.float64))
    wrong = {
        "no_outer": np.diag(p) - p,  # diag(p) − p broadcast along rows
        "no_diag": -np.outer(p, p),
        "plus": np.diag(p) + np.outer(p, p),
        "diag_only": np.diag(p * (1 - p)),
    }

    def close(a, b) -> bool:
        return a.shape == b.shape and relative_error(a, b) < 1e-6

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            return None
        try:
            got = np.asarray(result, dtype=np.float64)
        except (TypeError, ValueError):
            return None
        q = p.size
        if got.shape == (q,):
            return (
                f"shape ({q},): that is a vector. The Jacobian has one row per output ŷ_i and "
                f"one column per input o_j: shape ({q}, {q})"
            )
        if np.isnan(got).any():
            return (
                "nan: exp overflowed. Compute ŷ with a stable softmax (subtract the maximum "
                "logit first), then build the matrix from ŷ"
            )
        if close(got, wrong["no_outer"]):
            return "the off-diagonal part needs the outer product: − np.outer(p, p), not − p"
        if close(got, wrong["no_diag"]):
            return "missing the diagonal term: ∂ŷ_i/∂o_i has an extra ŷ_i, so add np.diag(p)"
        if close(got, wrong["plus"]):
            return "sign: J = diag(ŷ) − ŷŷᵀ; raising o_j lowers every other ŷ_i"
        if close(got, wrong["diag_only"]):
            return (
                "only the diagonal is right: ŷ_i also depends on the other logits, "
                "∂ŷ_i/∂o_j = −ŷ_i ŷ_j for i ≠ j"
            )
        return None

    return diagnose


def check_jacobian(fn) -> Report:
    """Exercise ★★ in 07_softmax_derivatives.ipynb: ``fn(o) -> J`` with
    J[i, j] = ∂ŷ_i/∂o_j for ŷ = softmax(o), compared with central differences."""
    cases = []
    for tried, o in [
        ("o = [2, 1, -1]", np.array([2.0, 1.0, -1.0])),
        ("o = [0, 0, 0, 0] (uniform ŷ)", np.zeros(4)),
        ("o = [4, -4] (confident)", np.array([4.0, -4.0])),
        ("o = [1000, 999, 998] (large logits)", np.array([1000.0, 999.0, 998.0])),
    ]:
        expected = numerical_jacobian(o)
        cases.append(
            Case(
                tried,
                (o,),
                _close_to(expected, "finite differences"),
                "J[i, j] = ŷ_i (δ_ij − ŷ_j), that is np.diag(p) - np.outer(p, p) with p = ŷ",
                diagnose=_jacobian_hint(o),
                show=f"shape {expected.shape} as finite differences",
            )
        )
    return run_checks("check_jacobian", fn, cases)

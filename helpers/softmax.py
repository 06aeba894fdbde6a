"""The softmax operation (softmax运算) and its log-space relatives.

Introduced in 04_softmax.ipynb; used row by row on minibatches in 05_minibatch_vectorization.ipynb.
The shapes follow the notation table: logits ``o`` of shape (q,) or ``O`` of shape (n, q), or
any number of leading batch dimensions, with the classes along ``axis`` (the last by default).
"""

from __future__ import annotations

import numpy as np

from . import _rowwise
from ._checks import as_float_array, check_axis, check_temperature


def _as_rows(logits, axis: int) -> tuple[np.ndarray, tuple[int, ...], int]:
    """Validate, move the class axis last and flatten the batch: returns (rows, shape, axis)."""
    O = as_float_array(logits, "logits")
    ax = check_axis(axis, O.ndim)
    moved = np.moveaxis(O, ax, -1)
    rows = np.ascontiguousarray(moved).reshape(-1, moved.shape[-1])
    return rows, moved.shape, ax


def _restore(out_rows: np.ndarray, moved_shape: tuple[int, ...], ax: int) -> np.ndarray:
    return np.moveaxis(out_rows.reshape(moved_shape), -1, ax)


def softmax(logits, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """Probabilities ``exp(o_j / T) / sum_k exp(o_k / T)`` along ``axis``.

    Shapes: ``logits`` (..., q) -> same shape; float16/32/64 keep their dtype, integers give
    float64. Stable for every finite input: the row maximum is subtracted before ``exp``
    (softmax(o + c) = softmax(o)), so logits of 1e300 give the right answer, not nan.

    Introduced in 04_softmax.ipynb.
    """
    T = check_temperature(temperature)
    rows, shape, ax = _as_rows(logits, axis)
    return _restore(_rowwise.softmax_2d(rows, T), shape, ax)


def log_softmax(logits, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """``log softmax(o / T)`` computed without ever taking the log of a rounded probability.

    ``log_softmax(o)_j = o_j - logsumexp(o)``, so a class with probability 1e-400 gets
    -921.0, not log(0) = -inf. Shapes: (..., q) -> same shape and dtype.

    Introduced in 04_softmax.ipynb; the loss is built from it in 06_loss_and_likelihood.ipynb.
    """
    T = check_temperature(temperature)
    rows, shape, ax = _as_rows(logits, axis)
    return _restore(_rowwise.log_softmax_2d(rows, T), shape, ax)


def logsumexp(logits, axis: int = -1, keepdims: bool = False) -> np.ndarray | float:
    """``log sum_k exp(o_k)`` along ``axis``, stably: ``m + log sum_k exp(o_k - m)``, m = max.

    Not shift invariant: ``logsumexp(o + c) = logsumexp(o) + c``. Shapes: (..., q) -> (...)
    (or (..., 1) with ``keepdims``); a single row gives a Python float.

    Introduced in 04_softmax.ipynb (the log-sum-exp trick).
    """
    rows, shape, ax = _as_rows(logits, axis)
    lse = _rowwise.logsumexp_2d(rows).reshape(shape[:-1])
    if keepdims:
        return np.expand_dims(lse, ax)
    return float(lse) if lse.ndim == 0 else lse


def naive_softmax(logits, axis: int = -1, temperature: float = 1.0) -> np.ndarray:
    """The textbook formula ``exp(o) / sum(exp(o))`` with no shift, kept to show it failing.

    For large logits ``exp`` overflows to inf and inf / inf gives nan; this function returns
    those inf/nan values silently (no RuntimeWarning) so widgets can display them.
    Shapes: (..., q) -> same shape and dtype. Never use it for real work.

    Shown in 04_softmax.ipynb (numerical stability).
    """
    T = check_temperature(temperature)
    O = as_float_array(logits, "logits")
    ax = check_axis(axis, O.ndim)
    with np.errstate(over="ignore", invalid="ignore", under="ignore", divide="ignore"):
        E = np.exp(O / O.dtype.type(T))
        return E / E.sum(axis=ax, keepdims=True)

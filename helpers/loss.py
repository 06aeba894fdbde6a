"""The cross-entropy loss (交叉熵损失), computed from logits, and its gradient.

Introduced in 06_loss_and_likelihood.ipynb; the gradient is derived in
07_softmax_derivatives.ipynb and used for training in 09_training_from_scratch.ipynb.

Targets are either integer labels ``y`` with shape ``logits.shape[:-1]`` (e.g. (n,)), or
probability rows ``Y`` with the same shape as the logits (one-hot or soft labels).
"""

from __future__ import annotations

import numpy as np

from . import _rowwise
from ._checks import as_float_array, as_labels

REDUCTIONS = ("mean", "sum", "none")


def _prepare(logits, targets, reduction: str):
    """Validate; return 2-D logits, flat labels or 2-D target rows, and the batch shape."""
    if reduction not in REDUCTIONS:
        raise ValueError(
            f"reduction={reduction!r} is not one of {REDUCTIONS}: 'mean' averages over the "
            "batch, 'sum' adds up, 'none' returns one loss per example"
        )
    O = as_float_array(logits, "logits")
    t = np.asarray(targets)
    batch_shape, q = O.shape[:-1], O.shape[-1]
    rows = np.ascontiguousarray(O).reshape(-1, q)
    if t.shape == O.shape and t.dtype.kind in "iuf":
        Y = as_float_array(t, "targets").astype(rows.dtype, copy=False).reshape(-1, q)
        if (Y < 0).any() or (Y > 1).any():
            raise ValueError(
                "targets given as probability rows must lie in [0, 1]; "
                "pass integer labels of shape "
                f"{batch_shape} or one-hot / probability rows of shape {O.shape}"
            )
        sums = Y.astype(np.float64).sum(axis=1)
        tol = 1e-3 if Y.dtype == np.float16 else 1e-6
        bad = np.abs(sums - 1) > tol
        if bad.any():
            i = int(np.argmax(bad))
            raise ValueError(
                f"target row {i} sums to {sums[i]:.6g}, not 1; probability rows must each sum "
                "to 1 (normalise them, or pass integer labels instead)"
            )
        return rows, None, Y, batch_shape
    if t.shape != batch_shape:
        raise ValueError(
            f"targets have shape {t.shape} but logits have shape {O.shape}; pass integer labels "
            f"of shape {batch_shape} or one-hot / probability rows of shape {O.shape}"
        )
    y = as_labels(t, q, "targets").reshape(-1)
    return rows, y, None, batch_shape


def _reduce(per_example: np.ndarray, reduction: str, batch_shape):
    if reduction == "mean":
        return float(per_example.mean(dtype=np.float64))
    if reduction == "sum":
        return float(per_example.sum(dtype=np.float64))
    return per_example.reshape(batch_shape)


def _loss_and_grad(rows, y, Y, reduction: str, want_grad: bool):
    """One pass over the logits: per-example losses (float64, shape (n,)) and, if asked,
    the gradient ``(softmax(o) - Y) * scale`` with scale 1/n for "mean", else 1."""
    n, q = rows.shape
    loss = np.empty(n, dtype=np.float64)
    G = np.empty_like(rows) if want_grad else None
    scale = 1.0 / n if reduction == "mean" else 1.0
    row_starts = np.arange(min(n, _rowwise.BLOCK_ENTRIES)) * q  # flat index of each row

    def visit(sl, Z, E, m, s):
        k = E.shape[1]
        log_s = np.log(s)
        if y is not None:
            true_class = row_starts[:k] + y[sl]  # flat positions of o_y within this block
            o_y = rows[sl].reshape(-1)[true_class]
            # -log softmax(o)_y = log s - (o_y - max(o)): log s is log sum_k exp(o_k - max(o))
            with np.errstate(over="ignore"):  # o_y - max(o) may round to -inf, exactly right
                loss[sl] = log_s - (o_y - m)
        else:
            # -sum_j Y_j log softmax_j, skipping Y_j = 0 so 0 * log(0) never appears
            logp = Z - log_s
            Yt = Y[sl].T
            terms = np.zeros_like(logp)
            np.multiply(Yt, logp, out=terms, where=Yt > 0)
            loss[sl] = -terms.sum(axis=0)
        if G is not None:
            np.divide(scale, s, out=s)  # softmax * scale = E * (scale / s)
            G_block = G[sl]
            np.multiply(E, s, out=G_block.T)
            if y is not None:
                G_block.reshape(-1)[true_class] -= scale
            else:
                G_block -= Y[sl] * scale

    _rowwise.for_each_block(rows, 1.0, visit, keep_z=y is None)
    return loss, G


def cross_entropy(logits, targets, reduction: str = "mean"):
    """Cross-entropy ``l(y, y_hat) = -sum_j y_j log softmax(o)_j``, computed from the logits.

    Uses ``-log softmax(o)_y = logsumexp(o) - o_y`` so it never takes the log of a probability
    that rounded to 0. Shapes: ``logits`` (n, q) (or (..., q)); ``targets`` labels (n,) or rows
    (n, q). Returns a float for ``"mean"``/``"sum"``, a float64 array of shape (n,) for
    ``"none"``.

    Introduced in 06_loss_and_likelihood.ipynb.
    """
    rows, y, Y, batch_shape = _prepare(logits, targets, reduction)
    loss, _ = _loss_and_grad(rows, y, Y, reduction, want_grad=False)
    return _reduce(loss, reduction, batch_shape)


def cross_entropy_grad(logits, targets, reduction: str = "mean") -> np.ndarray:
    """Gradient of :func:`cross_entropy` with respect to the logits: ``softmax(o) - y``.

    For ``"mean"`` it is divided by the number of examples n; for ``"none"`` each row is the
    gradient of that example's own loss. Shapes: same as ``logits``, same float dtype.

    Derived in 07_softmax_derivatives.ipynb.
    """
    rows, y, Y, batch_shape = _prepare(logits, targets, reduction)
    _, G = _loss_and_grad(rows, y, Y, reduction, want_grad=True)
    return G.reshape(batch_shape + rows.shape[-1:])


def cross_entropy_with_grad(logits, targets, reduction: str = "mean"):
    """``(cross_entropy(...), cross_entropy_grad(...))`` from a single pass over the logits.

    What a training step needs: about the cost of one softmax instead of two.
    Used in 09_training_from_scratch.ipynb.
    """
    rows, y, Y, batch_shape = _prepare(logits, targets, reduction)
    loss, G = _loss_and_grad(rows, y, Y, reduction, want_grad=True)
    return _reduce(loss, reduction, batch_shape), G.reshape(batch_shape + rows.shape[-1:])

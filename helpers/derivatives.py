"""Derivatives: the softmax Jacobian (雅可比矩阵) and numerical gradient checking.

Introduced in 07_softmax_derivatives.ipynb.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

from ._checks import as_float_array
from .softmax import softmax


def softmax_jacobian(logits) -> np.ndarray:
    """The Jacobian of softmax with respect to the logits: ``J = diag(p) - p p^T``.

    ``J[..., i, j] = d p_i / d o_j = p_i (delta_ij - p_j)``. Each row sums to 0 and the
    vector of ones is in its null space (adding a constant to o changes nothing). It is also
    the Hessian of the cross-entropy loss in o. Shapes: (q,) -> (q, q); (..., q) -> (..., q, q).

    Introduced in 07_softmax_derivatives.ipynb.
    """
    p = softmax(logits)
    J = -p[..., :, None] * p[..., None, :]
    diag = np.einsum("...ii->...i", J)  # a writable view of the diagonal
    diag += p
    return J


def numerical_gradient(f: Callable[[np.ndarray], float], x, eps: float = 1e-6) -> np.ndarray:
    """Central differences ``(f(x + eps e_i) - f(x - eps e_i)) / (2 eps)`` for every entry i.

    ``f`` maps an array shaped like ``x`` to a scalar. ``x`` is not modified: f receives a
    float64 copy perturbed one entry at a time. Cost: 2 * x.size calls of f. Shapes: the
    gradient has the shape of ``x``. Use it to check an analytic gradient.

    Introduced in 07_softmax_derivatives.ipynb (gradient checking).
    """
    if not callable(f):
        raise TypeError(f"f must be a function of x returning a number, got {type(f).__name__}")
    if not (np.isfinite(eps) and eps > 0):
        raise ValueError(f"eps must be a small positive number such as 1e-6, got {eps!r}")
    x0 = as_float_array(x, "x", min_ndim=0).astype(np.float64)
    xp = x0.copy()
    grad = np.empty_like(x0)
    flat_x, flat_g = xp.reshape(-1), grad.reshape(-1)

    def call(at: np.ndarray) -> float:
        value = np.asarray(f(at))
        if value.size != 1 or value.dtype.kind not in "iuf":
            raise ValueError(
                f"f must return a single number, got {value.shape} {value.dtype}; "
                "reduce the loss to a scalar (e.g. with reduction='mean')"
            )
        return float(value.reshape(()))

    for i in range(flat_x.size):
        orig = flat_x[i]
        flat_x[i] = orig + eps
        f_plus = call(xp)
        flat_x[i] = orig - eps
        f_minus = call(xp)
        flat_x[i] = orig
        flat_g[i] = (f_plus - f_minus) / (2 * eps)
    return grad

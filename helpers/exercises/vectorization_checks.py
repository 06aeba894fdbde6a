"""Checkers for the exercises of 05_minibatch_vectorization.ipynb.

The exercise: ``forward_batch(X, W, b)`` returns ``Y_hat = softmax(X @ W + b)`` row by row,
for X (n, d), W (d, q), b (q,), without a Python loop over the examples.
"""

from __future__ import annotations

import numpy as np

from ..softmax import softmax
from ._framework import Case, Report, as_floats, run_checks


def reference_forward(X, W, b) -> np.ndarray:
    """The right answer: ``softmax(X @ W + b)`` over the classes (axis 1), shape (n, q)."""
    return softmax(np.asarray(X, float) @ np.asarray(W, float) + np.asarray(b, float), axis=1)


def _col_softmax(O: np.ndarray) -> np.ndarray:
    """softmax over axis 0 (each column sums to 1): the wrong-axis answer."""
    return softmax(O, axis=0)


def _no_keepdims(O: np.ndarray) -> np.ndarray:
    """What ``E / E.sum(axis=1)`` gives for a square O: column j divided by row j's sum."""
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return E / E.sum(axis=1)


def _matches(result, candidate) -> bool:
    got = as_floats(result)
    if got is None:
        return False
    with np.errstate(all="ignore"):
        return got.shape == candidate.shape and bool(np.allclose(got, candidate, atol=1e-8))


TRANSPOSED_W = (
    "X is (n, d) and W is (d, q), so X @ W is (n, q): one row per example, one column per "
    "class. Use W as it is (no W.T) and put X first (X @ W, not W @ X)"
)
B_COLUMN = (
    "b has shape (q,): one bias per class. Added to XW (n, q) it broadcasts down the rows. "
    "Do not reshape it into a column (q, 1): that adds b_i to row i instead of b_j to column j"
)
B_RESHAPE = (
    "b has shape (q,) and cannot be reshaped to (n, q): it holds q numbers, not n·q. There is "
    "no need to: XW + b broadcasts b down the rows by itself"
)
WRONG_AXIS = (
    "the columns sum to 1, not the rows: softmax normalised over axis=0 (the examples). Each "
    "row is one example: reduce over axis=1 with keepdims=True"
)
NO_KEEPDIMS = (
    "the row sums have shape (n,) and were divided along the wrong direction (or did not "
    "broadcast): keep them as a column with keepdims=True, shape (n, 1)"
)
OVERFLOW = (
    "it returned nan or inf: exp overflowed. Subtract each row's maximum "
    "(O.max(axis=1, keepdims=True)) before exp, as in 04_softmax"
)


def diagnose_forward(X, W, b):
    """Return a diagnose function that recognises the typical wrong answers for these inputs."""
    X, W, b = (np.asarray(a, dtype=float) for a in (X, W, b))
    XW = X @ W
    right_O = XW + b
    candidates = [(_col_softmax(right_O), WRONG_AXIS)]
    n, q = right_O.shape
    if n == q:  # these mistakes run silently only when the shapes happen to line up
        candidates.append((_no_keepdims(right_O), NO_KEEPDIMS))
        candidates.append((softmax(XW + b[:, None], axis=1), B_COLUMN))
    if W.shape[0] == W.shape[1]:
        candidates.append((softmax(X @ W.T + b, axis=1), TRANSPOSED_W))
    candidates.append((softmax(XW, axis=1), "the bias b is missing: O = XW + b"))

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            text = str(result)
            if "reshape" in text:
                return B_RESHAPE
            if "matmul" in text or "aligned" in text or "core dimension" in text:
                return TRANSPOSED_W
            if "broadcast" in text:
                if f"({q},1)" in text.replace(" ", ""):
                    return B_COLUMN
                return NO_KEEPDIMS
            return None
        arr = as_floats(result)
        if arr is None:
            return None
        if not np.isfinite(arr).all():
            return OVERFLOW
        if arr.shape != (n, q):
            if arr.shape == (q, n):
                return TRANSPOSED_W
            if arr.shape in ((q, q), (n, n)) and n != q:
                return B_COLUMN
            return (
                f"expected shape (n, q) = {(n, q)}: one row per example, one column per class; "
                f"got {arr.shape}"
            )
        for candidate, hint in candidates:
            if _matches(arr, candidate):
                return hint
        return None

    return diagnose


def _case(tried: str, X, W, b, hint: str, **kw) -> Case:
    return Case(
        tried,
        (X, W, b),
        reference_forward(X, W, b),
        hint,
        diagnose=diagnose_forward(X, W, b),
        **kw,
    )


def forward_cases() -> list[Case]:
    rng = np.random.default_rng(5)
    # shapes: n, d, q all different, so a transposed W or a misplaced axis cannot hide
    X = rng.integers(-2, 3, size=(4, 5)).astype(float)
    W = rng.normal(size=(5, 3))
    b = np.array([0.5, -1.0, 2.0])
    # the bias alone: with W = 0 every row of Y_hat is softmax(b)
    X1 = rng.normal(size=(3, 2))
    W0 = np.zeros((2, 4))
    b4 = np.array([1.0, 0.0, -1.0, 2.0])
    # a square batch (n = q = d): wrong axis, missing keepdims, b as a column and W.T all
    # give an answer of the right shape here, so they must be caught by value
    Xs = rng.normal(size=(3, 3))
    Ws = rng.normal(size=(3, 3))
    bs = np.array([1.0, -2.0, 0.5])
    # large logits: O has entries near 1000
    Xl = np.array([[1.0, 0.0], [0.0, 1.0]])
    Wl = np.array([[1000.0, 0.0, -5.0], [0.0, 999.0, 1000.0]])
    bl = np.zeros(3)
    # a single example (n = 1): the batch form must still work
    x1 = X[:1]
    return [
        _case(
            "shapes: X (4, 5), W (5, 3), b (3,) gives Ŷ of shape (4, 3)",
            X,
            W,
            b,
            "compute O = X @ W + b (shape (n, q)), then a row-wise softmax of O",
        ),
        _case(
            "broadcasting of b: W = 0, so every row must be softmax(b)",
            X1,
            W0,
            b4,
            "with W = 0, XW is all zeros and O is b repeated down the rows: add b (q,) to XW "
            "as it is and let broadcasting repeat it",
        ),
        _case(
            "row-wise softmax on a square batch (n = d = q = 3)",
            Xs,
            Ws,
            bs,
            "each row of Ŷ is the softmax of the same row of O: reduce over axis=1 with "
            "keepdims=True, use W as given and b as a row",
        ),
        _case(
            "large logits (O up to 1000): finite and right",
            Xl,
            Wl,
            bl,
            OVERFLOW,
        ),
        _case(
            "a batch of one example, X (1, 5)",
            x1,
            W,
            b,
            "X has shape (1, d) here; the same code must give Ŷ of shape (1, q)",
        ),
    ]


def check_forward_batch(fn) -> Report:
    """Exercise ★★ in 05_minibatch_vectorization.ipynb: ``fn(X, W, b)`` -> softmax(XW + b)."""
    return run_checks("check_forward_batch", fn, forward_cases())

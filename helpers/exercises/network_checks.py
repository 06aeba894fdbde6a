"""Checkers for the exercises of 03_network_architecture.ipynb.

``check_forward``: the forward pass of one example, o = xW + b with W of shape (d, q) (the
note's o = Wx + b with its (q, d) matrix). ``check_parameter_count``: d·q weights + q biases.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._framework import Case, Report, as_floats, run_checks

SHAPE_WORDS = ("matmul", "mismatch", "aligned", "shapes", "dimension")


def _forward(x: np.ndarray, W: np.ndarray, b: np.ndarray) -> np.ndarray:
    """The reference: o_j = sum_k x_k W[k, j] + b_j, written as a loop over the equations."""
    d, q = W.shape
    o = np.empty(q)
    for j in range(q):
        o[j] = sum(x[k] * W[k, j] for k in range(d)) + b[j]
    return o


def _transposed_hint(W: np.ndarray) -> str:
    d, q = W.shape
    return (
        f"W is stored as in the notation table, shape (d, q) = ({d}, {q}): column j holds "
        f"class j's weights. The note's o = Wx + b uses the transpose, a (q, d) matrix, so "
        "here write o = x @ W + b (or W.T @ x + b); W @ x multiplies by the wrong layout"
    )


def _forward_diagnose(x: np.ndarray, W: np.ndarray, b: np.ndarray):
    """Recognise the typical wrong forward passes for this case's x, W, b."""
    d, q = W.shape

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            text = str(result)
            if "broadcast" in text:
                return (
                    "shapes do not broadcast: an elementwise * between x and W neither lines "
                    "up nor sums the products. Use the matrix product: " + _transposed_hint(W)
                )
            if any(word in text for word in SHAPE_WORDS):
                return f"a shape error ({type(result).__name__}): " + _transposed_hint(W)
            return None
        got = as_floats(result)
        if got is None:
            return None
        if got.shape == (1, q) or got.shape == (q, 1):
            return (
                f"right numbers, wrong shape {got.shape}: for one example return a vector of "
                f"shape ({q},), one logit per class (x of shape ({d},) @ W gives that directly)"
            )
        if got.shape == (d, q) or got.shape == (q, d):
            return (
                f"an array of shape {got.shape}: that is the elementwise products x_k w_jk, not "
                "their sums. Each logit adds up d products: use the matrix product @, "
                "or sum over the inputs"
            )
        if got.shape == (d,) and d != q:
            return (
                f"shape ({d},), one number per input: you summed over the classes. Each logit "
                f"o_j sums over the inputs k, so the result has one entry per class, shape ({q},)"
            )
        if got.shape != (q,):
            return None
        if d == q:
            if np.allclose(got, W @ x + b):
                return "the result is W @ x + b: " + _transposed_hint(W)
            if np.allclose(got, W @ x):
                return "the result is W @ x, with no bias: " + _transposed_hint(W) + "; and add b"
        if np.allclose(got, x @ W) and not np.allclose(b, 0):
            return (
                "the result equals x @ W: you forgot the bias. Every logit gets its own b_j: "
                "o = x @ W + b"
            )
        if np.allclose(got, x @ W + b.sum()):
            return "you added the sum of the biases to every logit; add b itself, b_j to o_j"
        return None

    return diagnose


def forward_cases() -> list[Case]:
    x = np.array([0.9, 0.7, 0.3, 0.1])  # one 2x2 image, pixels x1..x4
    W = np.array([[1.0, 1.0, 1.0], [1.0, -1.0, -1.0], [-1.0, -1.0, 1.0], [-1.0, 1.0, -1.0]])
    b = np.array([0.2, -0.1, 0.3])
    rng = np.random.default_rng(3)
    x5, W5, b5 = rng.normal(size=5), rng.normal(size=(5, 2)), rng.normal(size=2)
    x3, W3, b3 = rng.normal(size=3), rng.normal(size=(3, 3)), rng.normal(size=3)
    zero = np.zeros(4)
    cases = [
        (
            "the running example: d = 4 inputs, q = 3 classes",
            (x, W, b),
            "compute o_j = x_1 w_j1 + ... + x_d w_jd + b_j for every class j",
        ),
        (
            "another size: d = 5 inputs, q = 2 classes (result shape (2,))",
            (x5, W5, b5),
            "read d and q from W.shape = (d, q); the result has one logit per class, shape (q,)",
        ),
        (
            "a square W (d = q = 3), where a transposed W gives no shape error",
            (x3, W3, b3),
            "W[k, j] is the weight from input k to class j; o = x @ W + b",
        ),
        (
            "a black image x = 0: the logits are the biases",
            (zero, W, b),
            "with every input 0, only the biases remain: o = b",
        ),
    ]
    return [
        Case(tried, args, _forward(*args), hint, diagnose=_forward_diagnose(*args))
        for tried, args, hint in cases
    ]


def check_forward(fn) -> Report:
    """Exercise ★ in 03_network_architecture.ipynb: ``fn(x, W, b)`` returns the logits o (q,)
    of one example x (d,), with W of shape (d, q) and b (q,)."""
    return run_checks("check_forward", fn, forward_cases())


def _count(d: int, q: int) -> int:
    """Count the parameters by building them: a (d, q) weight matrix and q biases."""
    return np.zeros((d, q)).size + np.zeros(q).size


def _count_diagnose(d: int, q: int):
    def diagnose(result) -> str | None:
        if isinstance(result, BaseException) or isinstance(result, bool):
            return None
        if not isinstance(result, numbers.Real):
            return f"return one number (an int), got {type(result).__name__}"
        got = float(result)
        if got == d * q:
            return f"{d * q} = d·q counts the weights only; add one bias per class (q = {q})"
        if got == d * q + d and d != q:
            return "there is one bias per output (class), not per input: add q biases, not d"
        if got == d + q or got == d + q + q:
            return (
                "every input is connected to every output (a fully connected layer), so there "
                f"are d·q = {d * q} weights, not d + q"
            )
        return None

    return diagnose


def check_parameter_count(fn) -> Report:
    """Exercise ★ in 03_network_architecture.ipynb: ``fn(d, q)`` returns how many parameters
    (weights and biases) a softmax regression with d inputs and q classes has."""
    sizes = [
        (4, 3, "the note's network: 4 pixels, 3 classes"),
        (4, 2, "4 inputs, 2 classes"),
        (64, 10, "8×8 digit images, 10 classes"),
        (784, 10, "28×28 images, 10 classes"),
        (1, 1, "one input, one class"),
    ]
    cases = [
        Case(
            f"d = {d}, q = {q} ({what})",
            (d, q),
            _count(d, q),
            "each of the q outputs has d weights (one per input) and one bias",
            diagnose=_count_diagnose(d, q),
        )
        for d, q, what in sizes
    ]
    return run_checks("check_parameter_count", fn, cases)

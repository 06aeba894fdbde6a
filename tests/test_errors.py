"""Every bad input named in the foundation issue raises a clear, actionable error."""

import numpy as np
import pytest

from helpers import (
    accuracy,
    cross_entropy,
    cross_entropy_grad,
    log_softmax,
    logsumexp,
    one_hot,
    softmax,
    softmax_jacobian,
)

O = np.zeros((2, 3))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        # labels out of range, negative, non-integer
        (lambda: one_hot([0, 3], 3), ValueError, ["label 3", "num_classes=3", "0..2"]),
        (lambda: cross_entropy(O, [0, 3]), ValueError, ["label 3", "0..2"]),
        (lambda: accuracy(O, [5, 0]), ValueError, ["label 5", "out of range"]),
        (lambda: one_hot([-1, 0], 3), ValueError, ["label -1", "negative"]),
        (lambda: cross_entropy(O, [0, -2]), ValueError, ["-2", "negative"]),
        (lambda: one_hot([0.5], 3), ValueError, ["0.5", "not a whole number"]),
        (lambda: cross_entropy(O, [1.5, 0]), ValueError, ["1.5", "whole number"]),
        (lambda: one_hot([True, False], 2), TypeError, ["bool"]),
        (lambda: one_hot(["cat"], 3), TypeError, ["class indices"]),
        # targets that do not match the logits
        (lambda: cross_entropy(O, [0, 1, 2]), ValueError, ["shape (3,)", "(2, 3)", "(2,)"]),
        (lambda: cross_entropy_grad(O, np.ones((2, 4)) / 4), ValueError, ["(2, 4)", "(2, 3)"]),
        (lambda: cross_entropy(O, np.ones((2, 3))), ValueError, ["sums to 3", "sum to 1"]),
        (lambda: cross_entropy(O, np.full((2, 3), -1.0)), ValueError, ["[0, 1]"]),
        (lambda: accuracy(O, np.eye(2, 3)), ValueError, ["argmax"]),
        (lambda: cross_entropy(O, [0, 1], reduction="avg"), ValueError, ["'avg'", "mean"]),
        # num_classes < 1
        (lambda: one_hot([0], 0), ValueError, ["num_classes", "at least 1", "got 0"]),
        (lambda: one_hot([0], 2.5), TypeError, ["num_classes", "int"]),
        # temperature <= 0
        (lambda: softmax([1.0, 2.0], temperature=0), ValueError, ["temperature", "> 0"]),
        (lambda: log_softmax([1.0, 2.0], temperature=-1.0), ValueError, ["-1.0"]),
        (lambda: softmax([1.0], temperature=float("inf")), ValueError, ["finite"]),
        # an empty batch
        (lambda: softmax(np.zeros((0, 3))), ValueError, ["empty", "(0, 3)"]),
        (lambda: cross_entropy(np.zeros((0, 3)), []), ValueError, ["empty"]),
        (lambda: logsumexp([]), ValueError, ["empty"]),
        (lambda: one_hot([], 3), ValueError, ["empty"]),
        (lambda: softmax(np.zeros((2, 0))), ValueError, ["no classes"]),
        # NaN and inf in the logits
        (lambda: softmax([1.0, np.nan]), ValueError, ["NaN", "index (1,)", "finite"]),
        (lambda: cross_entropy([[0.0, np.inf]], [0]), ValueError, ["inf", "(0, 1)"]),
        (lambda: softmax_jacobian([np.nan, 1.0]), ValueError, ["NaN"]),
        # non-numeric arrays
        (lambda: softmax(["a", "b"]), TypeError, ["numeric", "<U1", "'a'"]),
        (lambda: softmax([1 + 2j]), TypeError, ["numeric", "complex"]),
        (lambda: softmax(np.array([True, False])), TypeError, ["bool"]),
        (lambda: softmax([[1.0, 2.0], [3.0]]), ValueError, ["same length"]),
        (lambda: softmax(3.0), ValueError, ["at least 1 dimension", "[3.0]"]),
        (lambda: softmax(O, axis=2), ValueError, ["axis=2", "-2 to 1"]),
    ],
)
def test_bad_input_names_the_problem_and_the_fix(call, error, words):
    with pytest.raises(error) as info:
        call()
    message = str(info.value)
    for word in words:
        assert word in message, f"{word!r} missing from: {message}"

"""The checkers of 07_softmax_derivatives: check_gradient and check_jacobian."""

import numpy as np
import pytest

from helpers import cross_entropy_grad, softmax, softmax_jacobian
from helpers.exercises import check_gradient, check_jacobian
from helpers.exercises.derivative_checks import (
    _problem,
    numerical_jacobian,
    numerical_param_grads,
    relative_error,
)


def reference_gradient(X, Y, W, b):
    n = X.shape[0]
    G = (softmax(X @ W + b) - Y) / n
    return X.T @ G, G.sum(axis=0)


def stub(*args):
    raise NotImplementedError


def test_reference_checks_agree_with_the_helpers_gradient():
    """The finite differences the checker expects equal the chain rule through the helpers."""
    X, Y, W, b = _problem(5, 4, 3, seed=0)
    grad_W, grad_b = numerical_param_grads(X, Y, W, b)
    G = cross_entropy_grad(X @ W + b, Y)  # mean loss: already divided by n
    assert relative_error(grad_W, X.T @ G) < 1e-8
    assert relative_error(grad_b, G.sum(axis=0)) < 1e-8
    assert (
        relative_error(numerical_jacobian([1.0, -2.0, 0.5]), softmax_jacobian([1, -2, 0.5])) < 1e-8
    )


def test_relative_error():
    a = np.array([1.0, 2.0])
    assert relative_error(a, a) == 0.0
    assert relative_error(a, -a) == pytest.approx(1.0)
    assert relative_error(np.zeros(2), np.zeros(2)) == 0.0


def test_check_gradient_passes_the_solution_and_waits_for_a_stub(capsys):
    report = check_gradient(reference_gradient)
    assert report.passed
    assert "10/10 checks passed" in capsys.readouterr().out
    report = check_gradient(stub)
    assert not report.attempted
    assert "not attempted yet" in capsys.readouterr().out


def forgot_y(X, Y, W, b):
    G = softmax(X @ W + b) / X.shape[0]
    return X.T @ G, G.sum(axis=0)


def forgot_n(X, Y, W, b):
    G = softmax(X @ W + b) - Y
    return X.T @ G, G.sum(axis=0)


def transposed(X, Y, W, b):
    G = (softmax(X @ W + b) - Y) / X.shape[0]
    return G.T @ X, G.sum(axis=0)


def transposed_x(X, Y, W, b):
    G = (softmax(X @ W + b) - Y) / X.shape[0]
    return X @ G.T, G.sum(axis=0)


def b_wrong_axis(X, Y, W, b):
    G = softmax(X @ W + b) - Y
    return X.T @ G / X.shape[0], G.mean(axis=1)


def softmax_wrong_axis(X, Y, W, b):
    G = (softmax(X @ W + b, axis=0) - Y) / X.shape[0]
    return X.T @ G, G.sum(axis=0)


def sign_flipped(X, Y, W, b):
    gW, gb = reference_gradient(X, Y, W, b)
    return -gW, -gb


def swapped(X, Y, W, b):
    gW, gb = reference_gradient(X, Y, W, b)
    return gb, gW


def not_a_pair(X, Y, W, b):
    return reference_gradient(X, Y, W, b)[0]


def returns_none(X, Y, W, b):
    reference_gradient(X, Y, W, b)


@pytest.mark.parametrize(
    "wrong, words",
    [
        (forgot_y, "forgot to subtract Y"),
        (forgot_n, "divide by n"),
        (transposed, "transpose"),
        (transposed_x, "transpose X"),
        (b_wrong_axis, "axis=1"),
        (softmax_wrong_axis, "wrong axis"),
        (sign_flipped, "sign is flipped"),
        (swapped, "swapped"),
        (not_a_pair, "as a pair"),
        (returns_none, "return"),
    ],
)
def test_check_gradient_recognises_typical_mistakes(wrong, words, capsys):
    report = check_gradient(wrong)
    assert report.attempted and not report.passed
    out = capsys.readouterr().out
    assert any(words in h for h in report.hints), report.hints
    assert words in out


def test_check_gradient_square_w_transpose_is_recognised(capsys):
    """With d = q the transpose has the right shape: recognised by its values."""
    report = check_gradient(transposed)
    square = [r for r in report.results if "square" in r.case.tried and "∇W" in r.case.tried]
    assert square and not square[0].ok and "transpose" in square[0].hint
    capsys.readouterr()


def test_check_gradient_rejects_a_called_function(capsys):
    report = check_gradient(reference_gradient(*_problem(2, 4, 3, seed=0)))
    assert not report.passed and "without calling it" in report.hints[0]
    capsys.readouterr()


def ref_jacobian(o):
    p = softmax(o)
    return np.diag(p) - np.outer(p, p)


def naive_jacobian(o):
    e = np.exp(o)
    p = e / e.sum()
    return np.diag(p) - np.outer(p, p)


def test_check_jacobian_passes_the_solution_and_waits_for_a_stub(capsys):
    assert check_jacobian(ref_jacobian).passed
    assert "4/4 checks passed" in capsys.readouterr().out
    assert not check_jacobian(stub).attempted
    capsys.readouterr()


@pytest.mark.parametrize(
    "wrong, words",
    [
        (lambda o: np.diag(softmax(o)) - softmax(o), "outer product"),
        (lambda o: -np.outer(softmax(o), softmax(o)), "diagonal term"),
        (lambda o: np.diag(softmax(o)) + np.outer(softmax(o), softmax(o)), "sign"),
        (lambda o: np.diag(softmax(o) * (1 - softmax(o))), "only the diagonal"),
        (lambda o: softmax(o) * (1 - softmax(o)), "vector"),
        (naive_jacobian, "stable softmax"),
    ],
)
def test_check_jacobian_recognises_typical_mistakes(wrong, words, capsys):
    report = check_jacobian(wrong)
    assert report.attempted and not report.passed
    assert any(words in h for h in report.hints), report.hints
    capsys.readouterr()

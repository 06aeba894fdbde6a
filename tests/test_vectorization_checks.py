"""check_forward_batch: passes the reference, recognises the typical wrong forward passes."""

import numpy as np
import pytest

from helpers import softmax
from helpers.exercises import check_forward_batch
from helpers.exercises.vectorization_checks import forward_cases, reference_forward


def stable_rows(O, axis=1, keepdims=True):
    E = np.exp(O - O.max(axis=axis, keepdims=True))
    return E / E.sum(axis=axis, keepdims=keepdims)


def solution(X, W, b):
    O = X @ W + b  # (n, d) @ (d, q) + (q,) -> (n, q)
    return stable_rows(O)


def stub(X, W, b):
    raise NotImplementedError  # your code here


def with_loop(X, W, b):
    """Slow but right: the checker grades values, not style."""
    return np.array([softmax(x @ W + b) for x in X])


def wrong_axis(X, W, b):
    return stable_rows(X @ W + b, axis=0)


def missing_keepdims(X, W, b):
    return stable_rows(X @ W + b, keepdims=False)


def transposed_w(X, W, b):
    return stable_rows(X @ W.T + b)


def w_first(X, W, b):
    return stable_rows(W @ X + b)


def b_column(X, W, b):
    return stable_rows(X @ W + b.reshape(-1, 1))


def b_as_n_by_q(X, W, b):
    return stable_rows(X @ W + b.reshape(X.shape[0], W.shape[1]))


def naive_exp(X, W, b):
    E = np.exp(X @ W + b)
    return E / E.sum(axis=1, keepdims=True)


def no_bias(X, W, b):
    return stable_rows(X @ W)


def test_reference_matches_helpers_on_every_case():
    for case in forward_cases():
        X, W, b = case.args
        np.testing.assert_allclose(case.expected, softmax(X @ W + b, axis=1))
        np.testing.assert_allclose(case.expected.sum(axis=1), 1.0)
        assert case.expected.shape == (X.shape[0], W.shape[1])
    shapes = {case.args[0].shape + case.args[1].shape[1:] for case in forward_cases()}
    assert (4, 5, 3) in shapes and (3, 3, 3) in shapes, "a rectangular and a square batch"


@pytest.mark.parametrize("fn", [solution, with_loop, reference_forward])
def test_right_answers_pass(fn, capsys):
    report = check_forward_batch(fn)
    assert report.passed
    out = capsys.readouterr().out
    assert "5/5 checks passed. Well done!" in out
    assert "✗" not in out


def test_stub_is_not_attempted(capsys):
    report = check_forward_batch(stub)
    assert not report.passed and not report.attempted
    assert "not attempted yet" in capsys.readouterr().out


def test_passing_the_result_instead_of_the_function(capsys):
    report = check_forward_batch(np.zeros((2, 3)))
    assert not report.passed
    assert "without calling it" in report.hints[0]


@pytest.mark.parametrize(
    ("fn", "hint"),
    [
        (wrong_axis, "normalised over axis=0"),
        (missing_keepdims, "keepdims=True"),
        (transposed_w, "no W.T"),
        (w_first, "X @ W, not W @ X"),
        (b_column, "column (q, 1)"),
        (b_as_n_by_q, "cannot be reshaped to (n, q)"),
        (naive_exp, "exp overflowed"),
        (no_bias, "the bias b is missing"),
    ],
)
def test_typical_mistakes_fail_with_the_right_hint(fn, hint, capsys):
    report = check_forward_batch(fn)
    assert not report.passed
    assert report.hints, "a failing check gives a hint"
    assert any(hint in h for h in report.hints), report.hints
    out = capsys.readouterr().out
    assert "hint:" in out and "checks passed." in out


def test_silent_mistakes_are_caught_by_value_on_the_square_batch():
    """On n = d = q every mistake has the right shape: only the values can tell."""
    square = [c for c in forward_cases() if c.args[0].shape == (3, 3)]
    assert len(square) == 1
    for fn, hint in [
        (missing_keepdims, "keepdims=True"),
        (transposed_w, "no W.T"),
        (b_column, "column (q, 1)"),
    ]:
        report = check_forward_batch(fn)
        (result,) = [r for r in report.results if r.case is not None and "square" in r.case.tried]
        assert not result.ok and hint in result.hint

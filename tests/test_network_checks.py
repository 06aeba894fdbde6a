"""The checkers of 03_network_architecture: pass the reference, catch the typical mistakes."""

import numpy as np
import pytest

from helpers.exercises import check_forward, check_parameter_count
from helpers.exercises.network_checks import forward_cases


def stub(*args):
    raise NotImplementedError  # your code here


def hints(report) -> str:
    return " | ".join(report.hints)


# -- check_forward -------------------------------------------------------------------------


def test_forward_cases_expect_xW_plus_b():
    for case in forward_cases():
        x, W, b = case.args
        assert W.shape == (x.shape[0], b.shape[0])
        np.testing.assert_allclose(case.expected, x @ W + b)
    shapes = {case.args[1].shape for case in forward_cases()}
    assert (3, 3) in shapes and any(d != q for d, q in shapes)  # square and non-square


@pytest.mark.parametrize(
    "solution",
    [
        lambda x, W, b: x @ W + b,
        lambda x, W, b: W.T @ x + b,  # the note's form with W_note = W.T
        lambda x, W, b: (x[:, None] * W).sum(axis=0) + b,
        lambda x, W, b: [float(v) for v in x @ W + b],  # a list is fine too
    ],
)
def test_forward_passes_correct_solutions(solution, capsys):
    report = check_forward(solution)
    assert report.passed, report
    assert "4/4 checks passed. Well done!" in capsys.readouterr().out


def test_forward_stub_is_not_attempted(capsys):
    report = check_forward(stub)
    assert not report.attempted and not report.passed
    assert "not attempted yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("wrong", "words"),
    [
        (lambda x, W, b: W @ x + b, "notation table"),  # the note's layout: shape error
        (lambda x, W, b: np.dot(W, x) + b, "W.T @ x + b"),
        (lambda x, W, b: x @ W, "forgot the bias"),
        (lambda x, W, b: W * x + b, "elementwise"),
        (lambda x, W, b: x[:, None] * W, "not their sums"),
        (lambda x, W, b: x.reshape(1, -1) @ W + b, "wrong shape"),
        (lambda x, W, b: (x[:, None] * W).sum(axis=1), "summed over the classes"),
        (lambda x, W, b: x @ W + b.sum(), "sum of the biases"),
        (lambda x, W, b: None, "return"),
    ],
)
def test_forward_catches_typical_mistakes(wrong, words):
    report = check_forward(wrong)
    assert report.attempted and not report.passed
    assert words in hints(report)


def test_forward_recognises_a_transposed_square_W():
    """With d = q there is no shape error: the numbers are W @ x + b, and the hint says so."""
    report = check_forward(lambda x, W, b: W @ x + b if W.shape[0] == W.shape[1] else x @ W + b)
    failed = [r for r in report.results if not r.ok]
    assert len(failed) == 1 and "square" in failed[0].case.tried
    assert "the result is W @ x + b" in failed[0].hint and "(d, q)" in failed[0].hint


def test_forward_reports_warnings_as_failures():
    def noisy(x, W, b):
        return x @ W + b + np.log(np.zeros(1)) * 0  # log(0) warns, and gives nan

    report = check_forward(noisy)
    assert not report.passed
    assert any("RuntimeWarning" in r.got or "nan" in r.got for r in report.results)


def test_forward_refuses_a_called_function(capsys):
    report = check_forward(np.zeros(3))
    assert not report.passed and "without calling it" in capsys.readouterr().out


# -- check_parameter_count -----------------------------------------------------------------


def test_parameter_count_passes_the_reference(capsys):
    assert check_parameter_count(lambda d, q: d * q + q).passed
    assert check_parameter_count(lambda d, q: (d + 1) * q).passed
    assert check_parameter_count(lambda d, q: np.zeros((d + 1, q)).size).passed
    out = capsys.readouterr().out
    assert "expected 15, got 15" in out and "expected 7850" in out


def test_parameter_count_stub_is_not_attempted(capsys):
    assert not check_parameter_count(stub).attempted
    assert "not attempted yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("wrong", "words"),
    [
        (lambda d, q: d * q, "weights only"),
        (lambda d, q: d * q + d, "one bias per output"),
        (lambda d, q: d + q, "fully connected"),
        (lambda d, q: str(d * q + q), "one number"),
    ],
)
def test_parameter_count_catches_typical_mistakes(wrong, words, capsys):
    report = check_parameter_count(wrong)
    assert not report.passed and words in hints(report)
    assert "hint:" in capsys.readouterr().out

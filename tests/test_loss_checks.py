"""check_cross_entropy: passes a stable mean cross-entropy, recognises the typical mistakes."""

import math

import numpy as np
import pytest
import scipy.special as sp

from helpers import cross_entropy, log_softmax, softmax
from helpers.exercises import check_cross_entropy
from helpers.exercises.loss_checks import loss_cases


def stable_log_softmax(O):
    Z = O - O.max(axis=1, keepdims=True)
    return Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))


def solution(O, y):
    n = O.shape[0]
    return -stable_log_softmax(O)[np.arange(n), y].mean()


def stub(O, y):
    raise NotImplementedError  # your code here


def with_helpers(O, y):
    return -log_softmax(O)[np.arange(len(y)), y].mean()


def log_of_softmax(O, y):
    return -np.log(softmax(O)[np.arange(len(y)), y]).mean()


def summed(O, y):
    return -stable_log_softmax(O)[np.arange(len(y)), y].sum()


def per_example(O, y):
    return -stable_log_softmax(O)[np.arange(len(y)), y]


def rows_not_entries(O, y):
    return -stable_log_softmax(O)[y].mean()


def labels_shifted(O, y):
    return solution(O, (y + 1) % O.shape[1])


def argmax_as_label(O, y):
    return solution(O, O.argmax(axis=1))


def all_classes(O, y):
    return -stable_log_softmax(O).mean()


def log2_loss(O, y):
    return solution(O, y) / math.log(2)


def positive_log(O, y):
    return -solution(O, y)


def test_expected_values_come_from_the_helpers_and_agree_with_scipy():
    for case in loss_cases():
        O, y = case.args
        ref = float(-sp.log_softmax(O, axis=1)[np.arange(len(y)), y].mean())
        assert cross_entropy(O, y) == pytest.approx(ref, rel=1e-12)
        assert math.isfinite(ref)
        if callable(case.expected):
            assert case.expected(ref)[0]
            assert not case.expected(ref * len(y))[0]
        else:
            assert case.expected == pytest.approx(ref, rel=1e-12)
    uniform = [c for c in loss_cases() if "uniform" in c.tried][0]
    assert uniform.expected == pytest.approx(math.log(3))
    extreme = [c for c in loss_cases() if "1000" in c.tried][0]
    assert np.abs(extreme.args[0]).max() == 1000
    assert extreme.expected == pytest.approx(2000 / 3)


@pytest.mark.parametrize("fn", [solution, with_helpers])
def test_right_answers_pass(fn, capsys):
    report = check_cross_entropy(fn)
    assert report.passed
    out = capsys.readouterr().out
    assert "4/4 checks passed. Well done!" in out


def test_stub_is_not_attempted(capsys):
    report = check_cross_entropy(stub)
    assert not report.attempted and not report.passed
    assert "not attempted yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("fn", "hint", "failures"),
    [
        (log_of_softmax, "log(softmax(O))", 1),  # only the ±1000 case breaks it
        (summed, "sum over the batch, not the mean", 4),
        (per_example, "one loss per example", 4),
        (rows_not_entries, "each example's own true class", 4),
        (labels_shifted, "each example's own true class", 3),  # uniform logits cannot tell
        (argmax_as_label, "each example's own true class", 3),
        (all_classes, "each example's own true class", 3),
        (log2_loss, "natural logarithm", 4),
        (positive_log, "sign", 4),
    ],
)
def test_typical_mistakes_fail_with_the_right_hint(fn, hint, failures, capsys):
    report = check_cross_entropy(fn)
    assert not report.passed
    failed = [r for r in report.results if not r.ok]
    assert len(failed) == failures
    assert all(hint in r.hint for r in failed), [r.hint for r in failed]
    assert "hint:" in capsys.readouterr().out


def test_log_of_softmax_is_reported_with_its_warning(capsys):
    report = check_cross_entropy(log_of_softmax)
    (bad,) = [r for r in report.results if not r.ok]
    assert "±1000" in bad.case.tried
    assert "inf" in bad.got and "RuntimeWarning" in bad.got

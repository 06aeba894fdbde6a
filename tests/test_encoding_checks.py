"""Checkers of 02_one_hot_encoding.ipynb: check_one_hot and check_smooth_labels."""

import numpy as np
import pytest

from helpers import one_hot
from helpers.exercises import check_one_hot, check_smooth_labels
from helpers.exercises.encoding_checks import smooth

# -- reference solutions (as in the notebook) and a stub ------------------------------------


def reference_one_hot(y, num_classes):
    y = np.asarray(y)
    bad = (y < 0) | (y >= num_classes)
    if bad.any():
        raise ValueError(f"label {y[bad][0]} is out of range for num_classes={num_classes}")
    Y = np.zeros((len(y), num_classes))
    Y[np.arange(len(y)), y] = 1.0
    return Y


def reference_smooth(Y, eps):
    return (1 - eps) * Y + eps / Y.shape[1]


def stub(*args):
    raise NotImplementedError


def failed_hints(report) -> str:
    assert report.attempted and not report.passed
    return " | ".join(report.hints)


# -- check_one_hot ----------------------------------------------------------------------------


@pytest.mark.parametrize("solution", [reference_one_hot, one_hot], ids=["notebook", "helpers"])
def test_one_hot_checker_passes_correct_solutions(solution, capsys):
    report = check_one_hot(solution)
    assert report.passed
    assert len(report.results) == 8
    assert "8/8 checks passed. Well done!" in capsys.readouterr().out


def test_one_hot_checker_says_not_attempted_for_the_stub(capsys):
    report = check_one_hot(stub)
    assert not report.attempted and not report.passed
    assert "not attempted yet" in capsys.readouterr().out


def test_one_hot_checker_reports_every_case_it_tries(capsys):
    check_one_hot(reference_one_hot)
    out = capsys.readouterr().out
    for words in ["(5, 6)", "(1, 3)", "is float", "argmax", "label 3", "label -1"]:
        assert words in out


def int_identity(y, num_classes):  # integers; eye[-1] accepts -1; eye[3] raises IndexError
    return np.eye(num_classes, dtype=int)[y]


def bool_compare(y, num_classes):  # booleans; label 3 silently gives an all-False row
    return np.asarray(y)[:, None] == np.arange(num_classes)


def columns_from_max(y, num_classes):
    y = np.asarray(y)
    if (y < 0).any() or (y >= num_classes).any():
        raise ValueError("out of range")
    return np.eye(int(y.max()) + 1)[y]


def transposed(y, num_classes):
    return reference_one_hot(y, num_classes).T


def off_by_one(y, num_classes):  # treats labels as if they counted from 1
    y = np.asarray(y)
    Y = np.zeros((len(y), num_classes))
    Y[np.arange(len(y)), y - 1] = 1.0
    return Y


def fills_columns(y, num_classes):
    Y = np.zeros((len(y), num_classes))
    Y[:, y] = 1.0
    return Y


def squeezed(y, num_classes):
    return reference_one_hot(y, num_classes).squeeze()


def no_return(y, num_classes):
    reference_one_hot(y, num_classes)


@pytest.mark.parametrize(
    ("wrong", "words"),
    [
        (int_identity, "integers"),
        (int_identity, "negative indices from the end"),
        (int_identity, "IndexError"),
        (bool_compare, "booleans"),
        (bool_compare, "label 3 was accepted"),
        (columns_from_max, "y.max() + 1"),
        (transposed, "transposed"),
        (off_by_one, "wrong column"),
        (fills_columns, "more than one 1"),
        (squeezed, "1-D"),
        (no_return, "forget the `return`"),
    ],
)
def test_one_hot_checker_recognises_typical_mistakes(wrong, words, capsys):
    hints = failed_hints(check_one_hot(wrong))
    assert words in hints
    assert "hint:" in capsys.readouterr().out


def test_one_hot_checker_does_not_accept_a_silent_negative_label():
    def no_range_check(y, num_classes):
        Y = np.zeros((len(y), num_classes))
        Y[np.arange(len(y)), y] = 1.0
        return Y

    report = check_one_hot(no_range_check)
    failed = [r.case.tried for r in report.results if not r.ok]
    assert failed == [
        "out of range: label 3 with num_classes=3 raises ValueError",
        "out of range: label -1 raises ValueError",
    ]
    assert "IndexError" in report.hints[0] and "negative indices" in report.hints[1]


# -- check_smooth_labels ----------------------------------------------------------------------


def test_smoothing_reference_matches_the_formula():
    Y = one_hot([0, 2], 3)
    np.testing.assert_allclose(smooth(Y, 0.3), [[0.8, 0.1, 0.1], [0.1, 0.1, 0.8]])
    np.testing.assert_allclose(smooth(Y, 0.3).sum(axis=1), 1)


def test_smoothing_checker_passes_the_solution_and_flags_the_stub(capsys):
    assert check_smooth_labels(reference_smooth).passed
    assert "5/5 checks passed" in capsys.readouterr().out
    assert not check_smooth_labels(stub).attempted
    assert "not attempted yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("wrong", "words"),
    [
        (lambda Y, eps: (1 - eps) * Y + eps / (Y.shape[1] - 1) * (1 - Y), "q − 1 wrong classes"),
        (lambda Y, eps: (1 - eps) * Y + eps, "divide ε by q"),
        (lambda Y, eps: (1 - eps) * Y, "add ε/q"),
        (lambda Y, eps: Y - eps + eps / Y.shape[1], "instead of subtracting"),
        (lambda Y, eps: (1 - eps) * Y + eps / 3, "hard-coded as 3"),
    ],
    ids=["q-1", "no-division", "no-addition", "subtracted", "hard-coded-q"],
)
def test_smoothing_checker_recognises_typical_mistakes(wrong, words):
    assert words in failed_hints(check_smooth_labels(wrong))

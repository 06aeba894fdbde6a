"""Checker of 01_classification.ipynb: check_decode_prediction."""

import numpy as np
import pytest

from helpers.exercises import check_decode_prediction
from helpers.exercises.classification_checks import decode_cases


def reference(y_hat, class_names):
    return class_names[int(np.argmax(y_hat))]


def stub(y_hat, class_names):
    raise NotImplementedError


def test_checker_passes_the_solution(capsys):
    report = check_decode_prediction(reference)
    assert report.passed and len(report.results) == len(decode_cases())
    assert "Well done!" in capsys.readouterr().out


def test_checker_accepts_a_numpy_string_and_a_pure_python_answer():
    assert check_decode_prediction(lambda p, names: np.asarray(names)[np.argmax(p)]).passed
    by_hand = lambda p, names: names[max(range(len(p)), key=lambda j: p[j])]  # noqa: E731
    assert check_decode_prediction(by_hand).passed


def test_checker_says_not_attempted_for_the_stub(capsys):
    report = check_decode_prediction(stub)
    assert not report.attempted
    assert "not attempted yet" in capsys.readouterr().out


def test_expected_answers_follow_argmax_of_each_case():
    for case in decode_cases():
        y_hat, names = case.args
        assert case.show == f"'{names[int(np.argmax(y_hat))]}'"
        assert case.expected(names[int(np.argmax(y_hat))])[0]
        assert not case.expected(int(np.argmax(y_hat)))[0]  # an index is not a name


@pytest.mark.parametrize(
    ("wrong", "words"),
    [
        (lambda p, names: int(np.argmax(p)), "return the name at that index"),
        (lambda p, names: float(np.max(p)), "largest probability itself"),
        (lambda p, names: names[int(np.argmin(p))], "argmin instead of argmax"),
        (lambda p, names: names[int(np.argmax(p))].upper(), "exactly as given"),
        (lambda p, names: ("cat", "chicken", "dog")[int(np.argmax(p))], "use the class_names"),
        (lambda p, names: names[p.argmax()], "plain Python list"),
        (lambda p, names: bool(np.max(p) > 0.5), "not True/False"),
        (lambda p, names: names[int(np.argmax(p))] if max(p) > 0.5 else None, "`return`"),
    ],
    ids=["index", "max", "argmin", "upper", "hard-coded", "list", "bool", "threshold"],
)
def test_checker_recognises_typical_mistakes(wrong, words, capsys):
    report = check_decode_prediction(wrong)
    assert report.attempted and not report.passed
    assert any(words in hint for hint in report.hints), report.hints
    assert "hint:" in capsys.readouterr().out


def test_a_threshold_at_one_half_fails_exactly_the_case_without_a_majority():
    def threshold(p, names):
        p = np.asarray(p)
        return names[int(np.argmax(p))] if p.max() > 0.5 else "not sure"

    report = check_decode_prediction(threshold)
    failed = [r.case.tried for r in report.results if not r.ok]
    assert failed == [
        "ŷ = (0.3, 0.3, 0.4): no class above 0.5",
        "a tie ŷ = (0.4, 0.4, 0.2) goes to the first, as np.argmax does",
        "ŷ as a plain list [0.2, 0.5, 0.3]",
    ]

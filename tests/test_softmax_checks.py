"""The 04 checkers pass the solutions and give specific hints for typical mistakes."""

import numpy as np

from helpers.exercises import check_softmax, check_softmax_rows


def stable(o):
    z = o - o.max(axis=-1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=-1, keepdims=True)


def test_solution_passes(capsys):
    assert check_softmax(stable).passed
    assert check_softmax_rows(stable).passed
    assert "Well done" in capsys.readouterr().out


def test_stub_is_not_attempted(capsys):
    def stub(o):
        raise NotImplementedError

    report = check_softmax(stub)
    assert not report.attempted and not report.passed
    assert "not attempted yet" in capsys.readouterr().out


def test_naive_softmax_gets_the_overflow_hint(capsys):
    def naive(o):
        e = np.exp(o)
        return e / e.sum(axis=-1, keepdims=True)

    report = check_softmax(naive)
    assert not report.passed
    out = capsys.readouterr().out
    assert "returned nan" in out and "subtract the row maximum" in out.lower()
    assert "RuntimeWarning" in out  # reported, not leaked


def test_wrong_axis_and_missing_keepdims_hints():
    def wrong_axis(O):
        e = np.exp(O - O.max())
        return e / e.sum(axis=0)

    def no_keepdims(O):
        e = np.exp(O - O.max(axis=1, keepdims=True))
        return e / e.sum(axis=1)

    assert any(
        "axis=0" in h
        for h in check_softmax_rows(
            wrong_axis,
        ).hints
    )
    assert any("keepdims" in h for h in check_softmax_rows(no_keepdims).hints)


def test_other_mistakes():
    def no_return(o):
        np.exp(o)

    def not_normalised(o):
        return np.exp(o - o.max(axis=-1, keepdims=True))

    assert any("return" in h for h in check_softmax(no_return).hints)
    report = check_softmax(not_normalised)
    assert not report.passed and report.results[0].hint == "exponentiate, then divide by the sum"
    assert not check_softmax(stable(np.zeros(3))).passed  # called instead of passed


def test_an_answer_that_is_not_numbers_fails_without_crashing(capsys):
    """A string or a ragged list is reported as a failed check, not a traceback."""
    assert not check_softmax_rows(lambda O: "abc").passed
    assert not check_softmax(lambda o: [[1, 2], [3]]).passed
    out = capsys.readouterr().out
    assert "got 'abc'" in out and "0/3 checks passed" in out

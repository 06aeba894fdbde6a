"""check_sgd_update (09): passes the update, recognises the typical mistakes by their hint."""

import numpy as np
import pytest

from helpers import SoftmaxRegression
from helpers.exercises import check_sgd_update
from helpers.exercises.training_checks import sgd_cases, sgd_problem


def solution(W, b, dW, db, lr):
    return W - lr * dW, b - lr * db


def stub(W, b, dW, db, lr):
    raise NotImplementedError  # your code here


def ascent(W, b, dW, db, lr):
    return W + lr * dW, b + lr * db


def ascent_W_only(W, b, dW, db, lr):
    return W + lr * dW, b - lr * db


def no_lr(W, b, dW, db, lr):
    return W - dW, b - db


def divided(W, b, dW, db, lr):
    return W - dW / lr, b - db / lr


def in_place(W, b, dW, db, lr):
    W -= lr * dW
    b -= lr * db
    return W, b


def in_place_no_return(W, b, dW, db, lr):
    W -= lr * dW
    b -= lr * db


def by_a_loss(W, b, dW, db, lr):
    loss = float(np.sum(dW**2))  # one number standing in for the gradient
    return W - lr * loss, b - lr * loss


def b_with_dW(W, b, dW, db, lr):
    return W - lr * dW, b - lr * dW


def W_with_db(W, b, dW, db, lr):
    return W - lr * db, b - lr * db


def b_not_updated(W, b, dW, db, lr):
    return W - lr * dW, b


def swapped_order(W, b, dW, db, lr):
    return b - lr * db, W - lr * dW


def only_W(W, b, dW, db, lr):
    return W - lr * dW


def weights_not_gradient(W, b, dW, db, lr):
    return W - lr * W, b - lr * db


def test_expected_values_are_one_step_of_fit_and_the_formula():
    for seed, (n, d, q, lr) in enumerate([(6, 4, 3, 0.1), (30, 64, 10, 0.2)]):
        p = sgd_problem(seed, n, d, q, lr)
        np.testing.assert_allclose(p.W_new, p.W - lr * p.dW, rtol=1e-12, atol=1e-15)
        np.testing.assert_allclose(p.b_new, p.b - lr * p.db, rtol=1e-12, atol=1e-15)
        # the gradients are the model's at those parameters: a real step, not a trivial one
        model = SoftmaxRegression(d, q)
        model.W, model.b = p.W, p.b
        assert not np.allclose(p.dW, 0) and p.dW.shape == (d, q) and p.db.shape == (q,)
    assert len(sgd_cases()) == 4


def test_solution_passes():
    report = check_sgd_update(solution)
    assert report.passed and len(report.results) == 4


def test_stub_is_not_attempted(capsys):
    report = check_sgd_update(stub)
    assert not report.attempted and not report.passed
    assert "not attempted yet" in capsys.readouterr().out


def test_passing_the_result_instead_of_the_function():
    report = check_sgd_update(solution(np.zeros(2), np.zeros(1), np.ones(2), np.ones(1), 0.1))
    assert not report.passed
    assert "pass the function itself" in report.hints[0]


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (ascent, "gradient *ascent*"),
        (ascent_W_only, "gradient *ascent*"),
        (no_lr, "forgot the learning rate"),
        (divided, "divided by the learning rate"),
        (in_place_no_return, "updated W in place"),
        (by_a_loss, "single number (the loss?)"),
        (b_with_dW, "update b with its own gradient db"),
        (W_with_db, "W was updated with db"),
        (b_not_updated, "b did not move"),
        (swapped_order, "wrong order"),
        (only_W, "return a pair"),
        (weights_not_gradient, "subtracted lr * W"),
    ],
)
def test_typical_mistakes_fail_with_the_right_hint(fn, words):
    report = check_sgd_update(fn)
    assert not report.passed
    assert report.hints and all(words in hint for hint in report.hints), report.hints


def test_an_in_place_update_passes_the_values_but_fails_the_copy_check(capsys):
    report = check_sgd_update(in_place)
    assert [r.ok for r in report.results] == [True, True, True, False]
    (hint,) = report.hints
    assert "in place" in hint and "W - lr * dW" in hint
    assert "changed in place" in capsys.readouterr().out


def test_a_warning_fails_the_check():
    def overflowing(W, b, dW, db, lr):
        return W - lr * dW * np.exp(1000.0), b - lr * db

    report = check_sgd_update(overflowing)
    assert not report.passed
    assert any("RuntimeWarning" in r.got for r in report.results)

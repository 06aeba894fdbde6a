"""cross_entropy and its gradient against scipy and finite differences."""

import numpy as np
import pytest
import scipy.special as sp
from hypothesis import given
from hypothesis import strategies as st
from strategies import logits

from helpers import (
    cross_entropy,
    cross_entropy_grad,
    cross_entropy_with_grad,
    numerical_gradient,
    one_hot,
)


@st.composite
def batch(draw, scale=None, dtypes=(np.float32, np.float64)):
    O = draw(logits(dtypes=dtypes, max_dims=2, scale=scale))
    O = O.reshape(-1, O.shape[-1])
    y = np.asarray(draw(st.lists(st.integers(0, O.shape[1] - 1), min_size=len(O), max_size=len(O))))
    return O, y


def ref_loss(O, Y):
    """-sum_j Y_j log softmax_j with scipy's log_softmax, skipping zero targets."""
    with np.errstate(over="ignore"):
        logp = sp.log_softmax(O.astype(np.float64), axis=-1)
    return -np.where(Y > 0, Y * np.where(Y > 0, logp, 0), 0).sum(axis=-1)


@given(batch())
def test_loss_matches_scipy_for_labels_and_one_hot(data):
    O, y = data
    Y = one_hot(y, O.shape[1])
    ref = ref_loss(O, Y)
    tol = dict(rtol=1e-5, atol=1e-5) if O.dtype == np.float32 else dict(rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(cross_entropy(O, y, reduction="none"), ref, **tol)
    np.testing.assert_allclose(cross_entropy(O, Y, reduction="none"), ref, **tol)
    assert cross_entropy(O, y) == pytest.approx(
        ref.mean(), **{"rel": tol["rtol"], "abs": tol["atol"]}
    )
    assert cross_entropy(O, y, "sum") == pytest.approx(
        ref.sum(), **{"rel": tol["rtol"], "abs": tol["atol"]}
    )


@given(batch(scale=5.0, dtypes=(np.float64,)), st.sampled_from(["mean", "sum"]))
def test_gradient_equals_finite_differences(data, reduction):
    O, y = data
    G = cross_entropy_grad(O, y, reduction)
    N = numerical_gradient(lambda o: cross_entropy(o, y, reduction), O)
    np.testing.assert_allclose(G, N, atol=1e-7)


@given(batch(dtypes=(np.float64,)))
def test_gradient_formula_prediction_minus_truth(data):
    O, y = data
    n, q = O.shape
    with np.errstate(over="ignore"):
        P = sp.softmax(O, axis=1)
    np.testing.assert_allclose(cross_entropy_grad(O, y), (P - one_hot(y, q)) / n, atol=1e-15)
    np.testing.assert_allclose(cross_entropy_grad(O, y, "none"), P - one_hot(y, q), atol=1e-15)
    np.testing.assert_allclose(cross_entropy_grad(O, y).sum(axis=1), 0, atol=1e-12)


@given(batch(), st.sampled_from(["mean", "sum", "none"]))
def test_fused_loss_and_grad_equal_the_separate_calls(data, reduction):
    O, y = data
    loss, grad = cross_entropy_with_grad(O, y, reduction)
    np.testing.assert_allclose(loss, cross_entropy(O, y, reduction), rtol=1e-6)
    np.testing.assert_allclose(grad, cross_entropy_grad(O, y, reduction), atol=1e-7)
    assert grad.dtype == O.dtype


def test_soft_targets_and_zero_probabilities():
    O = np.array([[0.0, 2000.0, -2000.0], [1.0, 2.0, 3.0]])
    Y = np.array([[0.0, 1.0, 0.0], [0.2, 0.3, 0.5]])
    per = cross_entropy(O, Y, reduction="none")
    assert per[0] == 0.0  # the impossible class has target 0: no 0 * log(0) = nan
    assert per[1] == pytest.approx(ref_loss(O[1:], Y[1:])[0], rel=1e-12)
    N = numerical_gradient(lambda o: cross_entropy(o, Y[1:], "sum"), O[1:])
    np.testing.assert_allclose(cross_entropy_grad(O[1:], Y[1:], "sum"), N, atol=1e-8)


def test_uniform_prediction_gives_log_q():
    for q in (2, 3, 10):
        assert cross_entropy(np.zeros((4, q)), [0, 1, 0, 1]) == pytest.approx(np.log(q))


def test_extreme_logits_give_exact_losses():
    O = np.array([[1e300, -1e300], [-1e4, 1e4]])
    np.testing.assert_allclose(cross_entropy(O, [0, 1], "none"), [0.0, 0.0])
    assert cross_entropy(np.array([[1e4, -1e4]], dtype=np.float16), [1]) == pytest.approx(2e4)
    np.testing.assert_allclose(cross_entropy_grad(O, [1, 0], "none"), [[1, -1], [-1, 1]])


def test_leading_batch_dimensions():
    O = np.random.default_rng(1).normal(size=(2, 5, 3))
    y = np.random.default_rng(2).integers(0, 3, size=(2, 5))
    flat = cross_entropy(O.reshape(10, 3), y.reshape(10), "none")
    np.testing.assert_allclose(cross_entropy(O, y, "none"), flat.reshape(2, 5))
    assert cross_entropy_grad(O, y).shape == (2, 5, 3)

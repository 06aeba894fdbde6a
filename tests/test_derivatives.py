"""softmax_jacobian and numerical_gradient."""

import numpy as np
import pytest
import scipy.special as sp
from hypothesis import given
from strategies import logits

from helpers import numerical_gradient, softmax, softmax_jacobian


@given(logits(dtypes=(np.float64,), max_dims=1, scale=8.0))
def test_jacobian_equals_finite_differences(o):
    J = softmax_jacobian(o)
    numeric = np.stack([numerical_gradient(lambda v, i=i: softmax(v)[i], o) for i in range(o.size)])
    np.testing.assert_allclose(J, numeric, atol=1e-8)


@given(logits(dtypes=(np.float32, np.float64)))
def test_jacobian_rows_sum_to_zero_and_ones_are_in_null_space(O):
    J = softmax_jacobian(O).astype(np.float64)
    q = O.shape[-1]
    assert J.shape == O.shape + (q,)
    tol = 1e-5 if O.dtype == np.float32 else 1e-12
    np.testing.assert_allclose(J.sum(axis=-1), 0, atol=tol)
    np.testing.assert_allclose(J @ np.ones(q), 0, atol=tol)
    np.testing.assert_allclose(J, np.swapaxes(J, -1, -2), atol=tol)  # symmetric


def test_jacobian_is_diag_p_minus_outer():
    o = np.array([0.5, -1.0, 2.0])
    p = sp.softmax(o)
    np.testing.assert_allclose(softmax_jacobian(o), np.diag(p) - np.outer(p, p), atol=1e-15)


def test_numerical_gradient_on_known_functions():
    x = np.array([[1.0, -2.0], [0.5, 3.0]])
    np.testing.assert_allclose(numerical_gradient(lambda v: (v**2).sum(), x), 2 * x, atol=1e-6)
    np.testing.assert_allclose(
        numerical_gradient(lambda v: sp.logsumexp(v), x),
        sp.softmax(x.ravel()).reshape(2, 2),
        atol=1e-8,
    )
    before = x.copy()
    numerical_gradient(lambda v: v.sum(), x)
    np.testing.assert_array_equal(x, before)  # the input is left untouched


def test_numerical_gradient_rejects_a_non_scalar_function():
    with pytest.raises(ValueError, match="single number"):
        numerical_gradient(lambda v: v * 2, np.ones(3))
    with pytest.raises(ValueError, match="eps"):
        numerical_gradient(lambda v: v.sum(), np.ones(3), eps=0)
    with pytest.raises(TypeError, match="function"):
        numerical_gradient(3.0, np.ones(3))

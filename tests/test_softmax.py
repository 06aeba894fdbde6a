"""softmax, log_softmax and logsumexp against scipy.special, and their properties."""

import numpy as np
import pytest
import scipy.special as sp
from hypothesis import given
from hypothesis import strategies as st
from strategies import logits

from helpers import log_softmax, logsumexp, naive_softmax, softmax

TOL = {np.float16: 2e-3, np.float32: 2e-6, np.float64: 1e-12}


def reference(fn, O, **kw):
    """scipy on a float64 copy; differences that overflow to -inf are correct limits."""
    with np.errstate(over="ignore", invalid="ignore"):
        return fn(O.astype(np.float64), **kw)


@given(logits())
def test_softmax_matches_scipy_and_keeps_dtype(O):
    P = softmax(O)
    assert P.dtype == O.dtype and P.shape == O.shape
    np.testing.assert_allclose(P, reference(sp.softmax, O, axis=-1), atol=TOL[O.dtype.type], rtol=0)


@given(logits())
def test_log_softmax_matches_scipy(O):
    L = log_softmax(O)
    assert L.dtype == O.dtype
    ref = reference(sp.log_softmax, O, axis=-1)
    if O.dtype != np.float64:  # the reference rounded to the same precision
        with np.errstate(over="ignore"):
            ref = ref.astype(O.dtype)
    np.testing.assert_allclose(L, ref, rtol=TOL[O.dtype.type], atol=TOL[O.dtype.type])


@given(logits(dtypes=(np.float32, np.float64)))
def test_logsumexp_matches_scipy(O):
    lse = np.asarray(logsumexp(O))
    ref = sp.logsumexp(O.astype(np.float64), axis=-1)
    np.testing.assert_allclose(lse, ref, rtol=TOL[O.dtype.type], atol=TOL[O.dtype.type])
    kept = logsumexp(O, keepdims=True)
    assert kept.shape == O.shape[:-1] + (1,)


@given(logits(), st.integers(0, 2))
def test_other_axis_equals_moving_the_axis(O, axis):
    axis = axis % O.ndim
    moved = np.moveaxis(softmax(np.moveaxis(O, axis, -1)), -1, axis)
    np.testing.assert_array_equal(softmax(O, axis=axis), moved)


@given(logits())
def test_rows_are_distributions(O):
    P = softmax(O).astype(np.float64)
    assert (P >= 0).all() and (P <= 1).all()
    np.testing.assert_allclose(P.sum(axis=-1), 1.0, atol=4e-3 if O.dtype == np.float16 else 1e-6)


@given(logits(dtypes=(np.float64,), scale=100.0), st.floats(-1e3, 1e3))
def test_shift_invariance_and_logsumexp_shift(O, c):
    np.testing.assert_allclose(softmax(O + c), softmax(O), atol=1e-12)
    # log-sum-exp is NOT shift invariant: it moves by exactly c
    np.testing.assert_allclose(
        logsumexp(O + c), np.asarray(logsumexp(O)) + c, rtol=1e-12, atol=1e-9
    )


@given(logits(dtypes=(np.float32, np.float64), scale=10.0))
def test_order_is_preserved(O):
    P = softmax(O)
    order = np.argsort(O, axis=-1, kind="stable")
    # sorted by logit, the probabilities never decrease (rounding can make close ones equal)
    assert (np.diff(np.take_along_axis(P, order, axis=-1), axis=-1) >= 0).all()
    rows = O.reshape(-1, O.shape[-1])
    clear = (
        np.sort(rows, axis=-1)[:, -1] - np.sort(rows, axis=-1)[:, -2] > 1e-3
        if O.shape[-1] > 1
        else None
    )
    if clear is not None:
        winners = P.reshape(rows.shape).argmax(axis=-1)
        np.testing.assert_array_equal(winners[clear], rows.argmax(axis=-1)[clear])


def test_temperature_limits():
    o = np.array([1.0, 3.0, 2.0])
    np.testing.assert_allclose(softmax(o, temperature=1e-3), [0, 1, 0], atol=1e-12)
    np.testing.assert_allclose(softmax(o, temperature=1e6), [1 / 3] * 3, atol=1e-5)
    np.testing.assert_allclose(softmax(o, temperature=2.0), sp.softmax(o / 2.0))
    np.testing.assert_allclose(log_softmax(o, temperature=0.5), sp.log_softmax(o / 0.5))


@given(logits(dtypes=(np.float64,), scale=50.0), st.floats(0.05, 20.0))
def test_temperature_is_division_of_logits(O, T):
    np.testing.assert_allclose(softmax(O, temperature=T), sp.softmax(O / T, axis=-1), atol=1e-12)


EXTREMES = [
    (dt, big)
    for dt in (np.float16, np.float32, np.float64)
    for big in (1e4, 6e4, 1e30, 1e300)
    if big <= float(np.finfo(dt).max)
]


@pytest.mark.parametrize(("dtype", "big"), EXTREMES)
def test_extreme_logits(dtype, big):
    o = np.array([big, -big, 0.0], dtype=dtype)
    np.testing.assert_array_equal(softmax(o), np.array([1, 0, 0], dtype=dtype))
    L = log_softmax(o)
    assert L[0] == 0 and L[1] < L[2] < 0
    assert logsumexp(o) == pytest.approx(float(dtype(big)))


@pytest.mark.parametrize("dtype", [np.float16, np.float32, np.float64])
def test_all_equal_and_single_class(dtype):
    np.testing.assert_allclose(softmax(np.full((2, 4), 7, dtype=dtype)), 0.25, rtol=1e-3)
    np.testing.assert_array_equal(
        softmax(np.array([[1e300 if dtype == np.float64 else 5.0]], dtype=dtype)), [[1.0]]
    )
    assert log_softmax(np.array([3.0], dtype=dtype))[0] == 0


def test_integer_logits_become_float64():
    P = softmax([1, 2, 3])
    assert P.dtype == np.float64
    np.testing.assert_allclose(P, sp.softmax([1.0, 2.0, 3.0]))


def test_large_batch_uses_several_blocks():
    O = np.random.default_rng(0).normal(size=(70_001, 3)) * 20
    np.testing.assert_allclose(softmax(O), sp.softmax(O, axis=1), atol=1e-14)
    np.testing.assert_allclose(logsumexp(O), sp.logsumexp(O, axis=1), rtol=1e-14, atol=1e-15)


def test_naive_softmax_overflows_silently_where_stable_does_not():
    o = np.array([1000.0, 0.0])
    assert np.isnan(naive_softmax(o)[0])
    np.testing.assert_array_equal(softmax(o), [1.0, 0.0])
    np.testing.assert_allclose(naive_softmax([1.0, 2.0]), softmax([1.0, 2.0]))

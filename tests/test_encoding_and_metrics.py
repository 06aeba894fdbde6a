"""one_hot and accuracy."""

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers import accuracy, one_hot


@given(
    st.integers(1, 12).flatmap(
        lambda q: st.tuples(
            st.just(q),
            hnp.arrays(np.int64, hnp.array_shapes(max_dims=3), elements=st.integers(0, q - 1)),
        )
    )
)
def test_one_hot_round_trips_through_argmax(data):
    q, y = data
    Y = one_hot(y, q)
    assert Y.shape == y.shape + (q,) and Y.dtype == np.float64
    np.testing.assert_array_equal(Y.sum(axis=-1), 1)
    np.testing.assert_array_equal(Y.argmax(axis=-1), y)


def test_one_hot_matches_the_note():
    np.testing.assert_array_equal(one_hot([0, 1, 2], 3), np.eye(3))
    np.testing.assert_array_equal(one_hot(np.array([2.0, 0.0]), 3), [[0, 0, 1], [1, 0, 0]])
    assert one_hot([1], 2, dtype=np.int8).dtype == np.int8


def test_accuracy_counts_argmax_hits():
    S = np.array([[0.1, 0.9], [0.8, 0.2], [0.3, 0.7], [0.5, 0.5]])
    assert accuracy(S, [1, 0, 0, 0]) == pytest.approx(0.75)  # a tie goes to class 0
    assert accuracy(S[:1], [0]) == 0.0
    O = np.random.default_rng(0).normal(size=(3, 4, 5))
    assert accuracy(O, O.argmax(axis=-1)) == 1.0

"""helpers.evaluation: confusion matrix, top-k accuracy, calibration, temperature scaling."""

import numpy as np
import pytest
import scipy.optimize
import scipy.special as sp
from hypothesis import given
from hypothesis import strategies as st

from helpers import accuracy, cross_entropy, softmax
from helpers.evaluation import (
    ReliabilityCurve,
    confusion_matrix,
    expected_calibration_error,
    fit_temperature,
    reliability_curve,
    top_k_accuracy,
)

metrics = pytest.importorskip("sklearn.metrics")


def classifier_output(seed, n=300, q=5, scale=3.0):
    """Logits that are informative but imperfect, and the labels they were made for."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, q, size=n)
    O = rng.normal(size=(n, q)) * scale
    O[np.arange(n), y] += scale  # the true class gets a head start
    return O, y


# -- confusion matrix and top-k ---------------------------------------------------------------


@given(seed=st.integers(0, 2**32 - 1), n=st.integers(1, 50), q=st.integers(2, 6))
def test_confusion_matrix_matches_scikit_learn(seed, n, q):
    rng = np.random.default_rng(seed)
    t, p = rng.integers(0, q, size=n), rng.integers(0, q, size=n)
    C = confusion_matrix(t, p, q)
    assert C.shape == (q, q) and C.dtype == np.int64
    np.testing.assert_array_equal(C, metrics.confusion_matrix(t, p, labels=np.arange(q)))
    assert C.sum() == n and np.trace(C) == np.sum(t == p)


def test_confusion_matrix_rows_are_the_truth():
    C = confusion_matrix([0, 0, 1, 2], [0, 2, 1, 2], num_classes=3)
    np.testing.assert_array_equal(C, [[1, 0, 1], [0, 1, 0], [0, 0, 1]])  # one 0 called a 2
    np.testing.assert_array_equal(confusion_matrix([0, 0], [0, 0], 1), [[2]])
    np.testing.assert_array_equal(confusion_matrix([1], [1], 3), [[0, 0, 0], [0, 1, 0], [0, 0, 0]])


@pytest.mark.parametrize("k", [1, 2, 3, 4])  # k = q = 5: scikit-learn warns
def test_top_k_accuracy_matches_scikit_learn(k):
    O, y = classifier_output(seed=k)
    expected = metrics.top_k_accuracy_score(y, O, k=k, labels=np.arange(5))
    assert top_k_accuracy(O, y, k) == pytest.approx(expected, abs=1e-15)


def test_top_k_accuracy_grows_with_k_and_k1_is_accuracy_even_with_ties():
    O, y = classifier_output(seed=0)
    values = [top_k_accuracy(O, y, k) for k in range(1, 6)]
    assert values == sorted(values) and values[-1] == 1.0
    tied = np.round(O)  # many exact ties: the lower class index wins, as with argmax
    assert top_k_accuracy(tied, y, 1) == accuracy(tied, y)
    assert top_k_accuracy(np.zeros((4, 3)), [0, 1, 2, 0], 1) == 0.5
    assert top_k_accuracy(np.zeros((4, 3)), [0, 1, 2, 0], 2) == 0.75


# -- calibration -------------------------------------------------------------------------------


def ece_by_loop(P, y, num_bins):
    """The textbook definition, written as plainly as possible."""
    total = 0.0
    n = len(y)
    for b in range(num_bins):
        low, high = b / num_bins, (b + 1) / num_bins
        members = [
            i for i in range(n) if (low < P[i].max() <= high) or (b == 0 and P[i].max() == 0.0)
        ]
        if not members:
            continue
        conf = np.mean([P[i].max() for i in members])
        acc = np.mean([P[i].argmax() == y[i] for i in members])
        total += len(members) / n * abs(acc - conf)
    return total


@pytest.mark.parametrize(("seed", "num_bins"), [(0, 10), (1, 15), (2, 1), (3, 7)])
def test_expected_calibration_error_matches_a_plain_loop(seed, num_bins):
    O, y = classifier_output(seed)
    P = softmax(O)
    expected = ece_by_loop(P, y, num_bins)
    assert expected_calibration_error(P, y, num_bins) == pytest.approx(expected, abs=1e-12)


def test_reliability_curve_bins():
    P = np.array([[0.95, 0.05], [0.55, 0.45], [0.6, 0.4], [0.3, 0.7], [0.5, 0.5]])
    y = np.array([0, 1, 0, 1, 0])
    curve = reliability_curve(P, y, num_bins=5)
    assert isinstance(curve, ReliabilityCurve)
    np.testing.assert_allclose(curve.bin_edges, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    # confidences 0.95, 0.55, 0.6, 0.7, 0.5 -> bins 4, 2, 2 (0.6 is in (0.4, 0.6]), 3, 2
    np.testing.assert_array_equal(curve.count, [0, 0, 3, 1, 1])
    np.testing.assert_allclose(curve.confidence[2:], [(0.55 + 0.6 + 0.5) / 3, 0.7, 0.95])
    np.testing.assert_allclose(curve.accuracy[2:], [2 / 3, 1.0, 1.0])
    assert np.isnan(curve.confidence[:2]).all() and np.isnan(curve.accuracy[:2]).all()


def test_a_calibrated_model_has_a_small_ece():
    # Draw labels from the predicted probabilities themselves: calibrated by construction.
    rng = np.random.default_rng(0)
    P = softmax(rng.normal(size=(20_000, 4)) * 2)
    y = (rng.random(len(P))[:, None] > np.cumsum(P, axis=1)).sum(axis=1)
    assert expected_calibration_error(P, y) < 0.02
    # sharpening the same probabilities makes them overconfident
    assert expected_calibration_error(softmax(np.log(P) * 3), y) > 0.1


# -- temperature scaling -------------------------------------------------------------------------


@pytest.mark.parametrize(("seed", "scale"), [(0, 3.0), (1, 0.5), (2, 10.0), (3, 1.0)])
def test_fit_temperature_matches_scipy(seed, scale):
    O, y = classifier_output(seed, scale=scale)

    def mean_loss(log_T):
        return -np.mean(sp.log_softmax(O / np.exp(log_T), axis=1)[np.arange(len(y)), y])

    ref = scipy.optimize.minimize_scalar(
        mean_loss, bounds=(-10, 10), method="bounded", options={"xatol": 1e-10}
    )
    T = fit_temperature(O, y)
    assert T == pytest.approx(np.exp(ref.x), rel=1e-6)
    # and it is a minimum on a dense grid around it
    grid = T * np.exp(np.linspace(-0.5, 0.5, 201))
    assert cross_entropy(O / T, y) <= min(cross_entropy(O / t, y) for t in grid) + 1e-12


def test_fit_temperature_undoes_a_known_temperature():
    # Logits whose labels were drawn from softmax(O / 2): the best temperature is near 2.
    rng = np.random.default_rng(0)
    O = rng.normal(size=(50_000, 5)) * 4
    P = softmax(O / 2.0)
    y = (rng.random(len(P))[:, None] > np.cumsum(P, axis=1)).sum(axis=1)
    assert fit_temperature(O, y) == pytest.approx(2.0, rel=0.03)
    assert fit_temperature(O / 7.0, y) == pytest.approx(2.0 / 7.0, rel=0.03)  # scale-free


def test_fit_temperature_is_deterministic_and_leaves_predictions_alone():
    O, y = classifier_output(seed=4)
    T = fit_temperature(O, y)
    assert T == fit_temperature(O, y)
    np.testing.assert_array_equal((O / T).argmax(axis=1), O.argmax(axis=1))
    assert cross_entropy(O / T, y) <= cross_entropy(O, y)


def test_fit_temperature_without_a_finite_answer():
    O = np.array([[3.0, 0.0], [0.0, 2.0]])
    with pytest.raises(ValueError, match="every example correctly"):
        fit_temperature(O, [0, 1])  # all right: the loss falls forever as T -> 0
    with pytest.raises(ValueError, match="no better than uniform"):
        fit_temperature(O, [1, 0])  # all wrong: the best T is infinite
    with pytest.raises(ValueError, match="constant"):
        fit_temperature(np.ones((3, 4)), [0, 1, 2])


# -- bad inputs ------------------------------------------------------------------------------------

P3 = np.full((2, 3), 1 / 3)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: confusion_matrix([0, 1], [0, 3], 3), ValueError, ["label 3", "0..2"]),
        (lambda: confusion_matrix([0, 1], [0], 3), ValueError, ["shape (2,)", "(1,)"]),
        (lambda: confusion_matrix([0, 1], [0, 1], 0), ValueError, ["num_classes"]),
        (lambda: confusion_matrix([0, -1], [0, 1], 2), ValueError, ["negative"]),
        (lambda: top_k_accuracy(P3, [0, 1], 0), ValueError, ["k must be at least 1"]),
        (lambda: top_k_accuracy(P3, [0, 1], 4), ValueError, ["k=4", "q=3"]),
        (lambda: top_k_accuracy(P3, [0, 1], 1.5), TypeError, ["k", "whole number"]),
        (lambda: top_k_accuracy(P3, [0, 1, 2], 1), ValueError, ["shape (3,)", "(2,)"]),
        (lambda: top_k_accuracy(P3, np.eye(2, 3), 1), ValueError, ["argmax"]),
        (lambda: top_k_accuracy(P3[0], [0], 1), ValueError, ["2-D"]),
        (lambda: reliability_curve([[2.0, -1.0]], [0]), ValueError, ["apply softmax first"]),
        (lambda: reliability_curve([[0.5, 0.6]], [0]), ValueError, ["sums to 1.1"]),
        (lambda: reliability_curve(P3, [0, 1], num_bins=0), ValueError, ["num_bins"]),
        (lambda: reliability_curve(P3, [0, 5]), ValueError, ["label 5"]),
        (lambda: expected_calibration_error(P3, [0.5, 1]), ValueError, ["whole number"]),
        (lambda: expected_calibration_error([[np.nan, 1.0]], [0]), ValueError, ["NaN"]),
        (lambda: fit_temperature(P3, [0]), ValueError, ["labels have shape (1,)"]),
        (lambda: fit_temperature([[0.0, np.inf]], [0]), ValueError, ["inf"]),
    ],
)
def test_bad_inputs_raise_clear_errors(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value), (word, str(info.value))

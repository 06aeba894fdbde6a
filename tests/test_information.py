"""helpers.information against scipy, and the checkers of 08_information_theory."""

import math

import numpy as np
import pytest
import scipy.special as sp
import scipy.stats as ss
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from helpers import cross_entropy, one_hot, softmax
from helpers.exercises import check_entropy, check_kl
from helpers.information import (
    cross_entropy_dist,
    entropy,
    kl,
    normalize_weights,
    surprisal,
)

LN2 = math.log(2.0)


@st.composite
def distribution(draw, k=None, zeros=True):
    """A probability vector over k outcomes, some entries possibly exactly 0."""
    k = draw(st.integers(2, 6)) if k is None else k
    lo = 0.0 if zeros else 1e-3
    w = draw(hnp.arrays(np.float64, k, elements=st.floats(lo, 1.0)))
    if zeros:
        w = np.where(draw(hnp.arrays(np.bool_, k)), 0.0, w)
    if w.sum() == 0:
        w[draw(st.integers(0, k - 1))] = 1.0
    return w / w.sum()


@st.composite
def pair(draw, zeros=True):
    k = draw(st.integers(2, 6))
    return draw(distribution(k, zeros)), draw(distribution(k, zeros))


@given(distribution())
def test_entropy_matches_scipy_in_nats_and_bits(p):
    assert entropy(p) == pytest.approx(ss.entropy(p), abs=1e-12)
    assert entropy(p, "bits") == pytest.approx(ss.entropy(p, base=2), abs=1e-12)
    assert 0.0 <= entropy(p) <= math.log(p.size) + 1e-12


@given(pair())
def test_kl_matches_rel_entr_including_zeros_and_infinities(pq):
    p, q = pq
    ref = float(sp.rel_entr(p, q).sum())
    got = kl(p, q)
    if math.isinf(ref):
        assert got == math.inf
    else:
        assert got == pytest.approx(ref, abs=1e-12)
        assert got >= 0.0
    assert kl(p, q, "bits") == pytest.approx(got / LN2, abs=1e-12) or math.isinf(got)


@given(pair())
def test_cross_entropy_is_entropy_plus_kl(pq):
    p, q = pq
    ref = float(-sp.xlogy(p, q).sum())  # xlogy(0, 0) = 0, as 0 log 0 = 0
    ce = cross_entropy_dist(p, q)
    if math.isinf(ref):
        assert ce == math.inf and kl(p, q) == math.inf
    else:
        assert ce == pytest.approx(ref, abs=1e-12)
        assert ce == pytest.approx(entropy(p) + kl(p, q), abs=1e-12)
        assert ce >= entropy(p) - 1e-12  # Gibbs' inequality


def test_zero_probabilities_never_give_nan_or_warnings():
    one_hot_p = np.array([0.0, 1.0, 0.0])
    assert entropy(one_hot_p) == 0.0
    assert math.copysign(1.0, entropy(one_hot_p)) == 1.0  # +0.0, not -0.0
    assert kl(one_hot_p, one_hot_p) == 0.0
    assert cross_entropy_dist([0.5, 0.5, 0.0], [0.5, 0.5, 0.0]) == pytest.approx(math.log(2))
    assert cross_entropy_dist([0.5, 0.5, 0.0], [1.0, 0.0, 0.0]) == math.inf
    assert kl([0.5, 0.5, 0.0], [1.0, 0.0, 0.0]) == math.inf
    assert kl([1.0, 0.0], [0.5, 0.5]) == pytest.approx(math.log(2))
    np.testing.assert_array_equal(surprisal([0.0, 1.0]), [math.inf, 0.0])


def test_known_values_and_units():
    assert surprisal(0.5, "bits") == pytest.approx(1.0)
    assert surprisal(0.25) == pytest.approx(math.log(4))
    assert entropy(np.full(3, 1 / 3)) == pytest.approx(math.log(3))
    assert entropy(np.full(8, 1 / 8), "bits") == pytest.approx(3.0)
    p, q = np.array([0.6, 0.3, 0.1]), np.array([0.3, 0.3, 0.4])
    assert kl(p, q) != pytest.approx(kl(q, p))  # not symmetric
    assert cross_entropy_dist(p, q, "bits") == pytest.approx(cross_entropy_dist(p, q) / LN2)


def test_batches_of_rows_and_broadcasting():
    P = np.array([[0.2, 0.8], [1.0, 0.0], [0.5, 0.5]])
    q = np.array([0.5, 0.5])
    np.testing.assert_allclose(entropy(P), ss.entropy(P, axis=1), atol=1e-12)
    np.testing.assert_allclose(kl(P, q), sp.rel_entr(P, q).sum(axis=1), atol=1e-12)
    assert entropy(P).shape == (3,)


@given(st.integers(0, 4), hnp.arrays(np.float64, 5, elements=st.floats(-30, 30)))
def test_cross_entropy_dist_of_one_hot_is_the_loss(y, o):
    """The loss of 06 is the cross-entropy between the one-hot label and the prediction."""
    y_hat = softmax(o)
    if (y_hat == 0).any():  # rounded to 0: only the log-space loss stays finite
        return
    ref = cross_entropy(o[None, :], [y])
    assert cross_entropy_dist(one_hot(y, 5), y_hat) == pytest.approx(ref, rel=1e-9, abs=1e-12)
    assert kl(one_hot(y, 5), y_hat) == pytest.approx(ref, rel=1e-9, abs=1e-12)


def test_normalize_weights():
    p, was_zero = normalize_weights([2.0, 1.0, 1.0])
    np.testing.assert_allclose(p, [0.5, 0.25, 0.25])
    assert not was_zero
    p, was_zero = normalize_weights([0.0, 0.0, 0.0])
    np.testing.assert_allclose(p, np.full(3, 1 / 3))
    assert was_zero
    with pytest.raises(ValueError, match=">= 0"):
        normalize_weights([1.0, -1.0])
    with pytest.raises(ValueError, match="one vector"):
        normalize_weights([[1.0, 1.0]])


def test_inputs_are_validated_with_actionable_messages():
    with pytest.raises(ValueError, match="sums to 0.9"):
        entropy([0.5, 0.4])
    with pytest.raises(ValueError, match="negative"):
        entropy([1.5, -0.5])
    with pytest.raises(ValueError, match="same outcomes"):
        kl([0.5, 0.5], [1 / 3, 1 / 3, 1 / 3])
    with pytest.raises(ValueError, match="unit"):
        entropy([0.5, 0.5], unit="bans")
    with pytest.raises(ValueError, match="NaN"):
        kl([np.nan, 1.0], [0.5, 0.5])
    with pytest.raises(ValueError, match=r"\[0, 1\]"):
        surprisal(1.5)


# -- checkers ---------------------------------------------------------------------------------
def ref_entropy(p):
    keep = p > 0
    return -np.sum(p[keep] * np.log(p[keep]))


def ref_kl(p, q):
    keep = p > 0
    if np.any(q[keep] == 0):
        return np.inf
    return np.sum(p[keep] * np.log(p[keep] / q[keep]))


def kl_ignoring_zero_q(p, q):
    both = (p > 0) & (q > 0)  # drops the outcomes q calls impossible: wrong, KL is inf there
    return np.sum(p[both] * np.log(p[both] / q[both]))


def stub(*args):
    raise NotImplementedError


def test_check_entropy_passes_the_solution_and_waits_for_a_stub(capsys):
    assert check_entropy(ref_entropy).passed
    assert "5/5 checks passed" in capsys.readouterr().out
    report = check_entropy(stub)
    assert not report.attempted
    assert "not attempted yet" in capsys.readouterr().out


@pytest.mark.parametrize(
    "wrong, words",
    [
        (lambda p: -np.sum(p * np.log(p)), "0 log 0 = 0"),
        (lambda p: np.sum(p[p > 0] * np.log(p[p > 0])), "sign is flipped"),
        (lambda p: -np.sum(p[p > 0] * np.log2(p[p > 0])), "in bits"),
        (lambda p: np.sum(p[p > 0] * np.log2(p[p > 0])), "two slips"),
        (lambda p: -(p[p > 0] * np.log(p[p > 0])), "single number"),
    ],
)
def test_check_entropy_recognises_typical_mistakes(wrong, words, capsys):
    report = check_entropy(wrong)
    assert not report.passed
    assert any(words in h for h in report.hints), report.hints
    capsys.readouterr()


def test_check_kl_passes_the_solution_and_waits_for_a_stub(capsys):
    assert check_kl(ref_kl).passed
    assert "5/5 checks passed" in capsys.readouterr().out
    assert not check_kl(stub).attempted
    capsys.readouterr()


@pytest.mark.parametrize(
    "wrong, words",
    [
        (lambda p, q: ref_kl(q, p), "arguments are swapped"),
        (lambda p, q: -ref_kl(p, q), "sign is flipped"),
        (lambda p, q: np.sum(p * np.log(p / q)), "0 log 0 = 0"),
        (lambda p, q: np.sum(np.log(p[p > 0] / q[p > 0])), "weighted by p_j"),
        (lambda p, q: ref_kl(p, q) / math.log(2), "in bits"),
        (kl_ignoring_zero_q, "answer is inf"),
    ],
)
def test_check_kl_recognises_typical_mistakes(wrong, words, capsys):
    report = check_kl(wrong)
    assert not report.passed
    assert any(words in h for h in report.hints), report.hints
    capsys.readouterr()

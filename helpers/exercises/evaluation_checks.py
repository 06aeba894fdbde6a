"""Checkers for the exercises of 10_evaluation.ipynb: top-k accuracy and the ECE."""

from __future__ import annotations

import numpy as np

from ..evaluation import expected_calibration_error, top_k_accuracy
from ..softmax import softmax
from ._framework import Case, Report, as_floats, run_checks


def _scores(seed: int, n: int, q: int, scale: float = 2.0):
    """Informative but imperfect logits (no ties) and their labels."""
    rng = np.random.default_rng(seed)
    y = rng.integers(0, q, size=n)
    O = rng.normal(size=(n, q)) * scale
    O[np.arange(n), y] += scale
    return O, y


def _as_number(result) -> float | None:
    value = as_floats(result)
    return float(value) if value is not None and value.shape == () else None


# -- top-k accuracy ----------------------------------------------------------------------------


def _bottom_k(S, y, k):
    """What np.argsort(S)[:, :k] gives: the k *lowest* scores."""
    lowest = np.argsort(S, axis=1)[:, :k]
    return float(np.mean((lowest == y[:, None]).any(axis=1)))


def _top_k_diagnose(S, y, k):
    n, q = S.shape
    expected = top_k_accuracy(S, y, k)

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            if "axis" in str(result) or "out of bounds" in str(result):
                return "sort each row over the classes: np.argsort(scores, axis=1)"
            return None
        value = _as_number(result)
        if value is None:
            return (
                "return one number, the fraction of rows whose label is among the top k "
                "(a float, e.g. with .mean())"
            )
        if np.isclose(value, n * expected) and n > 1:
            return "that is a count: divide by the number of examples (use .mean())"
        if np.isclose(value, 100 * expected) and expected > 0:
            return "that is a percentage: return a fraction between 0 and 1"
        if np.isclose(value, _bottom_k(S, y, k)) and not np.isclose(value, expected):
            return (
                "np.argsort sorts in ascending order, so [:, :k] are the k *lowest* scores; the "
                "top k are the last k columns, np.argsort(scores, axis=1)[:, -k:]"
            )
        for other in (k - 1, k + 1):
            if 1 <= other <= q and np.isclose(value, top_k_accuracy(S, y, other)):
                return (
                    f"that is the top-{other} accuracy: keep exactly k = {k} columns, "
                    "[:, -k:] (watch the off-by-one)"
                )
        return None

    return diagnose


def top_k_cases() -> list[Case]:
    """Cases for :func:`check_top_k_accuracy`; the answers come from helpers.evaluation."""
    S = np.array(
        [
            [2.0, 1.0, 0.1],  # label 0: top-1
            [0.3, 1.5, 2.5],  # label 1: second
            [0.2, 3.0, -1.0],  # label 2: third
            [1.1, -0.4, 0.9],  # label 2: second
        ]
    )
    y = np.array([0, 1, 2, 2])
    big, big_y = _scores(seed=3, n=300, q=10)
    probs = softmax(big)
    cases = []
    for what, scores, labels, k in [
        ("4 examples, 3 classes, k = 1 (the accuracy)", S, y, 1),
        ("the same 4 examples, k = 2", S, y, 2),
        ("k = q = 3: the true class is always among all 3", S, y, 3),
        ("300 examples, 10 classes, k = 3", big, big_y, 3),
        ("the same as probabilities (softmax keeps the order), k = 5", probs, big_y, 5),
    ]:
        cases.append(
            Case(
                what,
                (scores, labels, k),
                top_k_accuracy(scores, labels, k),
                "for each row, is the label among the k highest scores? Then average over rows",
                diagnose=_top_k_diagnose(scores, labels, k),
            )
        )
    return cases


def check_top_k_accuracy(fn) -> Report:
    """Exercise ★ in 10_evaluation.ipynb: ``fn(scores, labels, k)`` -> the top-k accuracy."""
    return run_checks("check_top_k_accuracy", fn, top_k_cases())


# -- expected calibration error -----------------------------------------------------------------


def _bins(conf, num_bins):
    return np.clip(np.ceil(conf * num_bins).astype(int) - 1, 0, num_bins - 1)


def _ece_variant(P, y, num_bins, *, weighted=True, absolute=True, true_class=False):
    """The typical wrong versions of the ECE, to recognise them."""
    pred = P.argmax(axis=1)
    conf = P[np.arange(len(y)), y] if true_class else P.max(axis=1)
    correct = (pred == y).astype(float)
    bins = _bins(conf, num_bins)
    total, gaps = 0.0, []
    for b in range(num_bins):
        members = bins == b
        if not members.any():
            continue
        gap = correct[members].mean() - conf[members].mean()
        gap = abs(gap) if absolute else gap
        gaps.append(gap)
        total += members.mean() * gap
    return total if weighted else float(np.mean(gaps))


def _ece_diagnose(P, y, num_bins):
    expected = expected_calibration_error(P, y, num_bins)

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            if isinstance(result, IndexError):
                return (
                    "a confidence of exactly 1.0 lands in bin num_bins, one past the last: "
                    "put it in the last bin, e.g. bins = np.clip(np.ceil(conf * B) - 1, 0, B - 1)"
                )
            return None
        value = _as_number(result)
        if value is None:
            return "return one number: the weighted average gap over the bins"
        if np.isnan(value):
            return (
                "nan: an empty bin has no mean (0 / 0). Skip empty bins; they carry weight "
                "n_b / n = 0 anyway"
            )
        for hint, kwargs in [
            (
                "every bin counted equally: weight each bin's gap by its share of the examples, "
                "n_b / n, so a bin with 3 examples counts less than one with 300",
                {"weighted": False},
            ),
            (
                "gaps of opposite sign cancelled: take the absolute gap |acc_b - conf_b| in "
                "every bin",
                {"absolute": False},
            ),
            (
                "the confidence of a prediction is its largest probability, max_j ŷ_j (the "
                "probability of the predicted class), not the probability of the true class",
                {"true_class": True},
            ),
        ]:
            alt = _ece_variant(P, y, num_bins, **kwargs)
            if np.isclose(value, alt) and not np.isclose(alt, expected):
                return hint
        if num_bins != 10 and np.isclose(value, expected_calibration_error(P, y, 10)):
            return f"use num_bins bins ({num_bins} here), not always 10"
        return None

    return diagnose


def ece_cases() -> list[Case]:
    """Cases for :func:`check_ece`; the answers come from helpers.evaluation."""
    P_small = np.array(
        [
            [0.92, 0.05, 0.03],  # right, confident
            [0.15, 0.81, 0.04],  # right
            [0.66, 0.24, 0.10],  # wrong (label 1)
            [0.30, 0.33, 0.37],  # wrong (label 0)
            [0.07, 0.15, 0.78],  # right
        ]
    )
    y_small = np.array([0, 1, 1, 0, 2])
    O, y = _scores(seed=4, n=500, q=4)
    P = softmax(O / 2)  # over-confident in some bins, under-confident in others
    P_over = softmax(3 * O)  # the same predictions, over-confident everywhere
    one_hot_rows = P.copy()
    one_hot_rows[:5] = np.eye(4)[y[:5]]  # five predictions with confidence exactly 1.0
    cases = []
    for what, probs, labels, bins in [
        ("5 predictions, 10 bins", P_small, y_small, 10),
        ("500 predictions, 10 bins", P, y, 10),
        ("the same predictions made over-confident (logits times 6), 10 bins", P_over, y, 10),
        ("500 predictions, 5 bins", P, y, 5),
        ("some confidences exactly 1.0, 20 bins (most bins empty)", one_hot_rows, y, 20),
    ]:
        cases.append(
            Case(
                what,
                (probs, labels, bins),
                expected_calibration_error(probs, labels, bins),
                "ECE = sum over bins of (n_b / n) * |accuracy_b - confidence_b|, with "
                "confidence = max_j ŷ_j and bins b/B < confidence <= (b+1)/B",
                diagnose=_ece_diagnose(probs, labels, bins),
            )
        )
    return cases


def check_ece(fn) -> Report:
    """Exercise ★★ in 10_evaluation.ipynb: ``fn(probs, labels, num_bins)`` -> the ECE."""
    return run_checks("check_ece", fn, ece_cases())

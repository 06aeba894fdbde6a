"""Evaluating a classifier (模型预测和评估): beyond accuracy, and calibration (校准).

* :func:`confusion_matrix`, :func:`top_k_accuracy`: which mistakes, and how near the misses are.
* :func:`reliability_curve`, :func:`expected_calibration_error`: do the probabilities mean
  what they say? Among predictions made with confidence 0.8, about 80% should be right.
* :func:`fit_temperature`: temperature scaling, the one-number fix for over- or
  under-confident softmax scores.

Shapes follow the notation table: scores, logits or probabilities (n, q), labels (n,) integers
0..q-1. NumPy only.

Introduced in 10_evaluation.ipynb.
"""

from __future__ import annotations

import numbers
from typing import NamedTuple

import numpy as np

from ._checks import as_float_array, as_labels, check_num_classes
from .softmax import softmax


def _scores_and_labels(scores, labels, name: str = "scores"):
    S = as_float_array(scores, name)
    if S.ndim != 2:
        raise ValueError(
            f"{name} must be a 2-D array (n examples, q classes), got shape {S.shape}; "
            "one row per example, one column per class"
        )
    y = np.asarray(labels)
    if y.shape != (S.shape[0],):
        hint = " (use labels.argmax(axis=1) for one-hot rows)" if y.shape == S.shape else ""
        raise ValueError(
            f"labels have shape {y.shape} but {name} have shape {S.shape}; labels must have "
            f"shape ({S.shape[0]},), one class index per row{hint}"
        )
    return S, as_labels(y, S.shape[1])


def _check_probs(probs):
    """Probabilities must be rows in [0, 1] summing to 1: catch logits passed by mistake."""
    P = as_float_array(probs, "probs").astype(np.float64, copy=False)
    if P.ndim != 2:
        raise ValueError(f"probs must be a 2-D array (n examples, q classes), got shape {P.shape}")
    sums = P.sum(axis=1)
    bad = (P < 0).any(axis=1) | (P > 1).any(axis=1) | (np.abs(sums - 1) > 1e-6)
    if bad.any():
        i = int(np.argmax(bad))
        raise ValueError(
            f"probs row {i} is not a probability distribution (entries in [0, 1] summing to "
            f"1; it sums to {sums[i]:.6g}); if these are logits, apply softmax first: "
            "probs = softmax(logits)"
        )
    return P


def _check_positive_int(value, name: str, hint: str) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, got {value!r}; {hint}")
    if value < 1:
        raise ValueError(f"{name} must be at least 1, got {value}; {hint}")
    return int(value)


def confusion_matrix(y_true, y_pred, num_classes: int) -> np.ndarray:
    """Count how often each true class was predicted as each class.

    ``C[i, j]`` is the number of examples of true class i predicted as class j: rows are the
    truth, columns the prediction (scikit-learn's convention). The diagonal holds the correct
    predictions, so ``np.trace(C) / C.sum()`` is the accuracy. Shapes: ``y_true``, ``y_pred``
    (n,) integer labels 0..num_classes-1 -> ``C`` int64 (num_classes, num_classes).

    Introduced in 10_evaluation.ipynb.
    """
    q = check_num_classes(num_classes)
    t = as_labels(y_true, q, "y_true")
    p = as_labels(y_pred, q, "y_pred")
    if t.ndim != 1 or t.shape != p.shape:
        raise ValueError(
            f"y_true has shape {t.shape} and y_pred has shape {p.shape}; both must be 1-D "
            "with one label per example, in the same order (predictions: scores.argmax(axis=1))"
        )
    return np.bincount(t * q + p, minlength=q * q).reshape(q, q).astype(np.int64)


def top_k_accuracy(scores, labels, k: int) -> float:
    """Fraction of examples whose true class is among the k highest-scoring classes.

    ``k=1`` is the ordinary accuracy; ``k=q`` is always 1. Ties are broken as ``np.argmax``
    breaks them (the lower class index ranks first), so ``top_k_accuracy(S, y, 1)`` equals
    ``accuracy(S, y)`` exactly. Shapes: ``scores`` (n, q) logits or probabilities, ``labels``
    (n,) -> a float in [0, 1].

    Introduced in 10_evaluation.ipynb.
    """
    S, y = _scores_and_labels(scores, labels)
    n, q = S.shape
    k = _check_positive_int(k, "k", f"k counts classes, 1..{q}")
    if k > q:
        raise ValueError(f"k={k} is larger than the number of classes q={q}; use k from 1 to {q}")
    true_score = S[np.arange(n), y][:, None]
    # rank of the true class (0 = top): classes scoring higher, plus tied classes listed before it
    rank = (S > true_score).sum(axis=1) + ((S == true_score) & (np.arange(q) < y[:, None])).sum(
        axis=1
    )
    return float(np.mean(rank < k))


class ReliabilityCurve(NamedTuple):
    """Per-bin calibration statistics; see :func:`reliability_curve`.

    ``bin_edges`` (num_bins + 1,); ``confidence``, ``accuracy`` float64 (num_bins,) (NaN for an
    empty bin); ``count`` int64 (num_bins,).
    """

    bin_edges: np.ndarray
    confidence: np.ndarray
    accuracy: np.ndarray
    count: np.ndarray


def reliability_curve(probs, labels, num_bins: int = 10) -> ReliabilityCurve:
    """Group predictions by confidence and compare each group's confidence with its accuracy.

    The confidence of a prediction is its largest probability ``max_j Y_hat_ij``; the
    prediction is right if that class (``argmax_j``, lowest index on ties) is the label.
    Confidences are put into ``num_bins`` equal-width bins over [0, 1]; bin b holds
    ``b/B < confidence <= (b+1)/B`` (bin 0 also holds 0). For each bin: the mean confidence,
    the accuracy (fraction right) and the count; empty bins get NaN confidence and accuracy
    and count 0. A calibrated model has accuracy close to confidence in every bin; drawing
    accuracy against confidence gives the reliability diagram.

    Shapes: ``probs`` (n, q) rows summing to 1 (apply softmax to logits first), ``labels``
    (n,) -> a :class:`ReliabilityCurve` of arrays (num_bins,) (edges (num_bins + 1,)).

    Introduced in 10_evaluation.ipynb.
    """
    P = _check_probs(probs)
    P, y = _scores_and_labels(P, labels, "probs")
    B = _check_positive_int(num_bins, "num_bins", "use e.g. 10 or 15 bins")
    confidence = P.max(axis=1)
    correct = (P.argmax(axis=1) == y).astype(np.float64)
    # ceil(c * B) - 1 puts c in (b/B, (b+1)/B] into bin b; c = 0 goes to bin 0
    bins = np.clip(np.ceil(confidence * B).astype(np.int64) - 1, 0, B - 1)
    count = np.bincount(bins, minlength=B).astype(np.int64)
    conf_sum = np.bincount(bins, weights=confidence, minlength=B)
    right_sum = np.bincount(bins, weights=correct, minlength=B)
    mean_conf = np.full(B, np.nan)
    acc = np.full(B, np.nan)
    filled = count > 0
    mean_conf[filled] = conf_sum[filled] / count[filled]
    acc[filled] = right_sum[filled] / count[filled]
    return ReliabilityCurve(np.linspace(0.0, 1.0, B + 1), mean_conf, acc, count)


def expected_calibration_error(probs, labels, num_bins: int = 10) -> float:
    """ECE: the gap between confidence and accuracy, averaged over bins weighted by size.

    ``ECE = sum_b (n_b / n) * |accuracy_b - confidence_b|`` over the bins of
    :func:`reliability_curve` (empty bins contribute nothing). 0 is perfectly calibrated;
    0.1 means that, on average, the stated confidence is 10 percentage points off.
    Shapes: ``probs`` (n, q), ``labels`` (n,) -> a float in [0, 1].

    Introduced in 10_evaluation.ipynb.
    """
    curve = reliability_curve(probs, labels, num_bins)
    filled = curve.count > 0
    weights = curve.count[filled] / curve.count.sum()
    return float(np.sum(weights * np.abs(curve.accuracy[filled] - curve.confidence[filled])))


def _temperature_slope(O: np.ndarray, y: np.ndarray, T: float) -> float:
    """d/d(1/T) of the mean cross-entropy of softmax(O / T): mean of E_p[o] - o_y."""
    P = softmax(O, temperature=T)
    return float(np.mean(np.sum(P * O, axis=1) - O[np.arange(len(y)), y]))


def fit_temperature(logits, labels) -> float:
    """The temperature T > 0 minimising the mean cross-entropy of ``softmax(logits / T)``.

    Temperature scaling divides every logit by one number T fitted on held-out data (not the
    training set: a model is right more often on the examples it was trained on, so T fitted
    there comes out too small). T > 1 softens over-confident predictions, T < 1 sharpens
    under-confident ones; the predicted classes, and so the accuracy, do not change.

    How: write beta = 1/T. The mean loss ``mean_i [logsumexp(beta o_i) - beta o_{i,y_i}]`` is
    convex in beta, and its slope is ``mean_i (E_p[o_i] - o_{i,y_i})``, the expected logit
    under p = softmax(beta o_i) minus the true class's logit, which grows with beta. So the
    best beta is where the slope changes sign: bracket it by doubling or halving T from 1,
    then bisect on log T down to neighbouring floats. Deterministic; at most a few hundred
    softmax evaluations of the (n, q) logits.

    Shapes: ``logits`` (n, q), ``labels`` (n,) -> a float T. Raises ValueError when no finite
    positive T is best: if the model gets every example right (the loss keeps falling as
    T -> 0), or the logits do no better than uniform guessing (the best T is infinite).

    Introduced in 10_evaluation.ipynb.
    """
    O, y = _scores_and_labels(logits, labels, "logits")
    O = O.astype(np.float64, copy=False)
    spread = float(np.max(O.max(axis=1) - O.min(axis=1)))
    if spread == 0.0:
        raise ValueError(
            "every row of logits is constant, so softmax(logits / T) is uniform for every T; "
            "temperature scaling needs logits that prefer some classes"
        )
    true_logit = O[np.arange(len(y)), y]
    # The slope at T -> 0 is mean(max_j o_j - o_y): if no example is misclassified it never
    # turns positive, and the loss keeps falling as T -> 0.
    if np.all(O.max(axis=1) == true_logit):
        raise ValueError(
            "the cross-entropy keeps decreasing as T -> 0: the model classifies every example "
            "correctly, so no finite temperature is best. Fit the temperature on held-out "
            "data that the model gets partly wrong (a validation set)"
        )
    # The slope at T -> infinity is mean(mean_j o_j - o_y): if it is not negative, the true
    # classes score no better than the average class and the loss keeps falling as T grows.
    if np.mean(O.mean(axis=1) - true_logit) >= 0:
        raise ValueError(
            "the cross-entropy keeps decreasing as T grows: these logits predict the labels no "
            "better than uniform guessing, so temperature scaling cannot help; check that the "
            "logits and labels belong together"
        )
    # softmax(O / T) depends only on O / T, so search T relative to the scale of the logits.
    t_min, t_max = spread * 2.0**-50, spread * 2.0**50
    lo = hi = 1.0 if t_min <= 1.0 <= t_max else spread
    if _temperature_slope(O, y, lo) > 0:  # the loss falls as T grows: the best T is larger
        while _temperature_slope(O, y, hi) > 0:
            lo, hi = hi, hi * 2.0
            if hi > t_max:
                raise ValueError(
                    f"the best temperature is beyond {t_max:.3g}, 2**50 times the spread of the "
                    "logits: the predictions are practically uniform at any usable T"
                )
    else:  # the loss falls as T shrinks (or T is already best): the best T is smaller
        while _temperature_slope(O, y, lo) < 0:
            lo, hi = lo / 2.0, lo
            if lo < t_min:
                raise ValueError(
                    f"the best temperature is below {t_min:.3g}, 2**-50 times the spread of the "
                    "logits: the model is practically never wrong on these examples; fit the "
                    "temperature on held-out data that the model gets partly wrong"
                )
    # now slope(lo) >= 0 >= slope(hi): bisect on log T
    while True:
        mid = lo * float(np.sqrt(hi / lo))
        if not lo < mid < hi:  # down to neighbouring floats
            return mid
        s = _temperature_slope(O, y, mid)
        if s == 0.0:
            return mid
        if s > 0:
            lo = mid
        else:
            hi = mid

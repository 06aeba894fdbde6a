"""check_top_k_accuracy and check_ece (10): pass the solutions, recognise the typical mistakes."""

import numpy as np
import pytest

from helpers.exercises import check_ece, check_top_k_accuracy
from helpers.exercises.evaluation_checks import ece_cases, top_k_cases

# -- top-k accuracy -----------------------------------------------------------------------------


def top_k(scores, labels, k):
    best = np.argsort(scores, axis=1)[:, -k:]
    return float(np.mean((best == labels[:, None]).any(axis=1)))


def top_k_loop(scores, labels, k):
    """An independent answer: count, row by row, the classes scoring above the label."""
    hits = 0
    for row, label in zip(scores, labels, strict=True):
        hits += int(np.sum(row > row[label]) < k)
    return hits / len(labels)


def top_k_ascending(scores, labels, k):
    best = np.argsort(scores, axis=1)[:, :k]
    return float(np.mean((best == labels[:, None]).any(axis=1)))


def top_k_count(scores, labels, k):
    best = np.argsort(scores, axis=1)[:, -k:]
    return int(np.sum((best == labels[:, None]).any(axis=1)))


def top_k_percent(scores, labels, k):
    return 100 * top_k(scores, labels, k)


def top_k_plus_one(scores, labels, k):
    return top_k(scores, labels, min(k + 1, scores.shape[1]))


def top_k_per_row(scores, labels, k):
    best = np.argsort(scores, axis=1)[:, -k:]
    return (best == labels[:, None]).any(axis=1)


def test_top_k_expected_values_agree_with_a_plain_loop():
    for case in top_k_cases():
        scores, labels, k = case.args
        assert case.expected == pytest.approx(top_k_loop(scores, labels, k), abs=1e-15)


def test_top_k_solution_passes_and_stub_is_not_attempted(capsys):
    assert check_top_k_accuracy(top_k).passed

    def stub(scores, labels, k):
        raise NotImplementedError

    report = check_top_k_accuracy(stub)
    assert not report.attempted
    assert "not attempted yet" in capsys.readouterr().out.splitlines()[-1]


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (top_k_ascending, "ascending order"),
        (top_k_count, "that is a count"),
        (top_k_percent, "percentage"),
        (top_k_plus_one, "off-by-one"),
        (top_k_per_row, "return one number"),
    ],
)
def test_top_k_mistakes_get_their_hint(fn, words):
    report = check_top_k_accuracy(fn)
    assert not report.passed
    assert any(words in hint for hint in report.hints), report.hints


# -- ECE ------------------------------------------------------------------------------------------


def ece(probs, labels, num_bins):
    confidence = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    bins = np.clip(np.ceil(confidence * num_bins).astype(int) - 1, 0, num_bins - 1)
    total = 0.0
    for b in range(num_bins):
        members = bins == b
        if members.any():
            total += members.mean() * abs(right[members].mean() - confidence[members].mean())
    return total


def ece_unweighted(probs, labels, num_bins):
    confidence = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    bins = np.clip(np.ceil(confidence * num_bins).astype(int) - 1, 0, num_bins - 1)
    gaps = [
        abs(right[bins == b].mean() - confidence[bins == b].mean())
        for b in range(num_bins)
        if (bins == b).any()
    ]
    return float(np.mean(gaps))


def ece_signed(probs, labels, num_bins):
    confidence = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    bins = np.clip(np.ceil(confidence * num_bins).astype(int) - 1, 0, num_bins - 1)
    return sum(
        (bins == b).mean() * (right[bins == b].mean() - confidence[bins == b].mean())
        for b in range(num_bins)
        if (bins == b).any()
    )


def ece_true_class(probs, labels, num_bins):
    confidence = probs[np.arange(len(labels)), labels]
    right = probs.argmax(axis=1) == labels
    bins = np.clip(np.ceil(confidence * num_bins).astype(int) - 1, 0, num_bins - 1)
    return sum(
        (bins == b).mean() * abs(right[bins == b].mean() - confidence[bins == b].mean())
        for b in range(num_bins)
        if (bins == b).any()
    )


def ece_empty_bins_nan(probs, labels, num_bins):
    confidence = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    bins = np.clip(np.ceil(confidence * num_bins).astype(int) - 1, 0, num_bins - 1)
    return sum(
        (bins == b).mean() * abs(right[bins == b].mean() - confidence[bins == b].mean())
        for b in range(num_bins)
    )


def ece_floor_without_clip(probs, labels, num_bins):
    confidence = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    bins = np.floor(confidence * num_bins).astype(int)
    counts = np.zeros(num_bins)
    np.add.at(counts, bins, 1)  # IndexError for a confidence of exactly 1.0
    return ece(probs, labels, num_bins) if right.any() else 0.0


def ece_ten_bins(probs, labels, num_bins):
    return ece(probs, labels, 10)


def test_ece_expected_values_agree_with_a_plain_loop():
    for case in ece_cases():
        probs, labels, bins = case.args
        assert case.expected == pytest.approx(ece(probs, labels, bins), abs=1e-12)
    # the cases really are different: binning and over-confidence change the answer
    values = [c.expected for c in ece_cases()]
    assert len({round(v, 6) for v in values}) == len(values)


def test_ece_solution_passes_and_stub_is_not_attempted():
    assert check_ece(ece).passed

    def stub(probs, labels, num_bins):
        raise NotImplementedError

    assert not check_ece(stub).attempted


@pytest.mark.parametrize(
    ("fn", "words"),
    [
        (ece_unweighted, "every bin counted equally"),
        (ece_signed, "absolute gap"),
        (ece_true_class, "largest probability"),
        (ece_empty_bins_nan, "empty bin"),
        (ece_floor_without_clip, "exactly 1.0"),
        (ece_ten_bins, "use num_bins"),
    ],
)
def test_ece_mistakes_get_their_hint(fn, words):
    report = check_ece(fn)
    assert not report.passed
    assert any(words in hint for hint in report.hints), report.hints

"""Checkers for the exercises of 02_one_hot_encoding.ipynb: one_hot and label smoothing."""

from __future__ import annotations

import numpy as np

from ..encoding import one_hot
from ._framework import Case, Report, run_checks

# -- one_hot ----------------------------------------------------------------------------------


def _as_float(result) -> np.ndarray | None:
    try:
        arr = np.asarray(result)
    except ValueError:
        return None
    if arr.dtype.kind not in "biuf":
        return None
    return arr.astype(np.float64)


def _one_hot_hint(y, q: int):
    """Recognise the usual wrong answers of one_hot(y, q) for these labels."""
    y = np.asarray(y)
    n = len(y)

    def diagnose(result) -> str | None:
        if isinstance(result, IndexError):
            return (
                f"numpy raised IndexError ({result}): the output has too few columns. It needs "
                "num_classes columns, whatever labels happen to be in the batch"
            )
        if isinstance(result, BaseException):
            return None
        arr = _as_float(result)
        if arr is None:
            return None
        if arr.shape == (q, n) and q != n:
            return (
                f"the shape is {arr.shape}, transposed: one row per example and one column per "
                f"class, so Y has shape (n, num_classes) = ({n}, {q})"
            )
        if arr.ndim == 1:
            return (
                f"the result is 1-D, shape {arr.shape}: keep one row per label, shape "
                f"(n, num_classes) = ({n}, {q}), even for a single label"
            )
        if arr.ndim == 2 and arr.shape[0] == n and arr.shape[1] == int(y.max()) + 1 < q:
            return (
                f"{arr.shape[1]} columns = y.max() + 1, but num_classes = {q}: a batch need not "
                "contain every class, so take the number of columns from num_classes"
            )
        if arr.shape == (n, q):
            right = one_hot(y, q)
            rolled = (np.roll(right, 1, axis=1), np.roll(right, -1, axis=1))
            if q > 1 and any(np.array_equal(arr, r) for r in rolled):
                return (
                    "the 1 is in the wrong column: label y[i] goes in column y[i] (labels and "
                    "columns both count from 0), i.e. Y[i, y[i]] = 1"
                )
            if (arr.sum(axis=1) > 1).any():
                return (
                    "a row has more than one 1: set only Y[i, y[i]], e.g. with "
                    "Y[np.arange(n), y] = 1 (not Y[:, y] = 1, which fills whole columns)"
                )
        return None

    return diagnose


def _float_dtype(result):
    """a float array (e.g. float64)"""
    arr = np.asarray(result)
    ok = arr.dtype.kind == "f" and bool(np.array_equal(arr, one_hot([1, 0], 2)))
    return ok, f"dtype {arr.dtype}"


def _dtype_hint(result) -> str | None:
    if isinstance(result, BaseException):
        return None
    arr = np.asarray(result)
    if arr.dtype.kind == "b":
        return (
            "it returned booleans (True/False), e.g. from a comparison: convert with "
            ".astype(float); a label is a probability distribution, so floats"
        )
    if arr.dtype.kind in "iu":
        return (
            f"it returned integers ({arr.dtype}); the one-hot rows will be compared with "
            "probabilities, so return floats: np.zeros((n, q)) is float64 by default"
        )
    if arr.dtype.kind == "f":
        return "the dtype is fine, but the values are wrong: Y[i, y[i]] = 1, zeros elsewhere"
    return None


def _round_trip(y: np.ndarray, q: int):
    def expected(result):
        arr = _as_float(result)
        if arr is None or arr.shape != (len(y), q):
            shape = None if arr is None else arr.shape
            return False, f"shape {shape}, expected ({len(y)}, {q})"
        back = arr.argmax(axis=1)
        sums = arr.sum(axis=1)
        ok = bool(np.array_equal(back, y) and np.allclose(sums, 1) and arr.min() >= 0)
        wrong = int(np.sum(back != y))
        return (
            ok,
            f"{wrong} of {len(y)} labels differ, row sums from {sums.min():.3g} to "
            f"{sums.max():.3g}",
        )

    expected.__doc__ = "argmax of every row = its label, every row sums to 1"
    return expected


def _out_of_range_hint(label: int, q: int) -> str:
    if label < 0:
        return (
            f"label {label} was accepted: numpy counts negative indices from the end, so "
            f"Y[i, {label}] = 1 silently marks class {q + label}. Check 0 <= y < num_classes and "
            "raise ValueError with a message that names the bad label"
        )
    return (
        f"label {label} was accepted, but with num_classes={q} the labels are 0..{q - 1}: "
        "check the range first and raise ValueError with a message that names the bad label"
    )


def _range_diagnose(exc) -> str | None:
    if isinstance(exc, IndexError):
        return (
            f"numpy raised IndexError ({exc}); check the range yourself before indexing and "
            "raise ValueError with a message a student can act on, e.g. "
            "'label 3 is out of range for num_classes=3 (labels must be 0..2)'"
        )
    return None


def one_hot_cases() -> list[Case]:
    three = np.array([0, 1, 2])
    batch = np.array([2, 0, 1, 1])
    sparse = np.array([0, 3, 1, 3, 2])
    single = np.array([2])
    rng = np.random.default_rng(0)
    many = rng.integers(0, 10, size=100)
    return [
        Case(
            "my_one_hot([0, 1, 2], 3): cat, chicken, dog",
            (three, 3),
            one_hot(three, 3),
            "row i has a 1 in column y[i] and 0 elsewhere: (1,0,0), (0,1,0), (0,0,1)",
            diagnose=_one_hot_hint(three, 3),
        ),
        Case(
            "a batch y = [2, 0, 1, 1], num_classes=3",
            (batch, 3),
            one_hot(batch, 3),
            "one row per label, in the order of y: Y[i, y[i]] = 1",
            diagnose=_one_hot_hint(batch, 3),
        ),
        Case(
            "shape: y = [0, 3, 1, 3, 2] (n=5) with num_classes=6 gives (5, 6)",
            (sparse, 6),
            one_hot(sparse, 6),
            "the shape is (len(y), num_classes), even when some classes are absent",
            diagnose=_one_hot_hint(sparse, 6),
        ),
        Case(
            "shape: one label y = [2] gives (1, 3)",
            (single, 3),
            one_hot(single, 3),
            "keep the batch axis: a single label gives one row, shape (1, num_classes)",
            diagnose=_one_hot_hint(single, 3),
        ),
        Case(
            "dtype: my_one_hot([1, 0], 2) is float",
            (np.array([1, 0]), 2),
            _float_dtype,
            "return a float array",
            diagnose=_dtype_hint,
            show="a float array (e.g. float64)",
        ),
        Case(
            "inverse: argmax(Y, axis=1) gives back 100 random labels, num_classes=10",
            (many, 10),
            _round_trip(many, 10),
            "every row needs exactly one 1, in column y[i]",
            diagnose=_one_hot_hint(many, 10),
        ),
        Case(
            "out of range: label 3 with num_classes=3 raises ValueError",
            (np.array([0, 3]), 3),
            None,
            _out_of_range_hint(3, 3),
            expect_error=ValueError,
            diagnose=_range_diagnose,
            show="ValueError",
        ),
        Case(
            "out of range: label -1 raises ValueError",
            (np.array([1, -1]), 3),
            None,
            _out_of_range_hint(-1, 3),
            expect_error=ValueError,
            diagnose=_range_diagnose,
            show="ValueError",
        ),
    ]


def check_one_hot(fn) -> Report:
    """Exercise ★ in 02_one_hot_encoding.ipynb: ``fn(y, num_classes)`` -> one-hot rows.

    Checks values, shapes ((n,) -> (n, num_classes)), a float dtype, the inverse via argmax,
    and that labels outside 0..num_classes-1 raise ValueError.
    """
    return run_checks("check_one_hot", fn, one_hot_cases())


# -- label smoothing --------------------------------------------------------------------------


def smooth(Y: np.ndarray, eps: float) -> np.ndarray:
    """The reference: (1 - eps) * Y + eps / q, with q = Y.shape[1]."""
    return (1 - eps) * Y + eps / Y.shape[1]


def _smoothing_hint(Y: np.ndarray, eps: float):
    q = Y.shape[1]

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            return None
        arr = _as_float(result)
        if arr is None or arr.shape != Y.shape:
            return None
        if q > 1 and np.allclose(arr, (1 - eps) * Y + eps / (q - 1) * (1 - Y)):
            return (
                "you spread ε over the q − 1 wrong classes only (another convention); here "
                "ε/q goes to every class, the true one included: (1 − ε)·Y + ε/q"
            )
        if np.allclose(arr, (1 - eps) * Y + eps):
            return f"each row sums to {1 + (q - 1) * eps:.3g}, not 1: divide ε by q"
        if np.allclose(arr, (1 - eps) * Y):
            return "the wrong classes are still 0: add ε/q to every entry"
        if np.allclose(arr, Y - eps + eps / q):
            return "multiply Y by (1 − ε) instead of subtracting ε, or the zeros go negative"
        if q != 3 and np.allclose(arr, (1 - eps) * Y + eps / 3):
            return "q is hard-coded as 3: take the number of classes from Y.shape[1]"
        return None

    return diagnose


def _rows_sum_to_one(result):
    """every row sums to 1 and no entry is negative"""
    arr = _as_float(result)
    if arr is None or arr.ndim != 2:
        return False, f"{result!r}"
    sums = arr.sum(axis=1)
    ok = bool(np.allclose(sums, 1) and arr.min() >= 0)
    return ok, f"row sums {np.round(sums, 4).tolist()}, smallest entry {arr.min():.3g}"


def _keeps_argmax(y: np.ndarray):
    def expected(result):
        arr = _as_float(result)
        if arr is None or arr.ndim != 2:
            return False, f"{result!r}"
        back = arr.argmax(axis=1)
        return bool(np.array_equal(back, y)), f"argmax {back.tolist()}"

    expected.__doc__ = f"argmax {y.tolist()}"
    return expected


def smoothing_cases() -> list[Case]:
    y3 = np.array([0, 2])
    y5 = np.array([4, 1, 1])
    y4 = np.array([3, 0, 2])
    Y3, Y5, Y4 = one_hot(y3, 3), one_hot(y5, 5), one_hot(y4, 4)
    return [
        Case(
            "Y = one_hot([0, 2], 3), ε = 0.1",
            (Y3, 0.1),
            smooth(Y3, 0.1),
            "(1 − ε)·Y + ε/q: the true class gets 1 − ε + ε/q, every other class ε/q",
            diagnose=_smoothing_hint(Y3, 0.1),
        ),
        Case(
            "ε = 0 leaves Y unchanged",
            (Y3, 0.0),
            Y3,
            "with ε = 0 the formula gives Y itself",
            diagnose=_smoothing_hint(Y3, 0.0),
        ),
        Case(
            "q = 5 classes, ε = 0.2",
            (Y5, 0.2),
            smooth(Y5, 0.2),
            "take q from Y.shape[1]; the formula is the same for any number of classes",
            diagnose=_smoothing_hint(Y5, 0.2),
        ),
        Case(
            "rows still sum to 1 (q = 4, ε = 0.3)",
            (Y4, 0.3),
            _rows_sum_to_one,
            "a soft label is still a probability distribution: (1 − ε) + q·(ε/q) = 1",
            diagnose=_smoothing_hint(Y4, 0.3),
            show="every row sums to 1, no entry negative",
        ),
        Case(
            "the argmax is still the label (q = 4, ε = 0.5)",
            (Y4, 0.5),
            _keeps_argmax(y4),
            "the true class must keep the largest share: 1 − ε + ε/q > ε/q whenever ε < 1",
            diagnose=_smoothing_hint(Y4, 0.5),
        ),
    ]


def check_smooth_labels(fn) -> Report:
    """Exercise ★★ in 02_one_hot_encoding.ipynb: ``fn(Y, eps)`` -> (1 - eps) * Y + eps / q."""
    return run_checks("check_smooth_labels", fn, smoothing_cases())

"""Input checks shared by the maths helpers.

Every public function validates at the boundary and raises a ``ValueError`` or ``TypeError``
whose message names the offending value and says how to fix it, so a student reading the
traceback knows what to change.
"""

from __future__ import annotations

import numbers

import numpy as np

FLOAT_DTYPES = (np.float16, np.float32, np.float64)


def _first_bad_index(mask: np.ndarray) -> tuple[int, ...]:
    return tuple(int(i) for i in np.argwhere(mask)[0])


def as_float_array(values, name: str = "logits", *, min_ndim: int = 1) -> np.ndarray:
    """Return ``values`` as a float array, or raise a clear error.

    Integer input becomes float64; float16/32/64 keep their dtype. Booleans, complex numbers,
    strings and objects are refused, as are empty arrays and NaN or infinite entries.
    """
    if isinstance(values, np.ndarray):
        arr = values
    else:
        try:
            arr = np.asarray(values)
        except ValueError as exc:  # ragged nested lists
            raise ValueError(
                f"{name} could not be turned into an array ({exc}); make every row the same length"
            ) from None
    kind = arr.dtype.kind
    if kind == "b":
        raise TypeError(f"{name} has dtype bool; pass numbers instead (e.g. {name}.astype(float))")
    if kind not in "iuf":
        first = f" (first entry {arr.flat[0].item()!r})" if arr.size else ""
        raise TypeError(
            f"{name} must be a real numeric array, got dtype {arr.dtype}{first}; "
            "convert it with np.asarray(..., dtype=float)"
        )
    if kind in "iu":
        arr = arr.astype(np.float64)
    elif arr.dtype.type not in FLOAT_DTYPES:  # float128 and friends
        arr = arr.astype(np.float64)
    if arr.ndim < min_ndim:
        raise ValueError(
            f"{name} must have at least {min_ndim} dimension(s), got a scalar {arr!r}; "
            f"wrap it in a list, e.g. [{arr.item()!r}]"
        )
    if arr.size == 0:
        raise ValueError(
            f"{name} is empty (shape {arr.shape}): the batch has no rows or no classes; "
            "check how the data was sliced or loaded"
        )
    finite = np.isfinite(arr)
    if not finite.all():
        where = _first_bad_index(~finite)
        bad = arr[where]
        what = "NaN" if np.isnan(bad) else str(bad)
        raise ValueError(
            f"{name} contains {what} at index {where}; every entry must be finite. "
            "A NaN or inf usually comes from an earlier overflow (too large a learning rate "
            "or weights): find where it first appears"
        )
    return arr


def check_axis(axis, ndim: int, name: str = "logits") -> int:
    """Return ``axis`` as a non-negative int, or raise if it does not exist."""
    if isinstance(axis, bool) or not isinstance(axis, numbers.Integral):
        raise TypeError(f"axis must be an int, got {axis!r}")
    if not -ndim <= axis < ndim:
        raise ValueError(
            f"axis={axis} does not exist for {name} with {ndim} dimension(s); "
            f"use an axis from {-ndim} to {ndim - 1} (the class axis is usually -1)"
        )
    return int(axis) % ndim


def check_temperature(temperature) -> float:
    """Return the temperature as a float, or raise if it is not a finite positive number."""
    if isinstance(temperature, bool) or not isinstance(temperature, numbers.Real):
        raise TypeError(f"temperature must be a positive number, got {temperature!r}")
    t = float(temperature)
    if not np.isfinite(t) or t <= 0:
        raise ValueError(
            f"temperature must be a finite number > 0, got {temperature!r}; "
            "use 1.0 for the plain softmax, smaller to sharpen, larger to flatten"
        )
    return t


def check_count(value, name: str, minimum: int, hint: str) -> int:
    """Return ``value`` as an int >= ``minimum`` (a size, a count, a seed), or raise."""
    if isinstance(value, bool) or not isinstance(value, numbers.Integral):
        raise TypeError(f"{name} must be a whole number, got {value!r}; {hint}")
    if value < minimum:
        raise ValueError(f"{name} must be at least {minimum}, got {value}; {hint}")
    return int(value)


def check_num_classes(num_classes) -> int:
    """Return ``num_classes`` as an int >= 1, or raise."""
    if isinstance(num_classes, bool) or not isinstance(num_classes, numbers.Integral):
        raise TypeError(f"num_classes must be an int, got {num_classes!r}")
    if num_classes < 1:
        raise ValueError(
            f"num_classes must be at least 1, got {num_classes}; "
            "pass how many classes there are (3 for cat/chicken/dog)"
        )
    return int(num_classes)


def as_labels(labels, num_classes: int | None = None, name: str = "labels") -> np.ndarray:
    """Return integer class labels as an int64 array, or raise a clear error.

    Floats with whole values (``2.0``) are accepted; ``2.5``, negatives, booleans and labels
    ``>= num_classes`` are refused.
    """
    arr = np.asarray(labels)
    if arr.dtype.kind == "b":
        raise TypeError(f"{name} has dtype bool; pass integer class indices 0..q-1")
    if arr.dtype.kind not in "iuf":
        raise TypeError(
            f"{name} must be integer class indices, got dtype {arr.dtype}; "
            "map class names to 0..q-1 first"
        )
    if arr.size == 0:
        raise ValueError(
            f"{name} is empty (shape {arr.shape}): the batch has no examples; "
            "check how the data was sliced or loaded"
        )
    if arr.dtype.kind == "f":
        finite = np.isfinite(arr)
        if not finite.all():
            where = _first_bad_index(~finite)
            raise ValueError(
                f"{name} contains {arr[where]} at index {where}; labels must be 0..q-1"
            )
        frac = arr != np.round(arr)
        if frac.any():
            where = _first_bad_index(frac)
            raise ValueError(
                f"label {arr[where]} at index {where} is not a whole number; labels are class "
                "indices 0..q-1 (if these are probabilities, pass rows of shape (n, q) instead)"
            )
    arr = arr.astype(np.int64)
    negative = arr < 0
    if negative.any():
        where = _first_bad_index(negative)
        raise ValueError(f"label {arr[where]} at index {where} is negative; labels must be 0..q-1")
    if num_classes is not None:
        too_big = arr >= num_classes
        if too_big.any():
            where = _first_bad_index(too_big)
            raise ValueError(
                f"label {arr[where]} at index {where} is out of range for "
                f"num_classes={num_classes} (labels must be 0..{num_classes - 1}); "
                "labels start at 0, so subtract 1 if yours start at 1"
            )
    return arr

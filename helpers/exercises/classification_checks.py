"""Checkers for the exercises of 01_classification.ipynb: decode a prediction."""

from __future__ import annotations

import numbers

import numpy as np

from ..softmax import softmax
from ._framework import Case, Report, run_checks

ANIMALS = ("cat", "chicken", "dog")
AGE_GROUPS = ("baby", "child", "teenager", "young adult", "middle-aged", "elderly")


def _shown(result) -> str:
    if isinstance(result, str):
        return f"'{result}'"
    if isinstance(result, np.generic):
        return repr(result.item())
    return repr(result)


def _is_name(name: str):
    """The expected answer: exactly this class name, as a string."""

    def expected(result):
        return isinstance(result, str) and str(result) == name, _shown(result)

    expected.__doc__ = f"'{name}'"
    return expected


def _decode_hint(y_hat, class_names):
    """Recognise the usual wrong answers for this case."""
    p = np.asarray(y_hat, dtype=float)
    smallest = class_names[int(np.argmin(p))]

    def diagnose(result) -> str | None:
        if isinstance(result, BaseException):
            if isinstance(result, (TypeError, AttributeError)) and not isinstance(
                y_hat, np.ndarray
            ):
                return (
                    "ŷ came as a plain Python list here: turn it into an array first "
                    "(np.asarray(y_hat)) or use np.argmax, which accepts lists"
                )
            return None
        if isinstance(result, bool | np.bool_):
            return "return the class name (a string), not True/False"
        if isinstance(result, numbers.Integral):
            return (
                f"it returned the index {int(result)}; return the name at that index, "
                "class_names[j]"
            )
        if isinstance(result, numbers.Real):
            return (
                f"{float(result):.3g} is the largest probability itself (np.max); you need "
                "its position (np.argmax), then the name at that position"
            )
        if isinstance(result, str):
            if result not in class_names:
                if result.lower() in [name.lower() for name in class_names]:
                    return f"return the class name exactly as given: {list(class_names)}"
                return (
                    f"'{result}' is not one of these class names; use the class_names you are "
                    f"given ({list(class_names)}), not a fixed list"
                )
            if result == smallest and len(class_names) > 1:
                return "that is the least probable class: argmin instead of argmax?"
        return None

    return diagnose


def decode_cases() -> list[Case]:
    age_logits = np.array([0.0, 1.0, 3.0, 2.0, 0.5, -1.0])
    examples = [
        ("ŷ = (0.1, 0.7, 0.2) for (cat, chicken, dog)", np.array([0.1, 0.7, 0.2]), ANIMALS),
        ("ŷ = (0.8, 0.15, 0.05)", np.array([0.8, 0.15, 0.05]), ANIMALS),
        ("ŷ = (0.3, 0.3, 0.4): no class above 0.5", np.array([0.3, 0.3, 0.4]), ANIMALS),
        ("six age groups, ŷ = softmax(0, 1, 3, 2, 0.5, -1)", softmax(age_logits), AGE_GROUPS),
        (
            "a tie ŷ = (0.4, 0.4, 0.2) goes to the first, as np.argmax does",
            np.array([0.4, 0.4, 0.2]),
            ANIMALS,
        ),
        ("ŷ as a plain list [0.2, 0.5, 0.3]", [0.2, 0.5, 0.3], ANIMALS),
    ]
    hints = [
        "the prediction is the class with the largest probability: class_names[argmax ŷ]",
        "the prediction is the class with the largest probability: class_names[argmax ŷ]",
        "no class needs more than half: the most probable class wins, even at 0.4",
        "use the class_names you are given; there may be any number of classes",
        "on a tie, take the first of the largest, as np.argmax does",
        "accept any sequence of numbers: np.argmax works on lists too",
    ]
    cases = []
    for (tried, y_hat, names), hint in zip(examples, hints, strict=True):
        name = names[int(np.argmax(y_hat))]
        cases.append(
            Case(
                tried,
                (y_hat, names),
                _is_name(name),
                hint,
                diagnose=_decode_hint(y_hat, names),
                show=f"'{name}'",
            )
        )
    return cases


def check_decode_prediction(fn) -> Report:
    """Exercise ★ in 01_classification.ipynb: ``fn(y_hat, class_names)`` -> the class name.

    ``y_hat`` is one probability distribution (q,) over the classes; the answer is the name of
    the most probable class (the hard assignment that the soft one implies).
    """
    return run_checks("check_decode_prediction", fn, decode_cases())

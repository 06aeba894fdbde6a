"""The checker machinery behind every exercise (Karpathy's ``cmp``, grown up a little).

A checker runs the student's function on a list of :class:`Case` objects and prints one line
per case: what was tried, what was expected, what came back, and on failure a hint specific
to that case. A stub that still raises ``NotImplementedError`` prints "not attempted yet"
instead of a traceback, so an untouched notebook runs clean.
Warnings raised by the student's code (e.g. overflow in ``exp``) are caught and reported as a
failed check, never leaked to the notebook.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np


class NotAttempted(Exception):
    """Raised inside a checker when the stub has not been filled in yet."""


@dataclass
class Case:
    """One check: call ``fn(*args)`` and compare the result with ``expected``.

    ``expected`` may be a value (compared with :func:`np.allclose` after a shape check) or a
    function ``result -> (ok, what_came_back)``. ``hint`` is printed when the case fails;
    ``hints`` maps a substring of a raised exception or a recognisable wrong answer (via
    ``diagnose``) to a more specific hint.
    """

    tried: str
    args: tuple
    expected: Any
    hint: str
    atol: float = 1e-8
    rtol: float = 1e-6
    expect_error: type[BaseException] | None = None
    diagnose: Callable[[Any], str | None] | None = None
    show: str | None = None  # how to print the expected value, if not repr-able nicely


@dataclass
class Result:
    case: Case
    ok: bool
    got: str
    hint: str = ""


@dataclass
class Report:
    """What a checker found; printed when it is created, silent when displayed again."""

    title: str
    attempted: bool = True
    results: list[Result] = field(default_factory=list)

    @property
    def passed(self) -> bool:
        return self.attempted and all(r.ok for r in self.results)

    @property
    def hints(self) -> list[str]:
        return [r.hint for r in self.results if not r.ok]

    def lines(self) -> list[str]:
        if not self.attempted:
            return [
                f"{self.title}: not attempted yet. Fill in the function above, then run "
                "this cell again."
            ]
        out = [f"{self.title}:"]
        for r in self.results:
            mark = "✓" if r.ok else "✗"
            expected = r.case.show if r.case.show is not None else fmt(r.case.expected)
            out.append(f"  {mark} {r.case.tried}: expected {expected}, got {r.got}")
            if not r.ok:
                out.append(f"      hint: {r.hint}")
        n_ok = sum(r.ok for r in self.results)
        total = len(self.results)
        out.append(f"  {n_ok}/{total} checks passed" + (". Well done!" if n_ok == total else "."))
        return out

    def __str__(self) -> str:
        return "\n".join(self.lines())

    def _ipython_display_(self) -> None:
        """Already printed by the checker: show nothing more when it ends a cell."""


def fmt(value: Any) -> str:
    """Short, deterministic text for a value: arrays rounded to 4 significant digits."""
    if callable(value) and not isinstance(value, np.ndarray):
        return getattr(value, "__doc__", None) or "a valid answer"
    if isinstance(value, np.ndarray) or isinstance(value, (list, tuple)):
        try:
            arr = np.asarray(value)
        except ValueError:
            return repr(value)
        if arr.dtype.kind == "f":
            text = np.array2string(
                arr,
                separator=", ",
                max_line_width=10_000,
                threshold=20,
                formatter={"float_kind": lambda x: f"{x:.4g}"},
            )
        else:
            text = np.array2string(arr, separator=", ", max_line_width=10_000, threshold=20)
        return " ".join(text.split())
    if isinstance(value, (float, np.floating)):
        return f"{float(value):.6g}"
    if isinstance(value, np.integer):
        return str(int(value))
    return repr(value)


def as_floats(result: Any) -> np.ndarray | None:
    """The student's answer as a float array, or None if it is an exception or not numbers."""
    if isinstance(result, BaseException):
        return None
    try:
        return np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return None


def compare(case: Case, result: Any) -> tuple[bool, str]:
    if callable(case.expected) and not isinstance(case.expected, np.ndarray):
        try:
            return case.expected(result)
        except Exception:  # an answer of the wrong kind (a string, a ragged list)
            return False, fmt(result)
    expected = np.asarray(case.expected)
    try:
        got = np.asarray(result)
    except ValueError:
        return False, repr(result)
    if got.dtype.kind not in "biuf":
        return False, f"{fmt(result)} (dtype {got.dtype})"
    if got.shape != expected.shape:
        return False, f"an array of shape {got.shape}: {fmt(got)}"
    with np.errstate(invalid="ignore"):
        ok = bool(
            np.allclose(
                got.astype(np.float64),
                expected.astype(np.float64),
                rtol=case.rtol,
                atol=case.atol,
                equal_nan=False,
            )
        )
    return ok, fmt(got)


def run_checks(title: str, fn: Callable, cases: Sequence[Case], *, printed: bool = True) -> Report:
    """Run ``fn`` on every case, print the report (one line per case) and return it."""
    report = Report(title)
    if not callable(fn):
        report.results.append(
            Result(
                Case("calling it", (), "a function", ""),
                False,
                f"{type(fn).__name__}",
                "pass the function itself, "
                "without calling it: check(my_function), not check(my_function())",
            )
        )
        if printed:
            print(report)
        return report
    for case in cases:
        try:
            result, caught = call_quietly(fn, case.args)
        except NotAttempted:
            report.attempted = False
            report.results.clear()
            break
        except Exception as exc:  # the student's code raised
            if case.expect_error is not None and isinstance(exc, case.expect_error):
                report.results.append(Result(case, True, f"{type(exc).__name__}: {exc}"))
            else:
                hint = case.hint
                if case.diagnose is not None:
                    hint = case.diagnose(exc) or hint
                report.results.append(Result(case, False, f"{type(exc).__name__}: {exc}", hint))
            continue
        if case.expect_error is not None:
            report.results.append(Result(case, False, fmt(result), case.hint))
            continue
        if result is None:
            report.results.append(
                Result(
                    case,
                    False,
                    "None",
                    "the function returned None: did you forget the `return` statement?",
                )
            )
            continue
        ok, got = compare(case, result)
        if caught:  # right or wrong, a warning means something overflowed or divided by 0
            ok = False
            got += f" with a RuntimeWarning ({caught[0].message})"
        hint = ""
        if not ok:
            hint = (case.diagnose(result) if case.diagnose else None) or case.hint
        report.results.append(Result(case, ok, got, hint))
    if printed:
        print(report)
    return report


def call_quietly(fn: Callable, args: tuple):
    """Call fn(*copies of args); return (result, warnings caught). Raises NotAttempted."""
    copies = tuple(np.array(a, copy=True) if isinstance(a, np.ndarray) else a for a in args)
    # underflow to 0 is harmless (exp(-1000) = 0); overflow, 0/0 and log(0) are not
    errors = dict(over="warn", invalid="warn", divide="warn", under="ignore")
    with warnings.catch_warnings(record=True) as caught, np.errstate(**errors):
        warnings.simplefilter("always")
        try:
            result = fn(*copies)
        except NotImplementedError:
            raise NotAttempted from None
    return result, [w for w in caught if issubclass(w.category, RuntimeWarning)]

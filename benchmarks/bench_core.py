"""Speed of the helpers core on a (1_000_000, 10) batch, reported as ratios from one run.

    make bench        (or: .venv/bin/python benchmarks/bench_core.py [--rows N])

Ratios, not seconds, so the numbers mean the same on any machine. Targets (foundation issue):
helpers.softmax >= 2x faster than scipy.special.softmax in float64 and float32, and within 3x
of a single np.exp pass over the same array; the loss plus its gradient within 1.5x of one
softmax. The separate calls cross_entropy + cross_entropy_grad each make their own pass, so
that pair costs about two softmaxes; cross_entropy_with_grad makes one pass for both.
"""

from __future__ import annotations

import argparse
import time

import numpy as np
import scipy.special

import helpers


def best_time(fn, repeats: int) -> float:
    """The fastest of ``repeats`` runs: the least noisy estimate on a shared machine
    (the advice of Python's timeit); other processes only ever add time."""
    fn()  # warm up: page faults, caches
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def run(rows: int, classes: int, repeats: int) -> list[tuple[str, float, float, str]]:
    rng = np.random.default_rng(0)
    results = []
    for dtype in (np.float64, np.float32):
        results += run_dtype(rng, rows, classes, repeats, dtype)
    return results


def run_dtype(rng, rows, classes, repeats, dtype) -> list[tuple[str, float, float, str]]:
    O = (rng.normal(size=(rows, classes)) * 5).astype(dtype)
    y = rng.integers(0, classes, size=rows)
    t_exp = best_time(lambda: np.exp(O), repeats)
    t_ours = best_time(lambda: helpers.softmax(O), repeats)
    t_scipy = best_time(lambda: scipy.special.softmax(O, axis=1), repeats)
    t_pair = best_time(
        lambda: (helpers.cross_entropy(O, y), helpers.cross_entropy_grad(O, y)), repeats
    )
    t_fused = best_time(lambda: helpers.cross_entropy_with_grad(O, y), repeats)
    name = np.dtype(dtype).name
    speedup = t_scipy / t_ours
    return [
        (f"{name}: scipy softmax / helpers.softmax", speedup, 2.0, ">="),
        (f"{name}: helpers.softmax / one np.exp pass", t_ours / t_exp, 3.0, "<="),
        (f"{name}: scipy softmax / one np.exp pass", t_scipy / t_exp, float("nan"), ""),
        (f"{name}: cross_entropy_with_grad / softmax", t_fused / t_ours, 1.5, "<="),
        (
            f"{name}: cross_entropy + cross_entropy_grad / softmax",
            t_pair / t_ours,
            float("nan"),
            "",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--classes", type=int, default=10)
    parser.add_argument("--repeats", type=int, default=15)
    args = parser.parse_args()
    print(f"batch ({args.rows:_}, {args.classes}), best of {args.repeats} runs\n")
    print(f"{'ratio':52s} {'measured':>9s} {'target':>9s}  verdict")
    missed = 0
    for label, value, target, sense in run(args.rows, args.classes, args.repeats):
        if sense:
            ok = value >= target if sense == ">=" else value <= target
            missed += not ok
            print(f"{label:52s} {value:8.2f}x {sense}{target:6.1f}x  {'met' if ok else 'MISSED'}")
        else:
            print(f"{label:52s} {value:8.2f}x {'':>9s}  (for reference)")
    print(f"\n{'all targets met' if not missed else f'{missed} target(s) missed'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

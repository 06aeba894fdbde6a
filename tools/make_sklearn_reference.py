"""Write scikit-learn's answers for the comparison in 09_training_from_scratch.ipynb.

    python tools/make_sklearn_reference.py            # (re)write assets/data/sklearn_reference.json
    python tools/make_sklearn_reference.py --check    # does the shipped file agree with the
                                                      # installed scikit-learn (within tolerance)?

Notebook 09 checks the model it derived against an independent implementation:
scikit-learn's multinomial ``LogisticRegression`` with the same L2 penalty. scikit-learn is
a test-only dependency (``make lab`` does not install it) and the notebooks never import it,
so its results are computed here, once, and shipped as a small JSON file that the notebook
reads; ``tests/test_sklearn_reference.py`` recomputes them with the installed scikit-learn
and checks that the file still agrees.

The same problem on both sides. Data: ``helpers.data`` (Iris or the digits), a stratified
75/25 split with seed 0, features standardised with the training set's mean and standard
deviation. Objective, ours: ``(1/n) sum_i -log softmax(x_i W + b)_{y_i} + (weight_decay/2)
||W||^2``, the bias not penalised. scikit-learn minimises ``0.5 ||W||^2 + C sum_i l_i``
(bias not penalised either), which is ours multiplied by ``C n`` when
``C = 1 / (n * weight_decay)``: the same minimiser. It is solved with L-BFGS to a tight
tolerance, so the value stored as ``objective`` (our objective evaluated at scikit-learn's
solution, computed here with SciPy, not with ``helpers``) is the optimum to about 8 digits.

Numbers are rounded to 8 significant digits, so regenerating on another machine (other BLAS,
other rounding) leaves the file unchanged unless scikit-learn's answer really moved.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "assets" / "data" / "sklearn_reference.json"

#: The settings of the comparison. Notebook 09 states the same values in its ``COMPARISON``
#: dict; tests/test_sklearn_reference.py checks that the two and the shipped file agree.
SETTINGS = {
    "iris": {"test_fraction": 0.25, "split_seed": 0, "standardize": True, "weight_decay": 0.01},
    "digits": {"test_fraction": 0.25, "split_seed": 0, "standardize": True, "weight_decay": 0.001},
}
ESTIMATOR = "LogisticRegression(C=1 / (n_train * weight_decay), tol=1e-10, max_iter=10000)"
OBJECTIVE = (
    "mean cross-entropy over the training set + weight_decay / 2 * sum of squared weights "
    "(the bias is not penalised), at scikit-learn's solution"
)
# --check tolerances: the optimum to 1e-6 relative; accuracies to one test example
OBJECTIVE_RTOL = 1e-6


def _round(value: float) -> float:
    return float(f"{float(value):.8g}")


def prepare(name: str, settings: dict):
    """The data of one comparison: (X_train, X_test, y_train, y_test, class_names)."""
    from helpers.data import load_digits, load_iris, standardize, train_test_split

    loader = {"iris": load_iris, "digits": load_digits}[name]
    X, y, class_names, _ = loader()
    X_train, X_test, y_train, y_test = train_test_split(
        X, y, test_fraction=settings["test_fraction"], seed=settings["split_seed"]
    )
    if settings["standardize"]:
        X_train, X_test, _, _ = standardize(X_train, X_test)
    return X_train, X_test, y_train, y_test, class_names


def objective(W, b, X, y, weight_decay: float) -> tuple[float, float]:
    """(regularised objective, mean cross-entropy) with SciPy: W (d, q), b (q,)."""
    from scipy.special import log_softmax

    log_p = log_softmax(X @ W + b, axis=1)
    mean_ce = float(-np.mean(log_p[np.arange(len(y)), y]))
    return mean_ce + 0.5 * weight_decay * float(np.sum(W * W)), mean_ce


def reference(name: str, settings: dict) -> dict:
    """Fit scikit-learn's LogisticRegression on one data set; the numbers for the file."""
    from sklearn.linear_model import LogisticRegression

    X_train, X_test, y_train, y_test, class_names = prepare(name, settings)
    n, d = X_train.shape
    wd = settings["weight_decay"]
    C = 1.0 / (n * wd)
    clf = LogisticRegression(C=C, tol=1e-10, max_iter=10_000).fit(X_train, y_train)
    W, b = clf.coef_.T, clf.intercept_
    obj, mean_ce = objective(W, b, X_train, y_train, wd)
    return {
        "settings": dict(settings),
        "C": _round(C),
        "n_train": int(n),
        "n_test": int(len(y_test)),
        "num_features": int(d),
        "num_classes": len(class_names),
        "objective": _round(obj),
        "train_loss": _round(mean_ce),
        "train_accuracy": _round(np.mean(clf.predict(X_train) == y_train)),
        "test_accuracy": _round(np.mean(clf.predict(X_test) == y_test)),
    }


def build() -> dict:
    """The whole file's content, computed with the installed scikit-learn."""
    import sklearn

    return {
        "about": (
            "scikit-learn's multinomial logistic regression on the data and settings of "
            "09_training_from_scratch.ipynb; written by tools/make_sklearn_reference.py, "
            "checked by tests/test_sklearn_reference.py. Do not edit by hand."
        ),
        "sklearn_version": sklearn.__version__,
        "estimator": ESTIMATOR,
        "objective": OBJECTIVE,
        "datasets": {name: reference(name, s) for name, s in SETTINGS.items()},
    }


def to_text(content: dict) -> str:
    return json.dumps(content, indent=2, ensure_ascii=False) + "\n"


def differences(shipped: dict, fresh: dict) -> list[str]:
    """Where the shipped file and a fresh computation disagree beyond the tolerances."""
    found = []
    for name, new in fresh["datasets"].items():
        old = shipped.get("datasets", {}).get(name)
        if old is None:
            found.append(f"{name}: missing from the shipped file")
            continue
        for key in ("settings", "n_train", "n_test", "num_features", "num_classes"):
            if old.get(key) != new[key]:
                found.append(f"{name}.{key}: shipped {old.get(key)!r}, now {new[key]!r}")
        if not np.isclose(old["objective"], new["objective"], rtol=OBJECTIVE_RTOL, atol=0):
            found.append(f"{name}.objective: shipped {old['objective']}, now {new['objective']}")
        for key in ("C", "train_loss"):
            if not np.isclose(old[key], new[key], rtol=1e-5, atol=0):
                found.append(f"{name}.{key}: shipped {old[key]}, now {new[key]}")
        for key, count in (("train_accuracy", new["n_train"]), ("test_accuracy", new["n_test"])):
            if abs(old[key] - new[key]) > 1.0 / count + 1e-12:
                found.append(f"{name}.{key}: shipped {old[key]}, now {new[key]}")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--check", action="store_true", help="only compare with the shipped file, write nothing"
    )
    args = parser.parse_args(argv)
    fresh = build()
    if args.check:
        if not TARGET.exists():
            print(
                f"{TARGET.relative_to(ROOT)} is missing; run python tools/make_sklearn_reference.py"
            )
            return 1
        shipped = json.loads(TARGET.read_text(encoding="utf-8"))
        found = differences(shipped, fresh)
        if found:
            version = fresh["sklearn_version"]
            print(f"{TARGET.relative_to(ROOT)} disagrees with scikit-learn {version}:")
            print("\n".join(f"  {line}" for line in found))
            return 1
        print(
            f"{TARGET.relative_to(ROOT)} agrees with scikit-learn {fresh['sklearn_version']} "
            f"(shipped from {shipped['sklearn_version']})"
        )
        return 0
    text = to_text(fresh)
    if not TARGET.exists() or TARGET.read_text(encoding="utf-8") != text:
        TARGET.write_text(text, encoding="utf-8", newline="\n")
    for name, ref in fresh["datasets"].items():
        print(
            f"{name}: objective {ref['objective']:.8g}, test accuracy {ref['test_accuracy']:.4f} "
            f"(scikit-learn {fresh['sklearn_version']})"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())

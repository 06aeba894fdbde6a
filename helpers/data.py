"""Data for the series, all offline: the toy 2x2 images, Iris and the 8x8 digits.

* :func:`toy_images`: the running example, 2x2 grayscale images of cats, chickens and dogs
  (introduced in 01_classification.ipynb).
* :func:`load_iris`, :func:`load_digits`: two small real data sets shipped in ``assets/data``
  with their licences (introduced in 09_training_from_scratch.ipynb).
* :func:`train_test_split`, :func:`standardize`: the two preparation steps before training.

Shapes follow the notation table: ``X`` (n, d) with one example per row, ``y`` (n,) integer
labels 0..q-1. NumPy only; nothing here draws or downloads anything.
"""

from __future__ import annotations

import numbers
from pathlib import Path
from typing import NamedTuple

import numpy as np

from ._checks import as_float_array, as_labels, check_count

DATA_DIR = Path(__file__).resolve().parent.parent / "assets" / "data"

TOY_CLASS_NAMES = ("cat", "chicken", "dog")
TOY_FEATURE_NAMES = ("x1", "x2", "x3", "x4")

#: The prototype image of each toy class, row j for class j, pixels x1..x4 in reading order
#: (top-left, top-right, bottom-left, bottom-right); 0 is black, 1 is white. As 2x2 images::
#:
#:     cat            chicken        dog
#:     0.8  0.8       0.8  0.2       0.8  0.2
#:     0.2  0.2       0.2  0.8       0.8  0.2
#:     bright top     bright         bright left
#:     row ("ears")   diagonal       column
#:
#: Every prototype has the same mean brightness (0.5) and the same top-left pixel x1, and all
#: three are the same distance apart, so no single pixel and no overall brightness tells the
#: classes apart: the model has to weigh pixels against each other.
TOY_PROTOTYPES = np.array(
    [
        [0.8, 0.8, 0.2, 0.2],  # cat: bright top row
        [0.8, 0.2, 0.2, 0.8],  # chicken: bright diagonal
        [0.8, 0.2, 0.8, 0.2],  # dog: bright left column
    ]
)
TOY_PROTOTYPES.setflags(write=False)


class Dataset(NamedTuple):
    """A labelled data set. Unpacks as ``X, y, class_names, feature_names = load_iris()``.

    ``X`` float64 (n, d); ``y`` int64 (n,) with values 0..q-1; ``class_names`` (q,) strings,
    ``class_names[j]`` is the name of label j; ``feature_names`` (d,) strings, one per column.
    """

    X: np.ndarray
    y: np.ndarray
    class_names: tuple[str, ...]
    feature_names: tuple[str, ...]




def _check_seed(seed) -> int:
    return check_count(seed, "seed", 0, "pass a fixed integer such as 0 so results repeat")


def toy_images(n_per_class: int = 100, seed: int = 0, noise: float = 0.25):
    """The running example: noisy 2x2 grayscale images of cats, chickens and dogs.

    Each image is its class's prototype (:data:`TOY_PROTOTYPES`) plus Gaussian noise with
    standard deviation ``noise`` on every pixel, clipped to [0, 1]. With the default noise a
    linear classifier gets roughly 90% right (chance is 33%); more noise makes it harder.
    The rows come in shuffled order. Everything is drawn from ``np.random.default_rng(seed)``,
    so the same arguments always give the same images.

    Returns ``(X, y, class_names)``: ``X`` float64 (3 * n_per_class, 4), pixels x1..x4 in
    reading order, so ``X[i].reshape(2, 2)`` is image i; ``y`` int64 (3 * n_per_class,) with
    0 = cat, 1 = chicken, 2 = dog; ``class_names`` = ("cat", "chicken", "dog").

    Introduced in 01_classification.ipynb.
    """
    n = check_count(n_per_class, "n_per_class", 1, "ask for e.g. n_per_class=100 images per class")
    seed = _check_seed(seed)
    if isinstance(noise, bool) or not isinstance(noise, numbers.Real):
        raise TypeError(f"noise must be a number (a standard deviation), got {noise!r}")
    if not (np.isfinite(noise) and noise >= 0):
        raise ValueError(
            f"noise must be a finite number >= 0, got {noise!r}; 0 gives the bare prototypes, "
            "0.25 the default, 0.5 a hard problem"
        )
    rng = np.random.default_rng(seed)
    q = len(TOY_CLASS_NAMES)
    y = np.repeat(np.arange(q, dtype=np.int64), n)
    X = TOY_PROTOTYPES[y] + rng.normal(0.0, float(noise), size=(q * n, 4))
    np.clip(X, 0.0, 1.0, out=X)
    order = rng.permutation(q * n)
    return X[order], y[order], TOY_CLASS_NAMES


def _read_csv(name: str) -> Dataset:
    """Read one file written by tools/make_datasets.py (layout described there)."""
    path = DATA_DIR / name
    if not path.is_file():
        raise FileNotFoundError(
            f"data file {path} is missing; it ships with the repository (assets/data/), so "
            "check out the whole repository, or recreate it with: python tools/make_datasets.py"
        )
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    rows = [line for line in lines if line and not line.startswith("#")]
    tagged = [c for c in comments if c.startswith("# class_names:")]
    if len(tagged) != 1 or not rows:
        raise ValueError(
            f"{path} is not in the layout tools/make_datasets.py writes (a '# class_names:' "
            "line, a header line, then the data); regenerate it with: "
            "python tools/make_datasets.py"
        )
    class_names = tuple(tagged[0].split(":", 1)[1].strip().split(","))
    header = rows[0].split(",")
    if header[-1] != "label":
        raise ValueError(f"{path}: the last column should be 'label', got {header[-1]!r}")
    table = np.loadtxt(rows[1:], delimiter=",", dtype=np.float64, ndmin=2)
    X = np.ascontiguousarray(table[:, :-1])
    y = table[:, -1].astype(np.int64)
    return Dataset(X, y, class_names, tuple(header[:-1]))


def load_iris() -> Dataset:
    """Fisher's Iris flowers (1936): 150 flowers, 4 measurements in cm, 3 species.

    Returns a :class:`Dataset`: ``X`` float64 (150, 4) with columns sepal length, sepal
    width, petal length, petal width; ``y`` int64 (150,), 50 of each class;
    ``class_names`` ("setosa", "versicolor", "virginica"). Exactly the softmax regression
    network of the source note: 4 inputs, 3 outputs. Read from ``assets/data/iris.csv``
    (CC BY 4.0, see ``assets/data/README.md``).

    Introduced in 09_training_from_scratch.ipynb.
    """
    return _read_csv("iris.csv")


def load_digits() -> Dataset:
    """Handwritten digits (Alpaydin & Kaynak, 1998): 1,797 images of 8x8 pixels, 10 classes.

    Returns a :class:`Dataset`: ``X`` float64 (1797, 64), each pixel a count 0..16, in reading
    order, so ``X[i].reshape(8, 8)`` is image i; ``y`` int64 (1797,) with the digit 0..9;
    ``class_names`` ("0", ..., "9"); ``feature_names`` ("pixel_0_0", ..., "pixel_7_7"),
    pixel_r_c at row r, column c. Read from ``assets/data/digits.csv`` (the UCI test set,
    CC BY 4.0, see ``assets/data/README.md``).

    Introduced in 09_training_from_scratch.ipynb.
    """
    return _read_csv("digits.csv")


def _check_X_y(X, y):
    X = as_float_array(X, "X")
    if X.ndim != 2:
        raise ValueError(
            f"X must be a 2-D array (n examples, d features), got shape {X.shape}; "
            "one example per row (use X.reshape(len(X), -1) to flatten images)"
        )
    y_arr = np.asarray(y)
    if y_arr.shape != (X.shape[0],):
        raise ValueError(
            f"y has shape {y_arr.shape} but X has {X.shape[0]} rows; y must have shape "
            f"({X.shape[0]},), one integer label per row of X"
        )
    return X, as_labels(y_arr, None, "y")


def train_test_split(X, y, test_fraction: float = 0.25, seed: int = 0, stratify: bool = True):
    """Split the rows of ``X`` and ``y`` at random into a training set and a test set.

    ``round(test_fraction * n)`` rows go to the test set. With ``stratify=True`` each class
    contributes in proportion to its size (class j gets ``test_fraction * n_j`` test rows,
    rounded so the total comes out right), so the class balance of both parts matches the
    whole. Both parts come back shuffled. The same ``seed`` always gives the same split.

    Shapes: ``X`` (n, d), ``y`` (n,) -> ``X_train`` (n - m, d), ``X_test`` (m, d),
    ``y_train`` (n - m,), ``y_test`` (m,), in that order.

    Introduced in 09_training_from_scratch.ipynb.
    """
    X, y = _check_X_y(X, y)
    seed = _check_seed(seed)
    if isinstance(test_fraction, bool) or not isinstance(test_fraction, numbers.Real):
        raise TypeError(f"test_fraction must be a number between 0 and 1, got {test_fraction!r}")
    if not 0 < test_fraction < 1:
        raise ValueError(
            f"test_fraction must lie strictly between 0 and 1, got {test_fraction!r}; "
            "0.25 keeps a quarter of the examples for testing"
        )
    n = len(y)
    n_test = int(np.floor(test_fraction * n + 0.5))
    if not 1 <= n_test <= n - 1:
        raise ValueError(
            f"test_fraction={test_fraction} of {n} examples leaves {n_test} for testing and "
            f"{n - n_test} for training; both need at least one: use more data or another "
            "fraction"
        )
    rng = np.random.default_rng(seed)
    if stratify:
        classes, counts = np.unique(y, return_counts=True)
        # Largest remainder: every class gets floor(f * n_j) test rows, and the rows still
        # missing from the total go to the classes with the largest fractional parts.
        exact = test_fraction * counts
        quota = np.floor(exact).astype(np.int64)
        extra = n_test - int(quota.sum())
        quota[np.argsort(-(exact - quota), kind="stable")[:extra]] += 1
        test_parts = []
        for c, k in zip(classes, quota, strict=True):
            members = np.flatnonzero(y == c)
            test_parts.append(rng.permutation(members)[:k])
        is_test = np.zeros(n, dtype=bool)
        is_test[np.concatenate(test_parts)] = True
        test_idx = rng.permutation(np.flatnonzero(is_test))
        train_idx = rng.permutation(np.flatnonzero(~is_test))
    else:
        order = rng.permutation(n)
        test_idx, train_idx = order[:n_test], order[n_test:]
    return X[train_idx], X[test_idx], y[train_idx], y[test_idx]


def standardize(X_train, X_test):
    """Rescale every feature to mean 0 and standard deviation 1, using the training set only.

    ``mean`` and ``std`` are computed over the rows of ``X_train`` and applied to both sets:
    the test set must not influence the preprocessing, or the test score is no longer an
    honest estimate. A feature that is constant in the training set (the digits have pixels
    that are always 0) carries no information; it is centred but not scaled (its ``std`` is
    reported as 1, as scikit-learn's StandardScaler does), so nothing is divided by zero.

    Shapes: ``X_train`` (n, d), ``X_test`` (m, d) -> ``X_train_std`` (n, d),
    ``X_test_std`` (m, d), ``mean`` (d,), ``std`` (d,); all float64. ``X_new_std =
    (X_new - mean) / std`` prepares any later data the same way.

    Introduced in 09_training_from_scratch.ipynb.
    """
    A = as_float_array(X_train, "X_train").astype(np.float64, copy=False)
    B = as_float_array(X_test, "X_test").astype(np.float64, copy=False)
    for name, M in (("X_train", A), ("X_test", B)):
        if M.ndim != 2:
            raise ValueError(
                f"{name} must be a 2-D array (examples, features), got shape {M.shape}"
            )
    if A.shape[1] != B.shape[1]:
        raise ValueError(
            f"X_train has {A.shape[1]} features but X_test has {B.shape[1]}; both must have "
            "the same columns, in the same order"
        )
    mean = A.mean(axis=0)
    std = A.std(axis=0)
    constant = A.max(axis=0) == A.min(axis=0)
    mean[constant] = A[0, constant]  # exactly the constant, so the column becomes exactly 0
    std[constant] = 1.0
    return (A - mean) / std, (B - mean) / std, mean, std

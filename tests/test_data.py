"""helpers.data: the shipped data files, the toy images, the split and standardisation."""

import importlib.util
import subprocess
import sys

import numpy as np
import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from helpers import data
from helpers.data import (
    TOY_CLASS_NAMES,
    TOY_PROTOTYPES,
    load_digits,
    load_iris,
    standardize,
    toy_images,
    train_test_split,
)

sk_datasets = pytest.importorskip("sklearn.datasets")


# -- the shipped files equal scikit-learn's bundled copies --------------------------------


@pytest.mark.parametrize(
    ("ours", "theirs", "shape", "counts"),
    [
        (load_iris, sk_datasets.load_iris, (150, 4), [50, 50, 50]),
        (
            load_digits,
            sk_datasets.load_digits,
            (1797, 64),
            [178, 182, 177, 183, 181, 182, 181, 179, 174, 180],
        ),
    ],
    ids=["iris", "digits"],
)
def test_shipped_files_equal_scikit_learns_copies(ours, theirs, shape, counts):
    mine, ref = ours(), theirs()
    assert mine.X.shape == shape and mine.X.dtype == np.float64 and mine.X.flags.c_contiguous
    assert mine.y.shape == shape[:1] and mine.y.dtype == np.int64
    np.testing.assert_array_equal(mine.X, ref.data)  # bit for bit, not approximately
    np.testing.assert_array_equal(mine.y, ref.target)
    assert np.bincount(mine.y).tolist() == counts
    assert mine.class_names == tuple(str(c) for c in ref.target_names)
    assert mine.feature_names == tuple(ref.feature_names)


def test_class_and_feature_names():
    X, y, class_names, feature_names = load_iris()  # unpacks like a tuple
    assert class_names == ("setosa", "versicolor", "virginica")
    assert feature_names[0] == "sepal length (cm)" and len(feature_names) == X.shape[1]
    digits = load_digits()
    assert digits.class_names == tuple("0123456789")
    assert digits.feature_names[0] == "pixel_0_0" and digits.feature_names[-1] == "pixel_7_7"
    assert digits.X.min() == 0 and digits.X.max() == 16
    np.testing.assert_array_equal(digits.X, np.round(digits.X))  # integer counts


def test_make_datasets_writes_exactly_the_shipped_files():
    spec = importlib.util.spec_from_file_location("make_datasets", ROOT / "tools/make_datasets.py")
    make_datasets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_datasets)
    files, _ = make_datasets.build()
    assert sorted(files) == ["digits.csv", "iris.csv"]
    for name, text in files.items():  # byte for byte: regenerating changes nothing
        assert (ROOT / "assets" / "data" / name).read_text(encoding="utf-8") == text, name


def test_data_files_are_small_and_licensed():
    folder = ROOT / "assets" / "data"
    for name in ("iris.csv", "digits.csv"):
        assert (folder / name).stat().st_size < 1_000_000
    assert "CC BY 4.0" in (folder / "LICENSE-iris.txt").read_text(encoding="utf-8")
    assert "Fisher" in (folder / "LICENSE-iris.txt").read_text(encoding="utf-8")
    digits_licence = (folder / "LICENSE-digits.txt").read_text(encoding="utf-8")
    assert "CC BY 4.0" in digits_licence and "Alpaydin" in digits_licence
    assert "BSD 3-Clause" in digits_licence
    assert "make_datasets.py" in (folder / "README.md").read_text(encoding="utf-8")


def test_a_missing_data_file_names_the_path_and_the_fix(tmp_path, monkeypatch):
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(FileNotFoundError) as info:
        load_iris()
    message = str(info.value)
    assert str(tmp_path / "iris.csv") in message
    assert "python tools/make_datasets.py" in message


def test_a_malformed_data_file_is_reported(tmp_path, monkeypatch):
    (tmp_path / "iris.csv").write_text("1,2,3\n", encoding="utf-8")
    monkeypatch.setattr(data, "DATA_DIR", tmp_path)
    with pytest.raises(ValueError, match="class_names.*make_datasets"):
        load_iris()


# -- the toy images ------------------------------------------------------------------------


def test_toy_images_shapes_and_range():
    X, y, class_names = toy_images(n_per_class=40, seed=3)
    assert X.shape == (120, 4) and X.dtype == np.float64
    assert y.shape == (120,) and y.dtype == np.int64
    assert class_names == TOY_CLASS_NAMES == ("cat", "chicken", "dog")
    assert X.min() >= 0.0 and X.max() <= 1.0
    assert np.bincount(y).tolist() == [40, 40, 40]
    assert len(set(y[:10].tolist())) > 1  # shuffled, not sorted by class


def test_toy_images_are_deterministic_for_a_seed():
    a, b = toy_images(seed=7), toy_images(seed=7)
    np.testing.assert_array_equal(a[0], b[0])
    np.testing.assert_array_equal(a[1], b[1])
    c = toy_images(seed=8)
    assert not np.array_equal(a[0], c[0])


def test_toy_images_without_noise_are_the_prototypes():
    X, y, _ = toy_images(n_per_class=5, noise=0.0)
    np.testing.assert_array_equal(X, TOY_PROTOTYPES[y])
    assert not TOY_PROTOTYPES.flags.writeable


def test_toy_images_scatter_around_their_prototypes():
    X, y, _ = toy_images(n_per_class=2000, seed=0, noise=0.1)
    for j in range(3):
        np.testing.assert_allclose(X[y == j].mean(axis=0), TOY_PROTOTYPES[j], atol=0.01)


def test_toy_classes_are_learnable_but_not_trivial():
    # The classifier that picks the nearest prototype is (nearly) the best possible one for
    # this data; it beats chance (1/3) by far, yet makes mistakes at the default noise.
    X, y, _ = toy_images(n_per_class=1000, seed=1)
    nearest = ((X[:, None, :] - TOY_PROTOTYPES[None]) ** 2).sum(axis=2).argmin(axis=1)
    acc = np.mean(nearest == y)
    assert 0.8 < acc < 0.99


# -- train_test_split ------------------------------------------------------------------------


def test_split_is_stratified_and_complete():
    X, y, *_ = load_digits()
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_fraction=0.25, seed=0)
    assert len(y_test) == round(0.25 * len(y)) and len(y_train) + len(y_test) == len(y)
    assert X_train.shape == (len(y_train), 64) and X_test.shape == (len(y_test), 64)
    # every class is represented in proportion: within one example of the exact share
    expected = 0.25 * np.bincount(y)
    assert np.all(np.abs(np.bincount(y_test, minlength=10) - expected) < 1)
    # the two parts are the whole data set, each row once (digits has duplicate images, so
    # compare the rows with their labels as multisets)
    whole = np.column_stack([X, y])
    parts = np.vstack([np.column_stack([X_train, y_train]), np.column_stack([X_test, y_test])])
    np.testing.assert_array_equal(np.unique(whole, axis=0), np.unique(parts, axis=0))
    assert len(parts) == len(whole)


@given(
    counts=st.lists(st.integers(1, 30), min_size=1, max_size=6),
    fraction=st.floats(0.05, 0.95),
    seed=st.integers(0, 2**32),
)
def test_stratified_split_keeps_the_class_shares(counts, fraction, seed):
    y = np.repeat(np.arange(len(counts)), counts)
    X = np.arange(len(y), dtype=float)[:, None]
    n_test = int(np.floor(fraction * len(y) + 0.5))
    if not 1 <= n_test <= len(y) - 1:
        return
    X_train, X_test, y_train, y_test = train_test_split(X, y, fraction, seed)
    assert len(y_test) == n_test
    shares = np.bincount(y_test, minlength=len(counts)) - fraction * np.array(counts)
    assert np.all(np.abs(shares) < 1)
    rows = np.sort(np.concatenate([X_train[:, 0], X_test[:, 0]]))
    np.testing.assert_array_equal(rows, np.arange(len(y)))  # a partition of the rows
    np.testing.assert_array_equal(y[X_test[:, 0].astype(int)], y_test)  # labels stay with rows


def test_split_is_seeded():
    X, y, _ = toy_images(n_per_class=30)
    first = train_test_split(X, y, seed=5)
    again = train_test_split(X, y, seed=5)
    other = train_test_split(X, y, seed=6)
    for a, b in zip(first, again, strict=True):
        np.testing.assert_array_equal(a, b)
    assert not np.array_equal(first[1], other[1])


def test_unstratified_split():
    X, y, *_ = load_iris()
    X_train, X_test, y_train, y_test = train_test_split(X, y, 0.2, seed=1, stratify=False)
    assert len(y_test) == 30 and len(y_train) == 120
    assert sorted(np.concatenate([X_train[:, 0], X_test[:, 0]])) == sorted(X[:, 0])


# -- standardize -------------------------------------------------------------------------------


def test_standardize_uses_the_training_set_only():
    rng = np.random.default_rng(0)
    A = rng.normal(5.0, 3.0, size=(200, 3))
    B = rng.normal(-1.0, 1.0, size=(50, 3))
    A_std, B_std, mean, std = standardize(A, B)
    np.testing.assert_allclose(A_std.mean(axis=0), 0, atol=1e-12)
    np.testing.assert_allclose(A_std.std(axis=0), 1, atol=1e-12)
    np.testing.assert_allclose(mean, A.mean(axis=0))
    np.testing.assert_allclose(std, A.std(axis=0))
    np.testing.assert_allclose(B_std, (B - A.mean(axis=0)) / A.std(axis=0))


def test_standardize_handles_constant_columns_without_warnings():
    # digits has pixels that are 0 in every training image; pytest turns warnings into errors
    X, y, *_ = load_digits()
    X_train, X_test, *_ = train_test_split(X, y, seed=0)
    A_std, B_std, mean, std = standardize(X_train, X_test)
    constant = X_train.min(axis=0) == X_train.max(axis=0)
    assert constant.sum() >= 1
    assert np.isfinite(A_std).all() and np.isfinite(B_std).all()
    np.testing.assert_array_equal(A_std[:, constant], 0.0)
    np.testing.assert_array_equal(std[constant], 1.0)
    # a constant that is not 0 (nor exactly representable as a mean) also becomes exactly 0
    A = np.column_stack([np.full(7, 0.1), np.arange(7.0)])
    A_std, B_std, mean, std = standardize(A, np.array([[0.1, 3.0], [0.3, 0.0]]))
    np.testing.assert_array_equal(A_std[:, 0], 0.0)
    np.testing.assert_allclose(B_std[:, 0], [0.0, 0.2])


# -- bad inputs ------------------------------------------------------------------------------------

X3 = np.zeros((4, 2))
y3 = np.array([0, 1, 0, 1])


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: toy_images(n_per_class=0), ValueError, ["n_per_class", "at least 1"]),
        (lambda: toy_images(n_per_class=2.5), TypeError, ["n_per_class", "whole number"]),
        (lambda: toy_images(seed=-1), ValueError, ["seed"]),
        (lambda: toy_images(seed=None), TypeError, ["seed", "fixed integer"]),
        (lambda: toy_images(noise=-0.1), ValueError, ["noise", ">= 0"]),
        (lambda: toy_images(noise="big"), TypeError, ["noise"]),
        (lambda: train_test_split(X3, y3, test_fraction=1.5), ValueError, ["strictly between"]),
        (lambda: train_test_split(X3, y3, test_fraction=0), ValueError, ["test_fraction"]),
        (lambda: train_test_split(X3, y3, test_fraction=0.1), ValueError, ["0 for testing"]),
        (lambda: train_test_split(X3, y3[:3]), ValueError, ["shape (3,)", "4 rows"]),
        (lambda: train_test_split(X3[0], y3), ValueError, ["2-D", "one example per row"]),
        (lambda: train_test_split(X3, [0, 1, 0, -1]), ValueError, ["-1", "negative"]),
        (lambda: train_test_split(X3, y3, seed=1.5), TypeError, ["seed"]),
        (lambda: standardize(X3, np.zeros((2, 3))), ValueError, ["2 features", "X_test has 3"]),
        (lambda: standardize(X3[0], X3), ValueError, ["X_train", "2-D"]),
        (lambda: standardize(X3, [[np.nan, 0.0]]), ValueError, ["X_test", "NaN"]),
    ],
)
def test_bad_inputs_raise_clear_errors(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_the_new_modules_need_neither_scikit_learn_nor_scipy():
    code = (
        "import sys; import helpers.data, helpers.model, helpers.evaluation; "
        "bad = sorted(m for m in ('sklearn', 'scipy') if m in sys.modules); print(bad)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"

"""helpers.model.SoftmaxRegression: forward pass, loss, gradients, training."""

import numpy as np
import pytest
import scipy.special as sp
from hypothesis import given
from hypothesis import strategies as st

from helpers import numerical_gradient, one_hot
from helpers.data import load_digits, load_iris, standardize, toy_images, train_test_split
from helpers.model import SoftmaxRegression


def random_problem(rng, n=7, d=4, q=3):
    X = rng.normal(size=(n, d))
    y = rng.integers(0, q, size=n)
    model = SoftmaxRegression(d, q)
    model.W = rng.normal(size=(d, q))
    model.b = rng.normal(size=q)
    return model, X, y


# -- the model -----------------------------------------------------------------------------


def test_initial_parameters():
    model = SoftmaxRegression(64, 10, seed=3)
    assert model.W.shape == (64, 10) and model.W.dtype == np.float64
    assert model.b.shape == (10,)
    np.testing.assert_array_equal(model.b, 0.0)
    assert 0.008 < model.W.std() < 0.012  # N(0, 0.01^2)
    np.testing.assert_array_equal(model.W, SoftmaxRegression(64, 10, seed=3).W)
    assert not np.array_equal(model.W, SoftmaxRegression(64, 10, seed=4).W)
    assert repr(model) == "SoftmaxRegression(num_inputs=64, num_outputs=10)"


def test_forward_predict_proba_predict():
    model, X, _ = random_problem(np.random.default_rng(0))
    O = model.forward(X)
    np.testing.assert_allclose(O, X @ model.W + model.b[None, :])
    P = model.predict_proba(X)
    np.testing.assert_allclose(P, sp.softmax(O, axis=1), rtol=1e-13)
    np.testing.assert_allclose(P.sum(axis=1), 1.0)
    np.testing.assert_array_equal(model.predict(X), O.argmax(axis=1))
    # one example x of shape (d,) gives o of shape (q,)
    np.testing.assert_allclose(model.forward(X[2]), O[2])
    assert model.predict(X[2]) == O[2].argmax()


def test_loss_is_mean_cross_entropy_plus_penalty_on_W_only():
    model, X, y = random_problem(np.random.default_rng(1))
    O = X @ model.W + model.b
    mean_ce = -np.mean(sp.log_softmax(O, axis=1)[np.arange(len(y)), y])
    assert model.loss(X, y) == pytest.approx(mean_ce, rel=1e-13)
    penalty = 0.5 * 0.3 * np.sum(model.W**2)
    assert model.loss(X, y, weight_decay=0.3) == pytest.approx(mean_ce + penalty, rel=1e-13)
    assert model.penalty(0.3) == pytest.approx(penalty, rel=1e-13)
    # a huge bias changes the data term but not the penalty
    model.b = np.array([100.0, -100.0, 50.0])
    assert model.penalty(0.3) == pytest.approx(penalty, rel=1e-13)


@given(
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(1, 6),
    d=st.integers(1, 5),
    q=st.integers(2, 4),
    weight_decay=st.sampled_from([0.0, 0.01, 0.7]),
)
def test_gradients_equal_finite_differences(seed, n, d, q, weight_decay):
    model, X, y = random_problem(np.random.default_rng(seed), n, d, q)
    dW, db = model.gradients(X, y, weight_decay)
    assert dW.shape == (d, q) and db.shape == (q,)
    W0, b0 = model.W.copy(), model.b.copy()

    def loss_of_W(W):
        model.W = W
        return model.loss(X, y, weight_decay)

    def loss_of_b(b):
        model.b = b
        return model.loss(X, y, weight_decay)

    numeric_W = numerical_gradient(loss_of_W, W0)
    model.W = W0
    numeric_b = numerical_gradient(loss_of_b, b0)
    model.b = b0
    np.testing.assert_allclose(dW, numeric_W, rtol=1e-6, atol=1e-8)
    np.testing.assert_allclose(db, numeric_b, rtol=1e-6, atol=1e-8)


def test_gradients_follow_the_formula():
    model, X, y = random_problem(np.random.default_rng(2), n=9)
    Y = one_hot(y, 3)
    Y_hat = sp.softmax(X @ model.W + model.b, axis=1)
    dW, db = model.gradients(X, y, weight_decay=0.5)
    np.testing.assert_allclose(dW, X.T @ (Y_hat - Y) / 9 + 0.5 * model.W, rtol=1e-12)
    np.testing.assert_allclose(db, (Y_hat - Y).mean(axis=0), rtol=1e-12, atol=1e-15)


# -- training ------------------------------------------------------------------------------


def toy_split():
    X, y, _ = toy_images(n_per_class=100, seed=0)
    return train_test_split(X, y, seed=0)


def test_fit_learns_the_toy_images_and_records_history():
    X_train, X_test, y_train, y_test = toy_split()
    records = []
    model = SoftmaxRegression(4, 3).fit(
        X_train,
        y_train,
        lr=0.5,
        epochs=30,
        X_test=X_test,
        y_test=y_test,
        callback=lambda m, record: records.append((m, record)),
    )
    h = model.history
    assert list(h) == ["epoch", "train_loss", "train_acc", "test_loss", "test_acc"]
    assert h["epoch"] == list(range(1, 31))
    assert all(len(v) == 30 for v in h.values())
    assert h["train_loss"][-1] < 0.5 * np.log(3)  # started near log 3 (uniform guessing)
    assert h["test_acc"][-1] > 0.8 and h["train_acc"][-1] > 0.8  # chance is 1/3
    assert h["train_loss"][-1] == pytest.approx(model.loss(X_train, y_train), rel=1e-12)
    assert h["test_acc"][-1] == np.mean(model.predict(X_test) == y_test)
    # the callback saw the model and every epoch's record, in order
    assert len(records) == 30 and all(m is model for m, _ in records)
    for key, values in h.items():
        assert [record[key] for _, record in records] == values


def test_history_without_a_test_set_and_with_no_epochs():
    X_train, _, y_train, _ = toy_split()
    model = SoftmaxRegression(4, 3)
    W0 = model.W.copy()
    model.fit(X_train, y_train, epochs=0)
    np.testing.assert_array_equal(model.W, W0)
    assert model.history == {"epoch": [], "train_loss": [], "train_acc": []}
    model.fit(X_train, y_train, epochs=2)
    assert list(model.history) == ["epoch", "train_loss", "train_acc"]


def test_fit_is_deterministic_for_a_seed():
    X_train, _, y_train, _ = toy_split()
    a = SoftmaxRegression(4, 3, seed=1).fit(X_train, y_train, epochs=3, batch_size=16, seed=5)
    b = SoftmaxRegression(4, 3, seed=1).fit(X_train, y_train, epochs=3, batch_size=16, seed=5)
    c = SoftmaxRegression(4, 3, seed=1).fit(X_train, y_train, epochs=3, batch_size=16, seed=6)
    np.testing.assert_array_equal(a.W, b.W)
    np.testing.assert_array_equal(a.b, b.b)
    assert a.history == b.history
    assert not np.array_equal(a.W, c.W)  # another shuffle, another path


def test_one_full_batch_epoch_is_one_gradient_step():
    X_train, _, y_train, _ = toy_split()
    model = SoftmaxRegression(4, 3, seed=2)
    dW, db = model.gradients(X_train, y_train, weight_decay=0.1)
    W_expected, b_expected = model.W - 0.3 * dW, model.b - 0.3 * db
    model.fit(X_train, y_train, lr=0.3, batch_size=len(y_train), epochs=1, weight_decay=0.1)
    np.testing.assert_allclose(model.W, W_expected, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(model.b, b_expected, rtol=1e-12, atol=1e-15)


@pytest.mark.parametrize("batch_size", [1, 45, 225])
def test_an_epoch_visits_every_example_once(batch_size):
    # With a tiny lr the gradients barely change during the epoch, so one epoch of SGD moves
    # W by lr * (sum over minibatches of their mean gradient) = lr * (n / batch_size) * dW,
    # with dW the full-batch gradient, if and only if each example is used exactly once.
    X_train, _, y_train, _ = toy_split()
    n = len(y_train)
    assert n % batch_size == 0  # 225 = 5 * 45: equal minibatches
    model = SoftmaxRegression(4, 3, seed=0)
    W0, b0 = model.W.copy(), model.b.copy()
    dW, db = model.gradients(X_train, y_train)
    lr = 1e-9
    model.fit(X_train, y_train, lr=lr, batch_size=batch_size, epochs=1)
    steps = n // batch_size
    np.testing.assert_allclose((W0 - model.W) / lr, steps * dW, rtol=1e-5, atol=1e-7)
    np.testing.assert_allclose((b0 - model.b) / lr, steps * db, rtol=1e-5, atol=1e-7)


def test_fit_does_not_modify_earlier_weights_in_place():
    X_train, _, y_train, _ = toy_split()
    model = SoftmaxRegression(4, 3)
    W_before, b_before = model.W, model.b
    snapshot = W_before.copy()
    model.fit(X_train, y_train, epochs=1)
    np.testing.assert_array_equal(W_before, snapshot)
    assert not np.array_equal(model.W, W_before) and model.b is not b_before


def test_fit_continues_from_the_current_parameters():
    X_train, _, y_train, _ = toy_split()
    once = SoftmaxRegression(4, 3).fit(X_train, y_train, epochs=4, batch_size=len(y_train))
    twice = SoftmaxRegression(4, 3).fit(X_train, y_train, epochs=2, batch_size=len(y_train))
    twice.fit(X_train, y_train, epochs=2, batch_size=len(y_train))
    np.testing.assert_allclose(twice.W, once.W, rtol=1e-12)
    assert twice.history["epoch"] == [1, 2]  # history starts afresh at each call


def test_a_too_large_learning_rate_is_reported():
    X, y, *_ = load_digits()
    with pytest.raises(FloatingPointError, match=r"diverged in epoch \d+.*lr=1e\+10.*try"):
        SoftmaxRegression(64, 10).fit(X, y, lr=1e10, epochs=5, weight_decay=1.0)


# -- an independent reference: scikit-learn's LogisticRegression ------------------------------


@pytest.mark.parametrize(
    ("loader", "weight_decay", "epochs"),
    [(load_iris, 1e-2, 300), (load_iris, 1e-3, 1000), (load_digits, 1e-3, 1000)],
    ids=["iris-1e-2", "iris-1e-3", "digits-1e-3"],
)
def test_matches_scikit_learn_logistic_regression(loader, weight_decay, epochs):
    """Same objective, same optimum. scikit-learn minimises 0.5 ||W||^2 + C sum_i l_i; ours
    is (1/n) sum_i l_i + (weight_decay / 2) ||W||^2, the same function divided by C n when
    C = 1 / (n weight_decay). Neither penalises the bias. Ours is trained full-batch (plain
    gradient descent), long enough to get close to the minimum."""
    linear_model = pytest.importorskip("sklearn.linear_model")
    X, y, class_names, _ = loader()
    X_train, X_test, y_train, y_test = train_test_split(X, y, seed=0)
    X_train, X_test, *_ = standardize(X_train, X_test)
    n, d = X_train.shape
    q = len(class_names)

    ref = linear_model.LogisticRegression(C=1.0 / (n * weight_decay), tol=1e-10, max_iter=10_000)
    ref.fit(X_train, y_train)
    model = SoftmaxRegression(d, q).fit(
        X_train, y_train, lr=4.0, batch_size=n, epochs=epochs, weight_decay=weight_decay
    )

    ref_model = SoftmaxRegression(d, q)
    ref_model.W, ref_model.b = ref.coef_.T.copy(), ref.intercept_.copy()
    optimum = ref_model.loss(X_train, y_train, weight_decay)
    ours = model.loss(X_train, y_train, weight_decay)
    assert ours == pytest.approx(optimum, rel=0.01)
    assert ours >= optimum * (1 - 1e-6)  # the library really found the minimum
    our_acc = np.mean(model.predict(X_test) == y_test)
    ref_acc = ref.score(X_test, y_test)
    assert abs(our_acc - ref_acc) <= 0.01
    # the predicted probabilities agree too, not just the argmax
    np.testing.assert_allclose(model.predict_proba(X_test), ref.predict_proba(X_test), atol=0.02)


# -- bad inputs ------------------------------------------------------------------------------------

M = SoftmaxRegression(2, 3)
X2 = np.zeros((4, 2))
y2 = np.array([0, 1, 2, 1])


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: SoftmaxRegression(0, 3), ValueError, ["num_inputs", "at least 1"]),
        (lambda: SoftmaxRegression(4, 2.0), TypeError, ["num_outputs", "whole number"]),
        (lambda: SoftmaxRegression(4, 3, seed=-2), ValueError, ["seed"]),
        (lambda: M.forward(np.zeros((4, 3))), ValueError, ["shape (4, 3)", "(n, 2)"]),
        (lambda: M.forward(np.zeros((4, 1, 2))), ValueError, ["flatten"]),
        (lambda: M.loss(np.zeros(2), [0]), ValueError, ["x.reshape(1, -1)"]),
        (lambda: M.forward([[np.nan, 0.0]]), ValueError, ["NaN"]),
        (lambda: M.forward([["a", "b"]]), TypeError, ["numeric"]),
        (lambda: M.loss(X2, y2[:3]), ValueError, ["shape (3,)", "4 rows"]),
        (lambda: M.loss(X2, one_hot(y2, 3)), ValueError, ["argmax(axis=1)"]),
        (lambda: M.gradients(X2, [0, 1, 3, 0]), ValueError, ["label 3", "0..2"]),
        (lambda: M.gradients(X2, [0, 1, 0.5, 0]), ValueError, ["whole number"]),
        (lambda: M.loss(X2, y2, weight_decay=-1), ValueError, ["weight_decay", ">= 0"]),
        (lambda: M.gradients(X2, y2, weight_decay="a"), TypeError, ["weight_decay"]),
        (lambda: M.fit(X2, y2, lr=0), ValueError, ["lr", "> 0"]),
        (lambda: M.fit(X2, y2, lr=float("nan")), ValueError, ["lr", "finite"]),
        (lambda: M.fit(X2, y2, batch_size=0), ValueError, ["batch_size", "at least 1"]),
        (lambda: M.fit(X2, y2, batch_size=8.0), TypeError, ["batch_size", "whole number"]),
        (lambda: M.fit(X2, y2, epochs=-1), ValueError, ["epochs", "at least 0"]),
        (lambda: M.fit(X2, y2, epochs=True), TypeError, ["epochs"]),
        (lambda: M.fit(X2, y2, weight_decay=float("inf")), ValueError, ["weight_decay"]),
        (lambda: M.fit(X2, y2, seed=0.5), TypeError, ["seed"]),
        (lambda: M.fit(X2, y2, X_test=X2), ValueError, ["X_test was given without y_test"]),
        (lambda: M.fit(X2, y2, y_test=y2), ValueError, ["y_test was given without X_test"]),
        (lambda: M.fit(X2, y2, X_test=np.zeros((2, 5)), y_test=[0, 1]), ValueError, ["X_test"]),
        (lambda: M.fit(X2, y2, X_test=X2, y_test=[0, 1]), ValueError, ["y_test", "4 rows"]),
        (lambda: M.fit(X2, y2, callback="plot"), TypeError, ["callback", "str"]),
    ],
)
def test_bad_inputs_raise_clear_errors(call, error, words):
    with pytest.raises(error) as info:
        call()
    for word in words:
        assert word in str(info.value), (word, str(info.value))


def test_divergence_is_an_error_without_a_warning():
    """A huge learning rate blows up: one FloatingPointError, no RuntimeWarning first."""
    from helpers.data import load_digits, standardize, train_test_split

    X, y, _, _ = load_digits()
    X_train, X_test, y_train, _ = train_test_split(X, y, seed=0)
    X_train, _, _, _ = standardize(X_train, X_test)
    model = SoftmaxRegression(X_train.shape[1], 10)
    with pytest.raises(FloatingPointError, match="too large"):
        model.fit(X_train, y_train, lr=100.0, batch_size=64, epochs=30, weight_decay=1.0)

"""Softmax regression, trained from scratch with minibatch stochastic gradient descent.

Everything the earlier notebooks built, put together: the affine map ``O = X W + b``
(notebook 03), softmax row by row (04, 05), the cross-entropy loss (06) and
its gradient ``softmax(O) - Y`` (07). Plain NumPy; the maths comes from the helpers core.

Introduced in 09_training_from_scratch.ipynb.
"""

from __future__ import annotations

import numbers
from collections.abc import Callable

import numpy as np

from ._checks import as_float_array, as_labels, check_count
from .loss import cross_entropy, cross_entropy_with_grad
from .metrics import accuracy
from .softmax import softmax

HISTORY_KEYS = ("epoch", "train_loss", "train_acc", "test_loss", "test_acc")




def _check_real(value, name: str, *, positive: bool, hint: str) -> float:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise TypeError(f"{name} must be a number, got {value!r}; {hint}")
    v = float(value)
    if not np.isfinite(v) or v < 0 or (positive and v == 0):
        sign = "> 0" if positive else ">= 0"
        raise ValueError(f"{name} must be a finite number {sign}, got {value!r}; {hint}")
    return v


def _diverged(epoch: int, lr: float, what: str) -> FloatingPointError:
    return FloatingPointError(
        f"training diverged in epoch {epoch}: {what}. The learning rate lr={lr:g} is too "
        f"large for this data; try lr={lr / 10:g} (and standardise the features)"
    )


def _check_weight_decay(weight_decay) -> float:
    return _check_real(
        weight_decay,
        "weight_decay",
        positive=False,
        hint="0 means no penalty; small values such as 1e-4 or 1e-3 are typical",
    )


class SoftmaxRegression:
    """A single-layer neural network: ``O = X W + b``, probabilities ``softmax(O)`` row by row.

    Parameters: ``W`` float64 (num_inputs, num_outputs), column j holds class j's weights,
    drawn from a normal distribution with standard deviation 0.01 (seeded by ``seed``, so the
    same seed gives the same model); ``b`` float64 (num_outputs,), zeros. After :meth:`fit`,
    ``history`` holds one entry per epoch (see :meth:`fit`).

    Introduced in 09_training_from_scratch.ipynb.
    """

    def __init__(self, num_inputs: int, num_outputs: int, seed: int = 0):
        self.num_inputs = check_count(
            num_inputs, "num_inputs", 1, "pass the number of features d (4 for 2x2 images)"
        )
        self.num_outputs = check_count(
            num_outputs, "num_outputs", 1, "pass the number of classes q (3 for cat/chicken/dog)"
        )
        seed = check_count(seed, "seed", 0, "pass a fixed integer such as 0 so results repeat")
        rng = np.random.default_rng(seed)
        self.W = rng.normal(0.0, 0.01, size=(self.num_inputs, self.num_outputs))
        self.b = np.zeros(self.num_outputs)
        self.history: dict[str, list] = {}

    def __repr__(self) -> str:
        return f"SoftmaxRegression(num_inputs={self.num_inputs}, num_outputs={self.num_outputs})"

    # -- checks ----------------------------------------------------------------------------

    def _check_X(self, X, name: str = "X", allow_1d: bool = False) -> np.ndarray:
        X = as_float_array(X, name)
        d = self.num_inputs
        if X.ndim == 1 and allow_1d and X.shape == (d,):
            return X
        if X.ndim != 2 or X.shape[1] != d:
            hint = (
                f"; for a single example x of shape ({d},) use x.reshape(1, -1)"
                if X.ndim == 1 and X.shape == (d,)
                else " (flatten images first: X.reshape(len(X), -1))"
                if X.ndim > 2
                else ""
            )
            raise ValueError(
                f"{name} has shape {X.shape} but this model expects (n, {d}): one example per "
                f"row with num_inputs={d} features{hint}"
            )
        return X

    def _check_X_y(self, X, y, X_name: str = "X", y_name: str = "y"):
        X = self._check_X(X, X_name)
        y_arr = np.asarray(y)
        if y_arr.shape != (X.shape[0],):
            hint = (
                f" (use {y_name}.argmax(axis=1) to turn one-hot rows into labels)"
                if y_arr.ndim == 2
                else ""
            )
            raise ValueError(
                f"{y_name} has shape {y_arr.shape} but {X_name} has {X.shape[0]} rows; "
                f"{y_name} must hold one integer label per row, shape ({X.shape[0]},){hint}"
            )
        return X, as_labels(y_arr, self.num_outputs, y_name)

    # -- the model -------------------------------------------------------------------------

    def forward(self, X) -> np.ndarray:
        """The logits ``O = X W + b``. Shapes: X (n, num_inputs) -> O (n, num_outputs);
        a single example x (num_inputs,) gives o (num_outputs,). ``b`` broadcasts over rows."""
        return self._check_X(X, allow_1d=True) @ self.W + self.b

    def predict_proba(self, X) -> np.ndarray:
        """Class probabilities ``Y_hat = softmax(X W + b)``, each row sums to 1.
        Shapes: (n, num_inputs) -> (n, num_outputs), or (num_inputs,) -> (num_outputs,)."""
        return softmax(self.forward(X))

    def predict(self, X) -> np.ndarray:
        """The most probable class of each row, ``argmax_j o_j`` (the same as the argmax of
        the probabilities, since softmax keeps the order). Shapes: (n, num_inputs) -> (n,)
        int64, or (num_inputs,) -> one np.int64."""
        return np.argmax(self.forward(X), axis=-1)

    def penalty(self, weight_decay: float = 0.0) -> float:
        """The L2 penalty ``weight_decay / 2 * ||W||^2`` (sum of squared weights; b excluded)."""
        wd = _check_weight_decay(weight_decay)
        return 0.5 * wd * float(np.sum(self.W * self.W))

    def loss(self, X, y, weight_decay: float = 0.0) -> float:
        """The training objective: mean cross-entropy plus ``weight_decay / 2 * ||W||^2``.

        ``(1/n) sum_i -log softmax(x_i W + b)_{y_i} + (weight_decay / 2) sum_jk W_jk^2``.
        **Only the weights W are penalised, never the bias b** (as in scikit-learn and most
        libraries): b raises or lowers a class's logits for every input alike (it sets how
        common the class is), which is not the sensitivity to the inputs that the penalty is
        meant to restrain. With ``weight_decay=0`` this is the plain mean cross-entropy.

        Shapes: X (n, num_inputs), y (n,) integer labels 0..num_outputs-1. Returns a float.
        """
        wd = _check_weight_decay(weight_decay)
        X, y = self._check_X_y(X, y)
        return cross_entropy(X @ self.W + self.b, y) + self.penalty(wd)

    def gradients(self, X, y, weight_decay: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
        """The gradient of :meth:`loss` with respect to the parameters W and b.

        With ``Y_hat = softmax(X W + b)`` and ``Y`` the one-hot labels:
        ``dW = X^T (Y_hat - Y) / n + weight_decay * W`` and ``db`` = the column means of
        ``(Y_hat - Y)`` (no decay term: b is not penalised). Shapes: X (n, num_inputs),
        y (n,) -> dW (num_inputs, num_outputs), db (num_outputs,).
        """
        wd = _check_weight_decay(weight_decay)
        X, y = self._check_X_y(X, y)
        return self._gradients(X, y, wd)

    def _gradients(self, X, y, wd, epoch=None, lr=None):
        O = X @ self.W + self.b
        if epoch is not None and not np.isfinite(O).all():
            raise _diverged(epoch, lr, "the logits X W + b overflowed to inf")
        _, G = cross_entropy_with_grad(O, y)  # G = (Y_hat - Y) / n
        dW = X.T @ G
        if wd:
            dW += wd * self.W
        return dW, G.sum(axis=0)

    # -- training --------------------------------------------------------------------------

    def fit(
        self,
        X,
        y,
        lr: float = 0.1,
        batch_size: int = 64,
        epochs: int = 10,
        weight_decay: float = 0.0,
        seed: int = 0,
        X_test=None,
        y_test=None,
        callback: Callable[[SoftmaxRegression, dict], object] | None = None,
    ) -> SoftmaxRegression:
        """Train with minibatch stochastic gradient descent (小批量随机梯度下降).

        Each epoch shuffles the training rows (a generator seeded by ``seed``, so the same
        call always gives the same model), cuts them into minibatches of ``batch_size`` rows
        (the last one may be smaller), and for each takes one step
        ``W -= lr * dW``, ``b -= lr * db`` with the gradients of :meth:`gradients`.
        ``batch_size >= len(X)`` is plain (full-batch) gradient descent. Training continues
        from the current W and b, so calling fit again trains further. Each step assigns new
        arrays to ``W`` and ``b`` (it does not modify them in place), so a reference kept
        earlier, e.g. ``W_before = model.W``, still holds the old weights.

        After every epoch the model is evaluated on the whole training set (and on
        ``X_test``, ``y_test`` if given: pass both or neither) and a record is appended to
        ``self.history``, a dict of lists with keys ``"epoch"`` (1, 2, ...), ``"train_loss"``,
        ``"train_acc"`` and, with a test set, ``"test_loss"``, ``"test_acc"``. The losses are
        the plain mean cross-entropy (no penalty, so train and test compare); accuracies are
        fractions in [0, 1]. ``history`` starts empty at each call. Then
        ``callback(model, record)`` is called, with ``record`` a dict holding that epoch's
        values under the same keys: use it for a progress display.

        Shapes: X (n, num_inputs), y (n,) integer labels 0..num_outputs-1; the same for the
        test set. Returns the model itself. Raises FloatingPointError if the parameters blow
        up (the learning rate is too large).

        Introduced in 09_training_from_scratch.ipynb.
        """
        X, y = self._check_X_y(X, y)
        lr = _check_real(lr, "lr", positive=True, hint="try 0.1, or smaller if the loss grows")
        batch_size = check_count(
            batch_size, "batch_size", 1, f"use e.g. 64 (or {len(y)} for full-batch descent)"
        )
        epochs = check_count(epochs, "epochs", 0, "the number of passes over the data, e.g. 10")
        wd = _check_weight_decay(weight_decay)
        seed = check_count(seed, "seed", 0, "pass a fixed integer such as 0 so results repeat")
        if (X_test is None) != (y_test is None):
            given, missing = ("X_test", "y_test") if y_test is None else ("y_test", "X_test")
            raise ValueError(f"{given} was given without {missing}; pass both or neither")
        has_test = X_test is not None
        if has_test:
            X_test, y_test = self._check_X_y(X_test, y_test, "X_test", "y_test")
        if callback is not None and not callable(callback):
            raise TypeError(
                f"callback must be a function callback(model, record) or None, "
                f"got {type(callback).__name__}"
            )

        keys = HISTORY_KEYS if has_test else HISTORY_KEYS[:3]
        self.history = {key: [] for key in keys}
        rng = np.random.default_rng(seed)
        n = len(y)
        for epoch in range(1, epochs + 1):
            order = rng.permutation(n)
            for start in range(0, n, batch_size):
                batch = order[start : start + batch_size]
                with np.errstate(over="ignore", invalid="ignore"):  # checked just below
                    dW, db = self._gradients(X[batch], y[batch], wd, epoch, lr)
                    # new arrays, not in-place updates: a W kept from earlier stays as it was
                    self.W = self.W - lr * dW
                    self.b = self.b - lr * db
                if not (np.isfinite(self.W).all() and np.isfinite(self.b).all()):
                    raise _diverged(epoch, lr, "the weights became inf or NaN")
            record = {"epoch": epoch}
            record["train_loss"], record["train_acc"] = self._evaluate(X, y, epoch, lr)
            if has_test:
                record["test_loss"], record["test_acc"] = self._evaluate(X_test, y_test, epoch, lr)
            for key in keys:
                self.history[key].append(record[key])
            if callback is not None:
                callback(self, dict(record))
        return self

    def _evaluate(self, X, y, epoch: int, lr: float) -> tuple[float, float]:
        """Mean cross-entropy (no penalty) and accuracy on (X, y), both floats."""
        with np.errstate(over="ignore", invalid="ignore"):  # checked just below
            O = X @ self.W + self.b
        if not np.isfinite(O).all():
            raise _diverged(epoch, lr, "the logits X W + b overflowed to inf")
        return cross_entropy(O, y), accuracy(O, y)

"""Measuring a classifier: accuracy (精度).

Introduced in 09_training_from_scratch.ipynb; 10_evaluation.ipynb goes further.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_float_array, as_labels


def accuracy(scores, labels) -> float:
    """Fraction of rows whose argmax equals the label.

    ``scores`` may be logits or probabilities, shape (n, q) (or (..., q)); ``labels`` integer
    class indices of shape (n,) (or the leading shape). Returns a float in [0, 1].
    Ties go to the lowest class index, as with ``np.argmax``.

    Introduced in 09_training_from_scratch.ipynb.
    """
    S = as_float_array(scores, "scores")
    y = np.asarray(labels)
    if y.shape != S.shape[:-1]:
        hint = " (use labels.argmax(axis=-1) for one-hot rows)" if y.shape == S.shape else ""
        raise ValueError(
            f"labels have shape {y.shape} but scores have shape {S.shape}; labels must have "
            f"shape {S.shape[:-1]}, one class index per row{hint}"
        )
    y = as_labels(y, S.shape[-1])
    return float(np.mean(S.argmax(axis=-1) == y))

"""One-hot encoding (独热编码).

Introduced in 02_one_hot_encoding.ipynb.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_labels, check_num_classes


def one_hot(labels, num_classes: int, dtype=np.float64) -> np.ndarray:
    """Turn class indices into one-hot rows: label j becomes a vector with a 1 at position j.

    Shapes: ``labels`` of any shape (n,) -> (n, num_classes); in general
    ``labels.shape + (num_classes,)``. ``argmax(one_hot(y, q), axis=-1)`` gives ``y`` back.

    Introduced in 02_one_hot_encoding.ipynb.
    """
    q = check_num_classes(num_classes)
    y = as_labels(labels, q)
    Y = np.zeros(y.shape + (q,), dtype=dtype)
    np.put_along_axis(Y, y[..., None], 1, axis=-1)
    return Y

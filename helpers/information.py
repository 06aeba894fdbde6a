"""Information theory (信息论) for discrete distributions: surprisal, entropy, cross-entropy, KL.

Introduced in 08_information_theory.ipynb.

These functions take *probability distributions* (non-negative rows that sum to 1), not
logits: the loss a model trains on is :func:`helpers.cross_entropy`, computed from logits.
The convention ``0 log 0 = 0`` (the limit of ``p log p`` as p -> 0) is applied everywhere, so
a zero probability never produces nan. A zero in ``q`` where ``p`` is positive gives an
infinite cross-entropy and KL divergence, which is the right answer, and no warning.

``unit="nats"`` uses the natural log (what the loss uses), ``unit="bits"`` the log base 2;
the two differ by the factor ln 2: a value in bits is the value in nats divided by ln 2.
"""

from __future__ import annotations

import numpy as np

from ._checks import as_float_array

UNITS = ("nats", "bits")


def _log_unit(unit: str) -> float:
    """The natural log of the base: 1 for nats, ln 2 for bits (divide ln x by it)."""
    if unit not in UNITS:
        raise ValueError(
            f"unit={unit!r} is not one of {UNITS}: 'nats' uses the natural log, "
            "'bits' the log base 2"
        )
    return 1.0 if unit == "nats" else float(np.log(2.0))


def _as_distribution(values, name: str) -> np.ndarray:
    """Validate non-negative rows summing to 1 along the last axis; return float64."""
    p = as_float_array(values, name).astype(np.float64)
    if (p < 0).any():
        where = tuple(int(i) for i in np.argwhere(p < 0)[0])
        raise ValueError(
            f"{name} has a negative entry {p[where]:.6g} at index {where}; probabilities "
            "must be >= 0 (if these are logits, apply softmax first)"
        )
    sums = p.sum(axis=-1)
    bad = np.abs(sums - 1.0) > 1e-6
    if np.any(bad):
        first = float(np.ravel(sums)[int(np.argmax(np.ravel(bad)))])
        raise ValueError(
            f"{name} sums to {first:.6g}, not 1, along its last axis; a distribution must sum "
            f"to 1: normalise it with {name} / {name}.sum(axis=-1, keepdims=True)"
        )
    return p


def _pair(p, q) -> tuple[np.ndarray, np.ndarray]:
    P = _as_distribution(p, "p")
    Q = _as_distribution(q, "q")
    if P.shape[-1] != Q.shape[-1]:
        raise ValueError(
            f"p has {P.shape[-1]} outcomes and q has {Q.shape[-1]}; both must be "
            "distributions over the same outcomes"
        )
    try:
        P, Q = np.broadcast_arrays(P, Q)
    except ValueError:
        raise ValueError(
            f"p with shape {P.shape} and q with shape {Q.shape} do not broadcast; "
            "give one distribution per row, the outcomes along the last axis"
        ) from None
    return P, Q


def _scalar_or_array(x: np.ndarray):
    return float(x) if x.ndim == 0 else x


def _terms(P: np.ndarray, Q: np.ndarray, term) -> np.ndarray:
    """``term(p_j, q_j)`` where both are > 0; 0 where p_j = 0; inf where p_j > 0 = q_j."""
    out = np.zeros_like(P)
    used = P > 0
    out[used & (Q == 0)] = np.inf
    ok = used & (Q > 0)
    out[ok] = term(P[ok], Q[ok])
    return out


def surprisal(p, unit: str = "nats") -> np.ndarray:
    """The surprisal (信息量) ``-log p`` of events with probabilities ``p``, element-wise.

    ``p`` may be any array of probabilities in [0, 1] (it need not sum to 1). ``-log 1 = 0``;
    ``-log 0 = inf`` (an impossible event is infinitely surprising), with no warning.
    Shapes: same as ``p``; a float for a scalar.

    Introduced in 08_information_theory.ipynb.
    """
    scale = _log_unit(unit)
    x = as_float_array(p, "p", min_ndim=0).astype(np.float64)
    if ((x < 0) | (x > 1)).any():
        raise ValueError("p must hold probabilities in [0, 1]")
    out = np.full(x.shape, np.inf)  # -log 0 = inf
    possible = x > 0
    out[possible] = -np.log(x[possible])
    return _scalar_or_array(out / scale + 0.0)  # + 0.0: -log 1 prints as 0.0, not -0.0


def entropy(p, unit: str = "nats"):
    """The entropy (熵) ``H(p) = -sum_j p_j log p_j``: the expected surprisal under p.

    Terms with ``p_j = 0`` contribute 0 (``0 log 0 = 0``), so a one-hot distribution has
    entropy 0, not nan. Shapes: ``p`` (k,) -> float; (..., k) -> (...). Uniform over k
    outcomes gives the maximum, ``log k``.

    Introduced in 08_information_theory.ipynb.
    """
    scale = _log_unit(unit)
    P = _as_distribution(p, "p")
    log_p = np.zeros_like(P)
    np.log(P, out=log_p, where=P > 0)  # log p only where p > 0; 0 elsewhere
    H = -(P * log_p).sum(axis=-1) / scale + 0.0
    return _scalar_or_array(H)


def cross_entropy_dist(p, q, unit: str = "nats"):
    """The cross-entropy ``H(p, q) = -sum_j p_j log q_j`` of two distributions.

    The expected surprisal when outcomes follow p but are scored with q. Terms with
    ``p_j = 0`` contribute 0 whatever ``q_j`` is; ``p_j > 0`` with ``q_j = 0`` gives inf.
    ``H(p, q) = H(p) + KL(p || q)``. Shapes: (k,) and (k,) -> float; rows broadcast,
    (..., k) -> (...). (For a loss computed from logits use :func:`helpers.cross_entropy`.)

    Introduced in 08_information_theory.ipynb.
    """
    scale = _log_unit(unit)
    P, Q = _pair(p, q)
    terms = _terms(P, Q, lambda p_j, q_j: -p_j * np.log(q_j))
    return _scalar_or_array(terms.sum(axis=-1) / scale + 0.0)


def kl(p, q, unit: str = "nats"):
    """The KL divergence (KL散度) ``KL(p || q) = sum_j p_j log(p_j / q_j)``.

    Always >= 0, and 0 exactly when p = q; not symmetric: KL(p || q) != KL(q || p) in
    general. Terms with ``p_j = 0`` contribute 0; ``p_j > 0`` with ``q_j = 0`` gives inf.
    Shapes: (k,) and (k,) -> float; rows broadcast, (..., k) -> (...).

    Introduced in 08_information_theory.ipynb.
    """
    scale = _log_unit(unit)
    P, Q = _pair(p, q)
    terms = _terms(P, Q, lambda p_j, q_j: p_j * (np.log(p_j) - np.log(q_j)))
    # each term may be negative, the sum never is; clip the rounding error below 0
    return _scalar_or_array(np.maximum(terms.sum(axis=-1), 0.0) / scale + 0.0)


def normalize_weights(weights) -> tuple[np.ndarray, bool]:
    """Turn non-negative weights into a distribution ``w / sum(w)``; all zeros -> uniform.

    Returns ``(p, was_all_zero)``. How the widget of 08 keeps its sliders normalised: each
    slider holds a weight, the distribution shown is the weights divided by their sum.
    Shapes: (k,) -> (k,).

    Introduced in 08_information_theory.ipynb.
    """
    w = as_float_array(weights, "weights").astype(np.float64)
    if w.ndim != 1:
        raise ValueError(f"weights must be one vector of shape (k,), got shape {w.shape}")
    if (w < 0).any():
        raise ValueError("weights must be >= 0 (they are normalised to probabilities)")
    total = float(w.sum())
    if total == 0.0:
        return np.full(w.shape, 1.0 / w.size), True
    return w / total, False

"""Exercise checkers: call ``check_x(your_function)`` and read the feedback.

Each checker prints one line per check and a hint on failure; an untouched stub (one that
still raises ``NotImplementedError``) prints "not attempted yet". Built on ``_framework.py``;
one module of checkers per notebook, imported lazily.
"""

from importlib import import_module

from ._framework import Case, NotAttempted, Report, run_checks

# checker -> module that defines it (the notebook whose exercise it checks)
_WHERE = {
    "check_decode_prediction": "classification_checks",  # 01
    "check_one_hot": "encoding_checks",  # 02
    "check_smooth_labels": "encoding_checks",  # 02
    "check_forward": "network_checks",  # 03
    "check_parameter_count": "network_checks",  # 03
    "check_softmax": "softmax_checks",  # 04
    "check_softmax_rows": "softmax_checks",  # 04
    "check_forward_batch": "vectorization_checks",  # 05
    "check_cross_entropy": "loss_checks",  # 06
    "check_gradient": "derivative_checks",  # 07
    "check_jacobian": "derivative_checks",  # 07
    "check_entropy": "information_checks",  # 08
    "check_kl": "information_checks",  # 08
    "check_sgd_update": "training_checks",  # 09
    "check_top_k_accuracy": "evaluation_checks",  # 10
    "check_ece": "evaluation_checks",  # 10
}

__all__ = ["Case", "NotAttempted", "Report", "run_checks", *sorted(_WHERE)]


def __getattr__(name: str):
    if name in _WHERE:
        return getattr(import_module(f".{_WHERE[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

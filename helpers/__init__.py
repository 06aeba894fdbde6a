"""helpers: the shared code of the softmax regression notebook series.

The maths the notebooks teach (pure NumPy, no plotting) and the model built from it in
09_training_from_scratch.ipynb are importable from here::

    from helpers import softmax, cross_entropy, one_hot

Data, plots, widgets and exercise checkers live in submodules of their own
(``helpers.data``, ``helpers.plots``, ``helpers.widgets``, ``helpers.exercises``) and are
imported only when a notebook asks for them. Importing helpers changes no global state.
"""

from .derivatives import numerical_gradient, softmax_jacobian
from .encoding import one_hot
from .loss import cross_entropy, cross_entropy_grad, cross_entropy_with_grad
from .metrics import accuracy
from .model import SoftmaxRegression
from .softmax import log_softmax, logsumexp, naive_softmax, softmax

__all__ = [
    "SoftmaxRegression",
    "accuracy",
    "cross_entropy",
    "cross_entropy_grad",
    "cross_entropy_with_grad",
    "log_softmax",
    "logsumexp",
    "naive_softmax",
    "numerical_gradient",
    "one_hot",
    "softmax",
    "softmax_jacobian",
]

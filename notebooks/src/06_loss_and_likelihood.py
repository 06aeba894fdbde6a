# %% [markdown]
# # 06 · Loss function: likelihood (损失函数 · 对数似然)
#
# The model now outputs probabilities. To train it we need one number that says how good those
# probabilities are, and that gets smaller as the model gets better: a loss function. Softmax
# regression, like linear regression before it, takes its loss from **maximum likelihood
# estimation** (最大似然估计): choose the parameters under which the labels we actually observed
# are as probable as possible. Taking the negative log of that probability gives the
# **cross-entropy loss** (交叉熵损失), the loss of almost every classifier in use. This notebook
# derives it, shows why the log is not optional, computes it stably from the logits, and
# explains why squared error is the wrong choice here.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - read the model's output ŷ as a conditional probability P(y | x), and write the likelihood
#   of a dataset as a product over its examples;
# - explain why the product must be turned into a sum of logs (a product of 1000 probabilities
#   underflows to 0.0), and derive the negative log-likelihood, the cross-entropy
#   $l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_j y_j \log \hat{y}_j$;
# - say whether a loss is a mean or a sum over the batch and what that does to the learning
#   rate, and sanity-check a loss against log q;
# - explain why cross-entropy trains a classifier better than squared error;
# - compute the loss from the logits (log-softmax, log-sum-exp), never as log(softmax).

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import (
    cross_entropy,
    cross_entropy_grad,
    log_softmax,
    logsumexp,
    numerical_gradient,
    one_hot,
    softmax,
    softmax_jacobian,
)
from helpers.data import toy_images
from helpers.exercises import check_cross_entropy
from helpers.plots import use_style
from helpers.widgets import LossExplorer

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## The output is a conditional probability
#
# For an input x, softmax regression outputs ŷ = softmax(xW + b), q numbers that are positive
# and sum to 1. We read them as the model's **conditional probabilities** of the classes given
# the input:
#
# $$
# \hat{y}_j = P(y = j \mid \mathbf{x}), \qquad j = 1, \dots, q .
# $$
#
# With the hand-set weights of notebook 03 and a batch of toy images:

# %%
X_all, y_all, class_names = toy_images(n_per_class=400, seed=0)
W = np.array(
    [
        [0.5, 0.5, 0.5],
        [2.0, -1.0, -1.0],
        [-1.0, -1.0, 2.0],
        [-1.0, 2.0, -1.0],
    ]
)  # (d, q) = (4, 3), the weights of notebook 03
b = np.array([0.2, -0.1, 0.3])  # (q,)

x = X_all[0]  # one image, (d,)
y_hat = softmax(x @ W + b)  # (q,)
for j, name in enumerate(class_names):
    print(f"P(y = {name:7s} | x) = {y_hat[j]:.4f}")
print(f"sum = {y_hat.sum():.4f}; the true class is {class_names[y_all[0]]}")

# %% [markdown]
# ## The likelihood (似然) of a dataset
#
# For a labelled example (x⁽ⁱ⁾, y⁽ⁱ⁾), the probability the model gives to what we actually
# observed is the entry of ŷ⁽ⁱ⁾ at the true class, $\hat{y}^{(i)}_{y^{(i)}}$. If the examples
# are independent, the probability of all the labels of the dataset is the **product** over the
# n examples:
#
# $$
# P(\mathbf{Y} \mid \mathbf{X}) = \prod_{i=1}^{n} P\big(y^{(i)} \mid \mathbf{x}^{(i)}\big)
# = \prod_{i=1}^{n} \hat{y}^{(i)}_{y^{(i)}} .
# $$
#
# Seen as a function of the parameters W and b, this is the **likelihood**. Maximum likelihood
# estimation picks the W and b that make it largest. In code, `Y_hat[np.arange(n), y]` picks
# one entry per row, the true class's probability:

# %%
X, y = X_all[:5], y_all[:5]  # a minibatch of n = 5
n = len(y)
Y_hat = softmax(X @ W + b)  # (n, q)
p_true = Y_hat[np.arange(n), y]  # (n,): ŷ of the true class, one per example
print("true classes:       ", [class_names[k] for k in y])
print("P(true class | x):  ", p_true)
print(f"likelihood (product): {np.prod(p_true):.6f}")

W0, b0 = np.zeros_like(W), np.zeros_like(b)  # an untrained model: every logit 0
p_true_0 = softmax(X @ W0 + b0)[np.arange(n), y]
print(f"untrained model:      {np.prod(p_true_0):.6f} = (1/3)^5 = {(1 / 3) ** 5:.6f}")

# %% [markdown]
# The hand-set model makes the observed labels more probable than the untrained one, so by
# maximum likelihood it is the better model.

# %% [markdown]
# ## Why the log: a product of 1000 probabilities underflows
#
# Every factor is at most 1, so the product shrinks with every example. float64 cannot hold a
# positive number below about 5 × 10⁻³²⁴: smaller results **underflow** (下溢) to exactly 0.0.
# With 1000 examples this is not a rare corner case; for the untrained model, whose every
# prediction is 1/3, the likelihood is (1/3)¹⁰⁰⁰ ≈ 10⁻⁴⁷⁷:

# %%
X_1000, y_1000 = X_all[:1000], y_all[:1000]
idx = np.arange(1000)
p_hand = softmax(X_1000 @ W + b)[idx, y_1000]  # (1000,)
p_untrained = softmax(X_1000 @ W0 + b0)[idx, y_1000]  # (1000,), every entry 1/3
print(f"smallest positive float64: {np.finfo(np.float64).smallest_subnormal:.3g}")
print(f"hand-set model:  product of 1000 probabilities = {np.prod(p_hand):.4g}")
print(f"untrained model: product of 1000 probabilities = {np.prod(p_untrained)}")
print(f"(1/3)^1000 = 10^{1000 * np.log10(1 / 3):.1f}, far below that")

# %% [markdown]
# The untrained model's likelihood is exactly 0.0, and so would be that of any model on a large
# enough dataset: the likelihoods can no longer be compared, and 0.0 has no useful gradient.
# The logarithm fixes this. It turns the product into a sum of moderate numbers, and because
# log is increasing, the parameters that maximise the **log-likelihood** (对数似然) are the
# same ones that maximise the likelihood:
#
# $$
# \log P(\mathbf{Y} \mid \mathbf{X}) = \sum_{i=1}^{n} \log \hat{y}^{(i)}_{y^{(i)}} .
# $$

# %%
print(f"hand-set model:  log-likelihood = {np.sum(np.log(p_hand)):.2f}")
print(f"untrained model: log-likelihood = {np.sum(np.log(p_untrained)):.2f}"
      f" = 1000 · log(1/3) = {1000 * np.log(1 / 3):.2f}")

# %% [markdown]
# ## Negative log-likelihood (负对数似然) = cross-entropy
#
# Optimisers minimise, so we flip the sign. The **negative log-likelihood** of the dataset is a
# **sum** over the n examples of one loss per example:
#
# $$
# -\log P(\mathbf{Y} \mid \mathbf{X}) = \sum_{i=1}^{n} -\log \hat{y}^{(i)}_{y^{(i)}}
# = \sum_{i=1}^{n} l\big(\mathbf{y}^{(i)}, \hat{\mathbf{y}}^{(i)}\big),
# \qquad
# l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_{j=1}^{q} y_j \log \hat{y}_j .
# $$
#
# The per-example loss l is the **cross-entropy**; its Σ runs over the q classes, not over the
# examples. With a one-hot label y (notebook 02) every y_j is 0 except at the true class, so
# only one term of the sum survives and l = −log ŷ_y. Here are the three terms for the first
# image:

# %%
y0 = one_hot(y[0], 3)  # (q,) one-hot label of example 0
log_y_hat0 = np.log(Y_hat[0])  # (q,); these probabilities are far from 0, so log is safe here
terms = -y0 * log_y_hat0  # −y_j log ŷ_j, one term per class
for j, name in enumerate(class_names):
    print(
        f"{name:8s} y_j = {y0[j]:.0f}   log ŷ_j = {log_y_hat0[j]:8.4f}"
        f"   −y_j log ŷ_j = {terms[j]:.4f}"
    )
print(f"l = sum of the terms = {terms.sum():.4f};  −log ŷ_true = {-np.log(p_true[0]):.4f}")

# %% [markdown]
# The same for the whole batch, as a sum over the examples; `helpers.cross_entropy` computes it
# from the logits O (not from ŷ, for a reason explained below):

# %%
Y = one_hot(y, 3)  # (n, q)
O = X @ W + b  # (n, q) logits
nll_sum = np.sum(-(Y * np.log(Y_hat)).sum(axis=1))  # Σ_i Σ_j −Y_ij log Ŷ_ij
print(f"negative log-likelihood (sum over the batch): {nll_sum:.4f}")
print(f"−log-likelihood from above:                   {-np.sum(np.log(p_true)):.4f}")
print(f"helpers.cross_entropy(O, y, reduction='sum'): {cross_entropy(O, y, reduction='sum'):.4f}")

# %% [markdown]
# ## Mean or sum over the batch
#
# The negative log-likelihood is a sum. Training usually minimises the **mean** instead:
#
# $$
# L_{\text{sum}} = \sum_{i=1}^{n} l^{(i)}, \qquad
# L_{\text{mean}} = \frac{1}{n} \sum_{i=1}^{n} l^{(i)} = \frac{L_{\text{sum}}}{n} .
# $$
#
# Both have the same minimiser, but their gradients differ by the factor n. A gradient step
# with **learning rate** (学习率) η on the sum, η ∇L_sum = (nη) ∇L_mean, is the same as a step with
# learning rate nη on the mean: with the sum, doubling the batch size doubles the step, and a
# learning rate tuned for one batch size is wrong for another. With the mean, η means the same
# thing at any batch size. **In this series the loss is the mean unless a formula says
# otherwise**, as in `helpers.cross_entropy`, whose default is `reduction="mean"`. Below, the
# gradients are taken with respect to the logits O (notebook 07 derives them):

# %%
L_sum = cross_entropy(O, y, reduction="sum")
L_mean = cross_entropy(O, y, reduction="mean")
G_sum = cross_entropy_grad(O, y, reduction="sum")  # ∂L_sum/∂O, (n, q)
G_mean = cross_entropy_grad(O, y, reduction="mean")  # ∂L_mean/∂O, (n, q)
print(f"n = {n}:  L_sum = {L_sum:.4f},  L_mean = {L_mean:.4f},  ratio = {L_sum / L_mean:.1f}")
print("∂L_sum/∂O = n · ∂L_mean/∂O:", np.allclose(G_sum, n * G_mean))
lr = 0.1
print("step of lr on the sum equals step of n·lr on the mean:",
      np.allclose(lr * G_sum, (n * lr) * G_mean))

# %% [markdown]
# ## A sanity check: uniform predictions give log q
#
# Before training, with all weights zero (or tiny), every logit is equal, so ŷ_j = 1/q for
# every class and every example. Each example's loss is then −log(1/q) = **log q**, and so is
# the mean. A first loss far from log q points to a bug: large initial weights, wrong labels,
# or a sum where a mean was meant (a sum gives n log q).

# %%
for q in (3, 10):
    n_check = 30
    O_uniform = np.zeros((n_check, q))  # an untrained model's logits
    y_check = rng.integers(0, q, size=n_check)
    mean_loss = cross_entropy(O_uniform, y_check)  # mean over the batch
    sum_loss = cross_entropy(O_uniform, y_check, reduction="sum")
    print(f"q = {q:2d}: mean loss {mean_loss:.4f} = log q = {np.log(q):.4f};"
          f" the sum over {n_check} examples would be {sum_loss:.2f}")

# %% [markdown]
# ## Why not squared error?
#
# Squared error, $\sum_j (\hat{y}_j - y_j)^2$ (a sum over the classes, one example), also
# reaches 0 when the prediction is perfect. The trouble is how it behaves when the model is
# *confidently wrong*. Take q = 3, let the true class have probability p and the two other
# classes share the rest equally, and look at each loss and its derivative with respect to the
# **logit of the true class**, o_y. For cross-entropy that derivative is
# $\partial l / \partial o_y = p - 1$ (derived in notebook 07); for squared error it follows from
# the softmax Jacobian, $\partial \hat{y}_k / \partial o_y = \hat{y}_k(\delta_{ky} - p)$, and here
# simplifies to $-3p(1-p)^2$. Both are checked against finite differences first:

# %%
def logits_for(p, q=3):
    """Logits whose softmax gives the true class (0) probability p, the others (1 - p)/(q - 1)."""
    return np.log(np.array([p] + [(1 - p) / (q - 1)] * (q - 1)))


def squared_error(o, y_onehot):
    return float(np.sum((softmax(o) - y_onehot) ** 2))


y_true = one_hot(0, 3)  # the true class is class 0
p = 0.05  # a confidently wrong model
o = logits_for(p)
ce_grad = cross_entropy_grad(o[None], [0])[0, 0]  # ∂l/∂o_y for cross-entropy
se_grad = (softmax_jacobian(o).T @ (2 * (softmax(o) - y_true)))[0]  # chain rule through softmax
ce_num = numerical_gradient(lambda v: cross_entropy(v[None], [0]), o)[0]
se_num = numerical_gradient(lambda v: squared_error(v, y_true), o)[0]
print(f"p = {p}: cross-entropy ∂l/∂o_y = {ce_grad:.4f} (p − 1 = {p - 1:.4f}),"
      f" finite differences agree: {np.isclose(ce_grad, ce_num)}")
print(f"p = {p}: squared error ∂l/∂o_y = {se_grad:.4f} (−3p(1−p)² = {-3 * p * (1 - p) ** 2:.4f}),"
      f" finite differences agree: {np.isclose(se_grad, se_num)}")

# %%
# figure: both losses and their gradients w.r.t. the true class's logit, against its probability
ps = np.linspace(0.001, 0.999, 500)
ce_loss = np.array([cross_entropy(logits_for(p)[None], [0]) for p in ps])
se_loss = np.array([squared_error(logits_for(p), y_true) for p in ps])
ce_g = np.array([cross_entropy_grad(logits_for(p)[None], [0])[0, 0] for p in ps])
se_g = np.array([(softmax_jacobian(logits_for(p)).T @ (2 * (softmax(logits_for(p)) - y_true)))[0]
                 for p in ps])

fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9.5, 3.6), constrained_layout=True)
ax1.plot(ps, ce_loss, label="cross-entropy  −log p")
ax1.plot(ps, se_loss, label="squared error  Σ (ŷ_j − y_j)²")
ax1.set(xlabel="p = probability of the true class", ylabel="loss", ylim=(0, 5),
        title="loss of one example")
ax1.legend()
ax2.plot(ps, ce_g, label="cross-entropy  p − 1")
ax2.plot(ps, se_g, label="squared error  −3p(1 − p)²")
ax2.axhline(0, color="grey", lw=0.8)
ax2.axvspan(0, 0.1, color="tab:red", alpha=0.08)
ax2.annotate("confidently wrong:\nsquared error barely pushes", xy=(0.03, -0.08),
             xytext=(0.14, -0.14), va="center", arrowprops=dict(arrowstyle="->"), fontsize=9)
ax2.set(xlabel="p = probability of the true class", ylabel="∂ loss / ∂ o_y",
        title="gradient w.r.t. the true class's logit")
ax2.legend(loc="lower right")
plt.show()

# %% [markdown]
# When the model is confidently wrong (p near 0), cross-entropy's loss is large and its gradient
# stays near −1: a strong push up on the true class's logit. Squared error's loss levels off at
# 1.5 and its gradient goes to **0**: the softmax has saturated, and the worst mistakes are
# corrected the slowest. Cross-entropy's −log cancels the exponential inside softmax, which is
# why its gradient is the simple p − 1.

# %% [markdown]
# ## Compute the loss from the logits, never as log(softmax)
#
# Written naively, the loss is `-np.log(softmax(o)[y])`. This takes the log of a probability
# that can round to 0. With logits [1000, 0] the second class's probability is e⁻¹⁰⁰⁰ ≈ 10⁻⁴³⁴,
# which float64 cannot hold: softmax returns 0.0, and log(0) = −inf. (NumPy would also print a
# "divide by zero" warning; the cell silences it with `np.errstate` only to show the value.)

# %%
o = np.array([1000.0, 0.0])
p_naive = softmax(o)  # [1.0, 0.0]: exp(-1000) underflowed to 0
with np.errstate(divide="ignore"):  # np.log(0.0) warns "divide by zero"; shown, not hidden
    log_p_naive = np.log(p_naive)
print(f"exp(-1000) = 10^{-1000 / np.log(10):.1f}: far below the smallest float64")
print(f"softmax(o)           = {p_naive}")
print(f"log(softmax(o))[1]   = {log_p_naive[1]}   -> the loss for class 1 would be inf")
print(f"log_softmax(o)[1]    = {log_softmax(o)[1]}")

# %% [markdown]
# The fix is to never form the probability. Since log ŷ_j = o_j − log Σ_k exp(o_k),
#
# $$
# l = -\log \hat{y}_y = \log \sum_{k=1}^{q} \exp(o_k) - o_y
# = \underbrace{m + \log \sum_{k=1}^{q} \exp(o_k - m)}_{\text{log-sum-exp},\ m = \max_k o_k}
# - \; o_y ,
# $$
#
# where subtracting the maximum m keeps every exp at most 1 (notebook 04). Translated:

# %%
y_label = 1
m = o.max()
lse = m + np.log(np.sum(np.exp(o - m)))  # log Σ_k exp(o_k), stably
loss = lse - o[y_label]  # −log ŷ_y, without ever computing ŷ_y
print(f"log-sum-exp = {lse}  (helpers.logsumexp: {logsumexp(o)})")
print(f"loss = {loss}")
print(f"helpers.cross_entropy: {cross_entropy(o[None], [y_label])}")

# %% [markdown]
# The loss is 1000, large and finite, with a finite gradient: training can correct the
# mistake. An inf loss would turn into nan gradients and wreck every weight. This is why
# `helpers.cross_entropy` takes logits, not probabilities.
#
# Now try it: pick the true class, move the logits, and watch ŷ, each term −y_j log ŷ_j of the
# sum (only the true class's term is ever non-zero), the loss, and where it sits on the curve
# −log p. Make the true class's logit the smallest and lower the temperature: the dot climbs
# off the chart, but the loss stays a finite number.

# %%
LossExplorer()

# %% [markdown]
# ## Check your understanding
#
# 1. Before any training, a model's loss on its first minibatch of 30 digits (q = 10 classes)
#    is 69.08. What is most likely wrong?
#
#    <details><summary>Answer</summary>
#
#    The loss is summed over the batch instead of averaged: an untrained model should give a
#    mean loss of log 10 ≈ 2.303, and 30 × 2.303 ≈ 69.08 (the sanity-check cell prints it).
#    Either divide by n, or remember to scale the learning rate down by n.
#
#    </details>
#
# 2. With a one-hot label for class 2, the model's probabilities for classes 0 and 1 do not
#    appear in the loss. Does that mean their logits do not matter?
#
#    <details><summary>Answer</summary>
#
#    No. The loss is −log ŷ₂, and ŷ₂ = exp(o₂) / Σ_k exp(o_k) depends on every logit through the
#    normalisation: raising o₀ lowers ŷ₂ and so raises the loss. What does not matter is how the
#    remaining probability 1 − ŷ₂ is split between classes 0 and 1.
#
#    </details>
#
# 3. Why is `-np.log(softmax(o))[y]` a bug even though the formula is right?
#
#    <details><summary>Answer</summary>
#
#    softmax can round a tiny probability to exactly 0.0 (e.g. for logits [1000, 0]), and
#    log(0) = −inf, which makes the loss inf and the gradients nan. Compute
#    log ŷ = log_softmax(o) = o − logsumexp(o) from the logits instead.
#
#    </details>

# %% [markdown]
# ## Summary
#
# - The model's output is a conditional probability: ŷ_j = P(y = j | x).
# - The likelihood of a dataset is the product of the true classes' probabilities; a product of
#   1000 of them underflows to 0.0, so we maximise the log-likelihood, a sum.
# - Negative log-likelihood (a sum over examples) = Σ_i l(y⁽ⁱ⁾, ŷ⁽ⁱ⁾), with the cross-entropy
#   l(y, ŷ) = −Σ_j y_j log ŷ_j (a sum over classes); with one-hot y, l = −log ŷ_y.
# - Say which reduction you use: the mean is the series' default; the sum's gradient is n times
#   larger, which is the same as an n times larger learning rate.
# - Sanity check: uniform predictions give a mean loss of log q.
# - Cross-entropy keeps a strong gradient (p − 1) when the model is confidently wrong; squared
#   error saturates.
# - Compute the loss from logits: logsumexp(o) − o_y, never log(softmax(o)).

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★★ · A stable cross-entropy from logits
#
# Write `cross_entropy_from_logits(O, y)` that returns the **mean** cross-entropy of a batch,
# $\frac{1}{n}\sum_{i=1}^{n} -\log \mathrm{softmax}(\mathbf{O}_i)_{y_i}$, from logits O (n, q) and
# integer labels y (n,). It must give the right finite answer even for logits of ±1000, so
# never take the log of a probability: build log-softmax from the logits with the row maximum
# subtracted. Use NumPy only. The checker compares with `helpers.cross_entropy` on a batch,
# uniform logits, extreme logits and a second batch, and recognises summing instead of
# averaging, log(softmax) and using the wrong class.

# %%
def cross_entropy_from_logits(O, y):
    raise NotImplementedError  # your code here


# %%
check_cross_entropy(cross_entropy_from_logits)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def cross_entropy_from_logits(O, y):
    n = O.shape[0]
    M = O.max(axis=1, keepdims=True)  # (n, 1): row maxima
    log_Y_hat = O - M - np.log(np.exp(O - M).sum(axis=1, keepdims=True))  # log_softmax, (n, q)
    return -log_Y_hat[np.arange(n), y].mean()  # one entry per row, then the mean over the batch


check_cross_entropy(cross_entropy_from_logits)

# %% [markdown]
# ---
# **Navigation:** [← 05 Vectorization](05_minibatch_vectorization.ipynb) · [index](00_index.ipynb) · [next: 07 Softmax and its derivative →](07_softmax_derivatives.ipynb)

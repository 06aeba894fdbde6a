# %% [markdown]
# # 04 · The softmax operation (softmax运算)
#
# The network of notebook 03 produces three numbers o₁, o₂, o₃ for an image, one per class. They
# are scores, not probabilities: they can be negative and need not add up to 1. The **softmax
# operation** turns any such vector of logits into a probability distribution over the classes,
# keeps their order, and stays differentiable, so it can be trained. Getting it right on a
# computer also means getting it *stable*: the formula as printed overflows for logits as small
# as 89 in float32.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - explain why logits are not probabilities, and compute softmax by exponentiating and normalising;
# - show in code that softmax is non-negative, sums to 1, keeps the order of the logits, ignores a
#   shift of all logits, and is sharpened or flattened by a temperature;
# - explain why softmax regression is still a linear model, and that two-class softmax is the sigmoid;
# - compute softmax and log-sum-exp without overflow in float16, float32 and float64.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import log_softmax, logsumexp, softmax
from helpers.exercises import check_softmax, check_softmax_rows
from helpers.plots import draw_decision_regions, use_style
from helpers.widgets import LogitExplorer

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## Logits are not probabilities
#
# Suppose the network of notebook 03 gives these logits (未规范化的预测) for one image. The note
# points out the problem: *the outputs need not sum to 1, and depending on the input they can be
# negative, which violates the axioms of probability.*

# %%
class_names = ["cat", "chicken", "dog"]
o = np.array([2.0, -1.0, 0.5])  # logits o_1, o_2, o_3
print(f"o = {o}")
print(f"any negative? {bool((o < 0).any())}   sum = {o.sum():.2f}")

# %% [markdown]
# ## Exponentiate, then normalise
#
# Softmax first makes every entry positive with exp, then divides by the sum so the entries add
# up to 1:
#
# $$\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{o}), \qquad
#   \hat{y}_j = \frac{\exp(o_j)}{\sum_k \exp(o_k)}.$$
#
# The denominator $\sum_k \exp(o_k)$ is the normalization constant, also called the partition
# function (规范化常数/配分函数). Translated symbol by symbol:

# %%
exp_o = np.exp(o)               # exp(o_j) for every j
y_hat = exp_o / exp_o.sum()     # divide by sum_k exp(o_k)
for name, oj, pj in zip(class_names, o, y_hat, strict=True):
    print(f"{name:8s} o = {oj:5.2f}   exp(o) = {np.exp(oj):6.3f}   ŷ = {pj:.4f}")
print(f"same as helpers.softmax: {np.allclose(y_hat, softmax(o))}")

# %% [markdown]
# ## Five properties, each checked
#
# **Non-negative, and sums to 1.** Every exp is positive, and dividing by the total makes the sum
# exactly 1 in exact arithmetic. In floating point the sum is 1 *up to rounding*: a float cannot
# hold 0.1 exactly, so ten probabilities of 0.1 added one by one give 0.9999999999999999. Compare
# with `np.isclose`, never with `==`.

# %%
ten_equal = softmax(np.zeros(10))  # ten equal logits: each probability is 0.1
running_total = 0.0
for p in ten_equal:
    running_total += float(p)
print(f"all ≥ 0: {bool((ten_equal >= 0).all())}")
print(f"added one by one: {running_total!r}")
print(f"np.isclose(total, 1): {bool(np.isclose(running_total, 1.0))}")

# %% [markdown]
# **Order-preserving.** exp is increasing and every entry is divided by the same positive number,
# so the largest logit gets the largest probability: $\arg\max_j \hat{y}_j = \arg\max_j o_j$. The
# predicted class can be read off the logits; softmax is needed for the *probabilities* (and for
# training).

# %%
O_random = rng.normal(scale=3.0, size=(1000, 3))
same = np.argmax(softmax(O_random), axis=1) == np.argmax(O_random, axis=1)
print(f"argmax ŷ = argmax o in {same.mean():.0%} of 1000 random rows")

# %% [markdown]
# **Invariant to adding a constant.** For any number c,
# $\mathrm{softmax}(\mathbf{o} + c)_j = \frac{e^{c} e^{o_j}}{e^{c} \sum_k e^{o_k}} = \mathrm{softmax}(\mathbf{o})_j$.
# Only the *differences* between logits matter. (Log-sum-exp, below, is *not* invariant: it moves
# by exactly c.)

# %%
for c in [-100.0, 0.0, 3.0, 100.0]:
    print(f"c = {c:7.1f}   softmax(o + c) = {softmax(o + c)}")

# %% [markdown]
# **Temperature (温度).** Dividing the logits by a temperature T > 0 before softmax,
# $\hat{y}_j = \exp(o_j / T) / \sum_k \exp(o_k / T)$, sharpens the distribution when T < 1 (towards
# a one-hot vector on the argmax as T → 0) and flattens it when T > 1 (towards uniform as T → ∞).
# The order never changes.

# %%
for T in [0.1, 0.5, 1.0, 2.0, 10.0, 1000.0]:
    print(f"T = {T:7.1f}   ŷ = {softmax(o, temperature=T)}")

# %% [markdown]
# ## Try it: the logit explorer
#
# Move the logits, the temperature T and a shift c added to every logit. Watch the bars: the
# probabilities always sum to 1, the largest logit always wins, and the shift changes nothing.
# Then switch to **naive** and push the shift past 710 (or pick float16 and a logit above 11):
# the textbook formula overflows. The next section explains why.

# %%
explorer = LogitExplorer()
explorer

# %% [markdown]
# ## Softmax regression is a linear model
#
# Softmax is non-linear, yet softmax regression is a **linear model** (线性模型): the class it
# picks is the argmax of $\mathbf{o} = \mathbf{x}\mathbf{W} + \mathbf{b}$, and softmax does not
# change the argmax. The logits come from an **affine transformation** (仿射变换)
# $f(\mathbf{x}) = \mathbf{A}\mathbf{x} + \mathbf{b}$: a linear map followed by a shift. The note
# explains it: A is an m×k matrix, x a k-vector and b an m-vector, so f maps k-dimensional inputs
# to m-dimensional outputs; in the running example, 4 pixels to 3 logits (k = 4, m = 3).
#
# Between two classes i and j the model is undecided where $o_i = o_j$, that is where
# $(\mathbf{w}_i - \mathbf{w}_j)\cdot\mathbf{x} + (b_i - b_j) = 0$: a straight line in 2-D (a
# hyperplane in general). Here are the regions of a model with 2 inputs and 3 classes.

# %%
W_2d = np.array([[2.0, -1.0, -1.0],
                 [0.0, 1.5, -1.5]])   # (d, q) = (2, 3): column j holds class j's weights
b_2d = np.array([0.0, 0.5, 0.2])      # (q,)
x_test = np.array([1.0, 1.0])
o_test = x_test @ W_2d + b_2d
i, j = 0, 1
lhs = (W_2d[:, i] - W_2d[:, j]) @ x_test + (b_2d[i] - b_2d[j])
print(f"o = {o_test}; o_cat - o_chicken = {o_test[i] - o_test[j]:.2f} = "
      f"(w_cat - w_chicken)·x + (b_cat - b_chicken) = {lhs:.2f}")

# %%
# figure: the plane coloured by the predicted class; the boundaries are straight lines
ax = draw_decision_regions(W_2d, b_2d, class_names=class_names)
ax.set_title("argmax softmax(xW + b): linear boundaries")
plt.show()

# %% [markdown]
# ## Two classes: softmax is the sigmoid
#
# With q = 2, divide the numerator and denominator by $e^{o_1}$:
#
# $$\hat{y}_1 = \frac{e^{o_1}}{e^{o_1} + e^{o_2}} = \frac{1}{1 + e^{-(o_1 - o_2)}} = \sigma(o_1 - o_2).$$
#
# Two-class softmax regression is logistic regression on the logit difference.

# %%
def sigmoid(t):
    return 1.0 / (1.0 + np.exp(-t))


pairs = rng.normal(scale=2.0, size=(5, 2))   # five (o_1, o_2) pairs
via_softmax = softmax(pairs)[:, 0]
via_sigmoid = sigmoid(pairs[:, 0] - pairs[:, 1])
print(f"softmax(o)_1        = {via_softmax}")
print(f"sigmoid(o_1 - o_2)  = {via_sigmoid}")
print(f"equal: {np.allclose(via_softmax, via_sigmoid)}")

# %% [markdown]
# ## Numerical stability (数值稳定性)
#
# Run the formula exactly as printed on logits of a few hundred and it breaks. exp(1000) is far
# beyond the largest float64 (about 1.8 × 10³⁰⁸), so it **overflows** (上溢) to `inf`, and
# inf / inf is `nan`. At the other end, exp(−1000) **underflows** (下溢) to 0, and 0 / 0 is also `nan`.
# (NumPy warns about both; here we silence the warnings on purpose to look at the values.)

# %%
def naive_softmax(o):
    exp_o = np.exp(o)
    return exp_o / exp_o.sum()


with np.errstate(over="ignore", invalid="ignore", under="ignore"):
    print(f"exp(1000.0) = {np.exp(1000.0)}")
    print(f"naive softmax([1000, 0])     = {naive_softmax(np.array([1000.0, 0.0]))}")
    print(f"naive softmax([-1000, -1000]) = {naive_softmax(np.array([-1000.0, -1000.0]))}")

# %% [markdown]
# **The fix: subtract the maximum.** Shift invariance says we may subtract any constant; choose
# $m = \max_k o_k$. Then every exponent is ≤ 0, so nothing overflows, and the largest term is
# exp(0) = 1, so the sum is at least 1 and never 0:
#
# $$\hat{y}_j = \frac{\exp(o_j - m)}{\sum_k \exp(o_k - m)}.$$

# %%
def stable_softmax(o):
    z = o - o.max()          # o_j - m, every entry <= 0
    exp_z = np.exp(z)        # in (0, 1], the largest is exactly 1
    return exp_z / exp_z.sum()


print(f"stable softmax([1000, 0])     = {stable_softmax(np.array([1000.0, 0.0]))}")
print(f"stable softmax([-1000, -1000]) = {stable_softmax(np.array([-1000.0, -1000.0]))}")
print(f"same as helpers.softmax: {np.allclose(stable_softmax(o), softmax(o))}")

# %% [markdown]
# **Where each precision overflows.** exp(z) is finite only while z < log(largest float). Half
# precision, common on GPUs, overflows at a logit of about 11: a perfectly ordinary value.

# %%
print(f"{'dtype':8s} {'largest float':>14s} {'exp overflows above z =':>24s}")
for dtype in [np.float16, np.float32, np.float64]:
    largest = float(np.finfo(dtype).max)
    print(f"{np.dtype(dtype).name:8s} {largest:14.4g} {np.log(largest):24.2f}")

# %%
o_big = np.array([12.0, 10.0, 0.0])   # ordinary logits, but exp(12) > 65504
for dtype in [np.float16, np.float32, np.float64]:
    x = o_big.astype(dtype)
    with np.errstate(over="ignore", invalid="ignore"):
        naive = naive_softmax(x)
    print(f"{np.dtype(dtype).name:8s} naive {naive}   stable {softmax(x)}")

# %% [markdown]
# **Log-sum-exp.** The log of the denominator appears again in the loss (notebook 06), and it has
# the same problem and the same fix:
#
# $$\mathrm{LSE}(\mathbf{o}) = \log \sum_k \exp(o_k) = m + \log \sum_k \exp(o_k - m).$$
#
# Unlike softmax it is **not** shift invariant: $\mathrm{LSE}(\mathbf{o} + c) = \mathrm{LSE}(\mathbf{o}) + c$.
# It gives the log-probabilities directly, $\log \hat{y}_j = o_j - \mathrm{LSE}(\mathbf{o})$,
# without ever taking the log of a probability that rounded to 0.

# %%
o_wide = np.array([1000.0, 0.0, -1000.0])
m = o_wide.max()
lse = m + np.log(np.exp(o_wide - m).sum())   # m + log sum_k exp(o_k - m)
print(f"LSE(o)      = {lse:.4f}   helpers.logsumexp: {logsumexp(o_wide):.4f}")
c = 5.0
print(f"LSE(o + {c}) = {logsumexp(o_wide + c):.4f} = LSE(o) + {c}")
print(f"log ŷ = o - LSE(o) = {o_wide - lse}")
print(f"helpers.log_softmax  = {log_softmax(o_wide)}")
with np.errstate(divide="ignore"):
    print(f"log(softmax(o))      = {np.log(softmax(o_wide))}   <- -inf: the information is gone")

# %% [markdown]
# ## Check your understanding
#
# 1. The logits of an image are (3, 1, −2). Without computing softmax, which class is predicted,
#    and what happens to the probabilities if all three logits are increased by 10?
#
# <details><summary>Answer</summary>
#
# Class 1 (the largest logit), because softmax preserves order. Adding 10 to every logit changes
# nothing: softmax is invariant to adding a constant.
# </details>
#
# 2. Why does subtracting the maximum logit prevent both overflow and the 0 / 0 case?
#
# <details><summary>Answer</summary>
#
# After the shift every exponent is ≤ 0, so exp is at most 1 (no overflow); the largest
# logit becomes exp(0) = 1, so the denominator is at least 1 (never 0, even if every other term
# underflows).
# </details>
#
# 3. Is LSE(o + c) equal to LSE(o)?
#
# <details><summary>Answer</summary>
#
# No: LSE(o + c) = LSE(o) + c. Softmax is shift invariant; log-sum-exp moves with the shift.
# </details>

# %% [markdown]
# ## Summary
#
# - Softmax exponentiates and normalises: $\hat{y}_j = \exp(o_j) / \sum_k \exp(o_k)$; the result is
#   non-negative and sums to 1 (up to rounding).
# - It keeps the order of the logits, ignores a common shift, and a temperature sharpens (T < 1) or
#   flattens (T > 1) it.
# - The decision is the argmax of an affine function of x, so softmax regression is a linear model;
#   with two classes softmax is the sigmoid of the logit difference.
# - Compute it stably: subtract the maximum first; compute log-probabilities as o − LSE(o).

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★★ · A stable softmax
#
# Write `my_softmax(o)` for a vector of logits or a batch of rows (softmax over the last axis).
# It must survive logits of ±1000 without nan or warnings. The checker tries a small vector,
# overflow, underflow, a shift and a batch.

# %%
def my_softmax(o):
    raise NotImplementedError  # your code here


check_softmax(my_softmax)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def my_softmax(o):
    o = np.asarray(o, dtype=float)
    z = o - o.max(axis=-1, keepdims=True)      # subtract each row's maximum
    exp_z = np.exp(z)
    return exp_z / exp_z.sum(axis=-1, keepdims=True)


check_softmax(my_softmax)

# %% [markdown]
# ### Exercise 2 ★ · Bug hunt: the wrong axis
#
# A classmate's batch softmax returns numbers that look like probabilities, but the model trains
# badly. Each row of `O` is one example. Find the bug, fix `fixed_softmax`, and run the checker.

# %%
def buggy_softmax(O):
    exp_O = np.exp(O - O.max())
    return exp_O / exp_O.sum(axis=0)


def fixed_softmax(O):
    raise NotImplementedError  # your code here: start from buggy_softmax


check_softmax_rows(buggy_softmax)
check_softmax_rows(fixed_softmax)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution: sum over the classes (axis=1) and keep the sums as a column so they broadcast over
# each row. Subtracting each row's own maximum (not the global one) also keeps every row stable.
def fixed_softmax(O):
    exp_O = np.exp(O - O.max(axis=1, keepdims=True))
    return exp_O / exp_O.sum(axis=1, keepdims=True)


check_softmax_rows(fixed_softmax)

# %% [markdown]
# ---
# **Navigation:** [← 03 Network architecture](03_network_architecture.ipynb) · [index](00_index.ipynb) · [next: 05 Vectorization →](05_minibatch_vectorization.ipynb)

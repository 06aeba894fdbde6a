# %% [markdown]
# # 05 · Vectorization for minibatches (小批量样本的矢量化)
#
# Notebook 03 computed the logits of one image at a time. Training never works that way: it
# feeds the model a **minibatch** (小批量) of n examples at once, stacked as the rows of a
# matrix X, and computes all n × q logits with a single matrix product. This is
# **vectorization** (矢量化): replacing a Python loop over examples by whole-array operations
# that NumPy (or a GPU) runs in compiled code. It is what makes training fast, and it is also
# where the most common shape bugs live: a bias that "should be n × q", a softmax normalised
# over the wrong axis, a sum that lost its `keepdims`. This notebook goes through O = XW + b
# shape by shape, makes broadcasting visible, measures the speed-up, and hunts those bugs.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - write O = XW + b for a minibatch and give the shape of every term: X (n, d), W (d, q),
#   XW (n, q), b (q,), O (n, q);
# - explain how a bias of shape (q,) is added to an (n, q) matrix by broadcasting, and show
#   the repeated rows with `np.broadcast_to`;
# - apply softmax row by row and say what $\mathrm{softmax}(\mathbf{O})_{ij}$ means;
# - measure how much faster the vectorized forward pass is than a Python loop;
# - recognise and fix the two classic bugs: `axis=0` instead of `axis=1`, and a missing
#   `keepdims=True`.

# %%
import time

import matplotlib.pyplot as plt
import numpy as np

from helpers import softmax
from helpers.data import toy_images
from helpers.exercises import check_forward_batch
from helpers.plots import use_style
from helpers.widgets import BroadcastInspector

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## A minibatch is a matrix with one example per row
#
# Take n = 5 images of the running example (2×2 grayscale, four pixels each, classes cat,
# chicken, dog). Each image is one row of X, so X has shape (n, d) = (5, 4). The weights are
# the hand-set ones of notebook 03, in the series' layout W (d, q) = (4, 3): column j holds
# class j's weights. The bias b has one entry per class, shape (q,) = (3,).

# %%
X_all, y_all, class_names = toy_images(n_per_class=2, seed=0)
X, y = X_all[:5], y_all[:5]  # a minibatch of n = 5 images

W = np.array(
    [
        [0.5, 0.5, 0.5],  # x1: bright in every class, so it tells none apart
        [2.0, -1.0, -1.0],  # x2: top right, bright for cats
        [-1.0, -1.0, 2.0],  # x3: bottom left, bright for dogs
        [-1.0, 2.0, -1.0],  # x4: bottom right, bright for chickens
    ]
)  # column j = class j's weights
b = np.array([0.2, -0.1, 0.3])

n, d = X.shape
q = W.shape[1]
print(f"n = {n} examples, d = {d} features, q = {q} classes")
print(f"X {X.shape}   W {W.shape}   b {b.shape}")
print("X =")
print(X)

# %% [markdown]
# ## O = XW + b, shape by shape
#
# $$
# \underbrace{\mathbf{O}}_{n \times q} \;=\; \underbrace{\mathbf{X}}_{n \times d}\,
# \underbrace{\mathbf{W}}_{d \times q} \;+\; \underbrace{\mathbf{b}}_{q}
# \qquad\text{entry by entry:}\qquad
# O_{ij} = \sum_{k=1}^{d} X_{ik} W_{kj} + b_j .
# $$
#
# XW is a **matrix–matrix product**: (n, d) times (d, q) gives (n, q). The inner sizes (d and
# d) must match and disappear; the outer ones (n and q) are the shape of the result. Entry
# (i, j) is row i of X (example i) times column j of W (class j's weights). The code mirrors
# the formula, with the shapes on every line:

# %%
XW = X @ W  # (n, d) @ (d, q) -> (n, q): a matrix–matrix product
O = XW + b  # (n, q) + (q,)   -> (n, q): b is added to every row
print(f"X  {X.shape} @ W {W.shape} = XW {XW.shape}")
print(f"XW {XW.shape} + b {b.shape} = O {O.shape}")
print("O =")
print(O)

# %% [markdown]
# The same numbers from the entry-by-entry formula with explicit loops (never write it this
# way; it is here to check the matrix form), and row i of O is exactly notebook 03's forward
# pass for example i alone:

# %%
O_loops = np.zeros((n, q))
for i in range(n):
    for j in range(q):
        O_loops[i, j] = sum(X[i, k] * W[k, j] for k in range(d)) + b[j]
print("matrix form equals the triple loop:", np.allclose(O, O_loops))
same_rows = all(np.allclose(O[i], X[i] @ W + b) for i in range(n))
print("row i of O is x_i @ W + b for every i:", same_rows)

# %% [markdown]
# ## Broadcasting the bias (广播机制)
#
# XW has shape (5, 3) but b has shape (3,). The source note says it well: *by rights b should
# be n × q, but thanks to broadcasting a 1 × q bias is enough*. NumPy lines the shapes up from
# the right, treats the missing leading axis of b as size 1, and repeats b down the rows:
#
# | | shape |
# |---|---|
# | XW | (5, 3) |
# | b | (3,) → (1, 3) → (5, 3) |
#
# `np.broadcast_to` shows the array NumPy acts as if it had. It is b repeated down the rows,
# but not copied: its stride along the rows is 0 bytes, so every row reads the same three
# numbers.

# %%
B = np.broadcast_to(b, (n, q))  # what XW + b uses: b repeated down the n rows
print(f"b {b.shape} = {b}")
print(f"np.broadcast_to(b, {(n, q)}) =")
print(B)
print(f"strides {B.strides}: 0 bytes from one row to the next, so no copy is made")
B_copied = np.tile(b, (n, 1))  # a real (n, q) copy, for comparison
print("XW + b equals XW + (b copied into an n × q matrix):", np.allclose(XW + b, XW + B_copied))

# %% [markdown]
# Why is b a single row and not n × q? A bias belongs to a **class**, not to an example: the
# cat's bias is the same for every image. An (n, q) bias would give every example of the batch
# its own biases and would even change size with the batch. The orientation matters too: b
# must be a row. As a column of shape (q, 1) it would be added to row i instead of column j,
# which fails for most shapes and, worse, runs silently when n = q:

# %%
b_column = b.reshape(q, 1)  # (q, 1): a column, the wrong orientation
try:
    XW + b_column  # (5, 3) + (3, 1)
except ValueError as err:
    print(f"(5, 3) + (3, 1): ValueError: {err}")
XW_square = XW[:3]  # a batch of n = 3 = q examples
print("(3, 3) + (3, 1) runs without an error, but adds b_i to row i:")
print(XW_square + b_column - XW_square)

# %% [markdown]
# Try it yourself: choose n, d and q with the sliders. The widget draws X, W, XW, b and the
# broadcast sum as small grids from a seeded example of whole numbers (easy to check by hand).
# The shaded, dashed rows of b are the *virtual copies* broadcasting makes; notice that O
# always has shape (n, q), and that b never changes when you move n.

# %%
BroadcastInspector()

# %% [markdown]
# ## Softmax, row by row
#
# Each row of O holds the q logits of one example, so softmax is applied to each row
# separately:
#
# $$
# \hat{\mathbf{Y}} = \mathrm{softmax}(\mathbf{O}), \qquad
# \hat{Y}_{ij} = \frac{\exp(O_{ij})}{\sum_{k=1}^{q} \exp(O_{ik})} .
# $$
#
# The sum runs over the classes k **within row i**: $\hat{Y}_{ij}$ is the probability the model
# gives to class j for example i, and each row sums to 1. In NumPy "over the classes" is
# `axis=1`, and `keepdims=True` keeps the row results as a column of shape (n, 1), which
# broadcasts back across the q columns (as in notebook 04, the row maximum is subtracted first
# so `exp` cannot overflow):

# %%
M = O.max(axis=1, keepdims=True)  # (n, 1): the largest logit of each row
E = np.exp(O - M)  # (n, q) - (n, 1) -> (n, q)
S = E.sum(axis=1, keepdims=True)  # (n, 1): one sum per example
Y_hat = E / S  # (n, q) / (n, 1) -> (n, q)
print(f"M {M.shape}   E {E.shape}   S {S.shape}   Y_hat {Y_hat.shape}")
print("Y_hat =")
print(Y_hat)
print("row sums:   ", Y_hat.sum(axis=1))
print("column sums:", Y_hat.sum(axis=0), "(no reason to be 1)")
print("equals helpers.softmax(O, axis=1):", np.allclose(Y_hat, softmax(O, axis=1)))
rows_alone = all(np.allclose(Y_hat[i], softmax(O[i])) for i in range(n))
print("row i equals softmax of O[i] alone:", rows_alone)

# %% [markdown]
# Reading the result: the predicted class of each example is the largest entry of its row,
# `argmax(axis=1)`.

# %%
predicted = Y_hat.argmax(axis=1)  # (n,): one class index per example
for i in range(n):
    print(
        f"example {i}: P = {Y_hat[i]}  predicted {class_names[predicted[i]]:8s}"
        f" true {class_names[y[i]]}"
    )

# %% [markdown]
# ## How much faster is the vectorized form?
#
# A realistic batch: n = 1000 examples of d = 64 features (an 8×8 image, as in the digits of
# notebook 09) and q = 10 classes. First the loop a newcomer writes, one example at a time,
# then the vectorized form; both compute the same numbers.

# %%
n_big, d_big, q_big = 1000, 64, 10
X_big = rng.normal(size=(n_big, d_big))
W_big = rng.normal(scale=0.1, size=(d_big, q_big))
b_big = rng.normal(scale=0.1, size=q_big)


def forward_loop(X, W, b):
    """One example at a time: n trips through the Python interpreter."""
    Y_hat = np.empty((X.shape[0], W.shape[1]))
    for i in range(X.shape[0]):
        o = X[i] @ W + b  # (d,) @ (d, q) + (q,) -> (q,)
        e = np.exp(o - o.max())
        Y_hat[i] = e / e.sum()
    return Y_hat


def forward_vectorized(X, W, b):
    """The whole batch at once: a few calls that loop in compiled code."""
    O = X @ W + b  # (n, d) @ (d, q) + (q,) -> (n, q)
    E = np.exp(O - O.max(axis=1, keepdims=True))
    return E / E.sum(axis=1, keepdims=True)


Y_loop = forward_loop(X_big, W_big, b_big)
Y_vec = forward_vectorized(X_big, W_big, b_big)
print(f"Y_loop {Y_loop.shape}, Y_vec {Y_vec.shape}, same numbers: {np.allclose(Y_loop, Y_vec)}")

# %% [markdown]
# The timing below depends on the machine (and on what else it is doing), so its printed
# numbers differ from run to run; that is why this cell is excluded from the output checks.
# Typically the vectorized form is **tens to hundreds of times faster**. The loop pays the
# interpreter's overhead (about a microsecond per NumPy call, several calls per example) n
# times; the vectorized form makes a handful of calls, and `X @ W` runs as one optimised
# matrix–matrix multiplication.

# %% {"tags": ["nbval-ignore-output"]}
def best_time(fn, repeats=5):
    """The fastest of a few runs, in seconds: the least disturbed by other programs."""
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn(X_big, W_big, b_big)
        times.append(time.perf_counter() - start)
    return min(times)


t_loop = best_time(forward_loop)
t_vec = best_time(forward_vectorized)
print(f"loop over {n_big} examples: {t_loop * 1e3:8.3f} ms")
print(f"vectorized:               {t_vec * 1e3:8.3f} ms")
print(f"measured speed-up on this machine: {t_loop / t_vec:.0f}×")

# %% [markdown]
# ## Bug hunt: `axis` and `keepdims`
#
# Two bugs account for most wrong batch softmaxes. Both are easy to make and easy to catch,
# once you know the symptom.
#
# **Bug 1: `axis=0` instead of `axis=1`.** Reducing over axis 0 sums *down the columns*, over
# the examples. The code runs and returns an array of the right shape, but each column now
# sums to 1 instead of each row, and every example's probabilities depend on the other
# examples in the batch.

# %%
E_bug = np.exp(O - O.max(axis=0, keepdims=True))
Y_bug = E_bug / E_bug.sum(axis=0, keepdims=True)  # bug: normalises over the examples
print(f"shape {Y_bug.shape}: looks fine")
print("row sums:   ", Y_bug.sum(axis=1), "<- not 1: the symptom")
print("column sums:", Y_bug.sum(axis=0))

# %% [markdown]
# How to spot it: check the invariant, not the shape. `np.allclose(Y_hat.sum(axis=1), 1)` must
# be True. Side by side, the two versions look equally plausible, which is exactly why the
# check is needed:

# %%
# figure: the right softmax (rows sum to 1) next to the axis=0 bug (columns sum to 1)
fig, axes = plt.subplots(1, 2, figsize=(8.4, 3.6), constrained_layout=True)
panels = [(Y_hat, "softmax over axis=1 (right)"), (Y_bug, "softmax over axis=0 (bug)")]
for ax, (P, title) in zip(axes, panels, strict=True):
    im = ax.imshow(P, cmap="Blues", vmin=0, vmax=1)
    for i in range(n):
        for j in range(q):
            color = "black" if P[i, j] < 0.6 else "white"
            ax.text(j, i, f"{P[i, j]:.2f}", ha="center", va="center", color=color)
        ax.text(q - 0.3, i, f"{P[i].sum():.2f}", va="center", fontsize=9)
    for j in range(q):
        ax.text(j, n - 0.1, f"{P[:, j].sum():.2f}", ha="center", va="center", fontsize=9)
    ax.text(q - 0.3, n - 0.1, "↑ row sum", va="center", fontsize=9)
    ax.set_xticks(range(q), class_names)
    ax.set_yticks(range(n + 1), [f"example {i}" for i in range(n)] + ["column sum"])
    ax.set_xlim(-0.5, q + 0.6)
    ax.set_ylim(n + 0.2, -0.5)
    ax.grid(False)
    ax.set_title(title)
fig.colorbar(im, ax=axes, shrink=0.8, label="probability")
plt.show()

# %% [markdown]
# **Bug 2: a missing `keepdims=True`.** Without it the row sums have shape (n,) instead of
# (n, 1). Broadcasting lines shapes up from the right, so (n,) is matched with the *last* axis,
# the classes. With n ≠ q this fails loudly:

# %%
S_flat = E.sum(axis=1)  # bug: shape (n,), not (n, 1)
print(f"E {E.shape}, S_flat {S_flat.shape}")
try:
    E / S_flat
except ValueError as err:
    print(f"ValueError: {err}")

# %% [markdown]
# With a square batch (n = q) the same bug runs silently: column j is divided by the sum of
# **row j**, which has nothing to do with it. Here is a batch of 3 examples and 3 classes:

# %%
E3 = E[:3]  # (3, 3): n = q = 3
Y_silent = E3 / E3.sum(axis=1)  # runs: (3, 3) / (3,) divides column j by row j's sum
print("no error, but the row sums are", Y_silent.sum(axis=1))
print("with keepdims:               ", (E3 / E3.sum(axis=1, keepdims=True)).sum(axis=1))

# %% [markdown]
# How to spot it: print the shapes of the intermediate arrays (a reduction you want to divide
# by should be (n, 1)), and test with a batch whose n differs from q, so shape mistakes fail
# loudly instead of silently. Two lines of defensive checks catch both bugs:

# %%
assert Y_hat.shape == (n, q), f"expected (n, q) = {(n, q)}, got {Y_hat.shape}"
assert np.allclose(Y_hat.sum(axis=1), 1), "rows must sum to 1: check axis and keepdims"
print("Y_hat passes both checks.")
bug_rows_ok = np.allclose(Y_bug.sum(axis=1), 1)
print(f"Y_bug: right shape {Y_bug.shape == (n, q)}, rows sum to 1 {bug_rows_ok}")

# %% [markdown]
# ## Check your understanding
#
# 1. A batch of 32 images of 28×28 = 784 pixels is classified into 10 classes. What are the
#    shapes of X, W, b, XW and O?
#
#    <details><summary>Answer</summary>
#
#    X (32, 784), W (784, 10), b (10,), XW (32, 10) from the matrix–matrix product
#    (32, 784) @ (784, 10), and O (32, 10): b is broadcast down the 32 rows.
#
#    </details>
#
# 2. A classmate insists that b must have shape (n, q) "because XW has that shape". What do
#    you answer?
#
#    <details><summary>Answer</summary>
#
#    A bias belongs to a class, not to an example: every example gets the same b_j in column j.
#    Broadcasting repeats b down the rows without copying it (stride 0), so XW + b equals
#    XW + np.tile(b, (n, 1)). An (n, q) bias would have n·q parameters and depend on the
#    batch size.
#
#    </details>
#
# 3. `Y_hat.sum(axis=0)` prints `[1.7, 2.1, 1.2]` for a batch of 5. Is that a bug?
#
#    <details><summary>Answer</summary>
#
#    No. Columns need not sum to 1; their sums are the expected number of examples the model
#    puts in each class (they add up to n = 5). The rows are what must sum to 1:
#    check `Y_hat.sum(axis=1)`.
#
#    </details>

# %% [markdown]
# ## Summary
#
# - A minibatch is a matrix X (n, d), one example per row. The logits of the whole batch are
#   O = XW + b: (n, d) @ (d, q) is a matrix–matrix product of shape (n, q).
# - b (q,) is broadcast down the rows: NumPy acts as if it were `np.broadcast_to(b, (n, q))`,
#   virtual copies with stride 0, no memory copied.
# - Softmax works row by row: $\hat{Y}_{ij}$ normalises over the classes j within row i;
#   `axis=1`, `keepdims=True`. Rows sum to 1, columns do not.
# - The vectorized forward pass is typically tens to hundreds of times faster than a Python
#   loop over examples.
# - Check `Y_hat.shape == (n, q)` and `np.allclose(Y_hat.sum(axis=1), 1)`, and test with
#   n ≠ q: that catches `axis=0` and a missing `keepdims`.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★★ · The vectorized forward pass
#
# Write `forward_batch(X, W, b)` that returns $\hat{\mathbf{Y}} = \mathrm{softmax}(\mathbf{X}
# \mathbf{W} + \mathbf{b})$ row by row, shape (n, q), for X (n, d), W (d, q) and b (q,), with
# no Python loop over the examples. Use NumPy only (`@`, `np.exp`, `.max`, `.sum` with the
# right `axis` and `keepdims`), and subtract each row's maximum before `exp`. The checker tries
# a rectangular batch, a W of zeros (so only the broadcast b is left), a square batch where
# shape bugs run silently, logits near 1000, and a batch of one example.

# %%
def forward_batch(X, W, b):
    raise NotImplementedError  # your code here


# %%
check_forward_batch(forward_batch)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def forward_batch(X, W, b):
    O = X @ W + b  # (n, d) @ (d, q) + (q,) -> (n, q)
    E = np.exp(O - O.max(axis=1, keepdims=True))  # (n, q) - (n, 1): stable
    return E / E.sum(axis=1, keepdims=True)  # (n, q) / (n, 1): each row sums to 1


check_forward_batch(forward_batch)

# %% [markdown]
# ---
# **Navigation:** [← 04 The softmax operation](04_softmax.ipynb) · [index](00_index.ipynb) · [next: 06 Loss and likelihood →](06_loss_and_likelihood.ipynb)

# %% [markdown]
# # 03 · Network architecture (网络架构)
#
# A classifier has to turn the four pixels of an image into one score per class. Softmax
# regression does it in the simplest way there is: every class gets its own weighted sum of all
# the inputs, plus a bias. Drawn as a picture this is a network with one layer, and written as
# algebra it is one matrix product. This notebook writes the computation three ways (as the
# note's three equations, as o = Wx + b, and as the batch form O = XW + b used in the rest of
# the series), shows they are the same numbers, and counts what the model costs.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - write the three logit equations of the 4 → 3 network and compute them for a given image;
# - read the network diagram, and explain why softmax regression is a single-layer neural
#   network whose output layer is fully connected;
# - convert between the note's o = Wx + b (W of shape (q, d)) and the series' O = XW + b
#   (W of shape (d, q)), and check that both give the same logits;
# - count the parameters (d·q + q) and the work per example (d·q multiply-adds).

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers.exercises import check_forward, check_parameter_count
from helpers.plots import draw_network, use_style
from helpers.widgets import NetworkExplorer

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## Three logits from four pixels
#
# The running example: a 2×2 grayscale image has four pixels x₁, x₂, x₃, x₄ (in reading order,
# 0 is black and 1 is white), and there are three classes, cat, chicken and dog. For each class
# the model computes one score, a **logit** (未规范化的预测), from all four pixels. With 4 inputs
# and 3 outputs that takes 12 **weights** (权重) $w_{jk}$ and 3 **biases** (偏置) $b_j$. The note
# writes the three equations out:
#
# $$
# \begin{aligned}
# o_1 &= x_1 w_{11} + x_2 w_{12} + x_3 w_{13} + x_4 w_{14} + b_1,\\
# o_2 &= x_1 w_{21} + x_2 w_{22} + x_3 w_{23} + x_4 w_{24} + b_2,\\
# o_3 &= x_1 w_{31} + x_2 w_{32} + x_3 w_{33} + x_4 w_{34} + b_3.
# \end{aligned}
# $$
#
# The first index of $w_{jk}$ is the output $o_j$, the second the input $x_k$: $w_{12}$ is the
# weight with which pixel $x_2$ counts towards $o_1$. Training (notebook 09) will choose the
# weights; here they are set by hand so the numbers are easy to follow. In the typical pictures
# (notebook 01) only the cat has a bright x₂, only the dog a bright x₃ and only the chicken a
# bright x₄, while x₁ is bright in all three. So each class weighs its own pixel by +2, the other
# classes' pixels by −1, and x₁, which tells no class apart, by a small 0.5.

# %%
x1, x2, x3, x4 = 0.9, 0.7, 0.3, 0.1  # one image: bright top row, like a cat

w11, w12, w13, w14 = 0.5, 2.0, -1.0, -1.0  # o1 (cat): bright top row, so x2 counts
w21, w22, w23, w24 = 0.5, -1.0, -1.0, 2.0  # o2 (chicken): bright diagonal, so x4 counts
w31, w32, w33, w34 = 0.5, -1.0, 2.0, -1.0  # o3 (dog): bright left column, so x3 counts
b1, b2, b3 = 0.2, -0.1, 0.3

# %% [markdown]
# The equations, translated symbol by symbol:

# %%
o1 = x1 * w11 + x2 * w12 + x3 * w13 + x4 * w14 + b1
o2 = x1 * w21 + x2 * w22 + x3 * w23 + x4 * w24 + b2
o3 = x1 * w31 + x2 * w32 + x3 * w33 + x4 * w34 + b3
print(f"o1 = {o1:.3f}   o2 = {o2:.3f}   o3 = {o3:.3f}")

# %% [markdown]
# The largest logit is o₁, so this image would be called a cat. The logits are scores, not
# probabilities: one is negative and they do not add up to 1. Notebook 04 turns them into
# probabilities with softmax.

# %% [markdown]
# ## The network diagram
#
# The same computation as a picture: one node per input, one node per output, and an edge from
# every input to every output, carrying that edge's weight. Each output adds up its incoming
# edges (input times weight) plus its bias.

# %%
# figure: the architecture of softmax regression, 4 inputs fully connected to 3 outputs
ax = draw_network()
ax.set_title("4 inputs, 3 outputs, one weight per edge")
plt.show()

# %% [markdown]
# Like linear regression, softmax regression is a **single-layer neural network** (单层神经网络):
# there is one layer of weights between the inputs and the outputs, and no hidden layer. Since
# every output o₁, o₂, o₃ depends on every input x₁, …, x₄, the output layer is a **fully
# connected layer** (全连接层). Counting the edges of the drawing:

# %%
edges = [line for line in ax.lines if line.get_gid().startswith("edge")]
d, q = 4, 3  # inputs, outputs
print(f"edges in the diagram: {len(edges)} = d·q = {d} · {q} = {d * q}")

# %% [markdown]
# ## In matrix form: o = Wx + b
#
# Stack the logits, inputs and biases into vectors and the 12 weights into a 3×4 matrix whose
# row j holds the weights of $o_j$. The three equations become one, as the note (and d2l) write
# it for a single example:
#
# $$
# \underbrace{\begin{pmatrix} o_1 \\ o_2 \\ o_3 \end{pmatrix}}_{\mathbf{o}}
# =
# \underbrace{\begin{pmatrix}
# w_{11} & w_{12} & w_{13} & w_{14}\\
# w_{21} & w_{22} & w_{23} & w_{24}\\
# w_{31} & w_{32} & w_{33} & w_{34}
# \end{pmatrix}}_{\mathbf{W}_\text{note},\ 3\times 4}
# \underbrace{\begin{pmatrix} x_1 \\ x_2 \\ x_3 \\ x_4 \end{pmatrix}}_{\mathbf{x}}
# +
# \underbrace{\begin{pmatrix} b_1 \\ b_2 \\ b_3 \end{pmatrix}}_{\mathbf{b}}
# $$
#
# Row j of the matrix times $\mathbf{x}$ is exactly the equation for $o_j$. We call this matrix
# $\mathbf{W}_\text{note}$ to keep it apart from the series' $\mathbf{W}$ below.

# %%
x = np.array([x1, x2, x3, x4])
W_note = np.array(
    [
        [w11, w12, w13, w14],
        [w21, w22, w23, w24],
        [w31, w32, w33, w34],
    ]
)
b = np.array([b1, b2, b3])

o = W_note @ x + b  # o = W x + b, with W as the note's (q, d) = (3, 4) matrix
print(f"W_note shape {W_note.shape}, x shape {x.shape}  ->  o = {o}")
print(f"same as the three equations: {np.allclose(o, [o1, o2, o3])}")

# %% [markdown]
# ## One convention for the whole series: W of shape (d, q)
#
# Data comes one example per **row**: a minibatch (小批量) $\mathbf{X}$ has shape (n, d). The
# notation table of this series therefore stores the weights the other way round,
# $\mathbf{W}$ of shape (d, q) = (4, 3), with **column** j holding class j's weights. It is the
# transpose of the note's matrix:
#
# $$\mathbf{W} = \mathbf{W}_\text{note}^\top, \qquad W_{kj} = w_{jk}.$$
#
# Transposing both sides of $\mathbf{o} = \mathbf{W}_\text{note}\mathbf{x} + \mathbf{b}$ turns
# the column vectors into rows, $\mathbf{o}^\top = \mathbf{x}^\top \mathbf{W}_\text{note}^\top +
# \mathbf{b}^\top = \mathbf{x}^\top \mathbf{W} + \mathbf{b}^\top$. In NumPy a 1-D array is neither a
# row nor a column, so this is simply `x @ W + b`. Same weights, same logits:

# %%
W = W_note.T  # shape (d, q) = (4, 3): column j holds class j's weights
print(f"W shape {W.shape}; W[1, 0] = {W[1, 0]} is w12 = {w12} (input x2 -> output o1)")

o_series = x @ W + b  # o = xW + b, the series' form
print(f"x @ W + b      = {o_series}")
print(f"W_note @ x + b = {W_note @ x + b}")
print(f"both forms give the same logits: {np.allclose(o_series, W_note @ x + b)}")

# %% [markdown]
# The payoff comes with a minibatch. Stack n examples as the rows of $\mathbf{X}$ (n, d); then
#
# $$\mathbf{O} = \mathbf{X}\mathbf{W} + \mathbf{b}, \qquad (n, d)\,(d, q) \to (n, q).$$
#
# $\mathbf{X}\mathbf{W}$ is a **matrix–matrix** product: row i of $\mathbf{O}$ is example i's
# logits, and the bias row $\mathbf{b}$ is added to every row (broadcasting, 广播机制; notebook 05
# looks at it closely). In the note's layout the same batch needs transposes,
# $\mathbf{O} = (\mathbf{W}_\text{note}\mathbf{X}^\top)^\top + \mathbf{b}$. Here is a batch of five
# images whose first row is our image:

# %%
X = np.vstack([x, rng.uniform(0.0, 1.0, size=(4, 4))])  # n = 5 images, one per row
O = X @ W + b  # (5, 4) @ (4, 3) -> (5, 3), plus b on every row
print(f"X {X.shape} @ W {W.shape} + b {b.shape} -> O {O.shape}")
print(O)
print(f"row 0 of O is o: {np.allclose(O[0], o)}")
print(f"same as the note's layout, (W_note X^T)^T + b: {np.allclose(O, (W_note @ X.T).T + b)}")

# %% [markdown]
# The same network with these numbers: the width of an edge grows with |w|, blue for positive
# and red for negative weights; the input nodes are shaded like the pixels. On the right, only
# class 1's (cat's) edges: they are **column 0 of W**, **row 0 of W_note**.

# %%
# figure: the network with the weights above, and class 1's weights alone
class_names = ["cat", "chicken", "dog"]
fig, (left, right) = plt.subplots(1, 2, figsize=(12, 4.2))
draw_network(W, b, x, ax=left, output_names=class_names)
draw_network(W, b, x, ax=right, output_names=class_names, highlight=0)
left.set_title("all 12 weights: o = xW + b")
right.set_title("$o_1$ uses column 0 of W: W[:, 0]")
plt.show()

# %% [markdown]
# ## How many parameters, how much work
#
# The model's **parameters** are the weights and the biases: d·q weights (one per edge) and q
# biases (one per output),
#
# $$\#\text{parameters} = d\cdot q + q = 4 \cdot 3 + 3 = 15.$$

# %%
print(f"W has {W.size} entries, b has {b.size}: {W.size + b.size} parameters")
print(f"d·q + q = {d * q + q}")

# %% [markdown]
# The **work** for one example: each of the q logits adds up d products $x_k w_{jk}$ and its
# bias, so one forward pass takes d·q multiplications and d·q additions, or d·q **multiply-adds**:
# O(dq) per example, O(ndq) for a minibatch of n. Counting them in a plain loop:

# %%
def logits_by_loops(x, W, b):
    """o_j = b_j + sum_k x_k W[k, j], one multiply-add at a time; also returns the count."""
    d, q = W.shape
    o = b.copy()
    multiply_adds = 0
    for j in range(q):
        for k in range(d):
            o[j] += x[k] * W[k, j]
            multiply_adds += 1
    return o, multiply_adds


o_loop, count = logits_by_loops(x, W, b)
print(f"o = {o_loop}, same as x @ W + b: {np.allclose(o_loop, x @ W + b)}")
print(f"multiply-adds: {count} = d·q = {d * q}")

# %% [markdown]
# Both numbers grow with d·q, which is why the same model on bigger images is still cheap:

# %%
print(f"{'data':28s} {'d':>5s} {'q':>3s} {'parameters':>11s} {'multiply-adds':>14s}")
for name, d_, q_ in [
    ("2x2 toy images", 4, 3),
    ("Iris flowers", 4, 3),
    ("8x8 handwritten digits", 64, 10),
    ("28x28 handwritten digits", 784, 10),
]:
    print(f"{name:28s} {d_:5d} {q_:3d} {d_ * q_ + q_:11d} {d_ * q_:14d}")

# %% [markdown]
# ## Try it: the network explorer
#
# Move the pixels x₁..x₄ and watch the three logits. Choose a class j: its four weights
# $w_{j1}..w_{j4}$ (column j of W) and its bias $b_j$ come onto the sliders, its edges are drawn
# on top, and its equation is written out below the diagram. Things to try:
#
# - make the image a chicken (bright x₁ and x₄, dark x₂ and x₃): which logit is now the largest?
# - choose o₁ (cat) and move w₁₂ from 2 to −2: the edge from x₂ turns red, and o₁ drops by 4·x₂;
# - set all four pixels to 0: every logit equals its bias.

# %%
explorer = NetworkExplorer(W=W, b=b, x=x, class_names=class_names)
explorer

# %% [markdown]
# ## Check your understanding
#
# 1. Which weights connect the input x₃ to the outputs? Where are they in `W` (shape (4, 3))
#    and in `W_note` (shape (3, 4))?
#
# <details><summary>Answer</summary>
#
# Three weights, w₁₃, w₂₃ and w₃₃, one per output. In `W` they are the row `W[2, :]` (row k
# holds input k's outgoing weights); in `W_note` they are the column `W_note[:, 2]`.
# </details>
#
# 2. A classmate says `X @ W` is a matrix–vector product. Is it? What shape does it have for a
#    batch of n = 32 images?
#
# <details><summary>Answer</summary>
#
# No: X has shape (32, 4) and W has shape (4, 3), so `X @ W` is a matrix–matrix product with
# shape (32, 3), one row of logits per image. Only for a single example, `x @ W` with x of shape
# (4,), is it a vector times a matrix.
# </details>
#
# 3. After training, w₂₃ happens to be exactly 0. Is the layer still fully connected?
#
# <details><summary>Answer</summary>
#
# Yes. "Fully connected" describes the architecture: there is a weight for every (input, output)
# pair, 12 parameters here. A weight that is 0 is still a parameter that training can change; the
# model still has d·q + q = 15 parameters.
# </details>

# %% [markdown]
# ## Summary
#
# - Each logit is a weighted sum of all inputs plus a bias:
#   $o_j = x_1 w_{j1} + \dots + x_d w_{jd} + b_j$; with d = 4 and q = 3 that is 12 weights and
#   3 biases.
# - Softmax regression is a single-layer neural network; its output layer is fully connected.
# - The note's $\mathbf{o} = \mathbf{W}\mathbf{x} + \mathbf{b}$ uses a (q, d) matrix; this series
#   uses its transpose, W of shape (d, q), so that a minibatch is $\mathbf{O} = \mathbf{X}\mathbf{W}
#   + \mathbf{b}$, a matrix–matrix product of shape (n, q). Both give the same logits.
# - d·q + q parameters; d·q multiply-adds per example, O(dq).

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★ · The forward pass
#
# Write `forward(x, W, b)` that returns the logits o (shape (q,)) of one example x (shape (d,)),
# with W of shape (d, q) as in the notation table and b of shape (q,). It must work for any d
# and q, not only 4 and 3. The checker tries the running example, another size, a square W
# (where a transposed W gives wrong numbers instead of an error) and a black image.

# %%
def forward(x, W, b):
    raise NotImplementedError  # your code here


check_forward(forward)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def forward(x, W, b):
    return x @ W + b  # o_j = sum_k x_k W[k, j] + b_j; the note's W_note @ x + b with W_note = W.T


check_forward(forward)

# %% [markdown]
# ### Exercise 2 ★ · Counting parameters
#
# Write `count_parameters(d, q)` that returns how many parameters (weights and biases) softmax
# regression has with d inputs and q classes. The checker tries the note's network, 8×8 and
# 28×28 images with 10 classes, and the smallest network there is.

# %%
def count_parameters(d, q):
    raise NotImplementedError  # your code here


check_parameter_count(count_parameters)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def count_parameters(d, q):
    return d * q + q  # one weight per (input, output) edge, one bias per output


check_parameter_count(count_parameters)

# %% [markdown]
# ---
# **Navigation:** [← 02 One-hot encoding](02_one_hot_encoding.ipynb) · [index](00_index.ipynb) · [next: 04 The softmax operation →](04_softmax.ipynb)

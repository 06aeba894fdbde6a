# %% [markdown]
# # 07 · Softmax and its derivative (softmax及其导数)
#
# Training moves the parameters a small step against the **gradient** (梯度) of the loss, so
# before we can train (notebook 09) we need that gradient. For softmax with the cross-entropy
# loss it is remarkably simple: the **derivative** (导数) of the loss *with respect to the
# logits o* is the prediction minus the truth, ŷ − y. This notebook derives that step by step
# and checks every step with numbers, looks at the softmax **Jacobian** (雅可比矩阵) and at the
# second derivative (which shows that the loss is convex in the logits), carries the gradient
# back to W and b with the chain rule, and shows how to check any gradient by finite
# differences. Every derivative here says which variable it is taken with respect to: most
# mistakes in backpropagation start by forgetting that.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - derive, with respect to the logits o, $\partial l / \partial o_j = \mathrm{softmax}(\mathbf{o})_j - y_j$
#   from $l = \log \sum_k \exp(o_k) - \sum_j y_j o_j$, and check it with finite differences;
# - write the softmax Jacobian $\mathrm{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}}\hat{\mathbf{y}}^\top$
#   and explain why its rows sum to 0 (shift invariance again);
# - show that the second derivative of the loss in o is a variance, so the loss is convex in o;
# - apply the chain rule to get $\nabla_{\mathbf{W}} = \mathbf{X}^\top(\hat{\mathbf{Y}} - \mathbf{Y})/n$
#   and $\nabla_{\mathbf{b}}$ for the mean loss;
# - check any gradient with central differences and read the relative error.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import (
    cross_entropy,
    cross_entropy_grad,
    logsumexp,
    numerical_gradient,
    one_hot,
    softmax,
    softmax_jacobian,
)
from helpers.exercises import check_gradient, check_jacobian
from helpers.plots import use_style
from helpers.widgets import GradientExplorer

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## Step 1: write the loss in terms of the logits
#
# Take one example: logits $\mathbf{o}$ of shape (q,), probabilities
# $\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{o})$ and a one-hot label $\mathbf{y}$. The loss of
# notebook 06 is $l(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_j y_j \log \hat{y}_j$. First rewrite
# each $\log \hat{y}_j$ with the logits:
#
# $$\log \hat{y}_j = \log \frac{\exp(o_j)}{\sum_k \exp(o_k)} = o_j - \log \sum_k \exp(o_k).$$

# %%
class_names = ["cat", "chicken", "dog"]
o = np.array([2.0, 1.0, -1.0])  # logits of one image
y = one_hot(1, 3)                # the true class is chicken
y_hat = softmax(o)
log_y_hat = o - logsumexp(o)     # o_j - log sum_k exp(o_k)
print(f"o_j - log Σ exp(o_k) = {log_y_hat}")
print(f"log softmax(o)_j     = {np.log(y_hat)}")
print(f"equal: {np.allclose(log_y_hat, np.log(y_hat))}")

# %% [markdown]
# Substitute into the loss. The sum $\log \sum_k \exp(o_k)$ does not depend on j, so it comes out
# of the sum over j, multiplied by $\sum_j y_j = 1$ (true for one-hot and for soft labels alike):
#
# $$l = -\sum_j y_j \Big(o_j - \log \sum_k \exp(o_k)\Big)
#     = \Big(\sum_j y_j\Big) \log \sum_k \exp(o_k) - \sum_j y_j o_j
#     = \log \sum_k \exp(o_k) - \sum_j y_j o_j.$$

# %%
l_definition = -np.sum(y * log_y_hat)     # -sum_j y_j log ŷ_j
l_logits = logsumexp(o) - y @ o           # log sum_k exp(o_k) - sum_j y_j o_j
l_helper = cross_entropy(o[None, :], y[None, :])
print(f"-Σ y_j log ŷ_j             = {l_definition:.6f}")
print(f"log Σ exp(o_k) - Σ y_j o_j = {l_logits:.6f}")
print(f"helpers.cross_entropy      = {l_helper:.6f}")

# %% [markdown]
# ## Step 2: differentiate with respect to the logits o
#
# Now take the derivative with respect to one logit $o_j$, holding the other logits fixed. The
# loss has two terms, and each is easy:
#
# - **log-sum-exp**, by the chain rule (the derivative of log is 1/(·), and only the k = j term
#   of the sum depends on $o_j$):
#   $\dfrac{\partial}{\partial o_j} \log \sum_k \exp(o_k) = \dfrac{\exp(o_j)}{\sum_k \exp(o_k)} = \mathrm{softmax}(\mathbf{o})_j.$
# - **the linear term**: $\dfrac{\partial}{\partial o_j} \sum_i y_i o_i = y_j$.
#
# Each claim, checked with central differences (`helpers.numerical_gradient` nudges one
# logit at a time by ±ε and measures the change; more on it at the end of the notebook):

# %%
d_lse = numerical_gradient(logsumexp, o)          # ∂/∂o_j log Σ_k exp(o_k), numerically
d_linear = numerical_gradient(lambda v: y @ v, o)  # ∂/∂o_j Σ_i y_i o_i, numerically
print(f"∂ LSE / ∂o      = {d_lse}   softmax(o) = {softmax(o)}")
print(f"∂ (y·o) / ∂o    = {d_linear}   y = {y}")
print(f"both match: {np.allclose(d_lse, softmax(o)) and np.allclose(d_linear, y)}")

# %% [markdown]
# Subtract the second from the first, and the derivative of the loss with respect to the logits is
#
# $$\frac{\partial l}{\partial o_j} = \mathrm{softmax}(\mathbf{o})_j - y_j = \hat{y}_j - y_j,
# \qquad \nabla_{\mathbf{o}}\, l = \hat{\mathbf{y}} - \mathbf{y}.$$
#
# **Prediction minus truth.** Three ways to get it agree: the formula,
# `helpers.cross_entropy_grad` (what training will use) and finite differences of
# `helpers.cross_entropy`.

# %%
grad_o = softmax(o) - y                                       # ŷ - y
grad_helper = cross_entropy_grad(o[None, :], y[None, :])[0]   # one example: mean = the loss itself
grad_numeric = numerical_gradient(lambda v: cross_entropy(v[None, :], y[None, :]), o)
print(f"ŷ - y               = {grad_o}")
print(f"cross_entropy_grad  = {grad_helper}")
print(f"finite differences  = {grad_numeric}")
print(f"all agree: {np.allclose(grad_o, grad_helper) and np.allclose(grad_o, grad_numeric)}")

# %% [markdown]
# **Reading the gradient with respect to o.** The components sum to 0 (both ŷ and y sum to 1).
# The true class gets $\hat{y}_y - 1 \le 0$, every other class gets $\hat{y}_j \ge 0$. Gradient descent moves
# the logits *against* the gradient, $\mathbf{o} \leftarrow \mathbf{o} - \eta\,(\hat{\mathbf{y}} - \mathbf{y})$:
# it raises the true class's logit and lowers each other logit by the probability that class
# wrongly claims. The size tells how wrong the model is: about 0 when it is confidently right,
# up to ±1 when it is confidently wrong. Unlike squared error (notebook 06), the gradient never
# vanishes while the prediction is wrong.

# %%
print(f"{'logits o':>22s}   {'ŷ - y (true class: chicken)':>30s}   sum")
for o_case in [[-3.0, 5.0, -3.0], [0.0, 0.0, 0.0], [2.0, 1.0, -1.0], [5.0, -3.0, -3.0]]:
    g = cross_entropy_grad(np.array([o_case]), [1])[0]
    total = float(np.round(g.sum(), 12)) + 0.0  # rounding leaves ~1e-17; + 0.0 avoids "-0.0"
    print(f"{str(o_case):>22s}   {np.array2string(g, precision=3):>30s}   {total:.1f}")

# %% [markdown]
# ## Try it: the gradient explorer
#
# Move the logits and pick the true class. The bars show $\partial l/\partial o_j = \hat{y}_j - y_j$
# around zero: green bars (negative) are logits that a gradient-descent step raises, orange bars
# (positive) are logits it lowers. Make the model confidently wrong (a large logit on a wrong
# class): the bars reach ±1. Make it confidently right: they shrink to 0. Below, the Jacobian of
# the next section updates with the logits; its row sums stay 0 whatever you do.

# %%
explorer = GradientExplorer(logits=[2.0, 1.0, -1.0], y=1)
explorer

# %% [markdown]
# ## The softmax Jacobian (雅可比矩阵)
#
# Softmax maps q numbers to q numbers, so its derivative with respect to the logits is a q×q
# matrix, the **Jacobian** $\mathbf{J}$ with entries $J_{ij} = \partial \hat{y}_i / \partial o_j$:
# row i says how output $\hat{y}_i$ responds to each logit $o_j$. Differentiating
# $\hat{y}_i = \exp(o_i) / \sum_k \exp(o_k)$ with the quotient rule (Exercise 2 asks you to do
# it; the worked solution is there) gives
#
# $$J_{ij} = \frac{\partial \hat{y}_i}{\partial o_j} = \hat{y}_i(\delta_{ij} - \hat{y}_j),
# \qquad \mathbf{J} = \mathrm{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}}\hat{\mathbf{y}}^\top,$$
#
# where $\delta_{ij}$ is 1 when i = j and 0 otherwise. The formula, the helper and finite
# differences (one row per output $\hat{y}_i$):

# %%
p = softmax(o)
J = np.diag(p) - np.outer(p, p)            # diag(ŷ) - ŷ ŷᵀ
J_numeric = np.stack([numerical_gradient(lambda v, i=i: softmax(v)[i], o) for i in range(3)])
print(J)
print(f"equals helpers.softmax_jacobian: {np.allclose(J, softmax_jacobian(o))}")
print(f"equals finite differences:       {np.allclose(J, J_numeric)}")

# %%
# figure: the Jacobian as a heatmap for three sets of logits (uniform, moderate, confident)
fig, axes = plt.subplots(1, 3, figsize=(10.5, 3.4), constrained_layout=True)
for ax, o_case in zip(axes, [[0.0, 0.0, 0.0], [2.0, 1.0, -1.0], [4.0, 0.0, -1.0]], strict=True):
    o_case = np.array(o_case)
    J_case = softmax_jacobian(o_case)
    image = ax.imshow(J_case, cmap="RdBu", vmin=-0.25, vmax=0.25)  # blue > 0, red < 0
    for i in range(3):
        for j in range(3):
            value = J_case[i, j]
            ax.text(j, i, f"{value:+.2g}", ha="center", va="center", fontsize=9,
                    color="white" if abs(value) > 0.15 else "black")
    ax.set_xticks(range(3), [f"o {c}" for c in class_names])
    ax.set_yticks(range(3), [f"ŷ {c}" for c in class_names])
    ax.grid(False)
    probs = ", ".join(f"{v:.2f}" for v in softmax(o_case))
    ax.set_title(f"o = ({', '.join(f'{v:g}' for v in o_case)}),  ŷ = ({probs})", fontsize=9)
fig.colorbar(image, ax=axes, shrink=0.8, label="∂ŷ_i / ∂o_j")
fig.suptitle("Softmax Jacobian diag(ŷ) − ŷŷᵀ: rows ŷ_i, columns o_j")
plt.show()

# %% [markdown]
# The diagonal is positive (raising $o_i$ raises $\hat{y}_i$), everything off the diagonal is
# negative (raising $o_j$ takes probability away from every other class), and when the model is
# confident almost everything is 0: softmax barely responds any more.
#
# **Every row sums to 0, and the vector of ones is in the null space.** $\sum_j J_{ij} =
# \hat{y}_i - \hat{y}_i \sum_j \hat{y}_j = 0$, that is $\mathbf{J}\mathbf{1} = \mathbf{0}$.
# Moving every logit by the same amount c changes ŷ by $\mathbf{J}(c\mathbf{1}) = \mathbf{0}$:
# this is the shift invariance of notebook 04, $\mathrm{softmax}(\mathbf{o} + c) = \mathrm{softmax}(\mathbf{o})$,
# seen through the derivative with respect to o. J is symmetric, so its columns sum to 0 too: no
# change of the logits can change $\sum_i \hat{y}_i = 1$. J has rank q − 1.

# %%
def tidy(x):
    """Round away the ~1e-17 that floating point leaves (and print -0.0 as 0.0)."""
    return np.round(x, 12) + 0.0


ones = np.ones(3)
print(f"row sums    J·1   = {tidy(J.sum(axis=1))}")
print(f"J @ ones          = {tidy(J @ ones)}")
print(f"column sums 1ᵀJ   = {tidy(J.sum(axis=0))}")
print(f"softmax(o + 5) == softmax(o): {np.allclose(softmax(o + 5), softmax(o))}")
print(f"symmetric: {np.allclose(J, J.T)}   rank: {np.linalg.matrix_rank(J)} (q - 1 = 2)")

# %% [markdown]
# **The gradient again, through the Jacobian.** The loss depends on o only through ŷ, so by the
# chain rule $\partial l/\partial o_j = \sum_i (\partial l/\partial \hat{y}_i)(\partial \hat{y}_i/\partial o_j)$,
# i.e. $\nabla_{\mathbf{o}} l = \mathbf{J}^\top \nabla_{\hat{\mathbf{y}}} l$, where the gradient
# with respect to the probabilities is $\partial l/\partial \hat{y}_i = -y_i/\hat{y}_i$.
# Multiplying out, $\mathbf{J}^\top(-\mathbf{y}/\hat{\mathbf{y}}) = -\mathbf{y} + \hat{\mathbf{y}}\sum_i y_i = \hat{\mathbf{y}} - \mathbf{y}$:
# the same answer. (Computing it this way divides by $\hat{y}_i$, which can round to 0; the
# direct formula ŷ − y never does, which is why helpers compute it from the logits.)

# %%
grad_y_hat = -y / p                    # ∂l/∂ŷ_i, with respect to the probabilities
grad_via_jacobian = J.T @ grad_y_hat   # chain rule: Jᵀ ∇_ŷ l
print(f"Jᵀ (-y/ŷ) = {grad_via_jacobian}   ŷ - y = {p - y}")
print(f"equal: {np.allclose(grad_via_jacobian, p - y)}")

# %% [markdown]
# ## The second derivative is a variance: the loss is convex in o
#
# Differentiate $\partial l/\partial o_j = \hat{y}_j - y_j$ once more, with respect to $o_k$.
# y does not depend on o, so
#
# $$\frac{\partial^2 l}{\partial o_j \partial o_k} = \frac{\partial \hat{y}_j}{\partial o_k} = J_{jk},
# \qquad \mathbf{H} = \nabla^2_{\mathbf{o}}\, l = \mathrm{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}}\hat{\mathbf{y}}^\top.$$
#
# The Hessian of the loss with respect to the logits is the softmax Jacobian, whatever the label.
# Checked by finite differences, in o, of each component of the gradient ∂l/∂o, for two
# different true classes:

# %%
def hessian_numeric(o, label):
    """Row j: the finite-difference gradient (in o) of ∂l/∂o_j."""
    def grad_j(v, j):
        return cross_entropy_grad(v[None, :], [label])[0][j]
    return np.stack([numerical_gradient(lambda v, j=j: grad_j(v, j), o) for j in range(o.size)])


H = np.diag(p) - np.outer(p, p)
for label in [0, 1]:
    print(f"true class {class_names[label]:8s}: Hessian = diag(ŷ) - ŷŷᵀ? "
          f"{np.allclose(hessian_numeric(o, label), H, atol=1e-8)}")

# %% [markdown]
# **The diagonal is a variance.** $\partial^2 l/\partial o_j^2 = \hat{y}_j(1 - \hat{y}_j)$ is the
# variance of a coin that shows 1 with probability $\hat{y}_j$. **Every direction is a variance.**
# Along a direction $\mathbf{v}$ in logit space the curvature is
#
# $$\mathbf{v}^\top \mathbf{H} \mathbf{v} = \sum_j \hat{y}_j v_j^2 - \Big(\sum_j \hat{y}_j v_j\Big)^2
#   = \mathbb{E}_{\hat{\mathbf{y}}}[v^2] - \big(\mathbb{E}_{\hat{\mathbf{y}}}[v]\big)^2
#   = \mathrm{Var}_{\hat{\mathbf{y}}}(v) \ \ge 0,$$
#
# the variance of the numbers $v_j$ when class j is drawn with probability $\hat{y}_j$. A
# variance is never negative, so $\mathbf{H}$ is positive semidefinite and **the loss is convex
# in o**. The only flat direction is $\mathbf{v} \propto \mathbf{1}$ (a constant has no
# variance): shift invariance once more.

# %%
print(f"diagonal of H = {np.diag(H)}   ŷ(1 - ŷ) = {p * (1 - p)}")
for v in [rng.normal(size=3), rng.normal(size=3), np.array([1.0, -1.0, 0.0]), ones]:
    mean_v = p @ v                       # E_ŷ[v]
    var_v = p @ (v - mean_v) ** 2        # Var_ŷ(v)
    print(f"v = {v}:  vᵀHv = {tidy(v @ H @ v):.6f}   Var_ŷ(v) = {tidy(var_v):.6f}")
print(f"eigenvalues of H: {tidy(np.round(np.linalg.eigvalsh(H), 6))} (all ≥ 0, one is 0)")

# %%
# figure: the loss along straight lines o + t v: curved (convex) in every direction but 1
t = np.linspace(-4, 4, 161)
directions = {
    "v = (−1, 1, 0): true minus cat": np.array([-1.0, 1.0, 0.0]),
    "v = (0.3, −1, 0.8)": np.array([0.3, -1.0, 0.8]),
    "v = (1, 1, 1): a shift": ones,
}
fig, ax = plt.subplots(figsize=(6.4, 3.6))
for name, v in directions.items():
    losses = cross_entropy(o[None, :] + t[:, None] * v, np.ones(t.size, dtype=int), "none")
    ax.plot(t, losses, label=name)
ax.scatter([0], [cross_entropy(o[None, :], [1])], color="black", zorder=3, label="o itself")
ax.set_xlabel("step t along v")
ax.set_ylabel("loss l(o + t v)")
ax.set_title("The loss is convex along every line in o, flat along (1, 1, 1)")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# Since $\mathbf{o} = \mathbf{x}\mathbf{W} + \mathbf{b}$ is affine in the parameters, the loss is
# convex in W and b as well: softmax regression has no bad local minima (a deep network, where o
# is not affine in the parameters, loses this guarantee).

# %% [markdown]
# ## Chain rule to the parameters W and b
#
# Now a minibatch: $\mathbf{X}$ (n, d), $\mathbf{W}$ (d, q), $\mathbf{b}$ (q,),
# $\mathbf{O} = \mathbf{X}\mathbf{W} + \mathbf{b}$, $\hat{\mathbf{Y}} = \mathrm{softmax}(\mathbf{O})$
# row by row, one-hot rows $\mathbf{Y}$ (n, q). The loss is the **mean** over the batch,
# $L = \frac{1}{n}\sum_i l(\mathbf{y}_i, \hat{\mathbf{y}}_i)$, as `helpers.cross_entropy`
# computes by default (`reduction="mean"`).
#
# **With respect to the logits O.** Example i's loss depends only on its own row of O, so each
# row of the gradient is that example's ŷ − y, times the 1/n of the mean:
# $\partial L/\partial \mathbf{O} = (\hat{\mathbf{Y}} - \mathbf{Y})/n$.

# %%
n, d, q = 6, 4, 3                      # six 2×2 images, three classes
X = rng.uniform(0.0, 1.0, size=(n, d))  # pixel intensities
labels = np.array([0, 1, 2, 1, 0, 2])
Y = one_hot(labels, q)
W = rng.normal(0.0, 0.5, size=(d, q))
b = rng.normal(0.0, 0.1, size=q)

O = X @ W + b
Y_hat = softmax(O)
G = (Y_hat - Y) / n                     # ∂L/∂O for the MEAN loss
print(f"∂L/∂O has shape {G.shape}; equals cross_entropy_grad(O, labels): "
      f"{np.allclose(G, cross_entropy_grad(O, labels))}")

# %% [markdown]
# **With respect to W.** $O_{ik} = \sum_m X_{im} W_{mk} + b_k$, so $\partial O_{ik}/\partial W_{mk} = X_{im}$,
# and summing over the examples that $W_{mk}$ affects,
#
# $$\frac{\partial L}{\partial W_{mk}} = \sum_i X_{im} \frac{\partial L}{\partial O_{ik}}
# \quad\Longrightarrow\quad \nabla_{\mathbf{W}} L = \mathbf{X}^\top (\hat{\mathbf{Y}} - \mathbf{Y}) / n,$$
#
# shape (d, n)·(n, q) = (d, q), the shape of W, as a gradient must be.
#
# **With respect to b.** $\partial O_{ik}/\partial b_k = 1$ for every row i (b is broadcast over
# the rows), so the gradient adds up the rows:
# $\nabla_{\mathbf{b}} L = \frac{1}{n}\sum_i (\hat{\mathbf{y}}_i - \mathbf{y}_i)$, the **column
# means** of $\hat{\mathbf{Y}} - \mathbf{Y}$, shape (q,). (For the *sum* loss, drop the 1/n in both.)

# %%
grad_W = X.T @ (Y_hat - Y) / n          # Xᵀ(Ŷ - Y)/n, shape (d, q)
grad_b = (Y_hat - Y).mean(axis=0)       # column means of Ŷ - Y, shape (q,)
grad_W_numeric = numerical_gradient(lambda W_: cross_entropy(X @ W_ + b, labels), W)
grad_b_numeric = numerical_gradient(lambda b_: cross_entropy(X @ W + b_, labels), b)
print(f"∇W shape {grad_W.shape}, ∇b shape {grad_b.shape}")
print(f"∇W matches finite differences: {np.allclose(grad_W, grad_W_numeric, atol=1e-8)}")
print(f"∇b matches finite differences: {np.allclose(grad_b, grad_b_numeric, atol=1e-8)}")
print(grad_W)

# %% [markdown]
# ## Gradient checking
#
# A derived gradient is only as good as its check. **Central differences** approximate the
# partial derivative of a function f with respect to each entry $x_i$ of its input by nudging
# that entry up and down by ε:
#
# $$\frac{\partial f}{\partial x_i} \approx \frac{f(\mathbf{x} + \varepsilon \mathbf{e}_i) - f(\mathbf{x} - \varepsilon \mathbf{e}_i)}{2\varepsilon},$$
#
# with an error of order ε² (forward differences, $(f(\mathbf{x} + \varepsilon \mathbf{e}_i) - f(\mathbf{x}))/\varepsilon$,
# are only of order ε). Compare the two gradients with the **relative error**
#
# $$\mathrm{err} = \frac{\lVert \mathbf{g}_{\text{analytic}} - \mathbf{g}_{\text{numeric}} \rVert}{\lVert \mathbf{g}_{\text{analytic}} \rVert + \lVert \mathbf{g}_{\text{numeric}} \rVert},$$
#
# which does not care about the gradient's scale. In float64 a correct gradient gives about
# 1e-10 (with a well-chosen ε, below); 1e-9 or better is the goal, anything above 1e-6 deserves
# suspicion, and a bug typically gives 0.1 to 1.

# %%
def relative_error(g_analytic, g_numeric):
    """‖g_a - g_n‖ / (‖g_a‖ + ‖g_n‖)"""
    diff = np.linalg.norm(g_analytic - g_numeric)
    return diff / (np.linalg.norm(g_analytic) + np.linalg.norm(g_numeric))


def loss_of_W(W_):
    """The mean loss as a function of W alone (X, b and the labels held fixed)."""
    return cross_entropy(X @ W_ + b, labels)


grad_W_check = numerical_gradient(loss_of_W, W, eps=1e-5)   # central differences, ε = 1e-5
candidates = {
    "Xᵀ(Ŷ - Y)/n  (correct)": X.T @ (Y_hat - Y) / n,
    "Xᵀ(Ŷ - Y)    (forgot /n)": X.T @ (Y_hat - Y),
    "Xᵀ Ŷ / n     (forgot - Y)": X.T @ Y_hat / n,
    "Xᵀ(Y - Ŷ)/n  (wrong sign)": X.T @ (Y - Y_hat) / n,
}
for name, g in candidates.items():
    err = relative_error(g, grad_W_check)
    verdict = "below 1e-9: correct" if err < 1e-9 else f"{err:.2f}: a bug"
    print(f"{name:28s} relative error {verdict}")

# %% [markdown]
# **Choosing ε.** Too large and the ε² error of the approximation dominates; too small and the
# loss, computed with about 16 significant digits, loses them when two almost equal values are
# subtracted (a rounding error of about $10^{-16}/\varepsilon$). The figure measures both for
# ∇W above: central differences in float64 do best around ε = 1e-5, about 1e-10 (at
# `numerical_gradient`'s default ε = 1e-6 rounding already costs a factor of ten); forward
# differences never get below about 1e-7; and with the loss in float32, only about 7 digits, no ε
# does better than about 1e-5. Gradient checks are done in float64.

# %%
# figure: relative error of finite differences against ε (forward, central, central in float32)
def forward_gradient(f, x, eps):
    x = x.astype(np.float64)
    g = np.empty_like(x)
    f0 = f(x)
    for idx in np.ndindex(x.shape):
        x_plus = x.copy()
        x_plus[idx] += eps
        g[idx] = (f(x_plus) - f0) / eps
    return g


def loss_of_W_float32(W_):
    return cross_entropy((X @ W_ + b).astype(np.float32), labels)


epsilons = np.logspace(-1, -12, 23)
curves = {
    "forward, float64": [relative_error(grad_W, forward_gradient(loss_of_W, W, e)) for e in epsilons],
    "central, float64": [
        relative_error(grad_W, numerical_gradient(loss_of_W, W, eps=e)) for e in epsilons
    ],
    "central, float32 loss": [
        relative_error(grad_W, numerical_gradient(loss_of_W_float32, W, eps=e)) for e in epsilons
    ],
}
fig, ax = plt.subplots(figsize=(6.4, 3.8))
for name, errs in curves.items():
    ax.loglog(epsilons, np.maximum(errs, 1e-16), marker="o", markersize=3, label=name)
ax.axhline(1e-9, color="grey", linestyle="--", linewidth=1)
ax.text(1e-12, 2e-9, "goal: 1e-9", color="grey", fontsize=8)
ax.invert_xaxis()
ax.set_xlabel("ε (smaller to the right)")
ax.set_ylabel("relative error of ∇W")
ax.set_title("Gradient check: approximation error vs rounding error")
ax.legend(fontsize=8)
plt.show()

# %% [markdown]
# ## Check your understanding
#
# 1. The logits are o = (1, 1, 1) and the true class is cat. What is the gradient of the loss with
#    respect to o, and which way does one gradient-descent step move each logit?
#
# <details><summary>Answer</summary>
#
# ŷ = (1/3, 1/3, 1/3), so ∂l/∂o = ŷ − y = (−2/3, 1/3, 1/3). A step o ← o − η(ŷ − y) raises the
# cat logit by 2η/3 and lowers the other two by η/3 each. The components sum to 0.
# </details>
#
# 2. Why is the vector of ones in the null space of the softmax Jacobian, and what does that say
#    about the loss along the direction (1, 1, 1)?
#
# <details><summary>Answer</summary>
#
# Each row sums to ŷ_i − ŷ_i Σ_j ŷ_j = 0, so J·1 = 0: adding the same c to every logit does not
# change ŷ (shift invariance). The loss depends on o only through ŷ, so it is constant along
# (1, 1, 1): zero slope and zero curvature, 1ᵀH1 = Var(constant) = 0.
# </details>
#
# 3. A classmate writes the second derivative of the loss with respect to the logits as
#    Σ_j (ŷ_j − 1/q)². What is wrong?
#
# <details><summary>Answer</summary>
#
# The second derivative with respect to o is a q×q matrix, the Hessian H = diag(ŷ) − ŷŷᵀ, and the
# curvature along a direction v is vᵀHv = Var_ŷ(v). The classmate's number does not even depend on
# a direction. At uniform ŷ it is 0, yet the loss is curved there: for q = 3 and v = (1, 0, 0),
# vᵀHv = 1/3 − 1/9 = 2/9.
# </details>

# %% [markdown]
# ## Summary
#
# - With respect to the logits, $l = \log \sum_k \exp(o_k) - \sum_j y_j o_j$ and
#   $\partial l/\partial o_j = \mathrm{softmax}(\mathbf{o})_j - y_j$: prediction minus truth.
# - The softmax Jacobian $\partial \hat{y}_i/\partial o_j$ is $\mathrm{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}}\hat{\mathbf{y}}^\top$;
#   its rows sum to 0 and $\mathbf{J}\mathbf{1} = \mathbf{0}$ (shift invariance).
# - It is also the Hessian of the loss in o; $\mathbf{v}^\top\mathbf{H}\mathbf{v} = \mathrm{Var}_{\hat{\mathbf{y}}}(v) \ge 0$,
#   so the loss is convex in o (and in W, b).
# - For the mean loss: $\nabla_{\mathbf{W}} = \mathbf{X}^\top(\hat{\mathbf{Y}} - \mathbf{Y})/n$,
#   $\nabla_{\mathbf{b}}$ = column means of $\hat{\mathbf{Y}} - \mathbf{Y}$.
# - Check gradients with central differences in float64: a relative error near 1e-10 is right,
#   near 1 is a bug.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★★ · The gradient of softmax regression
#
# Write `softmax_regression_grad(X, Y, W, b)` that returns the pair `(grad_W, grad_b)`: the
# gradients of the **mean** cross-entropy loss of $\mathrm{softmax}(\mathbf{X}\mathbf{W} + \mathbf{b})$
# against the target rows `Y` (one-hot or soft, shape (n, q)), with respect to W (shape (d, q))
# and b (shape (q,)). The checker compares your gradients with finite differences of
# `helpers.cross_entropy` on five problems, including one example, a square W and soft labels.
# You may use `softmax` from helpers.

# %%
def softmax_regression_grad(X, Y, W, b):
    raise NotImplementedError  # your code here


check_gradient(softmax_regression_grad)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def softmax_regression_grad(X, Y, W, b):
    n = X.shape[0]
    Y_hat = softmax(X @ W + b)     # (n, q), softmax over each row
    G = (Y_hat - Y) / n            # ∂L/∂O for the mean loss
    grad_W = X.T @ G               # (d, n) @ (n, q) = (d, q)
    grad_b = G.sum(axis=0)         # = (Y_hat - Y).mean(axis=0), shape (q,)
    return grad_W, grad_b


check_gradient(softmax_regression_grad)

# %% [markdown]
# ### Exercise 2 ★★ · Derive the softmax Jacobian
#
# On paper: differentiate $\hat{y}_i = \exp(o_i) / \sum_k \exp(o_k)$ with respect to $o_j$, once
# for i = j and once for i ≠ j, and show that both cases are $\hat{y}_i(\delta_{ij} - \hat{y}_j)$.
# Hint: write $S = \sum_k \exp(o_k)$ and note $\partial S/\partial o_j = \exp(o_j)$. Then turn your
# result into code: `my_jacobian(o)` returns the q×q matrix with entry (i, j) equal to
# $\partial \hat{y}_i / \partial o_j$. The checker compares it with finite differences of
# softmax, including large logits. The worked derivation is in the collapsed cell below the
# checker.

# %%
def my_jacobian(o):
    raise NotImplementedError  # your code here


check_jacobian(my_jacobian)

# %% [markdown] {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# **Worked solution.** Let $S = \sum_k \exp(o_k)$, so $\hat{y}_i = \exp(o_i)/S$ and
# $\partial S/\partial o_j = \exp(o_j)$. The quotient rule says
# $\partial (u/S)/\partial o_j = (S\,\partial u/\partial o_j - u\,\partial S/\partial o_j)/S^2$, with $u = \exp(o_i)$.
#
# - **i = j**: $\partial u/\partial o_i = \exp(o_i)$, so
#   $\dfrac{\partial \hat{y}_i}{\partial o_i} = \dfrac{\exp(o_i) S - \exp(o_i)\exp(o_i)}{S^2}
#   = \dfrac{\exp(o_i)}{S} - \Big(\dfrac{\exp(o_i)}{S}\Big)^2 = \hat{y}_i (1 - \hat{y}_i).$
# - **i ≠ j**: $u = \exp(o_i)$ does not depend on $o_j$, so
#   $\dfrac{\partial \hat{y}_i}{\partial o_j} = \dfrac{0 \cdot S - \exp(o_i)\exp(o_j)}{S^2} = -\hat{y}_i \hat{y}_j.$
#
# Both cases at once: $\partial \hat{y}_i/\partial o_j = \hat{y}_i(\delta_{ij} - \hat{y}_j)$, i.e.
# $\mathbf{J} = \mathrm{diag}(\hat{\mathbf{y}}) - \hat{\mathbf{y}}\hat{\mathbf{y}}^\top$. In code, compute ŷ
# with a stable softmax first (so o = 1000 does not overflow), then build the matrix.

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def my_jacobian(o):
    p = softmax(o)                       # stable: subtracts the maximum logit
    return np.diag(p) - np.outer(p, p)   # J[i, j] = p_i (δ_ij - p_j)


check_jacobian(my_jacobian)

# %% [markdown]
# ---
# **Navigation:** [← 06 Loss function](06_loss_and_likelihood.ipynb) · [index](00_index.ipynb) · [next: 08 Information theory →](08_information_theory.ipynb)

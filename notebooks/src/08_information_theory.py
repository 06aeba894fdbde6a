# %% [markdown]
# # 08 · Information theory (信息论基础)
#
# The loss of notebook 06 is called *cross-entropy*, a name borrowed from **information theory**
# (信息论), the mathematics of surprise and of how many bits a message needs. The borrowed ideas
# explain what the loss measures and what training it achieves: the cross-entropy splits into
# the entropy of the data, which no model can remove, plus the KL divergence between the data
# and the model, which training drives down. This notebook builds the four quantities
# (surprisal, entropy, cross-entropy, KL divergence), measures them in nats and in bits, and shows
# numerically that minimising the cross-entropy makes the model match the data distribution.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - compute the surprisal −log p of an event and the entropy H(p) of a distribution, with the
#   convention 0 log 0 = 0 (never a nan from a zero probability);
# - convert between nats and bits (a factor of ln 2) and read a loss value in either unit;
# - compute the cross-entropy H(p, q) and the KL divergence KL(p‖q), and check that
#   H(p, q) = H(p) + KL(p‖q) ≥ H(p);
# - explain why minimising the cross-entropy loss over the model minimises the KL divergence to
#   the data distribution, and demonstrate it on a small dataset.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import cross_entropy, cross_entropy_grad, one_hot, softmax
from helpers.exercises import check_entropy, check_kl
from helpers.information import cross_entropy_dist, entropy, kl, surprisal
from helpers.plots import use_style
from helpers.widgets import EntropyExplorer

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## Surprisal (信息量)
#
# How surprised should we be when an event of probability p happens? Information theory answers
# with the **surprisal** $-\log p$: a certain event (p = 1) is no surprise at all, rarer events
# are more surprising, and an impossible event (p = 0) would be infinitely surprising.

# %%
probabilities = np.array([1.0, 0.5, 0.25, 0.1, 0.01, 0.0])
print(" p       -log p in nats (helpers.surprisal)")
for p_event in probabilities:
    print(f"{p_event:5.2f}   {surprisal(p_event):8.4f}")
positive = probabilities[probabilities > 0]
print(f"same as -np.log(p) where p > 0: {np.allclose(surprisal(positive), -np.log(positive))}")

# %% [markdown]
# Why the log? Because for **independent** events probabilities multiply while surprisals should
# add up: $-\log(p_1 p_2) = -\log p_1 - \log p_2$. A fair coin showing heads and a die showing a
# six (the same reason the log turned the likelihood's product into a sum in notebook 06):

# %%
p_heads, p_six = 0.5, 1 / 6
print(f"-log(p_heads · p_six)         = {-np.log(p_heads * p_six):.4f}")
print(f"-log p_heads + (-log p_six)   = {-np.log(p_heads) - np.log(p_six):.4f}")

# %%
# figure: the surprisal -log p against p; it is 0 at p = 1 and grows without bound as p -> 0
p_grid = np.linspace(0.005, 1.0, 400)
fig, ax = plt.subplots(figsize=(6.0, 3.4))
ax.plot(p_grid, surprisal(p_grid), label="−ln p  (nats)")
ax.plot(p_grid, surprisal(p_grid, "bits"), label="−log₂ p  (bits)")
ax.scatter([0.5], [1.0], color="black", zorder=3)
ax.annotate("fair coin: 1 bit", (0.5, 1.0), xytext=(0.58, 2.2), arrowprops={"arrowstyle": "->"})
ax.set_ylim(0, 7)
ax.set_xlabel("probability p of the event")
ax.set_ylabel("surprisal")
ax.set_title("Surprisal −log p: rare events are surprising")
ax.legend()
plt.show()

# %% [markdown]
# ## Entropy (熵)
#
# The **entropy** of a distribution p is its *expected* surprisal, the average surprise when
# outcomes are drawn from p:
#
# $$H(p) = \sum_j p_j \,(-\log p_j) = -\sum_j p_j \log p_j.$$
#
# An outcome with $p_j = 0$ never happens, so it must contribute nothing. Its term
# $0 \cdot \log 0$ is $0 \cdot (-\infty)$, which a computer evaluates to nan; the convention
# $0 \log 0 = 0$ is justified by the limit $p \log p \to 0$ as $p \to 0$:

# %%
for p_small in [1e-1, 1e-3, 1e-6, 1e-12, 1e-300]:
    print(f"p = {p_small:7.0e}   p·log p = {p_small * np.log(p_small):.3e}")

# %% [markdown]
# So the code must skip the zero terms; it must not compute them and hope. The formula
# translated literally produces nan for a one-hot distribution (the warnings are silenced here on
# purpose, to see the value), while summing over $p_j > 0$ only gives the right answer, 0:

# %%
p_certain = np.array([0.0, 1.0, 0.0])
with np.errstate(divide="ignore", invalid="ignore"):
    literal = -np.sum(p_certain * np.log(p_certain))   # 0 · log 0 = 0 · (-inf) = nan
keep = p_certain > 0
H_certain = -np.sum(p_certain[keep] * np.log(p_certain[keep]))  # only the terms with p_j > 0
print(f"literal formula: {literal}   skipping p_j = 0: {H_certain + 0.0}   "
      f"helpers: {entropy(p_certain)}")

# %% [markdown]
# Entropy measures how unpredictable a distribution is: 0 for a certain outcome, and largest,
# $\log k$, for the uniform distribution over k outcomes, where nothing is known.

# %%
examples = {
    "certain (0, 1, 0)": [0.0, 1.0, 0.0],
    "skewed (0.8, 0.15, 0.05)": [0.8, 0.15, 0.05],
    "(0.6, 0.3, 0.1)": [0.6, 0.3, 0.1],
    "uniform (1/3, 1/3, 1/3)": [1 / 3, 1 / 3, 1 / 3],
}
for name, p in examples.items():
    print(f"{name:26s} H = {entropy(p):.4f} nats")
print(f"{'log 3':26s}     {np.log(3):.4f}")

# %%
# figure: the entropy of a coin with P(heads) = p: 0 when certain, 1 bit at p = 1/2
p_heads_grid = np.linspace(0.0, 1.0, 201)
coins = np.stack([p_heads_grid, 1 - p_heads_grid], axis=1)   # one distribution per row
fig, ax = plt.subplots(figsize=(5.6, 3.2))
ax.plot(p_heads_grid, entropy(coins, "bits"))
ax.set_xlabel("P(heads) = p")
ax.set_ylabel("H(p, 1 − p)  [bits]")
ax.set_title("Entropy of a coin: largest when it is fair")
plt.show()

# %% [markdown]
# ## Nats and bits
#
# The base of the log is the unit. With the natural log (ln, what the loss uses) entropy is in
# **nats**; with $\log_2$ it is in **bits**, the number of yes/no questions needed on average.
# Since $\log_2 x = \ln x / \ln 2$, a value in bits is the value in nats divided by ln 2 ≈ 0.6931:
# the same quantity in different units, like metres and feet. One bit is the surprisal of a fair
# coin flip, ln 2 nats.

# %%
ln2 = np.log(2)
for name, p in [("fair coin", [0.5, 0.5]), ("fair 8-sided die", [1 / 8] * 8),
                ("(0.6, 0.3, 0.1)", [0.6, 0.3, 0.1])]:
    H_nats, H_bits = entropy(p, "nats"), entropy(p, "bits")
    print(f"{name:17s} {H_nats:.4f} nats = {H_bits:.4f} bits   nats / ln 2 = {H_nats / ln2:.4f}")
print(f"1 nat = 1 / ln 2 = {1 / ln2:.4f} bits")

# %% [markdown]
# The natural log is used for training because its derivative is the simplest,
# $\mathrm{d} \ln x / \mathrm{d}x = 1/x$; with $\log_2$ every gradient would carry an extra factor
# $1/\ln 2$. So a loss value is in nats: the uniform guess over three classes, log 3 from
# notebook 06, is 1.0986 nats, which is $\log_2 3$ = 1.585 bits.

# %%
print(f"uniform loss: {np.log(3):.4f} nats = {np.log2(3):.4f} bits "
      f"= {np.log(3) / ln2:.4f} (nats / ln 2)")

# %% [markdown]
# ## Cross-entropy and KL divergence (KL散度)
#
# Now suppose the outcomes come from p, but we score them with a different distribution q, for
# instance p is how the labels really are and q is what the model predicts. The average surprisal
# we experience is the **cross-entropy**
#
# $$H(p, q) = \sum_j p_j \,(-\log q_j) = -\sum_j p_j \log q_j.$$
#
# It is never smaller than H(p): scoring with the wrong distribution costs extra. The extra is
# the **Kullback–Leibler divergence**
#
# $$\mathrm{KL}(p \,\|\, q) = \sum_j p_j \log \frac{p_j}{q_j} = H(p, q) - H(p),
# \qquad\text{so}\qquad H(p, q) = H(p) + \mathrm{KL}(p \,\|\, q).$$

# %%
p = np.array([0.6, 0.3, 0.1])
q = np.array([0.3, 0.3, 0.4])
H_p = -np.sum(p * np.log(p))            # -Σ p_j log p_j   (no zeros here)
H_pq = -np.sum(p * np.log(q))           # -Σ p_j log q_j
KL_pq = np.sum(p * np.log(p / q))       # Σ p_j log(p_j / q_j)
print(f"H(p) = {H_p:.4f}   H(p, q) = {H_pq:.4f}   KL(p‖q) = {KL_pq:.4f} nats")
print(f"H(p) + KL(p‖q) = {H_p + KL_pq:.4f} = H(p, q): {np.isclose(H_p + KL_pq, H_pq)}")
print(f"helpers: entropy {entropy(p):.4f}, cross_entropy_dist {cross_entropy_dist(p, q):.4f}, "
      f"kl {kl(p, q):.4f}")

# %% [markdown]
# Three properties of KL, each checked below:
#
# - **KL(p‖q) ≥ 0, and = 0 only when q = p** (Gibbs' inequality). Equivalently H(p, q) ≥ H(p).
# - **It is not symmetric**: KL(p‖q) ≠ KL(q‖p) in general, so it is not a distance.
# - **Zeros**: a term with $p_j = 0$ contributes 0 (0 log 0 = 0 again), but $q_j = 0$ where
#   $p_j > 0$ makes KL and the cross-entropy infinite: the model called impossible something that
#   happens. (This is why a classifier must never output a probability of exactly 0.)

# %%
P_random = rng.dirichlet(np.ones(3), size=10_000)   # 10 000 random distributions p
Q_random = rng.dirichlet(np.ones(3), size=10_000)   # and as many q
kls = kl(P_random, Q_random)                        # one KL per row
print(f"smallest KL(p‖q) over 10 000 random pairs: {kls.min():.2e}  (never negative)")
print(f"KL(p‖p) = {kl(p, p):.4f}")
print(f"KL(p‖q) = {kl(p, q):.4f}   KL(q‖p) = {kl(q, p):.4f}   (not symmetric)")
print(f"p_j = 0 is harmless:   KL((0.5, 0.5, 0) ‖ (0.4, 0.4, 0.2)) = "
      f"{kl([0.5, 0.5, 0.0], [0.4, 0.4, 0.2]):.4f}")
print(f"q_j = 0 < p_j is not:  KL((0.4, 0.4, 0.2) ‖ (0.5, 0.5, 0)) = "
      f"{kl([0.4, 0.4, 0.2], [0.5, 0.5, 0.0])}")

# %% [markdown]
# **The loss is a cross-entropy.** For one example take p = the one-hot label y and q = the
# prediction ŷ. Then $H(\mathbf{y}, \hat{\mathbf{y}}) = -\sum_j y_j \log \hat{y}_j = -\log \hat{y}_{\text{true}}$,
# exactly the loss of notebook 06. A one-hot y is certain, H(y) = 0, so the loss is also
# KL(y‖ŷ): how far the prediction is from the truth.

# %%
o = np.array([2.0, 1.0, -1.0])      # logits of one image
label = 1                           # the true class is chicken
y, y_hat = one_hot(label, 3), softmax(o)
print(f"helpers.cross_entropy(o, y) = {cross_entropy(o[None, :], [label]):.6f}")
print(f"H(y, ŷ)                     = {cross_entropy_dist(y, y_hat):.6f}")
print(f"H(y) = {entropy(y):.1f},  KL(y‖ŷ) = {kl(y, y_hat):.6f}")

# %% [markdown]
# ## Minimising cross-entropy = minimising KL to the data
#
# Training minimises the mean loss over a dataset. Take the simplest possible model, a
# **constant predictor** that ignores the image and predicts the same distribution q for every
# example. On labels $y_1, \dots, y_n$ its mean loss is
#
# $$\frac{1}{n}\sum_{i=1}^n -\log q_{y_i} = -\sum_j \frac{n_j}{n} \log q_j = H(\hat{p}, q),$$
#
# where $n_j$ counts the examples of class j and $\hat{p}_j = n_j / n$ is the **empirical label
# distribution**, the data distribution. By the decomposition,
# $H(\hat{p}, q) = H(\hat{p}) + \mathrm{KL}(\hat{p} \,\|\, q)$. The first term does not depend on
# the model at all, so minimising the loss over q is exactly minimising $\mathrm{KL}(\hat{p} \,\|\, q)$,
# which is smallest, 0, at $q = \hat{p}$: **the best constant predictor predicts the label
# frequencies, and its loss is the entropy of the labels.** Twenty labels:

# %%
labels = rng.permutation(np.repeat([0, 1, 2], [10, 6, 4]))   # 10 cats, 6 chickens, 4 dogs
n = labels.size
p_hat = np.bincount(labels, minlength=3) / n                 # n_j / n
print(f"labels: {labels}")
print(f"p̂ = {p_hat},  H(p̂) = {entropy(p_hat):.4f} nats")

# %%
q_model = np.array([0.2, 0.5, 0.3])                        # some constant prediction
mean_loss = np.mean(-np.log(q_model[labels]))              # (1/n) Σ_i -log q_{y_i}
logits = np.tile(np.log(q_model), (n, 1))                  # softmax(log q) = q, for every row
print(f"(1/n) Σ -log q_(y_i)      = {mean_loss:.6f}")
print(f"helpers.cross_entropy     = {cross_entropy(logits, labels):.6f}")
print(f"H(p̂, q)                   = {cross_entropy_dist(p_hat, q_model):.6f}")
print(f"H(p̂) + KL(p̂‖q)            = {entropy(p_hat) + kl(p_hat, q_model):.6f}")

# %% [markdown]
# Now search every constant predictor on a grid of step 0.01 over the triangle of distributions
# (q₁, q₂, q₃ ≥ 0, summing to 1). Grid points with a zero where p̂ is positive have infinite
# loss, computed without a single warning.

# %%
steps = np.arange(0, 101)
Q_grid = np.array([(a, c, 100 - a - c) for a in steps for c in steps if a + c <= 100]) / 100
losses = cross_entropy_dist(p_hat, Q_grid)                 # H(p̂, q) for every grid point
best = Q_grid[np.argmin(losses)]
print(f"{len(Q_grid)} candidates, {np.isinf(losses).sum()} with infinite loss")
print(f"best q = {best}   p̂ = {p_hat}")
print(f"smallest mean loss = {losses.min():.6f} = H(p̂) = {entropy(p_hat):.6f}; "
      f"KL(p̂‖best q) = {kl(p_hat, best):.1f}")

# %% [markdown]
# Gradient descent finds the same answer. By notebook 07, the gradient of the mean loss with
# respect to the constant logits o is the mean of ŷ − y over the examples, that is
# softmax(o) − p̂: it vanishes exactly when the prediction equals the data distribution.

# %%
o_const = np.zeros(3)                       # start from the uniform prediction
Y = one_hot(labels, 3)
for step in range(300):
    O_batch = np.tile(o_const, (n, 1))      # the same logits for every example
    grad = cross_entropy_grad(O_batch, Y).sum(axis=0)   # mean loss: = softmax(o) - p̂
    o_const -= 1.0 * grad
print(f"after 300 steps: softmax(o) = {softmax(o_const)}   p̂ = {p_hat}")
print(f"softmax(o) equals p̂, so the gradient is 0: {np.allclose(softmax(o_const), p_hat)}")

# %%
# figure: KL(p̂‖q) over every constant predictor q = (q1, q2, 1 - q1 - q2); zero only at q = p̂
kl_grid = kl(p_hat, Q_grid)
finite = np.isfinite(kl_grid)
fig, ax = plt.subplots(figsize=(5.4, 4.4))
dots = ax.scatter(Q_grid[finite, 0], Q_grid[finite, 1], c=np.log10(kl_grid[finite] + 1e-4),
                  s=6, cmap="viridis", marker="s")
ax.scatter([p_hat[0]], [p_hat[1]], color="red", marker="*", s=160, label="q = p̂ (KL = 0)")
ax.scatter([q_model[0]], [q_model[1]], color="white", edgecolor="black", s=60,
           label=f"q = {tuple(q_model.tolist())}")
fig.colorbar(dots, ax=ax, label="log10(KL(p̂‖q) + 0.0001)")
ax.set_xlabel("q1 (cat)")
ax.set_ylabel("q2 (chicken)")
ax.set_title("KL(p̂‖q) of a constant predictor (q3 = 1 − q1 − q2)")
ax.legend(loc="upper right", fontsize=8)
ax.set_aspect("equal")
plt.show()

# %% [markdown]
# A real model's prediction depends on the image, $q(\cdot \mid \mathbf{x})$, and the same
# argument applies to each input: the mean loss is smallest when the model's conditional
# distribution matches the data's, $q(\cdot \mid \mathbf{x}) = p(\cdot \mid \mathbf{x})$, and
# what remains is the entropy of the labels given the images, which no model can remove. That is
# the precise sense in which minimising the cross-entropy **fits the data distribution**.

# %% [markdown]
# ## Try it: the entropy explorer
#
# Each slider holds a *weight* ≥ 0; the distribution is the weights divided by their sum (shown
# in the table), so you can move any slider freely and p and q still sum to 1. Things to try:
#
# - give q the same weights as p: KL drops to 0 and the two bars of H(p, q) and H(p) coincide;
# - make q very different from p: the red KL part grows, H(p) does not move;
# - set a weight of p to 0: nothing breaks (0 log 0 = 0); set a weight of q to 0 where p is
#   positive: the cross-entropy and KL become ∞;
# - switch between nats and bits: every number is divided by ln 2, the bars keep their length.

# %%
explorer = EntropyExplorer(p_weights=[0.6, 0.3, 0.1], q_weights=[0.3, 0.3, 0.4])
explorer

# %% [markdown]
# ## Check your understanding
#
# 1. What is the entropy of a fair 8-sided die in bits, and in nats?
#
# <details><summary>Answer</summary>
#
# H = log₂ 8 = 3 bits (three yes/no questions), which is 3 ln 2 ≈ 2.079 nats: the value in nats
# is the value in bits times ln 2.
# </details>
#
# 2. In a dataset, 50 % of the images are cats, 30 % chickens and 20 % dogs. Why can no constant
#    predictor get a mean cross-entropy loss below about 1.03 nats?
#
# <details><summary>Answer</summary>
#
# Its mean loss is H(p̂, q) = H(p̂) + KL(p̂‖q) ≥ H(p̂) = −(0.5 ln 0.5 + 0.3 ln 0.3 + 0.2 ln 0.2)
# ≈ 1.0297 nats, with equality only for q = p̂ = (0.5, 0.3, 0.2). To do better a model must look
# at the images.
# </details>
#
# 3. p = (0.5, 0.5, 0) and q = (0.4, 0.4, 0.2). Which of KL(p‖q) and KL(q‖p) is infinite, and why?
#
# <details><summary>Answer</summary>
#
# KL(q‖p) is infinite: q gives probability 0.2 to the third outcome, which p calls impossible
# (a term 0.2 · log(0.2 / 0)). KL(p‖q) is finite, ln(0.5 / 0.4) ≈ 0.223: the third term has
# p₃ = 0 and contributes 0 · log 0 = 0.
# </details>

# %% [markdown]
# ## Summary
#
# - Surprisal −log p; entropy H(p) = −Σ p_j log p_j is the expected surprisal, from 0 (certain)
#   to log k (uniform); terms with p_j = 0 contribute 0.
# - Nats use ln, bits use log₂: bits = nats / ln 2. Losses are in nats.
# - Cross-entropy H(p, q) = −Σ p_j log q_j = H(p) + KL(p‖q); KL ≥ 0, = 0 only for q = p, not
#   symmetric, infinite where q_j = 0 < p_j.
# - The cross-entropy loss with a one-hot label is −log ŷ_true = KL(y‖ŷ).
# - Minimising the mean cross-entropy over the model minimises KL(data‖model): the model is
#   pulled towards the data distribution, and the entropy of the data is the floor.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★ · Entropy, zeros included
#
# Write `my_entropy(p)` that returns H(p) in nats for a probability vector p (a NumPy array),
# with 0 log 0 = 0: no nan and no warning when some $p_j$ are 0. The checker tries a fair coin,
# the uniform distribution, a one-hot vector and a vector with a zero entry.

# %%
def my_entropy(p):
    raise NotImplementedError  # your code here


check_entropy(my_entropy)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def my_entropy(p):
    p = p[p > 0]                        # 0 log 0 = 0: drop the zero terms before taking logs
    return float(np.sum(p * np.log(1 / p)))   # Σ p_j (-log p_j), the expected surprisal


check_entropy(my_entropy)

# %% [markdown]
# ### Exercise 2 ★★ · KL divergence, zeros included
#
# Write `my_kl(p, q)` that returns KL(p‖q) in nats: terms with $p_j = 0$ contribute 0, and if
# some $q_j = 0$ where $p_j > 0$ the answer is `np.inf`, all without a warning. The checker also
# tests that your function is not symmetric by accident.

# %%
def my_kl(p, q):
    raise NotImplementedError  # your code here


check_kl(my_kl)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def my_kl(p, q):
    used = p > 0                        # only outcomes that can happen count
    if np.any(q[used] == 0):            # the model calls one of them impossible
        return np.inf
    return float(np.sum(p[used] * np.log(p[used] / q[used])))


check_kl(my_kl)

# %% [markdown]
# ---
# **Navigation:** [← 07 Softmax and its derivative](07_softmax_derivatives.ipynb) · [index](00_index.ipynb) · [next: 09 Training from scratch →](09_training_from_scratch.ipynb)

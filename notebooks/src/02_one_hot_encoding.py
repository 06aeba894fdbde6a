# %% [markdown]
# # 02 · One-hot encoding (独热编码)
#
# Notebook 01 showed what goes wrong when unordered classes are numbered 1, 2, 3: a model reads
# the numbers as amounts, so it believes in an order and in distances that do not exist. The
# note's fix is **one-hot encoding**: a vector with one component per class, 1 for the true
# class and 0 for all the others. Every class is then exactly as far from every other class,
# and, as you will see, a one-hot label is a probability distribution: exactly the kind of
# object the model's prediction ŷ is, so the two can be compared by the loss in notebook 06.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - encode labels as one-hot vectors, one at a time and a whole batch at once, and decode them
#   with argmax;
# - compute the distances integer labels and one-hot vectors put between classes, and say why
#   the second is the fair choice for unordered classes;
# - read a one-hot label as a probability distribution that is certain, and build soft labels;
# - implement `one_hot` with the checks a careful helper needs: shape, dtype and range.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import one_hot
from helpers.data import toy_images
from helpers.exercises import check_one_hot, check_smooth_labels
from helpers.plots import draw_distance_matrix, draw_distributions, use_style
from helpers.widgets import OneHotPicker

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## One component per class
#
# With q classes, the one-hot vector of label y has q components: a 1 at position y, 0 elsewhere.
#
# $$\mathbf{e}_y \in \{0, 1\}^q, \qquad
#   (\mathbf{e}_y)_j = \begin{cases} 1 & \text{if } j = y, \\ 0 & \text{otherwise.} \end{cases}$$
#
# For the note's three classes this gives (1, 0, 0) for cat, (0, 1, 0) for chicken and (0, 0, 1)
# for dog. In code the labels count from 0 (cat 0, chicken 1, dog 2), in the same order as the
# note's vectors. The formula, translated:

# %%
class_names = ("cat", "chicken", "dog")
q = len(class_names)


def e(y, q):
    v = np.zeros(q)  # q components, all 0 ...
    v[y] = 1.0  # ... except component y
    return v


for label, name in enumerate(class_names):
    print(f"{name:8s} y = {label}  ->  e_y = {e(label, q)}")

# %% [markdown]
# A batch of n labels y, shape (n,), becomes a matrix $\mathbf{Y}$ of shape (n, q) whose row i is
# $\mathbf{e}_{y_i}$. Row i of the identity matrix is exactly $\mathbf{e}_i$, so `np.eye(q)[y]`
# picks the right rows; `helpers.one_hot` does the same and also checks its input. Here are six
# labels of the running example:

# %%
_, y, _ = toy_images(n_per_class=2, seed=0)  # six labels of the toy images
Y = one_hot(y, q)
print(f"y = {y}")
print(f"Y, shape {Y.shape}:\n{Y}")
print(f"same as np.eye(q)[y]: {np.array_equal(Y, np.eye(q)[y])}")

# %% [markdown]
# ## argmax inverts it
#
# The only 1 in a one-hot row is its largest entry, so the position of the largest entry gives
# the label back:
#
# $$y_i = \arg\max_j Y_{ij}.$$

# %%
y_back = Y.argmax(axis=1)  # position of the largest entry of every row
print(f"argmax of each row: {y_back}")
print(f"equal to y: {np.array_equal(y_back, y)}")
print(f"as names: {[class_names[j] for j in y_back]}")

# %% [markdown]
# argmax does not need the row to be 0s and a 1: it returns the most probable class of *any*
# row of probabilities. That is how a trained model's prediction ŷ becomes a class (the exercise
# of notebook 01): encoding with one-hot and decoding with argmax fit together.

# %% [markdown]
# ## Distances: integer labels vs one-hot
#
# Integer labels put the classes on a line, at distance $|i - j|$. With the note's numbering
# (dog 1, cat 2, chicken 3) the cat sits between the other two, and the dog is twice as far from
# the chicken as from the cat. One-hot vectors of different classes differ in exactly two
# components, by 1 each, so every pair is the same distance apart:
#
# $$\|\mathbf{e}_i - \mathbf{e}_j\|_2 = \sqrt{1^2 + 1^2} = \sqrt{2} \approx 1.414
#   \quad \text{for } i \ne j.$$

# %%
note_codes = np.array([2, 3, 1])  # the note's integers for cat, chicken, dog
D_int = np.abs(note_codes[:, None] - note_codes[None, :])  # |code_i - code_j|
E = one_hot(np.arange(q), q)  # rows e_0, e_1, e_2
D_hot = np.linalg.norm(E[:, None, :] - E[None, :, :], axis=-1)  # ||e_i - e_j||
different = ~np.eye(q, dtype=bool)
print(f"integer labels:\n{D_int}")
print(f"one-hot:\n{D_hot}")
print(f"every different pair is sqrt(2) apart: {np.allclose(D_hot[different], np.sqrt(2))}")

# %%
# figure: the two distance matrices on the same colour scale
fig, axes = plt.subplots(1, 2, figsize=(7.6, 3.3))
draw_distance_matrix(
    D_int, class_names, ax=axes[0], fmt="{:.0f}", vmax=2,
    title="integer labels (dog 1, cat 2, chicken 3)",
)
draw_distance_matrix(D_hot, class_names, ax=axes[1], fmt="{:.3f}", vmax=2, title="one-hot vectors")
fig.tight_layout()
plt.show()

# %% [markdown]
# Any numbering has this flaw, and it grows with the number of classes: with q = 10 classes
# numbered 0..9, the distances run from 1 to 9, while the ten one-hot vectors stay √2 apart. A
# squared-error loss on the integers would punish some confusions 81 times more than others.

# %%
codes_10 = np.arange(10)
D_int_10 = np.abs(codes_10[:, None] - codes_10[None, :])
E_10 = one_hot(codes_10, 10)
D_hot_10 = np.linalg.norm(E_10[:, None, :] - E_10[None, :, :], axis=-1)
off_10 = ~np.eye(10, dtype=bool)
print(f"q = 10, integers: distances from {D_int_10[off_10].min()} to {D_int_10[off_10].max()}")
print(f"q = 10, one-hot:  distances from {D_hot_10[off_10].min():.4f} to "
      f"{D_hot_10[off_10].max():.4f}")
squared = D_int_10[off_10] ** 2
ratio = squared.max() / squared.min()
print(f"integers: the largest squared distance is {ratio:.0f} times the smallest")

# %% [markdown]
# ## A one-hot label is a probability distribution
#
# The entries of $\mathbf{e}_y$ are non-negative and sum to 1, so a one-hot label is a
# probability distribution over the q classes: the one that puts all its mass on the true class.
# It says *"this is a dog, with certainty"*. The model's prediction ŷ will be a distribution too,
# and training will push ŷ towards the label.
#
# Seen this way, a label does not have to be certain. A **soft label** is any distribution over
# the classes:
#
# - if 7 of 10 people who looked at an image said dog and 3 said cat, the label can be their
#   votes divided by 10: (0.3, 0, 0.7);
# - **label smoothing** mixes the one-hot label with the uniform distribution,
#   $(1 - \varepsilon)\,\mathbf{e}_y + \varepsilon / q$, which keeps a model from becoming
#   over-confident.
#
# A one-hot label is the special case of a soft label with all the probability on one class.

# %%
e_dog = one_hot([2], q)[0]  # the one-hot label of a dog
votes = np.array([3, 0, 7])  # 10 people: 3 said cat, 0 chicken, 7 dog
from_votes = votes / votes.sum()
eps = 0.1
smoothed = (1 - eps) * e_dog + eps / q  # label smoothing
for title, p in [("one-hot", e_dog), ("from votes", from_votes), ("smoothed", smoothed)]:
    print(
        f"{title:10s} {p}  min = {p.min():.3f}  sum = {p.sum():.3f}  "
        f"argmax -> {class_names[p.argmax()]}"
    )

# %%
# figure: a certain label and two soft labels for the same dog image
labels = np.stack([e_dog, from_votes, smoothed])
titles = ["one-hot: certain", "votes: 7 dog, 3 cat", f"smoothed, ε = {eps}"]
draw_distributions(labels, class_names, titles=titles, ylabel="label probability")
plt.show()

# %% [markdown]
# ## Try it: the one-hot picker
#
# Click a class: one cell of the vector lights up, and argmax gives the class back. Then raise the
# number of classes with the slider: the vector gets longer, the integer distances in the table
# grow up to q − 1, and the one-hot distances stay √2.

# %%
picker = OneHotPicker(label=2)
picker

# %% [markdown]
# ## Check your understanding
#
# 1. With q = 5 classes, what is the one-hot vector of label 3? How far is it from the vector of
#    label 0, and from the vector of label 4?
#
# <details><summary>Answer</summary>
#
# (0, 0, 0, 1, 0). It is √2 ≈ 1.414 from both: any two different one-hot vectors differ in
# exactly two components. (As integers, 3 would be 3 away from 0 but only 1 away from 4.)
# </details>
#
# 2. For one-hot rows, `Y @ np.arange(q)` also gives the labels back. Why decode with argmax
#    instead?
#
# <details><summary>Answer</summary>
#
# Because predictions and soft labels are not 0s and a 1. For (0.3, 0, 0.7) the weighted sum gives
# 0·0.3 + 1·0 + 2·0.7 = 1.4, a number "between" chicken and dog: the integer-label trap of
# notebook 01 again. argmax returns the most probable class, 2 (dog).
# </details>
#
# 3. Is (0.5, 0.5, 0) a valid label? What does it say?
#
# <details><summary>Answer</summary>
#
# Yes, a soft label: non-negative and summing to 1. It says the image is a cat or a chicken,
# equally likely, and certainly not a dog. Its argmax (cat, the first of the tie) would throw that
# information away.
# </details>

# %% [markdown]
# ## Summary
#
# - One-hot encoding (独热编码) gives each class its own component: label y becomes
#   $\mathbf{e}_y$, a batch y of shape (n,) becomes $\mathbf{Y}$ of shape (n, q).
# - argmax inverts it, and also turns any row of probabilities into a class.
# - Every pair of different one-hot vectors is √2 apart; integer labels invent an order and
#   unequal distances.
# - A one-hot label is a probability distribution that is certain; soft labels (votes, label
#   smoothing) spread the probability over several classes.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★ · one_hot, target practice
#
# Write `my_one_hot(y, num_classes)`: labels `y` of shape (n,) become a **float** array of shape
# (n, num_classes) with `Y[i, y[i]] = 1` and zeros elsewhere, without calling `helpers.one_hot`.
# A label outside 0..num_classes − 1 must raise a `ValueError` whose message names the bad label.
# Careful: numpy happily accepts −1 as an index (it means "the last one").

# %%
def my_one_hot(y, num_classes):
    raise NotImplementedError  # your code here


check_one_hot(my_one_hot)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def my_one_hot(y, num_classes):
    y = np.asarray(y)
    bad = (y < 0) | (y >= num_classes)
    if bad.any():
        raise ValueError(
            f"label {y[bad][0]} is out of range for num_classes={num_classes} "
            f"(labels must be 0..{num_classes - 1})"
        )
    Y = np.zeros((len(y), num_classes))  # float64 by default
    Y[np.arange(len(y)), y] = 1.0  # row i, column y[i]
    return Y


check_one_hot(my_one_hot)

# %% [markdown]
# ### Exercise 2 ★★ · Soft labels by label smoothing
#
# Write `smooth_labels(Y, eps)` that turns one-hot rows `Y` of shape (n, q) into the soft labels
# $(1 - \varepsilon)\,\mathbf{Y} + \varepsilon / q$: every class gets ε/q, and the true class
# keeps 1 − ε on top. Take q from the shape of `Y`. Each row must still sum to 1.

# %%
def smooth_labels(Y, eps):
    raise NotImplementedError  # your code here


check_smooth_labels(smooth_labels)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def smooth_labels(Y, eps):
    q = Y.shape[1]  # number of classes
    return (1 - eps) * Y + eps / q


check_smooth_labels(smooth_labels)

# %% [markdown]
# ---
# **Navigation:** [← 01 The classification problem](01_classification.ipynb) · [index](00_index.ipynb) · [next: 03 Network architecture →](03_network_architecture.ipynb)

# %% [markdown]
# # 01 · The classification problem (分类问题)
#
# Linear regression predicts a number: a price, a temperature. Many questions ask instead
# *which one*: is this picture a cat, a chicken or a dog? This notebook sets up that question
# with the series' running example, tiny 2×2 grayscale images, and walks into its first trap:
# numbering the classes 1, 2, 3 and fitting the numbers as if they were amounts teaches the
# model an order that does not exist. The rest of the series builds the right tool, softmax
# regression, whose answer is a probability for every class.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - tell a regression problem (回归) from a classification problem, and a hard assignment from a
#   soft one (硬性类别/软性类别);
# - generate and draw the running example, 2×2 images of cats, chickens and dogs, as features
#   X of shape (n, 4) and labels y of shape (n,);
# - show with a fitted model why the labels 1, 2, 3 mislead it when the classes have no order;
# - recognise classes that do have an order, where the problem leans towards (ordinal) regression;
# - describe what the finished classifier outputs: one probability per class.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import softmax
from helpers.data import toy_images
from helpers.exercises import check_decode_prediction
from helpers.plots import COLORS, draw_predictions, draw_toy_images, use_style

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## Regression or classification?
#
# **Regression** answers *how much*: the price a flat will sell for, tomorrow's temperature. The
# answer is a number on a scale, and close is good: being off by 1 °C beats being off by 10 °C.
#
# **Classification** (分类) answers *which one*: the answer is one of q categories, and there is
# no "close". A classifier can answer in two ways:
#
# - a **hard assignment** (硬性类别): just the class, "dog";
# - a **soft assignment** (软性类别): a probability for every class, "cat 0.05, chicken 0.15,
#   dog 0.80".
#
# The soft answer contains the hard one (take the most probable class), but not the other way
# round: two classifiers that both say "dog" may be sure, or barely guessing.

# %%
class_names = ("cat", "chicken", "dog")
sure = np.array([0.05, 0.15, 0.80])  # soft assignments: one probability per class
unsure = np.array([0.30, 0.30, 0.40])
for title, p in [("sure", sure), ("unsure", unsure)]:
    hard = class_names[np.argmax(p)]  # the hard assignment it implies
    print(f"{title:6s} soft = {p}  sum = {p.sum():.2f}  ->  hard = {hard}")

# %% [markdown]
# ## The running example: 2×2 images
#
# The note's example: every input is a 2×2 grayscale image, one number per pixel, so each image
# has four **features** (特征) $x_1, x_2, x_3, x_4$, read like text (top-left, top-right,
# bottom-left, bottom-right; 0 is black, 1 is white). `helpers.data.toy_images` draws such a
# data set from a seeded generator: each class has a typical pattern, and every image adds noise.
#
# The **labels** (标签) are 0, 1, 2 for cat, chicken, dog: positions in `class_names`, used to look
# names up, not as amounts.

# %%
X, y, class_names = toy_images(n_per_class=100, seed=0)
print(f"X: shape {X.shape}, pixels from {X.min():.2f} to {X.max():.2f}")
print(f"y: shape {y.shape}, values {np.unique(y)}, class_names = {class_names}")
print(f"the first image: x = {X[0]}, label y = {y[0]} ({class_names[y[0]]})")
print(f"as a 2x2 picture:\n{X[0].reshape(2, 2)}")

# %%
# figure: the first five images of each class
draw_toy_images(X, y, class_names, per_class=5)
plt.show()

# %% [markdown]
# Single images are noisy. The average image of each class shows the patterns: the cat is bright
# along the top row (ears), the chicken along a diagonal, the dog down the left column. All three
# share the bright top-left pixel, so no single pixel tells them apart.

# %%
class_means = np.array([X[y == j].mean(axis=0) for j in range(3)])  # (q, 4), row j = class j
print(class_means)

# %%
# figure: the average image of each class
draw_toy_images(class_means, titles=[f"mean {name}" for name in class_names])
plt.show()

# %% [markdown]
# ## Why the labels 1, 2, 3 mislead
#
# The note first labels the classes with integers, $y \in \{1, 2, 3\}$ for {dog, cat, chicken},
# and then points out the problem: the three animals have no order, yet the numbers say chicken
# is "biggest", cat second and dog "smallest". Let us see what a model does
# with them. Treat each image's code $t_i$ as a number to predict, fit the linear model
# $\hat{t} = \mathbf{x}^\top \mathbf{w} + b$ by least squares, exactly as in linear regression,
#
# $$\min_{\mathbf{w}, b} \sum_i \left(\mathbf{x}_i^\top \mathbf{w} + b - t_i\right)^2,$$
#
# and turn a prediction back into a class by rounding it to the nearest code.

# %%
def fit_codes(X, y, codes):
    """Least squares of t_i = codes[y_i] on the pixels: returns (w, b)."""
    t = codes[y].astype(float)  # the regression targets, shape (n,)
    A = np.column_stack([X, np.ones(len(X))])  # a column of ones carries the bias b
    coef, *_ = np.linalg.lstsq(A, t, rcond=None)
    return coef[:-1], coef[-1]


def decode_codes(t_hat, codes):
    """Round to the nearest code, then look up the label that has it."""
    nearest = np.clip(np.rint(t_hat), codes.min(), codes.max())
    return np.argmax(codes == np.asarray(nearest)[..., None], axis=-1)


note_codes = np.array([2, 3, 1])  # the note's codes of cat, chicken, dog: dog 1, cat 2, chicken 3
w, b = fit_codes(X, y, note_codes)
t_hat = X @ w + b
print(f"w = {w}, b = {b:.4f}")
print(f"training images decoded correctly: {np.mean(decode_codes(t_hat, note_codes) == y):.0%}")
for j, name in enumerate(class_names):
    print(f"{name:8s} code {note_codes[j]}: mean fitted t̂ = {t_hat[y == j].mean():.3f}")

# %% [markdown]
# On the training images the fit looks reasonable. Now ask it about an image halfway between a
# dog and a chicken: the pixel-by-pixel average of the two class means. A linear model's
# prediction for an average is the average of its predictions,
# $\hat{t}\big(\tfrac{1}{2}(\mathbf{x}_a + \mathbf{x}_b)\big) = \tfrac{1}{2}\big(\hat{t}(\mathbf{x}_a) + \hat{t}(\mathbf{x}_b)\big)$,
# so halfway between a dog (fitted near code 1) and a chicken (near code 3) it must land near 2:
# **cat**.

# %%
x_cat, x_chicken, x_dog = class_means
x_mix = (x_dog + x_chicken) / 2  # half dog, half chicken, pixel by pixel
t_dog, t_chicken, t_mix = x_dog @ w + b, x_chicken @ w + b, x_mix @ w + b
print(f"t̂(dog) = {t_dog:.3f}   t̂(chicken) = {t_chicken:.3f}   t̂(mix) = {t_mix:.3f}")
print(f"t̂(mix) is the average of the two: {np.isclose(t_mix, (t_dog + t_chicken) / 2)}")
mix_class = class_names[decode_codes(t_mix, note_codes)]
print(f"decoded: the average of a dog and a chicken is a {mix_class}")

# %%
# figure: the fitted model along the way from the mean dog to the mean chicken
s = np.linspace(0, 1, 101)  # 0 = mean dog, 1 = mean chicken
path = (1 - s)[:, None] * x_dog + s[:, None] * x_chicken
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 3.8), gridspec_kw={"width_ratios": [1.4, 1]})
for j, name in enumerate(class_names):
    for ax in (ax1, ax2):
        ax.axhspan(note_codes[j] - 0.5, note_codes[j] + 0.5, color=COLORS[j], alpha=0.15)
    ax1.text(1.07, note_codes[j], f"{name}\n(code {note_codes[j]})", va="center", color=COLORS[j])
ax1.plot(s, path @ w + b, color="black", label="fitted t̂ = x·w + b")
ax1.plot([0, 0.5, 1], [t_dog, t_mix, t_chicken], "o", color="black")
ax1.annotate("half dog, half chicken:\ndecoded as 'cat'", (0.5, t_mix), (0.12, 2.9),
             arrowprops={"arrowstyle": "->"})
ax1.set(xlim=(-0.05, 1.05), ylim=(0.5, 3.5), xlabel="mix: 0 = mean dog, 1 = mean chicken",
        ylabel="fitted code t̂", title="a straight line must pass through 'cat'")
ax1.legend(loc="lower right")
offsets = np.linspace(-0.25, 0.25, len(y))  # spread the dots sideways, for visibility
ax2.scatter(y + offsets, t_hat, s=6, c=[COLORS[j] for j in y])
ax2.set(xticks=range(3), xticklabels=class_names, ylim=(0.5, 3.5), ylabel="fitted code t̂",
        title="fitted t̂ of the 300 training images")
fig.tight_layout()
plt.show()

# %% [markdown]
# The mixed image looks nothing like a cat: a cat is bright along the top row, the mix has one
# bright pixel top-left and a grey bottom row.

# %%
# figure: the mean dog, their mix, the mean chicken, and the mean cat for comparison
mix_images = np.stack([x_dog, x_mix, x_chicken, x_cat])
draw_toy_images(mix_images, titles=["mean dog", "dog + chicken mix", "mean chicken", "mean cat"])
plt.show()

# %% [markdown]
# The order was our choice, and the answer follows it. Fit the same model with the three possible
# orders (which class is put in the middle): each time, the average of the two outer classes
# becomes the middle class, and even the accuracy on the training images changes, although
# nothing about the images did.

# %%
orders = [("dog", "cat", "chicken"), ("cat", "chicken", "dog"), ("chicken", "dog", "cat")]
for order in orders:
    codes = np.array([order.index(name) + 1 for name in class_names])  # code of each label
    w_o, b_o = fit_codes(X, y, codes)
    first, last = class_names.index(order[0]), class_names.index(order[2])
    mix = (class_means[first] + class_means[last]) / 2
    says = class_names[decode_codes(mix @ w_o + b_o, codes)]
    accuracy = np.mean(decode_codes(X @ w_o + b_o, codes) == y)
    coding = ", ".join(f"{name} {k + 1}" for k, name in enumerate(order))
    mix_of = f"{order[0]} + {order[2]} mix"
    print(f"{coding:24s}  {mix_of:18s} -> {says:8s}  training accuracy {accuracy:.0%}")

# %% [markdown]
# The integers also fix how bad each mistake is. Squared error charges (3 − 1)² = 4 for calling a
# dog (1) a chicken (3), but only (2 − 1)² = 1 for calling it a cat (2), as if a dog were more
# like a cat than like a chicken. Nothing in the images says so. Notebook 02 replaces the
# integers with one-hot vectors, which put every class at the same distance from every other.

# %%
code = dict(zip(class_names, note_codes, strict=True))  # the note's code of each class
for wrong in ("chicken", "cat"):
    error = (code[wrong] - code["dog"]) ** 2
    print(f"dog called {wrong + ':':8s} squared error ({code[wrong]} - {code['dog']})² = {error}")

# %% [markdown]
# ## When the order is real
#
# The note continues: some categories do have a natural order, for example
# 婴儿 < 儿童 < 青少年 < 青年人 < 中年人 < 老年人 (baby < child < teenager < young adult <
# middle-aged < elderly). Here the numbers 0..5 mean something: the group between a child (1)
# and a young adult (3) really is the teenager (2), and calling a baby "elderly" (off by 5) is a
# worse mistake than calling it a child (off by 1).
#
# Such a problem leans towards **regression**: predict the age, or the group's number, as a
# number, then cut the number line into groups. **Ordinal regression** does the same while
# learning where to cut.

# %%
age_groups = ["baby", "child", "teenager", "young adult", "middle-aged", "elderly"]
cut_points = np.array([2, 12, 18, 35, 60])  # ages where the next group starts (illustrative)
ages = np.array([0.5, 7.0, 15.0, 16.9, 28.0, 45.0, 80.0])  # ages a regression model predicted
groups = np.digitize(ages, cut_points)  # how many cut points each age has passed
for age, g in zip(ages, groups, strict=True):
    print(f"age {age:4.1f} -> group {g} ({age_groups[g]})")
print(f"between child (1) and young adult (3): group {(1 + 3) // 2} ({age_groups[(1 + 3) // 2]})")
print(f"baby called child: off by {abs(0 - 1)};  baby called elderly: off by {abs(0 - 5)}")

# %%
# figure: the age axis cut into six ordered groups, with the predicted ages as dots
edges = [0, *cut_points, 90]
fig, ax = plt.subplots(figsize=(9, 1.9))
for g, name in enumerate(age_groups):
    ax.axvspan(edges[g], edges[g + 1], color=COLORS[g], alpha=0.25)
    middle = (edges[g] + edges[g + 1]) / 2
    narrow = edges[g + 1] - edges[g] < 4  # too narrow for the name: write it upright
    ax.text(middle, 0.7, f"{g} {name}" if narrow else f"{g}\n{name}", ha="center", va="center",
            fontsize=8, rotation=90 if narrow else 0)
ax.scatter(ages, np.full(len(ages), 0.2), color="black", zorder=3)
ax.set(xlim=(0, 90), ylim=(0, 1), yticks=[], xlabel="age in years (predicted by a regression)")
ax.grid(False)
fig.tight_layout()
plt.show()

# %% [markdown]
# ## Where the series is going
#
# The note sets the goal: for classification, the model **outputs the conditional probability of
# every class for the example, and the most probable class is the prediction**. Softmax
# regression will do exactly that: four pixels in, three scores out (notebook 03), turned into
# probabilities ŷ by softmax (notebook 04), trained by making the true class probable
# (notebooks 06 to 09).
#
# Nothing is trained yet. The scores below are **made up by hand**, only to show what the answer
# will look like: one probability per class, summing to 1.

# %%
picks = np.array([rng.choice(np.flatnonzero(y == j)) for j in range(3)])  # one image per class
O_made_up = np.array(
    [  # illustrative scores (logits), one row per image: NOT the output of a trained model
        [2.0, 0.5, -1.0],
        [0.3, 1.2, 0.9],
        [-0.5, 0.2, 2.5],
    ]
)
Y_hat = softmax(O_made_up)  # each row becomes a probability distribution (notebook 04)
print(f"Y_hat =\n{Y_hat}")
print(f"row sums: {Y_hat.sum(axis=1)}")
print(f"hard assignments: {[class_names[j] for j in Y_hat.argmax(axis=1)]}")

# %%
# figure: illustrative output of the finished classifier for one image of each class
titles = [f"a {class_names[j]} (y = {j})" for j in y[picks]]
draw_predictions(X[picks], Y_hat, class_names, titles=titles,
                 suptitle="Illustrative only: made-up scores, no model trained yet")
plt.show()

# %% [markdown]
# ## Check your understanding
#
# 1. Which of these are classification problems: (a) the price a flat will sell for; (b) whether
#    an email is spam; (c) which digit 0–9 is in an image; (d) a patient's blood pressure tomorrow?
#
# <details><summary>Answer</summary>
#
# (b) and (c) are classification: the answer is one of a few categories. (a) and (d) are
# regression: the answer is an amount, and close is good.
# </details>
#
# 2. With the note's codes (dog 1, cat 2, chicken 3), how could the least-squares model say
#    "either a dog or a chicken, I am not sure"?
#
# <details><summary>Answer</summary>
#
# It cannot. Its answer is a single number, and the only number between dog and chicken is cat's.
# A probability per class can say it: (cat 0, chicken 0.5, dog 0.5).
# </details>
#
# 3. Would you code clothing sizes S < M < L < XL as 1, 2, 3, 4? And the colours red, green, blue?
#
# <details><summary>Answer</summary>
#
# Sizes have a real order (M is between S and L), so numbers, and regression-like methods, make
# sense. Colours have none: any numbering invents one. Use one-hot vectors (notebook 02).
# </details>

# %% [markdown]
# ## Summary
#
# - Regression predicts *how much*; classification predicts *which one*. A soft assignment gives
#   a probability per class; the hard assignment is its most probable class.
# - The running example: 2×2 grayscale images, X of shape (n, 4), labels y of shape (n,) with
#   0 = cat, 1 = chicken, 2 = dog.
# - Integer labels for unordered classes invent an order and unequal distances: a fitted linear
#   model reads "the average of a dog and a chicken is a cat" off them, and its accuracy depends
#   on the arbitrary numbering.
# - When the classes are ordered (age groups), integers carry meaning and the problem leans
#   towards (ordinal) regression.
# - The finished classifier outputs one probability per class.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★ · Decode a prediction
#
# Write `decode_prediction(y_hat, class_names)`: given one soft assignment ŷ (a probability for
# each class, as an array or a list) and the class names, return the hard assignment, the
# **name** of the most probable class. On a tie, take the first of the largest, as `np.argmax`
# does. The checker also tries other class names than cat, chicken and dog.

# %%
def decode_prediction(y_hat, class_names):
    raise NotImplementedError  # your code here


check_decode_prediction(decode_prediction)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution
def decode_prediction(y_hat, class_names):
    j = int(np.argmax(y_hat))  # position of the largest probability (the first, on a tie)
    return class_names[j]


check_decode_prediction(decode_prediction)

# %% [markdown]
# ---
# **Navigation:** [← 00 Start here](00_index.ipynb) · [index](00_index.ipynb) · [next: 02 One-hot encoding →](02_one_hot_encoding.ipynb)

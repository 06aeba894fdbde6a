# %% [markdown]
# # 10 · Evaluating a classifier (模型预测和评估)
#
# Notebook 09 ended with one number: 96% of the test digits right. That number hides almost
# everything worth knowing. *Which* digits get confused with which? When the model is wrong, is
# the right answer at least its second guess? Does it know when it is unsure: when it says
# "90%", is it right nine times in ten? This notebook takes the trained model apart with the
# standard tools: accuracy, the confusion matrix, top-k accuracy, the most confidently wrong
# examples, and calibration (校准), the question of whether the softmax outputs deserve to be
# called probabilities. They do not, automatically; one number fitted on held-out data
# improves them a lot.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - make predictions with a trained model and compute its accuracy, per class and overall, and
#   its confusion matrix, and read off which classes it confuses;
# - compute top-k accuracy, and find and look at the most confidently wrong examples;
# - draw a reliability diagram, compute the expected calibration error (ECE), and explain why
#   softmax scores are not automatically calibrated probabilities;
# - fit a temperature on held-out data, and show that it improves calibration without changing a
#   single prediction.

# %%
import matplotlib.pyplot as plt
import numpy as np

from helpers import SoftmaxRegression, cross_entropy, softmax
from helpers.data import load_digits, standardize, train_test_split
from helpers.evaluation import confusion_matrix, expected_calibration_error, fit_temperature
from helpers.evaluation import reliability_curve, top_k_accuracy
from helpers.exercises import check_ece, check_top_k_accuracy
from helpers.plots import draw_confusion_matrix, draw_digits, draw_reliability_diagram
from helpers.plots import use_style

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## Three sets: training, validation, test
#
# The test set is the same quarter of the digits as in notebook 09. This time we will also
# *fit* something after training (a temperature), and whatever we fit must not see the test
# set, or the test score stops being honest. So a fifth of the remaining images becomes a
# **validation set**: training uses the training set, choices made after training use the
# validation set, and the test set is only ever used to report.

# %%
X, y, digit_names, _ = load_digits()
X_rest, X_test_raw, y_rest, y_test = train_test_split(X, y, test_fraction=0.25, seed=0)
X_train_raw, X_val_raw, y_train, y_val = train_test_split(X_rest, y_rest, test_fraction=0.2,
                                                          seed=1)
X_train, X_val, mu, sigma = standardize(X_train_raw, X_val_raw)   # statistics of the training set
X_test = (X_test_raw - mu) / sigma                                # ... applied to the test set too
print(f"training {X_train.shape[0]}, validation {X_val.shape[0]}, test {X_test.shape[0]} images")

# %% [markdown]
# The model of notebook 09, trained the same way (minibatch SGD, η = 0.2, batch size 64, 20
# epochs, weight decay 1e-3) on the training set:

# %%
model = SoftmaxRegression(64, 10, seed=0)
model.fit(X_train, y_train, lr=0.2, batch_size=64, epochs=20, weight_decay=1e-3, seed=0)
print(f"final training loss {model.history['train_loss'][-1]:.4f}, "
      f"training accuracy {model.history['train_acc'][-1]:.2%}")

# %% [markdown]
# ## Predictions (模型预测)
#
# For each test image the model gives logits $\mathbf{o}$, probabilities $\hat{\mathbf{y}} =
# \mathrm{softmax}(\mathbf{o})$ and a prediction, the class with the largest probability,
# $\arg\max_j \hat{y}_j$ (the same as $\arg\max_j o_j$). The largest probability itself,
# $\max_j \hat{y}_j$, is the model's **confidence** in that prediction.

# %%
O_test = model.forward(X_test)               # logits, (n, q)
P_test = softmax(O_test)                     # probabilities Ŷ, rows sum to 1
pred = P_test.argmax(axis=1)                 # predicted classes, (n,)
confidence = P_test.max(axis=1)              # max_j ŷ_j, (n,)
for i in range(6):
    mark = "right" if pred[i] == y_test[i] else "WRONG"
    print(f"test image {i}: label {y_test[i]}, predicted {pred[i]} "
          f"with confidence {confidence[i]:.3f} ({mark})")

# %% [markdown]
# ## Accuracy
#
# Accuracy is the fraction of right predictions, $\frac{1}{n}\sum_i \mathbb{1}[\hat{y}_i = y_i]$
# (here $\hat{y}_i$ is the predicted class). Per class, the same fraction among the images of
# that class says where the errors are.

# %%
accuracy = np.mean(pred == y_test)
print(f"test accuracy: {accuracy:.2%} ({int(np.sum(pred == y_test))} of {len(y_test)})")
for j in range(10):
    of_class = y_test == j
    print(f"digit {j}: {np.mean(pred[of_class] == j):7.2%} of {int(of_class.sum())}")

# %% [markdown]
# ## The confusion matrix
#
# One count per pair (true class i, predicted class j):
#
# $$C_{ij} = \#\{k : y_k = i \text{ and } \hat{y}_k = j\}.$$
#
# Rows are the truth, columns the prediction (scikit-learn's convention). The diagonal holds the
# right answers, so $\mathrm{tr}(C)/n$ is the accuracy, and row i sums to the number of images
# of class i. Written as a loop, then with the helper:

# %%
C_loop = np.zeros((10, 10), dtype=np.int64)
for true_class, predicted in zip(y_test, pred, strict=True):
    C_loop[true_class, predicted] += 1           # one more image of class i called j
C = confusion_matrix(y_test, pred, num_classes=10)
print(f"same as helpers.evaluation.confusion_matrix: {np.array_equal(C, C_loop)}")
print(f"trace / n = {np.trace(C) / C.sum():.4f} = accuracy {accuracy:.4f}")
print(f"row sums = class counts: {np.array_equal(C.sum(axis=1), np.bincount(y_test))}")

# %%
# figure: the confusion matrix of the test set
ax = draw_confusion_matrix(C, digit_names, title="digits: confusion matrix (test set)")
plt.show()

# %% [markdown]
# Most rows hold at most two or three mistakes; the 8 is the hardest digit, with seven. The
# largest off-diagonal counts are the model's habitual confusions:

# %%
off_diagonal = C - np.diag(np.diag(C))
order = np.argsort(-off_diagonal, axis=None, kind="stable")[:4]
for flat in order:
    i, j = np.unravel_index(flat, C.shape)
    print(f"true {i}, predicted {j}: {int(C[i, j])} image(s)")

# %% [markdown]
# ## Top-k accuracy
#
# A miss is not always a wild miss. Top-k accuracy counts a prediction as right if the true class
# is among the k classes with the highest scores:
#
# $$\text{top-}k = \frac{1}{n}\sum_i \mathbb{1}\left[y_i \in \text{the } k \text{ largest of } o_{i1}, \dots, o_{iq}\right].$$
#
# Top-1 is the accuracy; top-q is always 1. `np.argsort` sorts in ascending order, so the k
# largest are the *last* k columns.

# %%
for k in [1, 2, 3]:
    top_k = np.argsort(O_test, axis=1)[:, -k:]            # the k best classes of each row, (n, k)
    hit = (top_k == y_test[:, None]).any(axis=1)          # is the label among them? (n,)
    print(f"top-{k} accuracy: {hit.mean():.2%}   helper: "
          f"{top_k_accuracy(O_test, y_test, k):.2%}")

# %% [markdown]
# For most of the misses, the right digit is the model's second choice.
#
# ## The most confidently wrong
#
# Averages hide the individual mistakes. Sort the wrong predictions by their confidence and look
# at the worst: the images the model got wrong while being sure of itself.

# %%
wrong = np.flatnonzero(pred != y_test)
worst = wrong[np.argsort(-confidence[wrong], kind="stable")][:8]
for i in worst:
    print(f"test image {i:3d}: label {y_test[i]}, predicted {pred[i]} "
          f"with confidence {confidence[i]:.3f}; P(label) = {P_test[i, y_test[i]]:.3f}")

# %%
# figure: the eight most confidently wrong test digits (raw pixels)
titles = [f"is {y_test[i]}, said {pred[i]}\n({confidence[i]:.2f})" for i in worst]
fig = draw_digits(X_test_raw[worst], titles, ncols=8)
plt.show()

# %% [markdown]
# Some are hard even for a person: a sloppy digit half-way between two shapes. Others look
# obvious to us: a linear model adds up pixels, and a stroke in an unusual place can outweigh
# everything else. Still, this model's worst mistakes come with confidences of 0.5 to 0.8, while
# most of its right answers come with more than 0.9: its confidence carries information. But
# does it mean what it says? When the model says 0.7, is it right 70% of the time?
#
# ## Calibration (校准)
#
# A classifier is **calibrated** if its confidence means what it says: among all predictions
# made with confidence about 0.8, about 80% are right. In symbols,
# $P(\text{prediction right} \mid \text{confidence} = p) = p$ for every p.
#
# Softmax outputs are positive and sum to 1, so they *look* like probabilities, but nothing in
# training makes them calibrated on new data. Training minimises the loss on the *training*
# set, where the model is right more often than on new images; weight decay pulls the weights,
# and with them all logits, towards 0; and we stopped after 20 epochs, long before the loss
# stopped falling. Each of these moves the confidence, in one direction or the other.
#
# **Measuring it.** Put the predictions into B = 10 bins by confidence, bin b holding
# $\frac{b}{B} < \text{confidence} \le \frac{b+1}{B}$, and compare, in each bin, the mean
# confidence with the accuracy:

# %%
B = 10
bins = np.clip(np.ceil(confidence * B).astype(int) - 1, 0, B - 1)   # bin index 0..B-1
right = pred == y_test
print(f"{'bin':>11s} {'count':>6s} {'confidence':>11s} {'accuracy':>9s}")
for b in range(B):
    members = bins == b
    if members.any():
        print(f"({b / B:.1f}, {(b + 1) / B:.1f}] {int(members.sum()):6d} "
              f"{confidence[members].mean():11.3f} {right[members].mean():9.3f}")
curve = reliability_curve(P_test, y_test, num_bins=B)
filled = curve.count > 0
print(f"same as helpers.evaluation.reliability_curve: "
      f"{np.array_equal(curve.count, np.bincount(bins, minlength=B))}")

# %% [markdown]
# **The expected calibration error** (ECE) sums the gaps, each bin weighted by its share of the
# predictions:
#
# $$\mathrm{ECE} = \sum_{b} \frac{n_b}{n}\,\bigl|\mathrm{acc}_b - \mathrm{conf}_b\bigr|.$$
#
# 0 is perfectly calibrated; 0.05 means the stated confidence is off by 5 points on average.

# %%
ece = sum((bins == b).mean() * abs(right[bins == b].mean() - confidence[bins == b].mean())
          for b in range(B) if (bins == b).any())
print(f"ECE = {ece:.4f}; helper: {expected_calibration_error(P_test, y_test, num_bins=B):.4f}")
print(f"mean confidence {confidence.mean():.4f} vs accuracy {accuracy:.4f}")

# %%
# figure: the reliability diagram of the test set
ax = draw_reliability_diagram(P_test, y_test, num_bins=B, title="reliability diagram (test set)")
plt.show()

# %% [markdown]
# The bars stand *above* the diagonal: in almost every bin the model is right more often than
# it claims. This model is **under-confident**: on average it says 91% and is right 96% of the
# time. The weight decay and the early stop kept its logits small, so its softmax is too flat.
#
# ## Temperature scaling
#
# The simplest repair divides all logits by one number T before the softmax (notebook 04):
#
# $$\hat{\mathbf{y}} = \mathrm{softmax}(\mathbf{o} / T).$$
#
# T > 1 flattens the probabilities, T < 1 sharpens them. Dividing by a positive number keeps the
# order of the logits, so **no prediction changes** and the accuracy stays exactly the same;
# only the confidence moves. T is chosen to minimise the mean cross-entropy on the
# **validation set**, the negative log-likelihood of labels the model has not trained on.

# %%
O_val = model.forward(X_val)
temperatures = np.geomspace(0.2, 2.0, 61)
val_nll = [cross_entropy(O_val / T, y_val) for T in temperatures]
T_best = fit_temperature(O_val, y_val)                 # bisection on the slope of the NLL in 1/T
print(f"fitted T = {T_best:.3f}; best of the grid: T = {temperatures[np.argmin(val_nll)]:.3f}")
print(f"validation NLL at T = 1: {cross_entropy(O_val, y_val):.4f}, "
      f"at T = {T_best:.3f}: {cross_entropy(O_val / T_best, y_val):.4f}")

# %%
# figure: validation loss as a function of the temperature
fig, ax = plt.subplots(figsize=(5.2, 3.2))
ax.plot(temperatures, val_nll)
ax.axvline(T_best, color="0.4", linestyle="--", linewidth=1.2)
ax.annotate(f"T = {T_best:.2f}", (T_best, max(val_nll)), xytext=(6, -12),
            textcoords="offset points", fontsize=9)
ax.set_xscale("log")
ax.set_xticks([0.2, 0.3, 0.5, 1.0, 2.0], ["0.2", "0.3", "0.5", "1", "2"])
ax.minorticks_off()
ax.set_xlabel("temperature T (log scale)")
ax.set_ylabel("validation NLL")
ax.set_title("choosing T on the validation set")
plt.show()

# %% [markdown]
# T < 1: the fit sharpens the probabilities, as the reliability diagram asked for. Now the test
# set, which played no part in choosing T:

# %%
P_scaled = softmax(O_test / T_best)
print(f"{'':20s}{'T = 1':>10s}{f'T = {T_best:.3f}':>12s}")
print(f"{'accuracy':20s}{accuracy:10.2%}{np.mean(P_scaled.argmax(axis=1) == y_test):12.2%}")
print(f"{'mean confidence':20s}{confidence.mean():10.4f}{P_scaled.max(axis=1).mean():12.4f}")
print(f"{'test NLL':20s}{cross_entropy(O_test, y_test):10.4f}"
      f"{cross_entropy(O_test / T_best, y_test):12.4f}")
print(f"{'ECE':20s}{expected_calibration_error(P_test, y_test):10.4f}"
      f"{expected_calibration_error(P_scaled, y_test):12.4f}")
print(f"same predictions: {np.array_equal(P_scaled.argmax(axis=1), pred)}")

# %%
# figure: reliability diagrams before and after temperature scaling
fig, axes = plt.subplots(1, 2, figsize=(8.4, 5.0), layout="constrained")
draw_reliability_diagram(P_test, y_test, ax=axes[0], title="before: T = 1")
draw_reliability_diagram(P_scaled, y_test, ax=axes[1], title=f"after: T = {T_best:.2f}")
plt.show()

# %% [markdown]
# The ECE falls to less than half and the bars move towards the diagonal; the accuracy does not
# move at all. (With 449 test images and about 20 mistakes, each bin holds few errors, so read
# the small bins with care: ECE itself is an estimate with noise.)
#
# ## The other direction: an over-confident model
#
# Under-confidence is not the rule. Train the same model for much longer, without weight decay,
# and it classifies every training image correctly, its logits keep growing, and it becomes
# **over-confident** on new images. Temperature scaling fixes that too, now with T > 1.

# %%
long_model = SoftmaxRegression(64, 10, seed=0)
long_model.fit(X_train, y_train, lr=2.0, batch_size=32, epochs=100, weight_decay=0.0, seed=0)
O_long = long_model.forward(X_test)
T_long = fit_temperature(long_model.forward(X_val), y_val)
P_long, P_long_scaled = softmax(O_long), softmax(O_long / T_long)
print(f"training accuracy {long_model.history['train_acc'][-1]:.2%}, "
      f"test accuracy {np.mean(O_long.argmax(axis=1) == y_test):.2%}")
wrong_long = O_long.argmax(axis=1) != y_test
print(f"mean confidence {P_long.max(axis=1).mean():.4f}; its most confident mistake: "
      f"{P_long.max(axis=1)[wrong_long].max():.4f}; fitted T = {T_long:.3f}")
print(f"ECE {expected_calibration_error(P_long, y_test):.4f} -> "
      f"{expected_calibration_error(P_long_scaled, y_test):.4f}; test NLL "
      f"{cross_entropy(O_long, y_test):.4f} -> {cross_entropy(O_long / T_long, y_test):.4f}")

# %% [markdown]
# Its worst mistake on the test set comes with a confidence of 0.999: the mistakes of an
# over-confident model look exactly like its right answers. Temperature scaling softens them all
# (T > 1) and roughly halves the ECE again.
#
# This is also why T is fitted on held-out data. On its own training set this model is never
# wrong, so there the loss keeps falling as T shrinks towards 0, infinitely sharp, the opposite
# of what new images need:

# %%
try:
    fit_temperature(long_model.forward(X_train), y_train)
except ValueError as err:
    print(f"ValueError: {err}")

# %% [markdown]
# ## Check your understanding
#
# 1. Temperature scaling cut the ECE by more than half. Did it change the accuracy, the
#    confusion matrix or the top-k accuracy?
#
# <details><summary>Answer</summary>
#
# None of them. Dividing every logit by the same positive T keeps the order of the logits in
# each row, so the argmax (and the whole ranking of the classes) is unchanged. Only the
# probabilities, and so the confidence, the loss and the ECE, change.
# </details>
#
# 2. Why fit T on a validation set rather than on the test set, or on the training set?
#
# <details><summary>Answer</summary>
#
# On the test set, the reported ECE would measure how well T was fitted to those very images,
# not how the model does on new data. On the training set, the model is right more often and
# more confidently than on new data, so T comes out too small; for a model that is always right
# on its training set, no finite T is best at all.
# </details>
#
# 3. A model that ignores the image and always outputs 0.1 for each of the ten digits has an ECE
#    of almost 0 on this balanced test set. Is it a good classifier?
#
# <details><summary>Answer</summary>
#
# No: its accuracy is about 10%. Its confidence, 0.1, is honest, hence the ECE near 0, but
# useless. Calibration says whether the confidence can be trusted, accuracy whether the
# predictions are good; report both.
# </details>

# %% [markdown]
# ## Summary
#
# - Predictions are $\arg\max_j \hat{y}_j$; the confidence is $\max_j \hat{y}_j$.
# - Accuracy is one number; per-class accuracy and the confusion matrix $C_{ij}$ (true i,
#   predicted j) show where the errors are; top-k accuracy shows how near the misses are.
# - Look at the most confidently wrong examples: a high softmax score is not knowledge.
# - Softmax scores are not automatically calibrated probabilities. A reliability diagram shows
#   the gap between confidence and accuracy; the ECE sums it, bins weighted by size.
# - Temperature scaling, softmax(o / T) with T fitted on held-out data, repairs under- (T < 1)
#   and over-confidence (T > 1) alike, without changing a single prediction.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★ · Top-k accuracy
#
# Write `my_top_k_accuracy(scores, labels, k)`: the fraction of rows of `scores` (n, q) whose
# label (n,) is among the k highest scores of that row, as a float in [0, 1]. The checker tries
# k = 1, 2 and q on a small example and larger random ones, with logits and with probabilities,
# and recognises sorting the wrong way, an off-by-one in k, and returning a count.

# %%
def my_top_k_accuracy(scores, labels, k):
    raise NotImplementedError  # your code here


# %%
check_top_k_accuracy(my_top_k_accuracy)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution: argsort each row in ascending order and keep the last k columns.
def my_top_k_accuracy(scores, labels, k):
    top_k = np.argsort(scores, axis=1)[:, -k:]                 # (n, k): the k best classes
    return float(np.mean((top_k == labels[:, None]).any(axis=1)))


check_top_k_accuracy(my_top_k_accuracy)

# %% [markdown]
# ### Exercise 2 ★★ · The expected calibration error
#
# Write `my_ece(probs, labels, num_bins)` for probabilities (n, q) and labels (n,): the
# confidence of a row is its largest probability, the row is right if that class is the label;
# bin b holds confidences in $(\frac{b}{B}, \frac{b+1}{B}]$ (a confidence of exactly 1.0 goes in
# the last bin); return $\sum_b \frac{n_b}{n}|\mathrm{acc}_b - \mathrm{conf}_b|$ over the
# non-empty bins. The checker recognises an unweighted average over bins, gaps that cancel
# because the absolute value is missing, the true class's probability used as the confidence,
# and nan from empty bins.

# %%
def my_ece(probs, labels, num_bins):
    raise NotImplementedError  # your code here


# %%
check_ece(my_ece)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution: bin by confidence, then a weighted sum of |accuracy - confidence| over the bins.
def my_ece(probs, labels, num_bins):
    confidence = probs.max(axis=1)
    right = probs.argmax(axis=1) == labels
    bins = np.clip(np.ceil(confidence * num_bins).astype(int) - 1, 0, num_bins - 1)
    total = 0.0
    for b in range(num_bins):
        members = bins == b
        if members.any():                          # empty bins have weight 0: skip them
            total += members.mean() * abs(right[members].mean() - confidence[members].mean())
    return total


check_ece(my_ece)

# %% [markdown]
# ---
# **Navigation:** [← 09 Training from scratch](09_training_from_scratch.ipynb) · [index](00_index.ipynb)

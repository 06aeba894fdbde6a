# %% [markdown]
# # 09 · Training softmax regression from scratch (softmax回归的从零开始实现)
#
# Eight notebooks built the parts: the affine map O = XW + b, softmax row by row, the
# cross-entropy loss and its gradient ∇W = Xᵀ(Ŷ − Y)/n. This is where they pay off. We put them
# together into a training loop of a dozen lines of NumPy, translate each line from its formula,
# and train the model on real data: the toy images, Fisher's Iris flowers (4 inputs and 3
# classes, exactly the note's network) and 1,797 handwritten digits. We watch it learn, look at
# what it learned, and check it against an independent library. Nothing here is new
# mathematics; what is new is seeing it work.

# %% [markdown]
# ## Learning objectives
#
# After this notebook you can:
#
# - write the training loop of softmax regression in NumPy, each line translated from its
#   formula: initialise, forward pass, loss, gradient, minibatch SGD update, evaluate;
# - prepare real data for it: a train/test split and standardisation with the *training* set's
#   statistics, and say why both matter;
# - read loss and accuracy curves, and predict what the learning rate, batch size, number of
#   epochs and weight decay do to them;
# - read the learned weights of an image classifier as one template per class;
# - check an implementation against an independent library: the same accuracy and the same
#   optimum of the regularised loss.

# %%
import json

import matplotlib.pyplot as plt
import numpy as np

from helpers import SoftmaxRegression, cross_entropy, log_softmax, numerical_gradient, one_hot
from helpers import softmax
from helpers.data import DATA_DIR, load_digits, load_iris, standardize, toy_images
from helpers.data import train_test_split
from helpers.exercises import check_sgd_update
from helpers.plots import draw_decision_regions, draw_digits, draw_training_curves
from helpers.plots import draw_weight_templates, use_style
from helpers.widgets import TrainingExplorer, TrainingProgress

rng = np.random.default_rng(0)
np.set_printoptions(precision=4, suppress=True)
use_style()

# %% [markdown]
# ## The recipe
#
# Training is the same six steps for every model of this kind. With a minibatch (小批量) of n
# examples X (n, d), labels y (n,) and their one-hot rows Y (n, q):
#
# 1. **Initialise** the weights (权重) with small random numbers and the biases (偏置) with
#    zeros: $W_{jk} \sim \mathcal{N}(0, 0.01^2)$, $\mathbf{b} = \mathbf{0}$.
# 2. **Forward:** the logits $\mathbf{O} = \mathbf{X}\mathbf{W} + \mathbf{b}$ (a matrix–matrix
#    product, b broadcast over the rows) and the probabilities $\hat{\mathbf{Y}} =
#    \mathrm{softmax}(\mathbf{O})$ row by row.
# 3. **Loss:** the mean cross-entropy $l = \frac{1}{n}\sum_{i} -\log \hat{y}_{i, y_i}$, computed
#    from the logits.
# 4. **Gradient** (梯度) of l with respect to the parameters (notebook 07):
#    $\nabla_{\mathbf{W}} l = \mathbf{X}^\top(\hat{\mathbf{Y}} - \mathbf{Y})/n$ and
#    $\nabla_{\mathbf{b}} l = \frac{1}{n}\sum_i (\hat{\mathbf{Y}} - \mathbf{Y})_{i,:}$, the column
#    means of $\hat{\mathbf{Y}} - \mathbf{Y}$.
# 5. **Update** with a learning rate (学习率) η:
#    $\mathbf{W} \leftarrow \mathbf{W} - \eta \nabla_{\mathbf{W}} l$,
#    $\mathbf{b} \leftarrow \mathbf{b} - \eta \nabla_{\mathbf{b}} l$.
# 6. **Repeat** over the minibatches of a shuffled training set; one pass over all of it is an
#    epoch (迭代周期). After each epoch, **evaluate**: the loss and the accuracy (精度), the
#    fraction of examples whose largest logit is the true class, on the training set and on a
#    test set the model never trains on.
#
# η, the batch size and the number of epochs are hyperparameters (超参数): we choose them, the
# training does not learn them.

# %% [markdown]
# ## The toy images, split into training and test sets
#
# The running example: 2×2 grayscale images of cats, chickens and dogs (notebook 01), 100 of
# each. A quarter go to a test set, stratified so that every class keeps its share.

# %%
X_toy, y_toy, toy_names = toy_images(n_per_class=100, seed=0)
X_train, X_test, y_train, y_test = train_test_split(X_toy, y_toy, test_fraction=0.25, seed=0)
print(f"X_train {X_train.shape}, y_train {y_train.shape}; X_test {X_test.shape}")
print(f"training examples per class: {np.bincount(y_train)}; test: {np.bincount(y_test)}")

# %% [markdown]
# ## The loop, written out once
#
# **Step 1, initialise.** d = 4 inputs, q = 3 outputs. Before any training every logit is
# close to 0, so the model guesses uniformly and the loss is close to log q (notebook 06).

# %%
num_inputs, num_outputs = 4, 3                                   # d, q
init = np.random.default_rng(0)
W = init.normal(0.0, 0.01, size=(num_inputs, num_outputs))      # W_jk ~ N(0, 0.01²), (d, q)
b = np.zeros(num_outputs)                                        # b = 0, (q,)
print(f"W {W.shape}, b {b.shape}")
print(f"loss before training: {cross_entropy(X_train @ W + b, y_train):.4f}; "
      f"log q = {np.log(num_outputs):.4f}")

# %% [markdown]
# **Steps 2 and 3, forward and loss.** The loss takes the logits and uses log-softmax, never
# the log of a probability that may have rounded to 0.

# %%
def forward(X, W, b):
    return X @ W + b                                  # O = XW + b: (n, d)(d, q) + (q,) -> (n, q)


def loss(O, y):
    n = len(y)
    return -log_softmax(O)[np.arange(n), y].mean()   # (1/n) Σ_i -log ŷ_{i, y_i}


print(f"loss(forward(X_train, W, b), y_train) = {loss(forward(X_train, W, b), y_train):.4f}")

# %% [markdown]
# **Step 4, the gradient**, with respect to W and b, translated symbol by symbol. A gradient
# that is wrong still trains, just badly, so check it against central differences
# (notebook 07) on a few examples before trusting it.

# %%
def gradients(X, y, W, b):
    n = len(y)
    Y_hat = softmax(forward(X, W, b))    # Ŷ, (n, q)
    Y = one_hot(y, W.shape[1])           # Y, (n, q)
    dW = X.T @ (Y_hat - Y) / n           # ∇W = Xᵀ(Ŷ − Y)/n, (d, q)
    db = (Y_hat - Y).mean(axis=0)        # ∇b = column means of Ŷ − Y, (q,)
    return dW, db


X_few, y_few = X_train[:8], y_train[:8]
dW, db = gradients(X_few, y_few, W, b)
dW_numeric = numerical_gradient(lambda W_: loss(forward(X_few, W_, b), y_few), W)
db_numeric = numerical_gradient(lambda b_: loss(forward(X_few, W, b_), y_few), b)
print(f"dW {dW.shape} matches finite differences: {np.allclose(dW, dW_numeric, atol=1e-8)}")
print(f"db {db.shape} matches finite differences: {np.allclose(db, db_numeric, atol=1e-8)}")

# %% [markdown]
# **Steps 5 and 6, update and repeat.** Every epoch shuffles the training set and cuts it into
# minibatches of `batch_size` rows (the last one may be smaller); each minibatch gives one
# gradient and one step against it. After each epoch we evaluate on both sets: the prediction
# is $\arg\max_j o_{ij}$, the accuracy is the fraction of rows where it equals $y_i$.

# %%
lr, batch_size, num_epochs = 1.0, 16, 8     # η, minibatch size, epochs
shuffle = np.random.default_rng(0)
n = len(y_train)
for epoch in range(1, num_epochs + 1):
    order = shuffle.permutation(n)                    # a new random order every epoch
    for start in range(0, n, batch_size):
        batch = order[start:start + batch_size]       # the rows of one minibatch
        dW, db = gradients(X_train[batch], y_train[batch], W, b)
        W = W - lr * dW                               # W ← W − η ∇W
        b = b - lr * db                               # b ← b − η ∇b
    train_loss = loss(forward(X_train, W, b), y_train)
    train_acc = np.mean(forward(X_train, W, b).argmax(axis=1) == y_train)
    test_acc = np.mean(forward(X_test, W, b).argmax(axis=1) == y_test)
    print(f"epoch {epoch}: train loss {train_loss:.4f}, train acc {train_acc:.2%}, "
          f"test acc {test_acc:.2%}")

# %% [markdown]
# The loss falls from log 3 ≈ 1.10 to about 0.24, and about 95% of the images are classified
# right, where guessing gets 33%. The test accuracy moves in steps of 1.33 points because each of
# the 75 test images is 1/75 of it. (The noise that `toy_images` adds makes some images
# genuinely ambiguous, so 100% is out of reach for any classifier.)
#
# ## The same loop, as a helper
#
# `helpers.SoftmaxRegression` is this loop, packaged: `fit` initialises with the same seeded
# generator, shuffles with another one seeded by `seed`, takes the same steps and records the
# loss and accuracy after every epoch in `model.history`. Same seeds, same numbers:

# %%
model_toy = SoftmaxRegression(num_inputs, num_outputs, seed=0)
model_toy.fit(X_train, y_train, lr=lr, batch_size=batch_size, epochs=num_epochs, seed=0,
              X_test=X_test, y_test=y_test)
print(f"same W as our loop: {np.allclose(model_toy.W, W)}; same b: {np.allclose(model_toy.b, b)}")
print(f"history keys: {list(model_toy.history)}")
print(f"final test accuracy: {model_toy.history['test_acc'][-1]:.2%}")

# %% [markdown]
# **What did it learn?** Column j of W holds class j's weights, one per pixel, so it can be
# drawn as a 2×2 image: a template. A pixel with a large positive weight (red) raises the
# class's logit when it is bright; a negative one (blue) lowers it. The prototypes (notebook 01)
# are bright in x1 for every class, so x1 tells nothing and gets a weight near 0 (white). Each
# template lights up the one pixel that is bright only in its class: top right (x2) for the
# cat's top row, bottom right (x4) for the chicken's diagonal, bottom left (x3) for the dog's
# left column.

# %%
# figure: the three columns of W drawn as 2x2 templates
fig = draw_weight_templates(model_toy.W, toy_names, image_shape=(2, 2),
                            title="toy images: W[:, j] as a 2x2 template")
plt.show()

# %% [markdown]
# ## Real data 1: Iris, and standardisation
#
# Fisher's Iris data (1936): 150 flowers, four measurements in centimetres, three species. Four
# inputs and three outputs: the very network of the note, 12 weights and 3 biases.

# %%
X_iris, y_iris, iris_names, iris_features = load_iris()
Xi_train, Xi_test, yi_train, yi_test = train_test_split(X_iris, y_iris, test_fraction=0.25,
                                                        seed=0)
print(f"X {X_iris.shape}, classes {iris_names}")
for k, name in enumerate(iris_features):
    print(f"{name:18s} from {Xi_train[:, k].min():4.1f} to {Xi_train[:, k].max():4.1f}")

# %% [markdown]
# The features live on different scales: petal width runs from 0.1 to 2.5 cm, petal length
# from 1 to 6.9 cm, and none of them is centred at 0. The gradient $\mathbf{X}^\top(\hat{\mathbf{Y}} -
# \mathbf{Y})/n$ is proportional to the features, so the large ones take large steps and the
# small ones tiny steps: no single learning rate suits them all. **Standardisation** gives every
# feature mean 0 and standard deviation 1:
#
# $$x'_{ik} = \frac{x_{ik} - \mu_k}{\sigma_k}, \qquad
#   \mu_k = \frac{1}{n}\sum_i x_{ik}, \qquad \sigma_k = \sqrt{\frac{1}{n}\sum_i (x_{ik} - \mu_k)^2},$$
#
# with μ and σ computed on the **training set only** and then applied, unchanged, to the test
# set. The test set stands in for data we have not seen yet; if its statistics shaped the
# preprocessing, the test score would no longer be an honest estimate.

# %%
mu = Xi_train.mean(axis=0)              # μ_k, one per feature, (d,)
sigma = Xi_train.std(axis=0)            # σ_k, (d,)
Xi_train_std = (Xi_train - mu) / sigma  # broadcasting: every row minus μ, divided by σ
Xi_test_std = (Xi_test - mu) / sigma    # the test set uses the TRAINING set's μ and σ
print(f"μ = {mu}\nσ = {sigma}")
print(f"training set after: means {Xi_train_std.mean(axis=0)}, stds {Xi_train_std.std(axis=0)}")
print(f"test set after: means {Xi_test_std.mean(axis=0)} (close to 0, not exactly)")
helper_train, helper_test, _, _ = standardize(Xi_train, Xi_test)
print(f"same as helpers.data.standardize: {np.allclose(helper_train, Xi_train_std)} "
      f"and {np.allclose(helper_test, Xi_test_std)}")

# %% [markdown]
# The difference it makes, with the same learning rate η = 0.5 and the same seeds: on the raw
# centimetres the loss jumps around, on the standardised features it falls steadily.

# %%
lines = []
for label, A, B in [("raw cm", Xi_train, Xi_test), ("standardised", Xi_train_std, Xi_test_std)]:
    m = SoftmaxRegression(4, 3, seed=0).fit(A, yi_train, lr=0.5, batch_size=16, epochs=30,
                                            X_test=B, y_test=yi_test)
    first = ", ".join(f"{v:.2f}" for v in m.history["train_loss"][:8])
    lines.append(f"{label:13s} train loss, epochs 1-8: {first}")
print("\n".join(lines))

# %% [markdown]
# Now the model on all four standardised features:

# %%
model_iris = SoftmaxRegression(4, 3, seed=0)
model_iris.fit(Xi_train_std, yi_train, lr=0.5, batch_size=16, epochs=30,
               X_test=Xi_test_std, y_test=yi_test)
h = model_iris.history
print(f"Iris after {h['epoch'][-1]} epochs: train loss {h['train_loss'][-1]:.4f}, "
      f"train acc {h['train_acc'][-1]:.2%}, test acc {h['test_acc'][-1]:.2%} "
      f"({round(h['test_acc'][-1] * len(yi_test))} of {len(yi_test)} test flowers)")

# %% [markdown]
# **Decision regions.** With only two features, the petal length and width, the model can be
# drawn: softmax regression is a linear model (notebook 04), so the regions are separated by
# straight lines. Setosa sits apart; versicolor and virginica overlap a little, and no straight
# line separates every flower.

# %%
petals = [2, 3]   # petal length, petal width (standardised)
model_petals = SoftmaxRegression(2, 3, seed=0)
model_petals.fit(Xi_train_std[:, petals], yi_train, lr=0.5, batch_size=16, epochs=50,
                 X_test=Xi_test_std[:, petals], y_test=yi_test)
h = model_petals.history
print(f"two features: train acc {h['train_acc'][-1]:.2%}, test acc {h['test_acc'][-1]:.2%}")

# %%
# figure: decision regions of the two-feature model, with the training flowers
ax = draw_decision_regions(model_petals.W, model_petals.b, X=Xi_train_std[:, petals], y=yi_train,
                           class_names=iris_names, xlim=(-2.0, 2.2), ylim=(-2.0, 2.2))
ax.set_xlabel("petal length (standardised)")
ax.set_ylabel("petal width (standardised)")
ax.set_title("Iris: regions of argmax softmax(xW + b)")
plt.show()

# %% [markdown]
# ## Real data 2: handwritten digits
#
# 1,797 images of 8×8 pixels (each pixel counts ink, 0 to 16), the digits 0 to 9: d = 64
# inputs, q = 10 outputs, 650 parameters. Here are a few, with their labels:

# %%
X_dig, y_dig, digit_names, _ = load_digits()
Xd_train, Xd_test, yd_train, yd_test = train_test_split(X_dig, y_dig, test_fraction=0.25, seed=0)
print(f"X_train {Xd_train.shape}, X_test {Xd_test.shape}")

# %%
# figure: the first 20 training images with their labels
fig = draw_digits(Xd_train[:20], [f"label {v}" for v in yd_train[:20]])
plt.show()

# %% [markdown]
# Standardise as before (now with the helper, which does exactly what we wrote for Iris). Some
# border pixels are 0 in every training image; they carry no information, have σ = 0, and
# are only centred, not divided by zero.

# %%
Xd_train_std, Xd_test_std, mu_d, sigma_d = standardize(Xd_train, Xd_test)
constant = Xd_train.min(axis=0) == Xd_train.max(axis=0)
print(f"{int(constant.sum())} of 64 pixels are constant in the training set")
print(f"largest |mean| after: {np.abs(Xd_train_std.mean(axis=0)).max():.1e}")

# %% [markdown]
# **Watching it learn.** `TrainingProgress` is a callback for `fit`: after every epoch it moves
# a progress bar and redraws the loss and accuracy curves in place. Display it in one cell,
# then train in the next and watch it fill. (Without a live kernel, e.g. on GitHub, a line of
# text stands in for it, and the figure further down shows the same curves.)

# %%
progress = TrainingProgress(epochs=20, title="digits: softmax regression, minibatch SGD")
progress

# %%
model_digits = SoftmaxRegression(64, 10, seed=0)
model_digits.fit(Xd_train_std, yd_train, lr=0.2, batch_size=64, epochs=20, weight_decay=1e-3,
                 seed=0, X_test=Xd_test_std, y_test=yd_test, callback=progress)
print(progress.summary())

# %% [markdown]
# `weight_decay=1e-3` adds a small L2 penalty $\frac{\lambda}{2}\lVert\mathbf{W}\rVert^2$ to the
# loss (on W only, not on b), so the gradient gains a term λW that pulls every weight towards 0.
# The curves, drawn from `model_digits.history`:

# %%
# figure: loss and accuracy per epoch, training and test set
fig = draw_training_curves(model_digits.history, num_classes=10,
                           title="digits: training curves")
plt.show()

# %% [markdown]
# Both losses fall fast, then slowly; the training accuracy keeps creeping up while the test
# accuracy levels off around 96%. The gap between the two curves is what the model memorised
# about its training images that does not carry over to new ones.
#
# ## What the model learned: one template per digit
#
# Column j of W has one weight per pixel, so it is an 8×8 image: the template of digit j. The
# logit $o_j = \mathbf{x} \cdot \mathbf{W}_{:,j} + b_j$ is large when the image's ink (above
# average, since the pixels are standardised) falls on the red pixels and avoids the blue ones.

# %%
# figure: the ten columns of W drawn as 8x8 templates
fig = draw_weight_templates(model_digits.W, digit_names, title="digits: W[:, j] as 8x8 templates")
plt.show()

# %% [markdown]
# The templates are not pictures of the digits: softmax compares the ten logits, so each
# template learns what tells its digit apart from the *other nine*. Blue (no ink allowed) matters
# as much as red. The 0 has a blue centre: most other digits have ink there, a 0 never; the 3 is
# blue down its left side, where a 0, 6 or 8 would have ink and a 3 has none; the 1 puts a
# strong red weight at the top of its stroke. A linear model can only add up such evidence
# pixel by pixel; that this gets 96% of unseen digits right is the surprise.
#
# ## Tweak, twiddle, frob: the training explorer
#
# Every change of a slider trains a fresh model on the digits (the same seeds, so a setting
# always gives the same result) in a few tens of milliseconds, and shows the final numbers,
# the curves and the templates. Things to try:
#
# - **learning rate** from 0.001 (the loss barely moves in 20 epochs) to 10 (it jumps around);
# - **batch size** 16 against "all" (full-batch gradient descent): same epochs, but 85 steps per
#   epoch against 1, so the small batches learn much faster per epoch, with noisier curves;
# - **weight decay** from 0 up to 1: the weights shrink and the templates get smoother; beyond
#   about 0.01 both accuracies fall, because the penalty stops the model from fitting the data;
# - make it **diverge**: learning rate 100 with weight decay 0.1 (see the next cell for why).

# %%
explorer = TrainingExplorer()
explorer

# %% [markdown]
# What the explorer shows for a few learning rates (weight decay 1e-3, batch size 64, 20
# epochs), computed here so it can be read without a kernel:

# %%
lines = []
for lr_try in [0.001, 0.01, 0.1, 1.0, 10.0]:
    m = SoftmaxRegression(64, 10, seed=0)
    m.fit(Xd_train_std, yd_train, lr=lr_try, batch_size=64, epochs=20, weight_decay=1e-3,
          X_test=Xd_test_std, y_test=yd_test)
    h = m.history
    lines.append(f"lr = {lr_try:6g}: train loss {h['train_loss'][-1]:8.4f}, "
                 f"test acc {h['test_acc'][-1]:.2%}")
print("\n".join(lines))

# %% [markdown]
# Too small and the loss has fallen only a little after 20 epochs; too large and the steps
# overshoot, the loss is high and the accuracy poor. With weight decay the update is
# $\mathbf{W} \leftarrow \mathbf{W} - \eta(\nabla_{\mathbf{W}} l + \lambda\mathbf{W})
# = (1 - \eta\lambda)\,\mathbf{W} - \eta\nabla_{\mathbf{W}} l$. If $\eta\lambda > 2$, then
# $|1 - \eta\lambda| > 1$ and every step *multiplies* the weights by more than 1 in size: they
# grow exponentially until the logits overflow. `fit` notices and raises `FloatingPointError`
# with a message that says what to do:

# %%
lr_big, wd_big = 100.0, 0.1
try:
    SoftmaxRegression(64, 10, seed=0).fit(Xd_train_std, yd_train, lr=lr_big, batch_size=64,
                                          epochs=20, weight_decay=wd_big)
except FloatingPointError as err:
    print(f"η λ = {lr_big * wd_big:g}, so each step multiplies W by about 1 - η λ = "
          f"{1 - lr_big * wd_big:g}")
    print(f"FloatingPointError: {err}")

# %% [markdown]
# ## Checked against an independent implementation
#
# Our model agrees with our own derivations, but so would a model with a mistake made twice.
# An independent check: **scikit-learn's** multinomial `LogisticRegression`, written by other
# people, solving the same problem with another algorithm (L-BFGS, a quasi-Newton method).
#
# **The same objective.** We minimise $\frac{1}{n}\sum_i l_i + \frac{\lambda}{2}\lVert \mathbf{W}
# \rVert^2$; scikit-learn minimises $\frac{1}{2}\lVert \mathbf{W}\rVert^2 + C \sum_i l_i$.
# Multiply ours by $Cn$: with $C = 1/(n\lambda)$ the two are the same function up to a constant
# factor, so they have the same minimiser. Neither penalises the bias.
#
# scikit-learn is not needed to run this series, so its answers were computed once by
# `tools/make_sklearn_reference.py` and shipped as a small file, which the tests regenerate
# and compare with the installed scikit-learn. The settings of the comparison:

# %%
COMPARISON = {
    "iris": {"test_fraction": 0.25, "split_seed": 0, "standardize": True, "weight_decay": 0.01},
    "digits": {"test_fraction": 0.25, "split_seed": 0, "standardize": True, "weight_decay": 0.001},
}
reference = json.loads((DATA_DIR / "sklearn_reference.json").read_text(encoding="utf-8"))
print(f"reference: scikit-learn {reference['sklearn_version']}, {reference['estimator']}")
for name, settings in COMPARISON.items():
    ref = reference["datasets"][name]
    print(f"{name:6s}: settings match the file: {settings == ref['settings']}; "
          f"C = 1/(n λ) = 1/({ref['n_train']} × {settings['weight_decay']:g}) = {ref['C']:.4f}")

# %% [markdown]
# **Trained long enough.** Minibatch SGD with a fixed learning rate keeps jittering around the
# minimum; plain (full-batch) gradient descent on this convex objective walks down to it. So for
# the comparison we train with `batch_size` = all training rows, η = 4 and 500 epochs, on the
# same split and the same standardisation, and compare the objective value and the test
# accuracy with the library's.

# %%
loaders = {"iris": load_iris, "digits": load_digits}
lines = [f"{'':7s}{'objective: ours':>16s}{'library':>10s}{'gap':>9s}   "
         f"{'test acc: ours':>14s}{'library':>9s}"]
for name, settings in COMPARISON.items():
    ref = reference["datasets"][name]
    X_all, y_all, names_all, _ = loaders[name]()
    A, B, yA, yB = train_test_split(X_all, y_all, test_fraction=settings["test_fraction"],
                                    seed=settings["split_seed"])
    A, B, _, _ = standardize(A, B)
    wd = settings["weight_decay"]
    ours = SoftmaxRegression(A.shape[1], len(names_all), seed=0)
    ours.fit(A, yA, lr=4.0, batch_size=len(yA), epochs=500, weight_decay=wd)
    objective = ours.loss(A, yA, weight_decay=wd)        # mean cross-entropy + λ/2 ||W||²
    test_acc = float(np.mean(ours.predict(B) == yB))
    gap = round(objective / ref["objective"] - 1, 5) + 0.0   # + 0.0: print -0.0 as 0.0
    lines.append(f"{name:7s}{objective:16.6f}{ref['objective']:10.6f}{gap:+9.3%}   "
                 f"{test_acc:14.2%}{ref['test_accuracy']:9.2%}")
    lines.append(f"{'':7s}objective within 1%: {abs(gap) < 0.01}; test accuracy within 1 "
                 f"point: {abs(test_acc - ref['test_accuracy']) <= 0.01}")
print("\n".join(lines))

# %% [markdown]
# Both agree: the objective to within a small fraction of a percent (ours can only be at or
# above the true minimum, up to rounding), the test accuracy exactly. The minibatch model
# trained above for 20 epochs is a different story:

# %%
ref = reference["datasets"]["digits"]
sgd_objective = model_digits.loss(Xd_train_std, yd_train, weight_decay=1e-3)
print(f"20 epochs of minibatch SGD: objective {sgd_objective:.4f} vs the optimum "
      f"{ref['objective']:.4f} ({sgd_objective / ref['objective'] - 1:+.0%}), "
      f"test acc {model_digits.history['test_acc'][-1]:.2%} vs {ref['test_accuracy']:.2%}")

# %% [markdown]
# Its accuracy is as good (even a little better: on 449 test images one point is 4 or 5
# images, and the optimum of the training objective is not the optimum of the test accuracy),
# but its loss is far from the minimum. Agreement in accuracy comes early; agreement in the
# objective needs the optimisation to finish. That is why the check compares both.

# %% [markdown]
# ## Check your understanding
#
# 1. You standardise the digits with the mean and standard deviation of *all* 1,797 images,
#    then split. What is wrong, and what does it do to the test accuracy you report?
#
# <details><summary>Answer</summary>
#
# The test images have influenced the preprocessing: information about them leaked into
# training. The reported test accuracy is then (slightly) optimistic: it no longer measures
# performance on data the whole pipeline has never seen. Compute μ and σ on the training set
# and apply them to the test set.
# </details>
#
# 2. Your training loss goes down for two epochs, then shoots up and `fit` raises
#    `FloatingPointError`. Name two things to try.
#
# <details><summary>Answer</summary>
#
# A smaller learning rate (the error message suggests one ten times smaller), and
# standardised features if they are not yet. With weight decay λ, keep η λ well below 2.
# </details>
#
# 3. With the same 20 epochs, batch size 16 reaches a lower loss than full-batch gradient
#    descent. Why, and what does full-batch descent do better?
#
# <details><summary>Answer</summary>
#
# An epoch of batch size 16 takes 85 steps on the 1,348 training digits; full-batch takes 1. More
# (noisier) steps per epoch means more progress per pass over the data. Full-batch steps use the
# exact gradient, so the loss decreases smoothly and, run long enough, converges to the minimum
# instead of jittering around it: that is why the comparison with scikit-learn used it.
# </details>

# %% [markdown]
# ## Summary
#
# - Training is six translated formulas: initialise, $\mathbf{O} = \mathbf{X}\mathbf{W} +
#   \mathbf{b}$, the mean cross-entropy, $\nabla_{\mathbf{W}} = \mathbf{X}^\top(\hat{\mathbf{Y}}
#   - \mathbf{Y})/n$ and $\nabla_{\mathbf{b}}$ = column means of $\hat{\mathbf{Y}} - \mathbf{Y}$,
#   the step $\mathbf{W} \leftarrow \mathbf{W} - \eta\nabla_{\mathbf{W}}$, repeated over shuffled
#   minibatches and epochs, evaluated on a held-out test set.
# - Standardise features with the training set's mean and standard deviation; apply the same
#   numbers to the test set.
# - The learning rate, batch size, epochs and weight decay trade speed, noise and fit; too large
#   a learning rate overshoots, and with weight decay η λ > 2 makes the weights blow up.
# - The columns of W of an image classifier are templates: where ink votes for or against a class.
# - Softmax regression from scratch reaches the same optimum and accuracy as scikit-learn's
#   LogisticRegression: about 96% of unseen handwritten digits, with one linear layer.

# %% [markdown]
# ## Exercises
#
# ### Exercise 1 ★ · The SGD update
#
# Write `sgd_update(W, b, dW, db, lr)` that returns the parameters after one step of gradient
# descent, `(W_new, b_new)`. It must **return new arrays** and leave the `W` and `b` it was given
# unchanged (so that a copy of the weights saved before the step still holds the old values).
# The checker compares with one step of `SoftmaxRegression.fit` and recognises gradient
# *ascent*, a forgotten learning rate, a step by a single number instead of the gradient, and
# updates made in place.

# %%
def sgd_update(W, b, dW, db, lr):
    raise NotImplementedError  # your code here


# %%
check_sgd_update(sgd_update)

# %% {"tags": ["solution"], "jupyter": {"source_hidden": true}}
# Solution: step against the gradient, scaled by the learning rate. `W - lr * dW` creates a new
# array; `W -= lr * dW` would overwrite the caller's W.
def sgd_update(W, b, dW, db, lr):
    return W - lr * dW, b - lr * db


check_sgd_update(sgd_update)

# %% [markdown]
# ---
# **Navigation:** [← 08 Information theory](08_information_theory.ipynb) · [index](00_index.ipynb) · [next: 10 Evaluation →](10_evaluation.ipynb)

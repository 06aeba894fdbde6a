# %% [markdown]
# # 00 · Start here: softmax regression (softmax回归), one notebook at a time
#
# This series teaches **softmax regression**, the model behind almost every classifier's last
# layer, from the question "which class is this?" to a model you train yourself on real
# handwritten digits. It follows a Chinese study note on the *Dive into Deep Learning* section
# "softmax回归" heading by heading, and then goes past it. Every formula is computed by a cell
# you can run, every widget can be moved, and every exercise checks your answer as soon as you
# run it.

# %% [markdown]
# ## Contents
#
# | # | notebook | what you will be able to do |
# |---|---|---|
# | 01 | [The classification problem (分类问题)](01_classification.ipynb) | tell classification from regression; see why labels 1, 2, 3 mislead a model |
# | 02 | [One-hot encoding (独热编码)](02_one_hot_encoding.ipynb) | encode and decode labels as one-hot vectors |
# | 03 | [Network architecture (网络架构)](03_network_architecture.ipynb) | write the 4 → 3 network as o = Wx + b and count its parameters |
# | 04 | [The softmax operation (softmax运算)](04_softmax.ipynb) | turn logits into probabilities, stably, in any precision |
# | 05 | [Vectorization for minibatches (小批量样本的矢量化)](05_minibatch_vectorization.ipynb) | compute O = XW + b and row-wise softmax for a whole batch |
# | 06 | [Loss function: likelihood (损失函数 · 对数似然)](06_loss_and_likelihood.ipynb) | derive and compute the cross-entropy loss from logits |
# | 07 | [Softmax and its derivative (softmax及其导数)](07_softmax_derivatives.ipynb) | derive ∂l/∂o = softmax(o) − y and check it numerically |
# | 08 | [Information theory (信息论基础)](08_information_theory.ipynb) | read entropy, cross-entropy and KL divergence |
# | 09 | [Training from scratch](09_training_from_scratch.ipynb) | train softmax regression with minibatch SGD on real data |
# | 10 | [Evaluating a classifier (模型预测和评估)](10_evaluation.ipynb) | measure accuracy, confusion and calibration |

# %% [markdown]
# ## How to use the series
#
# - **Run a cell** with <kbd>Shift</kbd>+<kbd>Enter</kbd>; run a whole notebook from the *Run* menu
#   (*Run All Cells*). Each notebook runs top to bottom in a few seconds and starts with one setup
#   cell; nothing is hidden from you.
# - **Widgets**: sliders and buttons update probabilities, losses and plots as you move them. Click a
#   slider and use the arrow keys, or click its number and type a value.
# - **Exercises** come at the end of each notebook, marked ★ (quick) to ★★★ (a challenge). Fill in
#   the stub, run the checker cell below it, and read its feedback: one line per check, with a hint
#   when something is off. An untouched stub says *not attempted yet*.
# - **Solutions** follow each exercise with their code collapsed. Click the three dots (…) to open
#   one, after you have tried.
# - A cell that only draws a figure starts with `# figure:`; you may skip reading its code.
# - Shapes and names are the same in every notebook; the table below is the reference.

# %% [markdown]
# ## Check your environment
#
# Run the next cell. Every line should start with ✓; if one says ✗, follow its advice (usually:
# run `make lab` from the project folder, which installs everything into `.venv`).

# %%
import platform
from importlib.metadata import version

import helpers

NEEDED = {"numpy": (1, 26), "matplotlib": (3, 8), "ipywidgets": (8, 1), "jupyterlab": (4, 2)}


def as_tuple(v: str) -> tuple[int, ...]:
    return tuple(int(part) for part in v.split(".")[:2])


print(f"✓ Python {platform.python_version()} (need ≥ 3.11)")
for package, minimum in NEEDED.items():
    found = version(package)
    ok = as_tuple(found) >= minimum
    mark, advice = ("✓", "") if ok else ("✗", "  → run `make lab` to upgrade")
    print(f"{mark} {package} {found} (need ≥ {'.'.join(map(str, minimum))}){advice}")
print(f"✓ helpers imported from the project ({len(helpers.__all__)} public names)")

# %% [markdown]
# ## Notation (记号)
#
# The shapes are fixed once and used the same way in every notebook. The running example is a
# 2×2 grayscale image (4 pixels x₁..x₄) to be classified as cat, chicken or dog, so d = 4 and q = 3.
#
# | symbol | in code | shape | meaning |
# |---|---|---|---|
# | $\mathbf{x}$ | `x` | (d,) | one example's features (d = 4 in the running example) |
# | $\mathbf{X}$ | `X` | (n, d) | a minibatch (小批量), one example per row |
# | $\mathbf{W}$ | `W` | (d, q) | weights (权重); column j holds class j's weights |
# | $\mathbf{b}$ | `b` | (q,) | biases (偏置), broadcast over the rows |
# | $\mathbf{o}$, $\mathbf{O}$ | `o`, `O` | (q,), (n, q) | logits (未规范化的预测), $\mathbf{O} = \mathbf{X}\mathbf{W} + \mathbf{b}$ |
# | $\hat{\mathbf{y}}$, $\hat{\mathbf{Y}}$ | `y_hat`, `Y_hat` | (q,), (n, q) | probabilities, softmax row by row |
# | $y$, $\mathbf{Y}$ | `y`, `Y` | (n,) ints, (n, q) one-hot | labels (标签) |
# | $n$, $d$, $q$ | `n`, `num_inputs`, `num_outputs` | | batch size, number of features, number of classes |
# | $\eta$ | `lr` | | learning rate (学习率) |
#
# The source note writes $\mathbf{o} = \mathbf{W}\mathbf{x} + \mathbf{b}$ with a 3×4 matrix for
# one example; notebook 03 shows that form and reconciles it with the (d, q) batch form above.

# %% [markdown]
# ## Glossary (术语表, 中文 · English)
#
# | 中文 | English | | 中文 | English |
# |---|---|---|---|---|
# | 分类 | classification | | 回归 | regression |
# | 硬性类别 / 软性类别 | hard / soft assignment | | 独热编码 | one-hot encoding |
# | 标签 | label | | 特征 | feature |
# | 仿射变换 | affine transformation | | 未规范化的预测 | logit |
# | 全连接层 | fully connected layer | | 单层神经网络 | single-layer neural network |
# | 权重 | weight | | 偏置 | bias |
# | softmax运算 | softmax operation | | 规范化常数 / 配分函数 | normalization constant / partition function |
# | 校准 | calibration | | 线性模型 | linear model |
# | 小批量 | minibatch | | 矢量化 | vectorization |
# | 广播机制 | broadcasting | | 似然 | likelihood |
# | 对数似然 | log-likelihood | | 负对数似然 | negative log-likelihood |
# | 最大似然估计 | maximum likelihood estimation | | 交叉熵损失 | cross-entropy loss |
# | 导数 | derivative | | 梯度 | gradient |
# | 雅可比矩阵 | Jacobian | | 信息论 | information theory |
# | 熵 | entropy | | 信息量 | surprisal |
# | KL散度 | KL divergence | | 上溢 / 下溢 | overflow / underflow |
# | 数值稳定性 | numerical stability | | 精度 | accuracy |
# | 学习率 | learning rate | | 超参数 | hyperparameter |
# | 迭代周期 | epoch | | 温度 | temperature |

# %% [markdown]
# ## A first taste
#
# The whole series in one line: a model produces scores (logits) for each class, and softmax turns
# them into probabilities that are positive and sum to 1. Notebook 04 takes this apart.

# %%
import numpy as np

from helpers import softmax

o = np.array([2.0, 1.0, -1.0])  # logits for cat, chicken, dog
y_hat = softmax(o)
for name, p in zip(["cat", "chicken", "dog"], y_hat, strict=True):
    print(f"P({name:7s} | x) = {p:.3f}")
print(f"sum = {y_hat.sum():.3f}")

# %% [markdown]
# ---
# **Navigation:** index · [next: 01 The classification problem →](01_classification.ipynb)

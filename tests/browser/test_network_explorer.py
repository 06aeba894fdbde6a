"""NetworkExplorer in 03_network_architecture.ipynb: inputs, weights and bias on sliders.

The logits, the products x_k w_jk, the bias and the chosen logit on the page must be what
``network_state`` computes from the slider values; the diagram's edges must carry W.
"""

import re

import numpy as np
import pytest

from helpers.widgets.network_explorer import network_state

from .jlab import Shown, active_toggle, click_toggle, compare, parse_number, wait_shown

pytestmark = pytest.mark.browser

NOTEBOOK = "03_network_architecture.ipynb"
ROOT_CSS = "sm-network-explorer"
FALLBACK = ["from helpers.widgets import NetworkExplorer\nNetworkExplorer()"]
TOGGLE = "sm-toggle-cls"


def edge_weights(root) -> np.ndarray:
    """W (d, q) as the diagram draws it: ``data-weight`` of ``line.sm-edge`` (3 decimals)."""
    edges = root.evaluate(
        """r => [...r.querySelectorAll('line.sm-edge')].map(e => [
            +e.dataset.from, +e.dataset.to, parseFloat(e.dataset.weight)])"""
    )
    d = 1 + max(k for k, _, _ in edges)
    q = 1 + max(j for _, j, _ in edges)
    W = np.full((d, q), np.nan)
    for k, j, w in edges:
        W[k, j] = w
    return W


def diagram_biases(root) -> list[float]:
    """b as the diagram writes it under each output node ("cat · b1 = 0.20")."""
    texts = root.evaluate(
        "r => [...r.querySelectorAll('svg.sm-network-svg text')].map(t => t.textContent)"
    )
    found = {}
    for text in texts:
        m = re.search(r"· b(\d+) = (\S+)$", text)
        if m:
            found[int(m.group(1)) - 1] = parse_number(m.group(2))
    return [found[j] for j in range(len(found))]


class Model:
    """The test's own record of W and b: read from the page, updated as the test moves sliders."""

    def __init__(self, lab, root):
        self.lab, self.root = lab, root
        self.W = edge_weights(root)
        self.d, self.q = self.W.shape
        self.b = np.array(diagram_biases(root))
        assert self.b.shape == (self.q,), f"the diagram shows biases {self.b} for q = {self.q}"

    def slider(self, name):
        return self.lab.slider(name, self.root)

    def read_class_sliders(self) -> int:
        """Copy the chosen class's weight and bias sliders into W[:, j] and b[j]."""
        j = active_toggle(self.root, TOGGLE)
        for k in range(self.d):
            self.W[k, j] = self.slider(f"w{k + 1}").value()
        self.b[j] = self.slider("b").value()
        return j

    def expect(self):
        x = [self.slider(f"x{k + 1}").value() for k in range(self.d)]
        j = active_toggle(self.root, TOGGLE)
        s = network_state(x, self.W, self.b, j)
        shown = {
            "logit": Shown(s["o"], tol=5e-4),
            "term": Shown(s["terms"], tol=5e-4),
            "bias": Shown([self.b[j]], tol=5e-3),
            "chosen-logit": Shown([s["o"][j]], tol=5e-4),
        }
        return {"x": x, "cls": j, "w": self.W[:, j].tolist(), "b": float(self.b[j])}, shown

    def check_edges(self):
        ok, msg = compare(edge_weights(self.root).ravel(), self.W.ravel(), tol=5e-4)
        assert ok, f"diagram edges: {msg}"


def test_network_explorer_keys_typing_and_classes(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    m = Model(lab, root)
    start = active_toggle(root, TOGGLE)

    # visit every class: its weights and bias come onto the sliders, as the diagram has them
    for j in [*range(m.q), start]:
        click_toggle(root, TOGGLE, j)
        want = [*edge_weights(root)[:, j], diagram_biases(root)[j]]
        lab.wait_until(
            lambda want=want: compare(
                [*(m.slider(f"w{k + 1}").value() for k in range(m.d)), m.slider("b").value()],
                want,
                tol=5e-3,
            )
        )
        assert active_toggle(root, TOGGLE) == j
        m.read_class_sliders()
        wait_shown(lab, root, m.expect)
    m.check_edges()

    # key presses: x2 four steps left, w1 five steps right (edits W[0, j] only)
    x2 = m.slider("x2").value()
    m.slider("x2").press("ArrowLeft", 4)
    w1 = m.slider("w1").value()
    m.slider("w1").press("ArrowRight", 5)
    lab.wait_until(lambda: (abs(m.slider("w1").value() - (w1 + 0.5)) < 1e-9, "w1 did not move"))
    j = m.read_class_sliders()
    shown = wait_shown(lab, root, m.expect)
    assert shown["x"][1] == pytest.approx(max(0.0, x2 - 0.2))
    m.check_edges()

    # typing: a pixel, a weight, the bias
    m.slider("x3").type("0.95")
    m.slider("w2").type("-2.5")
    m.slider("b").type("1.2")
    lab.wait_until(lambda: (m.slider("b").value() == pytest.approx(1.2), "b not typed"))
    m.read_class_sliders()
    shown = wait_shown(lab, root, m.expect)
    assert (shown["x"][2], shown["w"][1], shown["b"]) == pytest.approx((0.95, -2.5, 1.2))
    m.check_edges()

    # another class and back: the edited weights of class j were kept
    other = (j + 1) % m.q
    click_toggle(root, TOGGLE, other)
    lab.wait_until(lambda: (m.slider("b").value() == pytest.approx(m.b[other]), "b of other"))
    wait_shown(lab, root, m.expect)
    click_toggle(root, TOGGLE, j)
    lab.wait_until(lambda: (m.slider("b").value() == pytest.approx(1.2), "b of j not kept"))
    ok, msg = compare([m.slider(f"w{k + 1}").value() for k in range(m.d)], m.W[:, j], 1e-9)
    assert ok, f"weights of class {j} after switching back: {msg}"
    wait_shown(lab, root, m.expect)
    m.check_edges()
    lab.screenshot("network_explorer_after_interaction", target=root)
    lab.assert_no_errors()

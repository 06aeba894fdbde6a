"""BroadcastInspector in 05_minibatch_vectorization.ipynb: n, d, q by key presses and typing.

Every matrix entry, shape, row sum and the strides on the page must be what
``broadcast_state`` computes for the slider values the page shows.
"""

import pytest

from helpers.widgets.broadcast_inspector import SHAPE_ORDER, broadcast_state

from .jlab import Shown, wait_shown

pytestmark = pytest.mark.browser

NOTEBOOK = "05_minibatch_vectorization.ipynb"
ROOT_CSS = "sm-broadcast-inspector"
FALLBACK = ["from helpers.widgets import BroadcastInspector\nBroadcastInspector()"]


def flat(values) -> list[float]:
    rows = values if values and isinstance(values[0], list) else [values]
    return [float(v) for row in rows for v in row]


def expect(lab, root):
    def make():
        n, d, q = (round(lab.slider(name, root).value()) for name in ("n", "d", "q"))
        s = broadcast_state(n, d, q)
        shown = {
            # the integer matrices are exact; Ŷ and the row sums have 3 decimals
            "x": Shown(flat(s["X"])),
            "w": Shown(flat(s["W"])),
            "xw": Shown(flat(s["XW"])),
            "xw2": Shown(flat(s["XW"])),
            "b": Shown(flat(s["b"])),
            "b-broadcast": Shown(flat(s["b_broadcast"])),
            "o": Shown(flat(s["O"])),
            "o2": Shown(flat(s["O"])),
            "y-hat": Shown(flat(s["Y_hat"]), tol=5e-4),
            "rowsum": Shown(s["row_sums"], tol=5e-4),
            "strides": Shown([str(s["b_strides"])]),
        }
        return {"n": n, "d": d, "q": q}, shown

    return make


def shapes_shown(root) -> dict[str, set[str]]:
    """The shape printed above each matrix, by matrix name (XW and O appear twice)."""
    pairs = root.evaluate(
        """r => [...r.querySelectorAll('.sm-grid')].map(g => [
            [...g.classList].find(c => c.startsWith('sm-grid-')).slice(8),
            g.querySelector('.sm-value.sm-shape').textContent.trim()])"""
    )
    out: dict[str, set[str]] = {}
    for name, shape in pairs:
        out.setdefault(name, set()).add(shape)
    return out


def check_shapes(root, v: dict) -> None:
    s = broadcast_state(v["n"], v["d"], v["q"])
    assert shapes_shown(root) == {name: {s["shape_text"][name]} for name in SHAPE_ORDER}


def virtual_rows(root) -> int:
    return root.locator(".sm-grid-b_broadcast tr.sm-virtual").count()


def test_broadcast_inspector_keys_and_typing(open_widget):
    lab, root = open_widget(NOTEBOOK, ROOT_CSS, FALLBACK)
    check = expect(lab, root)
    v0 = wait_shown(lab, root, check)
    assert virtual_rows(root) == v0["n"] - 1
    check_shapes(root, v0)

    # key presses: a larger batch, one class fewer
    lab.slider("n", root).press("ArrowRight", 2)
    lab.slider("q", root).press("ArrowLeft")
    v1 = wait_shown(lab, root, check)
    assert (v1["n"], v1["q"]) == (min(v0["n"] + 2, 6), v0["q"] - 1)
    assert virtual_rows(root) == v1["n"] - 1
    check_shapes(root, v1)

    # typing: two features, a batch of one (no virtual copies then), five classes
    lab.slider("d", root).type("2")
    lab.slider("n", root).type("1")
    lab.slider("q", root).type("5")
    v2 = wait_shown(lab, root, check)
    assert v2 == {"n": 1, "d": 2, "q": 5}
    assert virtual_rows(root) == 0
    check_shapes(root, v2)
    lab.slider("n", root).type("6")
    assert wait_shown(lab, root, check)["n"] == 6
    assert virtual_rows(root) == 5
    lab.screenshot("broadcast_inspector_after_interaction", target=root)
    lab.assert_no_errors()

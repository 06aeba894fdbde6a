"""EntropyExplorer (08): the computation against the helpers and scipy, the widget headless."""

import itertools
import math
import re
from html import unescape

import numpy as np
import pytest
import scipy.special as sp
import scipy.stats as ss

from helpers.information import cross_entropy_dist, entropy, kl
from helpers.widgets import EntropyExplorer
from helpers.widgets.entropy_explorer import entropy_state, shown

SETTINGS = [
    ((0.6, 0.3, 0.1), (0.3, 0.3, 0.4), "nats"),
    ((0.6, 0.3, 0.1), (0.3, 0.3, 0.4), "bits"),
    ((1.0, 1.0, 1.0), (1.0, 1.0, 1.0), "nats"),  # uniform, q = p
    ((1.0, 0.0, 0.0), (0.2, 0.5, 0.3), "bits"),  # p one-hot: H(p) = 0
    ((0.5, 0.5, 0.0), (0.5, 0.0, 0.5), "nats"),  # q = 0 where p > 0: infinite
    ((0.0, 0.0, 0.0), (0.0, 0.0, 0.0), "nats"),  # all weights 0: uniform
    ((0.01, 0.0, 1.0), (1.0, 0.01, 0.01), "bits"),
]


def spans(text: str, kind: str) -> dict[int | None, str]:
    found = {}
    pattern = rf'<span class="sm-value sm-{re.escape(kind)}"(?: data-index="(\d+)")?[^>]*>([^<]*)<'
    for index, value in re.findall(pattern, text):
        found[int(index) if index else None] = unescape(value)
    return found


def normalised(w):
    w = np.asarray(w, dtype=float)
    return np.full(w.size, 1 / w.size) if w.sum() == 0 else w / w.sum()


@pytest.mark.parametrize("pw, qw, unit", SETTINGS)
def test_state_matches_helpers_and_scipy(pw, qw, unit):
    s = entropy_state(pw, qw, unit)
    p, q = normalised(pw), normalised(qw)
    np.testing.assert_allclose(s["p"], p)
    np.testing.assert_allclose(s["q"], q)
    base = math.e if unit == "nats" else 2.0
    assert s["entropy"] == pytest.approx(ss.entropy(p, base=base), abs=1e-12)
    assert s["entropy"] == entropy(p, unit)
    assert s["kl"] == kl(p, q, unit)
    assert s["cross_entropy"] == cross_entropy_dist(p, q, unit)
    ref_kl = float(sp.rel_entr(p, q).sum()) / math.log(base)
    if math.isinf(ref_kl):
        assert s["kl"] == math.inf and s["cross_entropy"] == math.inf
    else:
        assert s["kl"] == pytest.approx(ref_kl, abs=1e-12)
        assert s["cross_entropy"] == pytest.approx(s["entropy"] + s["kl"], abs=1e-12)
    assert s["p_uniform"] == (sum(pw) == 0)


@pytest.mark.parametrize("pw, qw, unit", SETTINGS)
def test_widget_shows_the_computed_numbers(pw, qw, unit):
    explorer = EntropyExplorer()
    values = {f"p{j + 1}": w for j, w in enumerate(pw)}
    values.update({f"q{j + 1}": w for j, w in enumerate(qw)})
    explorer.set(unit=unit, **values)
    s = entropy_state(pw, qw, unit)
    assert explorer.state == s
    text = explorer.distributions.value + explorer.bars.value + explorer.details.value
    assert spans(text, "p") == {j: shown(v) for j, v in enumerate(s["p"])}
    assert spans(text, "q") == {j: shown(v) for j, v in enumerate(s["q"])}
    assert spans(text, "entropy") == {None: shown(s["entropy"])}
    assert spans(text, "cross_entropy") == {None: shown(s["cross_entropy"])}
    assert spans(text, "kl") == {None: shown(s["kl"])}
    assert f" {unit} " in explorer.bars.value
    assert "nan" not in text and "-0.000" not in text
    if math.isinf(s["kl"]):
        assert spans(text, "kl")[None] == "∞" and "sm-error" in explorer.details.value
    if sum(pw) == 0:
        assert "taken as uniform" in explorer.details.value


def test_switching_units_divides_by_ln2_and_keeps_bar_lengths():
    explorer = EntropyExplorer()
    nats = dict(explorer.state)
    bars_nats = re.findall(r"width:([\d.]+)%", explorer.bars.value)
    explorer.set(unit="bits")
    for key in ("entropy", "cross_entropy", "kl"):
        assert explorer.state[key] == pytest.approx(nats[key] / math.log(2))
    assert re.findall(r"width:([\d.]+)%", explorer.bars.value) == bars_nats


def test_sweeping_the_extremes_raises_no_warning():
    """Every slider at 0 or 1 (64 corners) in both units; warnings are errors in pytest."""
    explorer = EntropyExplorer()
    names = [f"{letter}{j}" for letter in "pq" for j in (1, 2, 3)]
    for unit in ("nats", "bits"):
        for corner in itertools.product([0.0, 1.0], repeat=6):
            explorer.set(unit=unit, **dict(zip(names, corner, strict=True)))
            s = explorer.state
            assert math.isclose(sum(s["p"]), 1.0) and math.isclose(sum(s["q"]), 1.0)
            assert not math.isnan(s["entropy"] + s["kl"] + s["cross_entropy"])
            assert s["kl"] >= 0.0


def test_controls_css_and_text_summary():
    explorer = EntropyExplorer()
    assert list(explorer.controls) == ["p1", "p2", "p3", "q1", "q2", "q3", "unit"]
    assert "sm-entropy-explorer" in explorer.root._dom_classes
    for name in ["p1", "p2", "p3", "q1", "q2", "q3"]:
        assert f"sm-slider-{name}" in explorer.controls[name]._dom_classes
    assert "sm-toggle-unit" in explorer.controls["unit"]._dom_classes
    summary = explorer._repr_mimebundle_()["text/plain"]
    assert summary.startswith("EntropyExplorer: p = [0.600, 0.300, 0.100]")
    assert shown(explorer.state["kl"]) in summary


def test_four_outcomes_and_bad_arguments():
    explorer = EntropyExplorer(p_weights=[1, 1, 1, 1], q_weights=[1, 0, 0, 0])
    assert list(explorer.controls)[:4] == ["p1", "p2", "p3", "p4"]
    assert explorer.state["entropy"] == pytest.approx(math.log(4))
    assert explorer.state["kl"] == math.inf
    with pytest.raises(ValueError, match="2 to 4 outcomes"):
        EntropyExplorer(p_weights=[1, 1], q_weights=[1, 1, 1])
    with pytest.raises(ValueError, match="unit"):
        entropy_state([1, 1], [1, 1], unit="bans")

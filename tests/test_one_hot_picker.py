"""OneHotPicker (02): the pure computation, the HTML view and the wiring, driven headless."""

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from helpers import one_hot
from helpers.widgets import OneHotPicker
from helpers.widgets.one_hot_picker import DEFAULT_NAMES, one_hot_state


def shown(html: str, kind: str) -> dict[int, str]:
    """The numbers a view shows for one kind of value: {data-index: text}."""
    pattern = rf'class="sm-value sm-{kind}" data-index="(\d+)"[^>]*>([^<]*)<'
    return {int(i): text for i, text in re.findall(pattern, html)}


def shown_one(html: str, kind: str) -> str:
    found = re.findall(rf'class="sm-value sm-{kind}"[^>]*>([^<]*)<', html)
    assert len(found) == 1, f"expected one sm-{kind}, found {found}"
    return found[0]


# -- computation ------------------------------------------------------------------------------


@given(st.integers(1, 10).flatmap(lambda q: st.tuples(st.just(q), st.integers(0, q - 1))))
def test_state_matches_helpers_one_hot_and_the_distances(data):
    q, label = data
    state = one_hot_state(label, q)
    e = one_hot([label], q)[0]
    np.testing.assert_array_equal(state["vector"], e)
    assert state["argmax"] == label == int(np.argmax(e)) and state["round_trip"]
    assert state["class_names"] == list(DEFAULT_NAMES[:q])
    assert state["class_name"] == state["decoded"] == DEFAULT_NAMES[label]
    I = np.eye(q)
    np.testing.assert_allclose(state["one_hot_distances"], np.linalg.norm(I - I[label], axis=1))
    others = [d for j, d in enumerate(state["one_hot_distances"]) if j != label]
    np.testing.assert_allclose(others, np.sqrt(2))
    assert state["integer_distances"] == [abs(label - j) for j in range(q)]


def test_state_uses_given_class_names():
    state = one_hot_state(1, 2, ["no", "yes"])
    assert state["class_name"] == "yes" and state["vector"] == [0.0, 1.0]


@pytest.mark.parametrize(
    ("label", "q", "error", "words"),
    [
        (3, 3, ValueError, "out of range for num_classes=3"),
        (-1, 3, ValueError, "negative"),
        (0, 11, ValueError, "class names"),
        (0, 0, ValueError, "class names"),
        (0, 2.0, TypeError, "num_classes must be an int"),
    ],
)
def test_state_refuses_bad_input(label, q, error, words):
    with pytest.raises(error, match=words):
        one_hot_state(label, q)


# -- widget -----------------------------------------------------------------------------------


def test_widget_shows_the_picked_class_and_decodes_it():
    picker = OneHotPicker()
    assert picker.state["label"] == 0
    picker.set(label=2)
    s = picker.state
    assert s["vector"] == [0.0, 0.0, 1.0] and s["decoded"] == "dog"
    cells = shown(picker.cells.value, "onehot")
    assert cells == {0: "0", 1: "0", 2: "1"}
    assert 'sm-cell sm-hot" data-index="2"' in picker.cells.value
    mapping = picker.mapping.value
    assert shown_one(mapping, "label") == "2"
    assert shown_one(mapping, "vector") == "(0, 0, 1)"
    assert shown_one(mapping, "argmax") == "2"
    assert shown_one(mapping, "decoded") == "dog"
    assert "sm-ok" in mapping
    table = picker.distances.value
    assert shown(table, "dist-int") == {j: str(abs(2 - j)) for j in range(3)}
    assert shown(table, "dist-onehot") == {0: "1.414", 1: "1.414", 2: "0.000"}
    assert "|2 − j|" in table and "‖e₂ − eⱼ‖" in table


def test_widget_accepts_a_class_name():
    picker = OneHotPicker().set(label="chicken")
    assert picker.state["label"] == 1 and picker.controls["label"].value == 1


def test_more_classes_add_buttons_and_fewer_keep_the_pick_in_range():
    picker = OneHotPicker(label=1)
    picker.set(num_classes=6, label=5)  # num_classes is applied first
    assert [value for _, value in picker.controls["label"].options] == list(range(6))
    assert picker.state["vector"] == one_hot([5], 6)[0].tolist()
    assert picker.state["integer_distances"] == [5, 4, 3, 2, 1, 0]
    assert shown_one(picker.mapping.value, "vector") == "(0, 0, 0, 0, 0, 1)"
    picker.set(num_classes=3)  # label 5 no longer exists: the last class is picked
    assert picker.state["label"] == 2 and len(picker.controls["label"].options) == 3
    assert len(shown(picker.cells.value, "onehot")) == 3


def test_moving_controls_directly_updates_like_a_browser():
    picker = OneHotPicker()
    picker.controls["num_classes"].value = 4
    assert picker.state["num_classes"] == 4 and len(picker.controls["label"].options) == 4
    picker.controls["label"].value = 3
    assert picker.state["decoded"] == "bird"
    assert shown_one(picker.mapping.value, "decoded") == "bird"
    picker.controls["num_classes"].value = 2
    assert picker.state["label"] == 1 and picker.state["vector"] == [0.0, 1.0]


def test_every_class_count_and_label_renders_without_warnings():
    picker = OneHotPicker()
    for q in range(2, 11):
        for label in range(q):
            picker.set(num_classes=q, label=label)
            assert picker.state["round_trip"]
            assert shown(picker.cells.value, "onehot")[label] == "1"
            assert len(shown(picker.distances.value, "dist-onehot")) == q
    picker.controls["num_classes"].value = 99  # clamped to the slider's maximum, as in a browser
    assert picker.state["num_classes"] == 10


def test_css_classes_for_the_browser_tests():
    picker = OneHotPicker()
    assert "sm-one-hot-picker" in picker.root._dom_classes
    assert "sm-slider-num_classes" in picker.controls["num_classes"]._dom_classes
    assert "sm-toggle-label" in picker.controls["label"]._dom_classes
    for view in ("cells", "mapping", "distances"):
        assert f"sm-view-{view}" in getattr(picker, view)._dom_classes


def test_display_gives_a_deterministic_text_summary():
    picker = OneHotPicker(label=2)
    bundle = picker._repr_mimebundle_()
    assert "application/vnd.jupyter.widget-view+json" in bundle
    text = bundle["text/plain"]
    assert text.startswith("OneHotPicker: label 2 (dog) -> one-hot (0, 0, 1) -> argmax 2 (dog)")
    assert OneHotPicker(label=2)._repr_mimebundle_()["text/plain"] == text


@pytest.mark.parametrize(
    ("values", "error", "words"),
    [
        ({"label": 3}, ValueError, "out of range for num_classes=3"),
        ({"label": "fish"}, ValueError, "no class named 'fish'"),
        ({"label": 1.5}, TypeError, "class index or name"),
        ({"colour": 1}, KeyError, "no control named"),
    ],
)
def test_set_refuses_what_a_student_cannot_click(values, error, words):
    picker = OneHotPicker()
    with pytest.raises(error, match=words):
        picker.set(**values)
    assert picker.state["label"] == 0  # nothing changed


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"label": 3}, "out of range"),
        ({"num_classes": 1}, "num_classes must be 2..10"),
        ({"class_names": ["only"]}, "2 to 10 classes"),
        ({"num_classes": 3, "class_names": ["a", "b"]}, "num_classes must be 2..2"),
    ],
)
def test_constructor_refuses_bad_arguments(kwargs, words):
    with pytest.raises(ValueError, match=words):
        OneHotPicker(**kwargs)


def test_custom_class_names_are_shown():
    picker = OneHotPicker(label=1, num_classes=2, class_names=["no", "yes"])
    assert picker.controls["label"].options == (("no", 0), ("yes", 1))
    assert "1: yes" in picker.cells.value
    assert shown_one(picker.mapping.value, "decoded") == "yes"

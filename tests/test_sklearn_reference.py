"""assets/data/sklearn_reference.json: scikit-learn's answers that notebook 09 compares with.

The notebook cannot import scikit-learn (a test-only dependency), so it reads this file. Here
the file is regenerated with the installed scikit-learn and compared, the notebook's settings
are compared with the file's, and the notebook's claim (our optimiser reaches the library's
optimum within 1% and its test accuracy within 1 point) is checked against the file.
"""

import ast
import copy
import importlib.util
import json

import numpy as np
import pytest
from conftest import ROOT

from helpers import SoftmaxRegression

REFERENCE = ROOT / "assets" / "data" / "sklearn_reference.json"
NOTEBOOK_SOURCE = ROOT / "notebooks" / "src" / "09_training_from_scratch.py"


def load_tool():
    spec = importlib.util.spec_from_file_location(
        "make_sklearn_reference", ROOT / "tools" / "make_sklearn_reference.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def shipped() -> dict:
    return json.loads(REFERENCE.read_text(encoding="utf-8"))


def notebook_assignment(name: str):
    """The literal value assigned to ``name`` in the notebook's source."""
    tree = ast.parse(NOTEBOOK_SOURCE.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{NOTEBOOK_SOURCE.name} assigns no {name}")


def test_shipped_file_agrees_with_the_installed_scikit_learn():
    pytest.importorskip("sklearn")
    tool = load_tool()
    fresh = tool.build()
    assert tool.differences(shipped(), fresh) == []
    # the exact text the tool writes, apart from numbers that moved within tolerance
    assert set(shipped()) == set(fresh)
    assert shipped()["estimator"] == fresh["estimator"]


def test_check_finds_a_tampered_file():
    tool = load_tool()
    good = shipped()
    assert tool.differences(good, good) == []
    bad = copy.deepcopy(good)
    bad["datasets"]["digits"]["objective"] *= 1 + 1e-4
    bad["datasets"]["iris"]["settings"]["weight_decay"] = 0.1
    bad["datasets"]["iris"]["test_accuracy"] -= 2 / good["datasets"]["iris"]["n_test"]
    found = " | ".join(tool.differences(bad, good))
    for words in ["digits.objective", "iris.settings", "iris.test_accuracy"]:
        assert words in found
    missing = copy.deepcopy(good)
    del missing["datasets"]["iris"]
    assert tool.differences(missing, good) == ["iris: missing from the shipped file"]


def test_settings_agree_between_notebook_tool_and_file():
    tool = load_tool()
    comparison = notebook_assignment("COMPARISON")
    assert comparison == tool.SETTINGS
    for name, settings in comparison.items():
        assert shipped()["datasets"][name]["settings"] == settings
    assert shipped()["sklearn_version"]
    # the notebook reads the file it should
    assert "sklearn_reference.json" in NOTEBOOK_SOURCE.read_text(encoding="utf-8")


@pytest.mark.parametrize("name", ["iris", "digits"])
def test_our_optimiser_reaches_the_shipped_optimum(name):
    """What the notebook shows: full-batch gradient descent (lr 4, 500 epochs) gets within 1%
    of the library's objective, never below it, and within 1 point of its test accuracy."""
    tool = load_tool()
    ref = shipped()["datasets"][name]
    X_train, X_test, y_train, y_test, class_names = tool.prepare(name, ref["settings"])
    assert (len(y_train), len(y_test), X_train.shape[1], len(class_names)) == (
        ref["n_train"],
        ref["n_test"],
        ref["num_features"],
        ref["num_classes"],
    )
    wd = ref["settings"]["weight_decay"]
    model = SoftmaxRegression(X_train.shape[1], len(class_names), seed=0)
    model.fit(X_train, y_train, lr=4.0, batch_size=len(y_train), epochs=500, weight_decay=wd)
    ours = model.loss(X_train, y_train, weight_decay=wd)
    assert ours == pytest.approx(ref["objective"], rel=0.01)
    assert ours >= ref["objective"] * (1 - 1e-6)  # the file holds the true minimum
    test_acc = np.mean(model.predict(X_test) == y_test)
    assert abs(test_acc - ref["test_accuracy"]) <= 0.01
    # the tool's objective (SciPy) and the helpers' loss are the same function
    obj, mean_ce = tool.objective(model.W, model.b, X_train, y_train, wd)
    assert obj == pytest.approx(ours, rel=1e-12)
    assert mean_ce == pytest.approx(model.loss(X_train, y_train), rel=1e-12)


def test_the_notebooks_never_import_scikit_learn():
    for number in ("09", "10"):
        (source,) = (ROOT / "notebooks" / "src").glob(f"{number}_*.py")
        tree = ast.parse(source.read_text(encoding="utf-8"))
        imported = {
            alias.name.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.Import)
            for alias in node.names
        } | {
            node.module.split(".")[0]
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module
        }
        assert "sklearn" not in imported, source.name
        assert "scipy" not in imported, source.name

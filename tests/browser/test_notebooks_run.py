"""Every notebook runs top to bottom in a real JupyterLab with no error and no stderr."""

import pytest

from . import jlab

pytestmark = pytest.mark.browser

NOTEBOOKS = sorted(p.name for p in jlab.NOTEBOOKS.glob("*.ipynb"))


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_notebook_runs_without_errors(ran_notebook, name):
    lab = ran_notebook(name)
    state = lab.run_state_after_run
    lab.screenshot(f"run_{name.removesuffix('.ipynb')}", whole_notebook=True)
    lab.assert_no_errors()
    assert state["pending"] == 0, f"cells left unexecuted: {state}"
    assert state["done"] > 0 or state["cells"] == 0, f"nothing ran: {state}"

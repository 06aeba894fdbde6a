# Two commands for a new user: `make lab` and `make test`. Both create .venv themselves.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
# JupyterLab refuses to run as root unless told it may.
ROOT_FLAG := $(shell [ "$$(id -u)" = "0" ] && echo --allow-root)

.PHONY: lab test execute bench lint clean help slides html student

help:  ## list the targets
	@grep -E '^[a-z]+:.*##' $(MAKEFILE_LIST) | sed 's/:.*##/\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Re-install only when pyproject.toml changes.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

lab: $(VENV)/.installed-run  ## open the series in JupyterLab (token auth, 127.0.0.1)
	$(BIN)/jupyter lab --ServerApp.ip=127.0.0.1 --config=tools/jupyter_server_config.py \
		$(ROOT_FLAG) notebooks/00_index.ipynb

test: $(VENV)/.installed-test  ## ruff, unit tests, notebook structure, nbval, browser tests
	$(BIN)/ruff check helpers tests benchmarks tools
	$(BIN)/python -m pytest tests notebooks --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg

execute: $(VENV)/.installed-test  ## rebuild notebooks from notebooks/src and execute them in place
	$(BIN)/python tools/build_notebooks.py

bench: $(VENV)/.installed-test  ## print the speed benchmarks (core maths, training, widgets in a browser)
	$(BIN)/python benchmarks/bench_core.py
	$(BIN)/python benchmarks/bench_training.py
	[ ! -f benchmarks/bench_widgets.py ] || $(BIN)/python benchmarks/bench_widgets.py

lint: $(VENV)/.installed-test  ## ruff only
	$(BIN)/ruff check helpers tests benchmarks tools

slides: $(VENV)/.installed-test  ## reveal.js slides of every notebook in build/slides/ (offline)
	$(BIN)/python -m tools.classroom.slides

html: $(VENV)/.installed-test  ## static HTML handouts with an index in build/html/ (offline)
	$(BIN)/python -m tools.classroom.handouts

student: $(VENV)/.installed-test  ## the series without solutions in build/student/notebooks/
	$(BIN)/python -m tools.classroom.student

clean:  ## remove the virtual environment and caches
	rm -rf $(VENV) build artifacts .pytest_cache .ruff_cache .hypothesis

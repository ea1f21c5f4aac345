# Two commands set everything up on a fresh machine with Python 3.11 and make:
#   make demo   builds the graph of data/ and says where graph.html is
#   make test   installs the dev dependencies and runs the whole suite
#   make docs   builds the documentation site into site/ (strict: a broken link fails it)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test docs install install-dev bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-docs: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e '.[docs]'
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed

install-dev: $(VENV)/.installed-dev

demo: install
	$(BIN)/kg build data -o $(OUT)

test: install-dev
	$(BIN)/python -m pytest -q

docs: $(VENV)/.installed-docs
	NO_MKDOCS_2_WARNING=1 $(BIN)/python -m mkdocs build --strict --site-dir site
	@echo "open site/index.html"

bench: install-dev
	$(BIN)/python benchmarks/quality.py --all
	$(BIN)/python benchmarks/ner_wikipedia.py
	$(BIN)/python benchmarks/speed.py

clean:
	rm -rf $(OUT) site .pytest_cache

# `make check` runs the linters, the type checker and the tests in the project's virtualenv.
VENV ?= .venv
PY := $(VENV)/bin/python

.PHONY: setup check lint types test demo

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -e '.[dev]'

setup: $(PY)

lint: $(PY)
	$(VENV)/bin/ruff check src tests scripts benchmarks

types: $(PY)
	$(VENV)/bin/mypy

test: $(PY)
	$(PY) -m pytest

check: lint types test

demo: $(PY)
	$(VENV)/bin/realpolitik demo

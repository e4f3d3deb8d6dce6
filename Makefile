# The project's commands.  `make demo` and `make test` set everything up from scratch
# (a virtualenv, the package, the dashboard built from npm packages) and run.
VENV ?= .venv
PY := $(VENV)/bin/python
WEB := src/realpolitik/web

.PHONY: setup web browser demo test check lint types

$(PY):
	python3 -m venv $(VENV)
	$(PY) -m pip install -q -e '.[dev]'

setup: $(PY)

# The dashboard: front-end libraries come from npm at build time, never from the repository.
web: $(WEB)/dist/index.html

$(WEB)/dist/index.html: $(WEB)/package.json $(WEB)/package-lock.json $(wildcard $(WEB)/src/*) $(WEB)/index.html
	npm --prefix $(WEB) ci --no-audit --no-fund
	npm --prefix $(WEB) run build

# Debian's Chromium for the browser tests (installed when missing and we may; otherwise
# those tests skip with a reason).
browser:
	@command -v chromium >/dev/null 2>&1 || { [ "$$(id -u)" = 0 ] && apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; } || echo "chromium not installed: the browser tests will skip"

demo: $(PY) web
	$(VENV)/bin/realpolitik demo

test: $(PY) web browser
	$(PY) -m pytest

lint: $(PY)
	$(VENV)/bin/ruff check src tests scripts benchmarks
	$(VENV)/bin/ruff format --check src tests scripts benchmarks

types: $(PY)
	$(VENV)/bin/mypy

check: lint types test

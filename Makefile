# Two entry points: `make run` serves the app offline on http://127.0.0.1:8550, `make test` checks it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8550

.PHONY: run test lint typecheck pytest bench fuzz audit chromium clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

run: $(STAMP)
	FLET_FORCE_WEB_SERVER=true FLET_WEB_NO_CDN=true \
	FLET_SERVER_IP=$${FLET_SERVER_IP:-$(HOST)} FLET_SERVER_PORT=$${FLET_SERVER_PORT:-$(PORT)} \
	$(BIN)/python -m mobile

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

pytest: $(STAMP) chromium web-tools
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

bench: $(STAMP) chromium web-tools
	$(BIN)/python tests/bench/run.py

fuzz: $(STAMP)
	$(BIN)/python tests/reliability/fuzz_parsers.py $${FUZZ_EXAMPLES:-100000}

# Needs PyPI's vulnerability API, which this offline workplace cannot reach.
audit: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-audit
	$(BIN)/pip-audit --progress-spinner off

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis

# The static web build (Python on Pyodide in the browser): tools/build_web.py keeps build/web/
# until the app's sources, pyproject.toml or Flet change. Node runs Pyodide to byte-compile it.
WEB_PORT ?= 8551
.PHONY: web web-serve web-tools

web-tools:
	@command -v node >/dev/null 2>&1 || { \
	  echo "Installing Debian's nodejs for the web build"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs >/dev/null; }

web: $(STAMP) web-tools
	$(BIN)/python tools/build_web.py

web-serve: web
	$(BIN)/python tools/serve_web.py --host 127.0.0.1 --port $(WEB_PORT)

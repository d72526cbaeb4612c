# Two entry points: `make run` serves the app on http://127.0.0.1:8550 and the caisse's registry
# on http://127.0.0.1:8560, `make test` checks them.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8550
REGISTRY_PORT ?= 8560

.PHONY: run test lint typecheck pytest bench fuzz audit chromium postgresql axe reset clean \
	screenshots

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $(STAMP)

# The app and the caisse's registry (with its counter page), each its own process on loopback;
# when either stops (Ctrl-C stops both), the other is stopped too.
run: SHELL := /bin/bash
run: $(STAMP)
	@trap 'kill $$app $$registry 2>/dev/null; wait' EXIT; \
	REGISTRY_HOST=$${REGISTRY_HOST:-$(HOST)} REGISTRY_PORT=$${REGISTRY_PORT:-$(REGISTRY_PORT)} \
	$(BIN)/python -m registry & registry=$$!; \
	REGISTRY_URL=$${REGISTRY_URL:-http://$(HOST):$(REGISTRY_PORT)} \
	FLET_FORCE_WEB_SERVER=true FLET_WEB_NO_CDN=true \
	FLET_SERVER_IP=$${FLET_SERVER_IP:-$(HOST)} FLET_SERVER_PORT=$${FLET_SERVER_PORT:-$(PORT)} \
	$(BIN)/python -m mobile & app=$$!; \
	wait -n $$app $$registry

chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# pdftoppm renders the procuration's PDF for the tests that read its QR code.
.PHONY: poppler
poppler:
	@command -v pdftoppm >/dev/null 2>&1 || { \
	  echo "Installing Debian's poppler-utils for the document tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null; }

# The registry's tests start a throwaway cluster of Debian's PostgreSQL (never its service).
postgresql:
	@ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || { \
	  echo "Installing Debian's postgresql for the registry's tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy

# Defined before the rules that need it: make expands a prerequisite when it reads the rule.
AXE_VERSION := 4.14.1
AXE := build/axe-core/$(AXE_VERSION)/package/axe.min.js

pytest: $(STAMP) chromium poppler postgresql web-tools $(AXE)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

test: lint typecheck pytest

# The README's pictures: the tests that take them, writing into assets/screenshots/ (the
# suite's own runs write into build/screenshots/).
screenshots: $(STAMP) chromium poppler postgresql $(AXE)
	SCREENSHOTS_DIR=$(CURDIR)/assets/screenshots $(BIN)/python -m pytest -q \
	  tests/browser/test_accessibility.py tests/browser/test_counter.py tests/shared/test_document.py

bench: $(STAMP) chromium postgresql web-tools
	$(BIN)/python tests/bench/run.py

fuzz: $(STAMP)
	$(BIN)/python tests/reliability/fuzz_parsers.py $${FUZZ_EXAMPLES:-100000}

# Needs PyPI's vulnerability API, which this offline workplace cannot reach.
audit: $(STAMP)
	$(BIN)/python -m pip install --quiet pip-audit
	$(BIN)/pip-audit --progress-spinner off

# axe-core, the browser suite's peer accessibility rules, from the npm registry (git-ignored).
$(AXE):
	@command -v npm >/dev/null 2>&1 || { \
	  echo "Installing Debian's npm to fetch axe-core"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm >/dev/null; }
	mkdir -p $(dir $(AXE))..
	cd $(dir $(AXE)).. && npm pack --silent axe-core@$(AXE_VERSION) >/dev/null \
	  && tar xzf axe-core-$(AXE_VERSION).tgz package/axe.min.js package/LICENSE \
	  && rm axe-core-$(AXE_VERSION).tgz
axe: $(AXE)

# Start again from the demo data: removes the app's database (seeded again at the next start).
reset: $(STAMP)
	@$(BIN)/python -c "from shared.store import DB_NAME, data_dir; d = data_dir(); \
	  [p.unlink() for p in d.glob(DB_NAME + '*')]; \
	  print(f'Removed the app data in {d}: the demo accounts come back at the next make run')"

clean:
	rm -rf $(VENV) build .pytest_cache .mypy_cache .ruff_cache .hypothesis

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

# One entry point. `make serve` and `make test` set up a fresh machine by themselves.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
CHROMIUM := /usr/bin/chromium
HOST ?= 127.0.0.1
PORT ?= 8000
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve build dist test test-unit test-build test-browser bench lint format chromium servers clean

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	touch $@

## serve: build and serve at http://127.0.0.1:8000/ with live reload, offline copy off
# (a service worker would keep showing the pages of the previous build)
serve: $(INSTALLED)
	GUIDE_OFFLINE=false $(BIN)/mkdocs serve --strict --dev-addr $(HOST):$(PORT)

## build: a complete, deployable site/ folder
build: $(INSTALLED)
	$(BIN)/mkdocs build --strict --clean

## dist: dist/samskaping-guide-<version>-<release>.zip (site/, DEPLOY.md, nginx.conf, SHA256SUMS)
dist: build
	$(BIN)/python -m sitebuild.dist site dist

## test: every test layer (unit, build, browser)
test: $(INSTALLED) chromium servers
	$(BIN)/ruff check .
	$(BIN)/pytest tests

test-unit: $(INSTALLED)
	$(BIN)/pytest tests/unit

test-build: $(INSTALLED)
	$(BIN)/pytest tests/build

test-browser: $(INSTALLED) chromium servers
	$(BIN)/pytest tests/browser

## bench: time to first result, each calculator page against bare Pyodide (last line: JSON)
bench: $(INSTALLED) chromium
	$(BIN)/python -m tests.benchmark

## lint: ruff check and format check
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## chromium: Debian's Chromium for the browser tests (apt, when missing and root)
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else \
	    echo "The browser tests need Debian's Chromium at $(CHROMIUM)."; \
	    echo "Install it as root:  apt-get update && apt-get install -y chromium"; \
	    exit 1; \
	  fi; \
	fi

## servers: Debian's nginx (with its Brotli module) and Apache httpd for the browser tests
servers:
	@missing=""; \
	[ -x /usr/sbin/nginx ] || missing="$$missing nginx"; \
	[ -e /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ] || missing="$$missing libnginx-mod-http-brotli-static"; \
	[ -x /usr/sbin/apache2 ] || missing="$$missing apache2"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  else \
	    echo "The browser tests need Debian's$$missing."; \
	    echo "Install as root:  apt-get update && apt-get install -y$$missing"; \
	    exit 1; \
	  fi; \
	fi

clean:
	rm -rf site dist .pytest_cache .ruff_cache

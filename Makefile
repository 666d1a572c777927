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

.PHONY: serve build dist test test-fast test-unit test-build test-browser test-js test-pyodide bench lint format chromium servers java clean

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

## test: lint and every test layer (unit, build, JS, Pyodide, browser), in TEST_WORKERS processes
# (the Pyodide layer is tests/pyodide/test_under_pyodide.py, so it runs beside the others)
TEST_WORKERS ?= 3
test: $(INSTALLED) chromium servers java lint test-js
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup tests

## test-fast: the unit, build and JS layers, for the edit loop (no browser, no servers)
test-fast: $(INSTALLED) test-js
	$(BIN)/pytest tests/unit tests/build

test-unit: $(INSTALLED)
	$(BIN)/pytest tests/unit

test-build: $(INSTALLED)
	$(BIN)/pytest tests/build

test-browser: $(INSTALLED) chromium servers java
	$(BIN)/pytest -n $(TEST_WORKERS) --dist loadgroup tests/browser

## test-js: the pure parts of the browser scripts (store, projects, form, share links) in Node
# (the scripts are ES modules in .js files, which Node 20 reads as such only with this flag)
test-js:
	node --experimental-detect-module --test tests/js/

## test-pyodide: the calculators' unit tests under the Pyodide the site ships, in Node.js
test-pyodide: $(INSTALLED)
	$(BIN)/python -m tests.pyodide

## bench: time to first result, each calculator page against bare Pyodide (last line: JSON)
bench: $(INSTALLED) chromium servers
	$(BIN)/python -m tests.benchmark

## bench-build: CPU time of a warm build against a bare Material build of the same pages (JSON)
.PHONY: bench-build
bench-build: $(INSTALLED)
	$(BIN)/python -m tests.bench_build

## lint: ruff check and format check
lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(INSTALLED)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# apt-install: install, as root, the Debian packages of the "file:package" pairs in $(1) whose file
# is missing ($(2): extra apt-get options); otherwise say what to install and stop.
define apt-install
@missing=""; \
for pair in $(1); do [ -e "$${pair%%:*}" ] || missing="$$missing $${pair#*:}"; done; \
if [ -n "$$missing" ]; then \
  if [ "$$(id -u)" = 0 ]; then \
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(2) $$missing; \
  else \
    echo "The tests need Debian's$$missing. Install as root:"; \
    echo "  apt-get update && apt-get install -y$$missing"; \
    exit 1; \
  fi; \
fi
endef

## chromium: Debian's Chromium for the browser tests and the bench
chromium:
	$(call apt-install,$(CHROMIUM):chromium)

## servers: Debian's nginx (with its Brotli module) and Apache httpd for the browser tests
servers:
	$(call apt-install,/usr/sbin/nginx:nginx \
	  /usr/lib/nginx/modules/ngx_http_brotli_static_module.so:libnginx-mod-http-brotli-static \
	  /usr/sbin/apache2:apache2,--no-install-recommends)

## java: a Java runtime for the Nu HTML Checker (vnu.jar) in the accessibility tests
java:
	$(call apt-install,/usr/bin/java:default-jre-headless,--no-install-recommends)

clean:
	rm -rf site dist .pytest_cache .ruff_cache

# sbc — set-up and everyday targets. Every target is idempotent.
PY      ?= python3
VENV    ?= .venv
BIN     := $(VENV)/bin
SYSDEPS := gcc python3-dev libcairo2-dev libpango1.0-dev pkg-config fonts-dejavu-core
EXAMPLE ?= storyboards/transformer.json
QUALITY ?= low
PYTEST_ARGS ?=

.PHONY: setup sysdeps venv video test test-fast bench clean

## setup: system libraries (cairo, pango) + .venv with sbc[render,dev] installed editable
setup: sysdeps $(BIN)/.sbc-installed

sysdeps:
	@missing=""; for p in $(SYSDEPS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -z "$$missing" ]; then echo "system packages present: $(SYSDEPS)"; exit 0; fi; \
	if [ "$$(id -u)" = 0 ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; \
	else echo "error: need root or sudo to install:$$missing  (run: apt-get install$$missing)"; exit 1; fi; \
	echo "installing system packages:$$missing"; \
	$$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q -U pip

$(BIN)/.sbc-installed: $(BIN)/python pyproject.toml
	$(BIN)/pip install -q -e '.[render,dev]'
	@touch $@

## video: set up, then build the example storyboard into out/<stem>/<stem>.mp4
video: setup
	$(BIN)/sbc build $(EXAMPLE) --quality $(QUALITY)

## test: set up, then run the whole test suite
test: setup
	$(BIN)/python -m pytest $(PYTEST_ARGS)

bench: setup
	$(BIN)/python benchmarks/validate.py
	$(BIN)/python benchmarks/build.py

clean:
	rm -rf out/*/ .pytest_cache

# NetWise — the two commands of the README (`make run`, `make test`) set up everything they need.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
ARGS ?=

.PHONY: run test test-quick lint format bench freeze installer installer-check clean

# Extras: dev (tests, linters) and package (PyInstaller, Pillow: `make test` builds the
# frozen bundle in tests/packaging, and `make installer` uses the same venv).
$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "NetWise needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[dev,package]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) -m desktop_app $(ARGS)

test: $(STAMP)
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(ARGS)

# Everything but the slow frozen-bundle test.
test-quick: $(STAMP)
	$(PY) -m pytest -m 'not packaging' $(ARGS)

lint: $(STAMP)
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/actionlint -shellcheck=$(VENV)/bin/shellcheck
	$(VENV)/bin/shellcheck .ci/run packaging/linux/*.sh

format: $(STAMP)
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(STAMP)
	$(PY) -m tests.bench $(ARGS)

# The frozen one-folder program: dist/netwise/ (and dist/NetWise.app on macOS).
freeze: $(STAMP)
	$(PY) packaging/freeze.py

# Linux: dist/netwise_VERSION_ARCH.deb; prints the sizes and writes build/package.json.
installer: freeze
	$(PY) packaging/linux/build_deb.py

# Installs the .deb, runs it (self-test, PDF, a window under Xvfb), removes it: root or sudo.
installer-check:
	bash packaging/linux/installer_check.sh \
	  dist/netwise_$$($(PYTHON) -c 'import desktop_app; print(desktop_app.__version__)')_$$(dpkg --print-architecture).deb

clean:
	rm -rf build dist

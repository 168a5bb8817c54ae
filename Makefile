# NetWise — `make run` installs what running needs; `make test`, `make lint` and
# `make installer` add their own tools to the same .venv the first time they run.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
ARGS ?=

.PHONY: run test test-quick lint format bench freeze installer installer-check clean

# The extras of pyproject.toml each set of targets installs. `make test` runs
# tests/packaging, which builds the frozen bundle: it needs the package extra too; the
# tests run the store on a PostgreSQL server as well (the postgres extra: psycopg).
EXTRAS_run :=
EXTRAS_test := [test,package,postgres]
EXTRAS_quick := [test,postgres]
EXTRAS_lint := [lint]
EXTRAS_package := [package]

# One stamp per set, remade when pyproject.toml changes. resources/ installed as
# desktop_app.resources makes setuptools install in editable mode through an import hook,
# and say so in a page-long notice; the notice alone is silenced.
$(VENV)/.installed-%: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "NetWise needs Python 3.11 or newer (found " + sys.version.split()[0] + ")")'
	@test -x $(PY) || { $(PYTHON) -m venv $(VENV) && $(PY) -m pip install --quiet --upgrade pip; }
	PYTHONWARNINGS='ignore:Editable installation:Warning' \
	  $(PY) -m pip install --quiet --disable-pip-version-check -e '.$(EXTRAS_$*)'
	@touch $@

run: $(VENV)/.installed-run
	$(PY) -m desktop_app $(ARGS)

test: $(VENV)/.installed-test
	$(VENV)/bin/lint-imports
	$(PY) -m pytest $(ARGS)

# Everything but the slow frozen-bundle test.
test-quick: $(VENV)/.installed-quick
	$(PY) -m pytest -m 'not packaging' $(ARGS)

lint: $(VENV)/.installed-lint
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/lint-imports
	$(VENV)/bin/actionlint -shellcheck=$(VENV)/bin/shellcheck
	$(VENV)/bin/shellcheck .ci/run packaging/linux/*.sh

format: $(VENV)/.installed-lint
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

bench: $(VENV)/.installed-test
	$(PY) -m tests.bench $(ARGS)

# The frozen one-folder program: dist/netwise/ (and dist/NetWise.app on macOS).
freeze: $(VENV)/.installed-package
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

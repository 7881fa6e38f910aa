# The two commands: `make run` serves the portal with its demo content, `make test` checks it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000
export DJANGO_SETTINGS_MODULE ?= policyshare.settings.embedded

.PHONY: run install test lint format messages bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.installed: $(BIN)/python pyproject.toml requirements.lock
	$(BIN)/pip install -q -c requirements.lock -e .
	touch $@

$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -q -c requirements.lock -e '.[test]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

run: install
	$(BIN)/policyshare compilemessages --ignore '.venv/*' -v 0
	$(BIN)/policyshare collectstatic --noinput -v 0
	$(BIN)/policyshare migrate --noinput -v 0
	$(BIN)/policyshare load-demo
	$(BIN)/policyshare createadmin
	$(BIN)/policyshare serve --host $(HOST) --port $(PORT)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(VENV)/.installed-test
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

messages: install
	cd policyshare && ../$(BIN)/django-admin makemessages -l ko -l en --no-obsolete --no-location

test: export DJANGO_SETTINGS_MODULE = policyshare.settings.test
test: $(VENV)/.installed-test node_modules/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/policyshare makemigrations --check --dry-run
	$(BIN)/policyshare compilemessages --ignore '.venv/*' -v 0
# loadgroup: the tests of one xdist_group (a set of servers started once) share a worker.
	$(BIN)/pytest -n 2 --dist loadgroup
# Again on PostgreSQL, all but the browser tests and the tests that start their own servers.
	$(BIN)/python -m tests.services $(BIN)/pytest -n 2 --dist loadgroup -m 'not e2e and not servers'

clean:
	rm -rf $(VENV) node_modules var

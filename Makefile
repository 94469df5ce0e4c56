# Two commands for a new user: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in demo mails point at the local server unless told otherwise.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
MANAGE := $(BIN)/python manage.py

.PHONY: run test setup lint bench clean chromium

# Virtualenv with the pinned runtime dependencies; redone when pyproject.toml changes.
$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet .
	touch $@

# The same plus test and lint tools.
$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet ".[dev]"
	touch $@

setup: $(VENV)/.installed
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0
	$(MANAGE) collectstatic --noinput -v0

run: setup
	$(MANAGE) load_demo
	$(MANAGE) ensure_demo_users
	@echo "Die Website läuft auf http://127.0.0.1:$(PORT)/ (Beenden mit Strg+C)."
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py strategy_site.wsgi

chromium:
	@sh scripts/ensure-chromium.sh

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: $(VENV)/.installed-dev chromium lint
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0
	$(MANAGE) collectstatic --noinput -v0
	$(BIN)/pytest $(PYTEST_ARGS)

bench: setup
	$(MANAGE) load_demo
	$(BIN)/python scripts/bench.py

clean:
	rm -rf $(VENV) var/static

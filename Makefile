# Two commands for a new user: `make run` and `make test` (see README.md).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
# Links in demo mails point at the local server unless told otherwise.
SITE_URL ?= http://127.0.0.1:$(PORT)
export SITE_URL
MANAGE := $(BIN)/python manage.py

.PHONY: run test setup lint bench bench-mail clean chromium vnu lock

# Virtualenv with exactly the locked runtime dependencies (hashes checked), so a
# fresh machine gets what CI tested; redone when the lock file changes.
$(VENV)/.installed: requirements/base.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/base.txt
	touch $@

# The same plus test and lint tools.
$(VENV)/.installed-dev: $(VENV)/.installed requirements/dev.txt
	$(BIN)/python -m pip install --quiet --require-hashes -r requirements/dev.txt
	touch $@

# Regenerate the lock files after changing dependencies in pyproject.toml.
PIP_COMPILE := $(BIN)/pip-compile --quiet --generate-hashes --strip-extras --allow-unsafe \
	--no-emit-index-url --no-emit-find-links
lock: $(VENV)/.installed-dev
	$(PIP_COMPILE) -o requirements/base.txt pyproject.toml
	$(PIP_COMPILE) --extra dev -o requirements/dev.txt pyproject.toml

setup: $(VENV)/.installed
	$(MANAGE) prepare_var
	$(MANAGE) migrate --noinput -v0
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0
	$(MANAGE) collectstatic --noinput -v0

run: setup
	$(MANAGE) load_demo
	$(MANAGE) ensure_demo_users
	$(MANAGE) rebuild_search_index
	@echo "Die Website läuft auf http://127.0.0.1:$(PORT)/ (Beenden mit Strg+C)."
	PORT=$(PORT) $(BIN)/gunicorn -c gunicorn.conf.py strategy_site.wsgi

chromium:
	@sh scripts/ensure-chromium.sh

# The Nu Html Checker for tests/validators/ (fetched once into ~/.cache, then reused).
vnu:
	@sh scripts/ensure-vnu.sh >/dev/null

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

# On every core; tests marked with one xdist_group run in one process, so the HTML and
# feed validators share one crawl of the sitemap (tests/validators/conftest.py).
test: $(VENV)/.installed-dev chromium vnu lint
	$(MANAGE) makemigrations --check --dry-run
	$(MANAGE) compilemessages --ignore=.venv --ignore=var -v0
	$(MANAGE) collectstatic --noinput -v0
	$(BIN)/pytest -n auto --dist loadgroup $(PYTEST_ARGS)

# The large data set in a database of its own (never the demo one), served as in
# production; prints a table for docs/performance.md (scripts/bench.py).
bench: setup
	$(BIN)/python scripts/bench.py
	$(BIN)/python scripts/mail_bench.py

# Mails per second from `manage.py mail_worker` into a local SMTP sink (scripts/mail_bench.py).
bench-mail: setup
	$(BIN)/python scripts/mail_bench.py

clean:
	rm -rf $(VENV) var/static

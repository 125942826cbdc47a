# raadsloket — `make run` starts the demo, `make test` runs every test. Both set up what they need.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: setup setup-test run test test-sqlite test-postgres lint chromium load

setup: $(VENV)/.installed node_modules/.installed
	@mkdir -p var
	@$(BIN)/raadsloket collectstatic --noinput -v0
	@$(BIN)/raadsloket migrate --noinput -v0

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --disable-pip-version-check --upgrade pip
	@$(BIN)/pip install -q --disable-pip-version-check -e '.[test,dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The demo sends mail to the console and runs tasks at once; production runs `raadsloket db_worker`.
run: setup
	@DEBUG=true $(BIN)/raadsloket demo
	@DEBUG=true TASKS_IMMEDIATE=true $(BIN)/raadsloket runserver 127.0.0.1:8000

# Debian's chromium drives the browser test (Playwright cannot download its own browser here).
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium ontbreekt: de browsertest wordt overgeslagen"; }

test: setup chromium test-sqlite test-postgres

test-sqlite:
	@echo "== tests op SQLite =="
	@$(BIN)/pytest -n 2

# On CI (CI=true) PostgreSQL is required; elsewhere it runs when DATABASE_URL is set or the
# local server answers.
test-postgres:
	@url="$${DATABASE_URL:-$(PG_URL)}"; \
	if [ -n "$$DATABASE_URL" ] || [ "$$CI" = true ] || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  echo "== tests op PostgreSQL =="; DATABASE_URL="$$url" $(BIN)/pytest -n 2 -m "not e2e"; \
	else echo "PostgreSQL niet bereikbaar: alleen SQLite getest"; fi

lint: setup
	@$(BIN)/ruff check src tests

# Issue 4, item 7: 200 users for 10 minutes against gunicorn on PostgreSQL (not part of `make test`).
load: setup
	@sh bench/load/run.sh

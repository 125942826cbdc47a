# raadsloket — `make run` starts the demo, `make test` runs every test. Both set up what they need.
SHELL := /bin/bash
VENV := .venv
BIN := $(VENV)/bin
PYTHON ?= python3
# Some machines (containers, CI images) set PYTHONDONTWRITEBYTECODE: then every process compiles
# every module it imports from source again, each pytest worker and each command a test starts
# (2 to 8 CPU seconds apiece). Bytecode caches in .venv, src and tests are what they are for.
unexport PYTHONDONTWRITEBYTECODE
PG_URL ?= postgres://postgres@127.0.0.1:5432/postgres

.PHONY: setup setup-test run test test-nightly test-sqlite test-postgres lint chromium pdftools load bench

setup: $(VENV)/.installed node_modules/.installed
	@mkdir -p var
	@$(BIN)/raadsloket collectstatic --noinput -v0
	@$(BIN)/raadsloket migrate --noinput -v0

$(VENV)/.installed: pyproject.toml
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	@$(BIN)/pip install -q --disable-pip-version-check --upgrade pip
	@# --no-compile: pip would byte-compile every installed file (mypy's, matplotlib's tests…);
	@# Python compiles the modules it imports on first use instead (a third of the install's CPU).
	@$(BIN)/pip install -q --disable-pip-version-check --no-compile -e '.[test,dev]'
	@touch $@

node_modules/.installed: package.json package-lock.json
	@npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# The demo sends mail to the console and runs tasks at once; production runs `raadsloket db_worker`.
# The printed demo logins work without two-factor authentication; `make run TWEESTAPS=aan` asks
# the griffie, routing officers, college and beheerder for a code, as production always does.
TWEESTAPS ?= uit
run: setup
	@DEBUG=true $(BIN)/raadsloket demo
	@echo "Tweestapsverificatie: $(TWEESTAPS) (aanzetten: make run TWEESTAPS=aan)"
	@DEBUG=true TASKS_IMMEDIATE=true TWO_FACTOR_REQUIRED=$(if $(filter aan,$(TWEESTAPS)),true,false) \
	  $(BIN)/raadsloket runserver 127.0.0.1:8000

# Debian's chromium drives the browser test (Playwright cannot download its own browser here).
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
	  || echo "chromium ontbreekt: de browsertest wordt overgeslagen"; }

# poppler-utils (pdftotext, pdftoppm) lets the tests read the PDFs raadsloket makes.
pdftools:
	@command -v pdftotext >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null 2>&1 || \
	   (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq poppler-utils >/dev/null)) \
	  || echo "poppler-utils ontbreekt: de PDF-teksttests worden overgeslagen"; }

# What the tests need: the packages, the front-end packages (axe-core for the browser tests),
# chromium and poppler. Not `setup`'s collectstatic and migrate: pytest makes its own database
# and serves static files from the finders, and collectstatic's compression of var/static
# alone took 33 CPU seconds (docs/development.md, "Tests").
setup-test: $(VENV)/.installed node_modules/.installed chromium pdftools
	@mkdir -p var

# `make test` in ten minutes (docs/development.md, "Tests"): the fast Hypothesis profile, each
# test file on one worker (a module's fixtures built once), and on PostgreSQL only the tests of
# database behaviour (tests/support/selection.py). Each phase prints how long it took.
HYPOTHESIS_PROFILE ?= fast
RAADSLOKET_POSTGRES_TESTS ?= database
PYTEST_ARGS ?= -n 2 --dist loadfile --durations=20
export HYPOTHESIS_PROFILE RAADSLOKET_POSTGRES_TESTS

define PHASES
t0=$$(date +%s); \
phase() { t=$$(date +%s); $(MAKE) --no-print-directory "$$@" || exit $$?; \
  echo "== duur $$1: $$(( $$(date +%s) - t )) s (totaal $$(( $$(date +%s) - t0 )) s) =="; }; \
phase setup-test && phase test-sqlite && phase test-postgres
endef

test:
	@$(PHASES)

# Everything with the full Hypothesis profile, on both databases (PostgreSQL without the
# browser tests, as before): for a nightly run, not for every change.
test-nightly:
	@$(MAKE) --no-print-directory test HYPOTHESIS_PROFILE=nightly RAADSLOKET_POSTGRES_TESTS=all

test-sqlite:
	@echo "== tests op SQLite (Hypothesis-profiel $(HYPOTHESIS_PROFILE)) =="
	@DATABASE_URL= $(BIN)/pytest $(PYTEST_ARGS)

# On CI (CI=true) PostgreSQL is required; elsewhere it runs when DATABASE_URL is set or the
# local server answers.
test-postgres:
	@url="$${DATABASE_URL:-$(PG_URL)}"; \
	if [ -n "$$DATABASE_URL" ] || [ "$$CI" = true ] || pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then \
	  echo "== tests op PostgreSQL (tests: $(RAADSLOKET_POSTGRES_TESTS)) =="; \
	  DATABASE_URL="$$url" $(BIN)/pytest $(PYTEST_ARGS) -m "not e2e"; \
	else echo "PostgreSQL niet bereikbaar: alleen SQLite getest"; fi

# pip-audit on the installed dependencies (BIO 12.6.1, OWASP ASVS V14.2.1), apart from `make test`:
# prints every known vulnerability with its description and fails on one that has a fix. pip-audit
# reports "No known vulnerabilities found" even when it could check no package at all (the PyPI
# JSON API or OSV unreachable); that is not a pass, so the target then fails with a Dutch message.
define AUDIT_REPORT
import json, os, subprocess, sys
tool = os.path.join(os.path.dirname(sys.executable), "pip-audit")
for service in ("pypi", "osv"):
    done = subprocess.run([tool, "--local", "--skip-editable", "--desc", "on", "--timeout", "20",
                           "--progress-spinner", "off", "-s", service, "-f", "json"],
                          capture_output=True, text=True)
    try:
        deps = json.loads(done.stdout)["dependencies"]
    except (ValueError, KeyError):
        print(f"pip-audit via {service}: dienst niet bereikbaar", file=sys.stderr)
        continue
    audited = [d for d in deps if "skip_reason" not in d]
    if audited:
        break
    print(f"pip-audit via {service}: geen enkel pakket gecontroleerd ({len(deps)} overgeslagen)",
          file=sys.stderr)
else:
    print("AUDIT NIET UITGEVOERD: geen kwetsbaarhedendienst bereikbaar (PyPI JSON-API en OSV). "
          "Er is niets gecontroleerd; draai `make audit` op een machine met internettoegang.",
          file=sys.stderr)
    sys.exit(2)
found = [(d, v) for d in audited for v in d["vulns"]]
fixable = [(d, v) for d, v in found if v["fix_versions"]]
for d, v in found:
    fix = ", ".join(v["fix_versions"]) or "nog geen oplossing"
    print(f"{d['name']} {d['version']}: {v['id']} (opgelost in: {fix})")
    print("    " + " ".join((v.get("description") or "").split())[:400])
print(f"pip-audit via {service}: {len(audited)} pakketten gecontroleerd, "
      f"{len(deps) - len(audited)} overgeslagen, {len(found)} bekende kwetsbaarheden, "
      f"waarvan {len(fixable)} met een oplossing.")
sys.exit(1 if fixable else 0)
endef
export AUDIT_REPORT

.PHONY: audit
audit: $(VENV)/.installed
	@$(BIN)/python -c "$$AUDIT_REPORT"

# ruff (with complexity, simplification and performance rules), the formatter, the import
# contracts (layers, no cycles between apps; pyproject.toml) and mypy on access, audit, cases
# and policy. CI runs it before the tests.
lint: $(VENV)/.installed
	@$(BIN)/ruff check src tests bench
	@$(BIN)/ruff format --check src tests bench
	@$(BIN)/lint-imports
	@$(BIN)/mypy

# Load test: 200 users for 10 minutes against gunicorn on PostgreSQL (not part of `make test`).
load: setup
	@sh bench/load/run.sh

# Benchmark (docs/scaling.md): wrk against gunicorn on PostgreSQL for each data size (not part of `make test`);
# bench/perf/run.py prints the table and writes var/bench/results.json and var/bench/p95.svg.
# Quick: make bench BENCH_SIZES="10000" BENCH_SECONDS=5; without `raadsloket generate` (or with
# BENCH_DATA=demo) it measures the demo data once.
BENCH_SIZES ?= 10000 100000 1000000
BENCH_SECONDS ?= 10
bench: setup
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null); } \
	  || { echo "wrk ontbreekt: installeer het (apt-get install wrk) en probeer opnieuw"; exit 1; }
	@BENCH_SIZES="$(BENCH_SIZES)" BENCH_SECONDS="$(BENCH_SECONDS)" $(BIN)/python bench/perf/run.py

#!/bin/sh
# SPDX-License-Identifier: EUPL-1.2
# 200 simulated users for LOAD_TIME against gunicorn on PostgreSQL.
# Usage: make load [LOAD_USERS=200] [LOAD_TIME=10m]
set -eu
USERS="${LOAD_USERS:-200}"
TIME="${LOAD_TIME:-10m}"
DB="${LOAD_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/raadsloket_load}"
VENV_LOAD="${VENV_LOAD:-.venv-load}"
export DATABASE_URL="$DB" SECRET_KEY="${SECRET_KEY:-load-test-secret-key-not-for-production}"
export ALLOWED_HOSTS=127.0.0.1 TWO_FACTOR_REQUIRED=false TASKS_IMMEDIATE=true
export EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend
mkdir -p var/load
psql -h 127.0.0.1 -U postgres -tc "SELECT 1 FROM pg_database WHERE datname='raadsloket_load'" \
  | grep -q 1 || psql -h 127.0.0.1 -U postgres -c "CREATE DATABASE raadsloket_load" >/dev/null
[ -x "$VENV_LOAD/bin/locust" ] || { python3 -m venv "$VENV_LOAD" && "$VENV_LOAD/bin/pip" install -q locust==2.47.0; }
.venv/bin/raadsloket migrate -v0
.venv/bin/python bench/load/prepare.py var/load/people.json
# Keep-alive above the users' longest pause (2 s): with gunicorn's default of 2 s a client
# reusing a connection just as the server closes it sees "connection reset by peer".
.venv/bin/gunicorn raadsloket.wsgi -b 127.0.0.1:8001 -w 4 --threads 4 --keep-alive 30 \
  --log-level warning --error-logfile var/load/gunicorn.log --pid var/load/gunicorn.pid --daemon
trap '[ -f var/load/gunicorn.pid ] && kill "$(cat var/load/gunicorn.pid)" 2>/dev/null; true' EXIT
# Wait until every worker answers: a request to a worker still importing Django is reset.
.venv/bin/python - <<'PY'
import time, urllib.request
for _ in range(60):
    try:
        if all(urllib.request.urlopen("http://127.0.0.1:8001/inloggen/", timeout=5).status == 200
               for _ in range(8)):
            break
    except OSError:
        pass
    time.sleep(0.5)
PY
status=0
LOAD_PEOPLE=var/load/people.json "$VENV_LOAD/bin/locust" -f bench/load/locustfile.py --headless \
  -u "$USERS" -r 20 -t "$TIME" -H http://127.0.0.1:8001 --only-summary --csv var/load/result \
  --exit-code-on-error 1 || status=1
# Let gunicorn finish the requests still in flight before counting.
pid="$(cat var/load/gunicorn.pid)"; kill -TERM "$pid"
while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
.venv/bin/python bench/load/check.py || status=1
exit "$status"

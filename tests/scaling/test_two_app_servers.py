# SPDX-License-Identifier: EUPL-1.2
"""Two app servers against one PostgreSQL: nothing raadsloket keeps is per process
(docs/scaling.md "Beyond one machine").

Two gunicorn processes (A and B) serve a copy of the migrated test database with a small demo
in it, and share one var/ directory (MEDIA_ROOT, the secret key). Through them, as a load
balancer would send a person's requests: a login on A is a session on B; the API rate limit
and the search limit count requests to both; a file uploaded through A downloads through B;
the similar-questions index answers the same on both, also for an answer delivered through A
after B built its index.

Runs in the PostgreSQL run of `make test` (DATABASE_URL set); skipped without PostgreSQL or
gunicorn. About 30 s: the database is copied from the migrated test database, not migrated.
"""

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

import raadsloket

# transaction=True: the test database must exist (pytest-django makes it only for database
# tests) and hold no open transaction, since it is the template of the servers' database.
pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

GUNICORN = shutil.which("gunicorn", path=str(Path(sys.executable).parent)) or shutil.which(
    "gunicorn"
)
PER_MINUTE = 8
SEARCHES = 3
SETUP = """
import json
from django.db import transaction
from raadsloket.api.tokens import issue
from raadsloket.demo.cases import load_cases
from raadsloket.demo.people import build_municipality
with transaction.atomic():
    world = build_municipality("Gemeente Voorbeeld", "voorbeeld")
    load_cases(world, small=True)
    keys = {name: issue(world[name]) for name in
            ("ambtenaar1", "raadslid1", "raadslid2", "raadslid3", "griffier")}
print("KEYS " + json.dumps(keys))
"""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def servers_database(django_db_blocker):
    """A copy of the migrated test database (its cache table included) for the two servers."""
    from django.db import connection, connections

    if connection.vendor != "postgresql":
        pytest.skip("twee app-servers vragen PostgreSQL (DATABASE_URL)")
    if GUNICORN is None:
        pytest.skip("gunicorn ontbreekt")
    import psycopg

    params = connection.settings_dict
    source, target = params["NAME"], f"{params['NAME']}_servers"
    admin_args = {
        "host": params["HOST"] or "127.0.0.1",
        "port": params["PORT"] or 5432,
        "user": params["USER"],
        "password": params["PASSWORD"] or None,
        "dbname": "postgres",
        "autocommit": True,
    }
    with django_db_blocker.unblock():
        connections.close_all()  # a template database may have no other session
        with psycopg.connect(**admin_args) as admin:
            # Also none left by a finished thread of an earlier test on this worker's database.
            admin.execute(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [source],
            )
            admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')
            admin.execute(f'CREATE DATABASE "{target}" TEMPLATE "{source}"')
    auth = params["USER"] + (f":{params['PASSWORD']}" if params["PASSWORD"] else "")
    yield f"postgres://{auth}@{admin_args['host']}:{admin_args['port']}/{target}"
    with psycopg.connect(**admin_args) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{target}" WITH (FORCE)')


@pytest.fixture
def two_servers(servers_database, tmp_path):
    env = {
        **os.environ,
        # The code under test, also from a git worktree (not the editable install's).
        "PYTHONPATH": str(Path(raadsloket.__file__).resolve().parents[1]),
        "DATABASE_URL": servers_database,
        "RAADSLOKET_VAR": str(tmp_path / "var"),
        "SECRET_KEY": "twee-servers-een-geheim-voor-beide",
        "DEBUG": "false",
        "SECURE_COOKIES": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "TWO_FACTOR_REQUIRED": "false",
        "TASKS_IMMEDIATE": "true",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "API_REQUESTS_PER_MINUTE": str(PER_MINUTE),
        "SEARCHES_PER_MINUTE": str(SEARCHES),
    }
    env.pop("DJANGO_SETTINGS_MODULE", None)
    done = subprocess.run(
        [sys.executable, "-m", "raadsloket", "shell", "-c", SETUP],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    keys = json.loads(re.search(r"^KEYS (.*)$", done.stdout, re.M).group(1))
    servers, processes = {}, []
    for name in ("A", "B"):
        port = _free_port()
        log = (tmp_path / f"gunicorn-{name}.log").open("w")
        processes.append(
            subprocess.Popen(
                [GUNICORN, "raadsloket.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "1"],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        )
        servers[name] = f"http://127.0.0.1:{port}"
    try:
        for url in servers.values():
            _wait_until_up(url)
        yield servers, keys
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=20)


def _wait_until_up(url: str) -> None:
    import requests

    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        try:
            # The first request loads the URL configuration: slow on a busy machine.
            if requests.get(f"{url}/gezond", timeout=30).status_code == 200:
                return
        except (requests.ConnectionError, requests.Timeout):
            time.sleep(0.3)
    raise AssertionError(f"{url} kwam niet op")


def signed_in(server: str, username: str):
    """A browser session, signed in with the demo password through the login page of `server`."""
    import requests

    browser = requests.Session()
    browser.get(f"{server}/inloggen/")
    login = browser.post(
        f"{server}/inloggen/",
        data={
            "username": username,
            "password": "demo",
            "csrfmiddlewaretoken": browser.cookies["csrftoken"],
        },
        headers={"Referer": f"{server}/inloggen/"},
        allow_redirects=False,
    )
    assert login.status_code == 302, login.text[:500]
    return browser


def test_nothing_is_per_process(two_servers):
    import requests

    servers, keys = two_servers
    a, b = servers["A"], servers["B"]

    def api(person):
        session = requests.Session()
        session.headers["Authorization"] = f"Bearer {keys[person]}"
        return session

    # Sessions: signed in through A, the same cookie is a session on B.
    browser = signed_in(a, "griffier")
    me = browser.get(f"{b}/api/v1/me")
    assert me.status_code == 200 and me.json()["username"] == "griffier"

    # The API rate limit counts the calls to both servers together.
    member = api("raadslid2")
    codes = [member.get(f"{(a, b)[i % 2]}/api/v1/me").status_code for i in range(PER_MINUTE)]
    assert codes == [200] * PER_MINUTE
    refused = member.get(f"{b}/api/v1/me")
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
    assert member.get(f"{a}/api/v1/me").status_code == 429

    # The search limit's counter, written through A, is read through B.
    searcher = api("raadslid3")
    for i in range(SEARCHES):
        assert searcher.get(f"{(a, b)[i % 2]}/api/v1/cases?q=woning").status_code == 200
    assert searcher.get(f"{b}/api/v1/cases?q=woning").status_code == 429

    # The similar-questions index (built per process from the database) answers the same on
    # both: a published question is found by its own text through A and through B.
    reader, servant = api("griffier"), api("ambtenaar1")
    published = reader.get(f"{a}/api/v1/cases", params={"state": "published"}).json()["items"]
    question = published[0]
    text = f"{question['title']}\n{question['question']}"
    found_a = reader.get(f"{a}/api/v1/similar", params={"text": text}).json()
    found_b = reader.get(f"{b}/api/v1/similar", params={"text": text}).json()
    assert found_a == found_b
    assert question["id"] in [item["id"] for item in found_b]

    # An upload through A downloads through B (MEDIA_ROOT shared).
    case = servant.get(f"{a}/api/v1/cases", params={"state": "in_progress"}).json()["items"][0]
    content = b"Notitie bij het antwoord: de bibliotheek in Zuidwijk blijft open.\n"
    delivered = servant.post(
        f"{a}/api/v1/cases/{case['id']}/actions/deliver/upload",
        data={"answer": "Het antwoord staat in de notitie.", "version": str(case["version"])},
        files={"files": ("notitie.txt", content, "text/plain")},
    )
    assert delivered.status_code == 200, delivered.text[:500]
    (upload,) = delivered.json()["files"]
    assert upload["url"].startswith("/")
    download = signed_in(a, "ambtenaar1").get(f"{b}{upload['url']}", allow_redirects=False)
    assert download.status_code == 200 and download.content == content

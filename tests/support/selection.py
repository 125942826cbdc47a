# SPDX-License-Identifier: EUPL-1.2
"""Which tests the PostgreSQL pass of `make test` runs (docs/development.md, "Tests").

SQLite runs every test. PostgreSQL runs every test too, except those under `SQLITE_ONLY`:
paths whose tests exercise nothing that PostgreSQL does differently from SQLite (pages and
headers rendered from the same querysets, pure Python, the browser). Listing what to leave out,
rather than what to keep, means a new test directory (a register, say) runs on both databases
until someone decides otherwise here.

A test under such a path still runs on PostgreSQL when
- it carries `@pytest.mark.postgres` (it tests database behaviour: locking, a trigger, raw SQL);
- it is a `django_db(transaction=True)` test (commits, on_commit, migrations, live servers);
- it has a `skipif` whose reason names PostgreSQL (it can only prove something there).
So no test runs on neither database. `tests/test_test_selection.py` checks the list against the
tree.

RAADSLOKET_POSTGRES_TESTS=database (set by `make test`) applies the selection; unset or `all`
(`make test-nightly`, a developer's own run) runs everything on PostgreSQL.
"""

import os
from pathlib import Path

import pytest

ALL = "all"
DATABASE = "database"
MARKER = "postgres"

# Path (relative to the repository) -> why its tests prove nothing more on PostgreSQL.
SQLITE_ONLY = {
    "tests/e2e/": "browser tests; `-m 'not e2e'` leaves them out of the PostgreSQL pass anyway",
    "tests/web/": "layout, static files, error pages, form labels: rendering only",
    "tests/advisor/": "the instrumentenwijzer is TF-IDF and cues in memory",
    "tests/policy/": "profile files, deadlines and holidays: pure Python on TOML",
    "tests/lib/": "number and text helpers: pure Python",
    "tests/test_architecture.py": "reads the source tree",
    "tests/test_test_selection.py": "reads the test tree and the selection itself",
    "tests/access/test_access_matrix.py": (
        "every reader × case × surface through pages and the API; the querysets under them "
        "run on PostgreSQL in test_access_case_filters.py and tests/cases"
    ),
    "tests/access/test_access_crawl.py": "follows every link of every page as each role: HTML",
    "tests/access/test_access_actions.py": (
        "which actions each relation is offered: predicates on loaded rows, pages and the API"
    ),
    "tests/access/test_access_property.py": (
        "random action sequences: list and detail agree (the same querysets as the filters)"
    ),
    "tests/security/test_headers_": "HTTP headers, CSRF and input handling of responses",
    "tests/security/test_attack_idor.py": (
        "other people's ids in every URL: answered by the access layer's querysets, which run "
        "on PostgreSQL in tests/cases and test_access_case_filters.py"
    ),
    "tests/security/test_attack_fuzz.py": "random profile files and form input: validation only",
    "tests/security/test_attack_schemathesis.py": (
        "generated API requests against the schema; the endpoints' queries run in tests/api"
    ),
    "tests/reflection/test_reflection_suppression.py": (
        "small-cell suppression: arithmetic on tables in memory"
    ),
}


def on_postgres() -> bool:
    from django.conf import settings

    return settings.DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql"


def scope() -> str:
    value = os.environ.get("RAADSLOKET_POSTGRES_TESTS", ALL)
    if value not in (ALL, DATABASE):
        raise pytest.UsageError(
            f"RAADSLOKET_POSTGRES_TESTS={value!r}: kies {ALL!r} of {DATABASE!r}"
        )
    return value


def sqlite_only_reason(relative: str) -> str | None:
    """Why the test file at `relative` (posix, from the repository root) may skip PostgreSQL."""
    for prefix, reason in SQLITE_ONLY.items():
        if relative.startswith(prefix):
            return reason
    return None


def needs_postgres(item: pytest.Item) -> bool:
    """A test that must run on PostgreSQL wherever it lives."""
    if item.get_closest_marker(MARKER):
        return True
    db = item.get_closest_marker("django_db")
    if db and (db.kwargs.get("transaction") or (db.args and db.args[0])):
        return True
    return any(
        "postgres" in str(mark.kwargs.get("reason", "")).lower()
        for mark in item.iter_markers("skipif")
    )


def runs_on_postgres(item: pytest.Item, root: Path) -> bool:
    relative = Path(item.path).relative_to(root).as_posix()
    return sqlite_only_reason(relative) is None or needs_postgres(item)


def split(items: list[pytest.Item], root: Path) -> tuple[list[pytest.Item], list[pytest.Item]]:
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        (kept if runs_on_postgres(item, root) else dropped).append(item)
    return kept, dropped

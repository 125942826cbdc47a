# SPDX-License-Identifier: EUPL-1.2
"""Which tests the PostgreSQL pass of `make test` runs (docs/development.md, "Tests").

SQLite runs every test. PostgreSQL runs the tests of database behaviour: what PostgreSQL can
do differently from SQLite, so that a test passing on SQLite proves nothing about it there.
A test runs on PostgreSQL when
- its file is under a path of `ON_POSTGRES` (below, with the reason per path): the querysets
  the access layer filters with, full-text search, keyset pagination and ordering, aggregates
  over dates and amounts, locking, the audit chain's trigger, backup and restore, imports in
  one transaction, the shared cache;
- its file uses what only the database answers (`DATABASE_WORDS`: raw SQL, `select_for_update`,
  a vendor check, aggregates): a new test of that kind runs on both without anyone listing it;
- it carries `@pytest.mark.postgres`, is a `django_db(transaction=True)` test (commits,
  on_commit, migrations, live servers), or has a `skipif` whose reason names PostgreSQL.
Everything else (pages rendered from those same querysets, headers, forms, the crawls and the
access matrix through pages, pure Python) runs on SQLite only: repeating it on PostgreSQL took
more than half of `make test` and tested Django's template engine twice. `tests/test_test_selection.py`
checks the list against the tree.

RAADSLOKET_POSTGRES_TESTS=database (set by `make test`) applies the selection; unset or `all`
(`make test-nightly`, a developer's own run) runs everything on PostgreSQL.
"""

import os
from functools import cache
from pathlib import Path

import pytest

ALL = "all"
DATABASE = "database"
MARKER = "postgres"

# Path (relative to the repository) -> what PostgreSQL may do differently there.
ON_POSTGRES = {
    "tests/audit/": "the chains' head rows under FOR UPDATE, the append-only trigger, checkpoints",
    "tests/records/": "backup and restore: raw loads, sequences reset, the trigger's maintenance path",
    "tests/scaling/": "two app servers against one PostgreSQL",
    "tests/demo/test_generate.py": "the generator writes with COPY on PostgreSQL",
    "tests/access/test_access_case_filters.py": (
        "the access layer's querysets (Exists, subqueries, JSON) under every list and count"
    ),
    "tests/access/test_access_session_cache.py": "roles cached per session, invalidated by saves",
    "tests/cases/test_cases_filters.py": "filters on the case list: lookups, case-insensitivity",
    "tests/cases/test_cases_list_filters.py": "filters on the case list: lookups, case-insensitivity",
    "tests/cases/test_cases_list_keyset.py": "keyset pagination: ordering with NULLs and ties",
    "tests/cases/test_cases_query_counts.py": "queries per page: the planner's work, not SQLite's",
    "tests/cases/test_cases_ranking.py": "ordering by annotated scores",
    "tests/cases/test_cases_knowledge_base.py": "search over answered cases",
    "tests/cases/test_search_": "full-text search (PostgreSQL's own on PostgreSQL)",
    "tests/cases/test_cases_hardening.py": "bounds of ids and lengths the database enforces",
    "tests/reflection/test_reflection_figures.py": "the year report's aggregates over dates",
    "tests/reflection/test_reflection_leadtimes.py": "lead times: date differences in SQL",
    "tests/reflection/test_reflection_periods.py": "periods: date truncation and time zones",
    "tests/reflection/test_reflection_stored.py": "figures of closed years stored in the cache",
    "tests/reflection/test_reflection_differencing.py": "counts that must agree across filters",
    "tests/registers/test_registers_import.py": "a register import in one transaction",
    "tests/registers/test_registers_workflow.py": "numbering per year and instrument",
    "tests/registers/test_links_chain.py": "links across instruments: joins and cycles",
    "tests/privacy/test_privacy_anonymise.py": "anonymisation: bulk updates",
    "tests/privacy/test_privacy_commands.py": "retention and anonymisation commands",
    "tests/security/test_attack_concurrency.py": "races between two requests: locks",
    "tests/security/test_auth_lockout.py": "failed logins counted in the database (django-axes)",
    "tests/api/test_api_rate_limits.py": "rate limits in the shared database cache",
    "tests/fractie_support/test_fractie_support_allocation.py": "amounts summed in SQL",
    "tests/fractie_support/test_fractie_support_statement.py": "the statement's sums per year",
    "tests/assistance/": "hours summed per case and year",
    "tests/training/test_training_budget.py": "the budget's sums and the limit under concurrency",
    "tests/council_term/test_council_term_install.py": "the installation as one transaction",
    "tests/safety/test_safety_reports.py": "incidents counted per year",
    "tests/notify/test_notify_inbox.py": "the inbox's unread counts",
    "tests/notify/test_notify_settling.py": "notifications settled after commit",
    "tests/web/test_web_start_queues.py": "the start pages' queues: counts and ordering",
}

# Words of a test file that exercises what PostgreSQL does differently from SQLite.
DATABASE_WORDS = (
    "connection.vendor",
    "select_for_update",
    ".cursor()",
    "RawSQL",
    "postgres",
    ".aggregate(",
    ".annotate(",
)


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


def postgres_reason(relative: str) -> str | None:
    """Why the test file at `relative` (posix, from the repository root) runs on PostgreSQL."""
    for prefix, reason in ON_POSTGRES.items():
        if relative.startswith(prefix):
            return reason
    words = database_words(relative)
    return f"gebruikt {', '.join(words)}" if words else None


@cache
def database_words(relative: str) -> tuple[str, ...]:
    path = Path(__file__).resolve().parent.parent.parent / relative
    try:
        text = path.read_text(encoding="utf-8")
    except OSError:
        return ()
    return tuple(word for word in DATABASE_WORDS if word in text)


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
    return postgres_reason(relative) is not None or needs_postgres(item)


def split(items: list[pytest.Item], root: Path) -> tuple[list[pytest.Item], list[pytest.Item]]:
    kept: list[pytest.Item] = []
    dropped: list[pytest.Item] = []
    for item in items:
        (kept if runs_on_postgres(item, root) else dropped).append(item)
    return kept, dropped

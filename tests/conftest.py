# SPDX-License-Identifier: EUPL-1.2
"""Shared fixtures: the municipalities of tests/support/world.py, named people per role.

Also the two choices that keep `make test` within ten minutes (docs/development.md, "Tests"):
the Hypothesis profile (tests/support/examples.py) and which tests the PostgreSQL pass runs
(tests/support/selection.py).
"""

import os
import uuid

import pytest

from raadsloket.access.viewer import viewer_for
from raadsloket.organisation.models import Person
from tests.support import examples, selection
from tests.support.world import build_domstede, build_preset_town, build_voorbeeld

# Loaded before any test module is imported, so that `examples()` in their decorators scales.
HYPOTHESIS_PROFILE = examples.load()
DROPPED = pytest.StashKey[int]()


def pytest_configure(config):
    # CI must prove the PostgreSQL path; a silent SQLite fallback would hide breakage.
    if os.environ.get("CI") == "true" and os.environ.get("DATABASE_URL", "").startswith("postgres"):
        import psycopg  # noqa: F401
    _let_test_flushes_empty_the_audit_table()


def _let_test_flushes_empty_the_audit_table() -> None:
    """pytest-django empties every table after a transactional test with Django's `flush`
    (TRUNCATE); the append-only trigger (audit migration 0005) refuses that on PostgreSQL.
    Only that test-teardown command gets the maintenance switch: a `flush` that the code under
    test runs (generate --replace) or restore's own path are tested as they run in production."""
    from django.core.management.commands import flush
    from django.db import DEFAULT_DB_ALIAS, connections
    from django.test import testcases

    original = flush.Command.handle
    original_teardown = testcases.TransactionTestCase._fixture_teardown
    in_teardown = [False]

    def _fixture_teardown(self):
        in_teardown[0] = True
        try:
            return original_teardown(self)
        finally:
            in_teardown[0] = False

    def handle(self, *args, **options):
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        postgres = connection.vendor == "postgresql" and in_teardown[0]
        if postgres:
            with connection.cursor() as cursor:
                cursor.execute("SET raadsloket.audit_maintenance = 'on'")
        try:
            return original(self, *args, **options)
        finally:
            if postgres:
                with connection.cursor() as cursor:
                    cursor.execute("RESET raadsloket.audit_maintenance")

    flush.Command.handle = handle
    testcases.TransactionTestCase._fixture_teardown = _fixture_teardown


def pytest_report_header(config):
    return [
        f"hypothesis profile: {HYPOTHESIS_PROFILE}",
        f"PostgreSQL tests: {selection.scope()}" if selection.on_postgres() else "database: SQLite",
    ]


def pytest_collection_modifyitems(config, items):
    """On SQLite, skip what means something only on PostgreSQL; on PostgreSQL with
    RAADSLOKET_POSTGRES_TESTS=database, run only the database-behaviour tests."""
    if not selection.on_postgres():
        skip = pytest.mark.skip(reason="alleen op PostgreSQL")
        for item in items:
            if item.get_closest_marker("postgres_only"):
                item.add_marker(skip)
        return
    if selection.scope() != selection.DATABASE:
        return
    kept, dropped = selection.split(items, config.rootpath)
    config.stash[DROPPED] = len(dropped)
    if dropped:
        config.hook.pytest_deselected(items=dropped)
        items[:] = kept


def pytest_terminal_summary(terminalreporter, config):
    if selection.on_postgres() and selection.scope() == selection.DATABASE:
        # Under xdist the workers select; the controller only knows the rule.
        dropped = config.stash.get(DROPPED, None)
        terminalreporter.write_line(
            "PostgreSQL: alleen de tests van databasegedrag"
            + (f" ({dropped} andere alleen op SQLite)" if dropped is not None else "")
            + "; zie tests/support/selection.py"
        )


@pytest.fixture(autouse=True)
def _fast_hashing(settings, tmp_path):
    # Argon2 is the production hasher; tests need speed, not resistance to brute force.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.MEDIA_ROOT = tmp_path / "files"


@pytest.fixture(autouse=True)
def _fresh_cache(settings):
    # Rate limits (lib/ratelimit.py) count per person id in the cache and ids repeat across
    # tests; stored reports (reflection.stored) too. The shared cache is the database's
    # (settings.CACHES), which a test without database access may not touch: a key prefix of
    # its own gives every test an empty cache without clearing anything.
    settings.CACHES = {
        name: {**config, "KEY_PREFIX": uuid.uuid4().hex} for name, config in settings.CACHES.items()
    }


@pytest.fixture(autouse=True)
def _two_factor_off(settings):
    # Tests force_login griffie and college people; tests/security/test_auth_* turn it on.
    settings.TWO_FACTOR_REQUIRED = False


@pytest.fixture
def world(db):
    """Gemeente Voorbeeld on the VNG model profile."""
    return build_voorbeeld()


@pytest.fixture
def other_world(db):
    """A second municipality (Utrecht profile): its people must never see Voorbeeld's cases."""
    return build_domstede()


@pytest.fixture(params=["vng-model", "utrecht", "echt-susteren"])
def preset_world(request, db):
    return build_preset_town(request.param)


@pytest.fixture
def login(client):
    """Log a person in by username of the world and return the client."""

    def as_(person):
        client.logout()
        client.force_login(person)
        return client

    return as_


@pytest.fixture
def fresh():
    """A person as the next request would see them (roles, fractie and profile re-read)."""

    def get(person: Person) -> Person:
        return Person.objects.select_related("municipality").get(pk=person.pk)

    return get


@pytest.fixture
def as_viewer(fresh):
    """The access context of a person, built fresh (it is cached per user object)."""

    def get(person: Person):
        return viewer_for(fresh(person))

    return get

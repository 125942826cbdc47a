# SPDX-License-Identifier: EUPL-1.2
"""Fixtures of the attack tests (test_attack_*, test_headers_*): the world of
security_scenarios.py, built once per module and rolled back after it."""

import pytest
from django.db import transaction
from django.test import override_settings

from raadsloket.api.tokens import issue
from tests.security.security_scenarios import FAST_HASHERS, ROLE_PEOPLE, build_world


@pytest.fixture(scope="module")
def attack_world(django_db_setup, django_db_blocker, tmp_path_factory):
    """Built once per module inside a transaction that is rolled back at the end.

    Each test still runs in its own savepoint (the `db` fixture), so what a test writes (audit
    events of reads, actions that succeed) is gone before the next test.
    """
    media_root = tmp_path_factory.mktemp("attack-files")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            built = build_world(media_root)
            for name in ROLE_PEOPLE:
                person = built.role(name)
                built.tokens[person.pk] = issue(person)
            yield built
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def attack(attack_world, db, settings):
    """The module's world, with file storage pointed at its files for this test."""
    settings.MEDIA_ROOT = attack_world.media_root
    return attack_world

# SPDX-License-Identifier: EUPL-1.2
"""Module-scoped scenario data for the access tests: built once, rolled back at the end."""

import sys
from dataclasses import dataclass, field

import pytest
from django.db import transaction
from django.test import Client, override_settings

from raadsloket.api.tokens import issue
from raadsloket.demo.people import World
from tests.support.scenarios import ROLES, Scenario, build_matrix, person_for

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Bubble:
    scenarios: list[Scenario]
    other: World
    media_root: object
    # Per person: a logged-in web client and an API token, made inside the module transaction
    # so that sessions and tokens outlive each test's savepoint.
    clients: dict[int, Client] = field(default_factory=dict)
    tokens: dict[int, str] = field(default_factory=dict)

    def person(self, scenario: Scenario, role: str):
        return person_for(scenario, role, self.other)

    def web(self, person) -> Client:
        if person.pk in self.clients:
            return self.clients[person.pk]
        client = Client()  # someone outside ROLES: logged in for this test only
        client.force_login(person)
        return client

    def api(self, person) -> dict[str, str]:
        token = self.tokens.get(person.pk) or issue(person)
        return {"HTTP_AUTHORIZATION": f"Bearer {token}"}

    def worlds(self) -> dict[str, list[Scenario]]:
        """The scenarios grouped by municipality (slug)."""
        grouped: dict[str, list[Scenario]] = {}
        for scenario in self.scenarios:
            grouped.setdefault(scenario.world.municipality.slug, []).append(scenario)
        return grouped


def login_everyone(bubble: Bubble) -> None:
    for scenario in bubble.scenarios:
        for role in ROLES:
            person = bubble.person(scenario, role)
            if person.pk in bubble.clients:
                continue
            client = Client()
            client.force_login(person)
            bubble.clients[person.pk] = client
            bubble.tokens[person.pk] = issue(person)


def _module_bubble(django_db_blocker, tmp_path_factory, **which):
    """Scenario cases, created once per test module inside a transaction rolled back after.

    Each test still runs in its own savepoint (the `db` fixture), so reads that write audit
    events, or actions performed by a test, leave nothing behind for the next test.
    """
    media_root = tmp_path_factory.mktemp("bubble-files")
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            scenarios, other = build_matrix(**which)
            built = Bubble(scenarios, other, media_root)
            login_everyone(built)
            yield built
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture(scope="module")
def bubble(django_db_setup, django_db_blocker, tmp_path_factory):
    """Every profile × confidentiality × state: the full matrix."""
    yield from _module_bubble(django_db_blocker, tmp_path_factory)


@pytest.fixture(scope="module")
def small_bubble(django_db_setup, django_db_blocker, tmp_path_factory):
    """Confidential and secret cases in every state, under every profile."""
    yield from _module_bubble(
        django_db_blocker, tmp_path_factory, confidentialities=("confidential", "secret")
    )


@pytest.fixture
def bubble_files(bubble, settings):
    """Point file storage at the module's files (the autouse fixture moves it per test)."""
    settings.MEDIA_ROOT = bubble.media_root
    return bubble


def pytest_terminal_summary(terminalreporter):
    """The size of the access matrix: how many (reader, case, surface) cells were asserted."""
    module = sys.modules.get("tests.access.test_access_matrix")
    cells = getattr(module, "CELLS", None)
    if cells:
        terminalreporter.write_line(
            f"access matrix: {sum(cells.values())} cells asserted ("
            + ", ".join(f"{name}: {n}" for name, n in sorted(cells.items()))
            + ")"
        )

# SPDX-License-Identifier: EUPL-1.2
"""The rekenkamer world: two municipalities with every role, built once per module.

Voorbeeld has a motie M-1, a request of the council the rekenkamer took up (TAKEN), one still
waiting for its decision (FILED), a programme and the cycle of 2027. Domstede has a request of
its own (OTHER), which nobody of Voorbeeld may see.
"""

from dataclasses import dataclass, field
from datetime import date

import pytest
from django.db import transaction
from django.test import Client, override_settings

from raadsloket.api.tokens import issue
from raadsloket.audit_office import services
from raadsloket.audit_office.models import StudyRequest
from raadsloket.demo.people import World, build_municipality
from raadsloket.organisation.models import Person
from raadsloket.registers.models import Motion, Outcome

API_USERS = ("griffier", "raadslid1", "wethouder1", "u-raadslid1")
FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@dataclass
class Scene:
    main: World
    other: World
    requests: dict[str, StudyRequest] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    tokens: dict[int, str] = field(default_factory=dict)

    def web(self, username: str | None) -> Client:
        client = Client()
        if username is not None:
            client.force_login(self.people[username])
        return client

    def api(self, username: str) -> dict[str, str]:
        person = self.people[username]
        if person.pk not in self.tokens:
            self.tokens[person.pk] = issue(person)
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[person.pk]}"}


def request_data(subject: str, **extra) -> dict:
    return {
        "subject": subject,
        "question": f"Wat levert {subject.lower()} op?",
        "reason": "De raad wil het weten voor de begroting.",
        **extra,
    }


def _fill(scene: Scene) -> None:
    main, other = scene.main, scene.other
    Motion.objects.create(
        municipality=main.municipality,
        number="M-1",
        title="Rekenkameronderzoek naar jeugdzorg",
        meeting_date=date(2026, 3, 1),
        outcome=Outcome.ADOPTED,
    )
    griffier = main["griffier"]
    taken = services.file_request(griffier, request_data("Jeugdzorg TAAKMARKER"))
    taken = services.act(
        griffier, taken, "in_behandeling", {"decided_on": taken.filed_on, "reasons": ""}
    )
    filed = services.file_request(griffier, request_data("Wegonderhoud", motion_number="M-1"))
    mine = services.file_request(other["griffier"], request_data("Domstede DOMSTEDEMARKER"))
    scene.requests.update({"TAKEN": taken, "FILED": filed, "OTHER": mine})
    services.add_programme_study(
        griffier, {"year": 2027, "quarter": 2, "title": "Programmaonderzoek PROGRAMMAMARKER"}
    )
    services.generate_cycle(griffier, 2027)


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=FAST_HASHERS):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main = build_municipality("Gemeente Voorbeeld", "voorbeeld", password="demo")
            other = build_municipality(
                "Gemeente Domstede", "domstede", preset="utrecht", prefix="u-", password="demo"
            )
            built = Scene(main, other)
            built.people.update(main.people)
            built.people.update({p.username: p for p in other.people.values()})
            _fill(built)
            # Tokens made here outlive each test's rollback.
            for username in API_USERS:
                built.tokens[built.people[username].pk] = issue(built.people[username])
            yield built
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

# SPDX-License-Identifier: EUPL-1.2
"""The safety world: two municipalities with marked incidents, built once per module.

Incident A (a larger one) is reported by raadslid1 of Lokaal Belang with a screenshot; the
burgemeester added the kabinetschef as reader. Incident B (a small one) is reported by
commissielid1, shared with nobody. Domstede has an incident of its own. Every text and file name
carries a unique marker that may show only to who may read that incident
(raadsloket.access.safety); the checklist note of raadslid1 only to raadslid1.
"""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.test import Client, override_settings
from django.utils import timezone

from raadsloket.api.tokens import issue
from raadsloket.cases.services import break_glass, create_case
from raadsloket.demo.people import World, build_municipality
from raadsloket.organisation.models import Person, RoleAssignment
from raadsloket.organisation.roles import Role
from raadsloket.safety import services
from raadsloket.safety.models import Answer, Channel, Incident, Severity

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64

# marker -> (incident key, what it is)
MARKERS = {
    "ZWAVELSTOKTEKST": ("A", "the text of incident A"),
    "KROKUSVELDPLEK": ("A", "the place of incident A"),
    "bewijs-LAVENDELBOOG.png": ("A", "the evidence file name of incident A"),
    "NACHTVLINDERNOTITIE": ("A", "the handler note on incident A"),
    "ROZENBOTTEKST": ("B", "the text of incident B"),
    "DOMSTEDEDISTELTEKST": ("D", "the text of Domstede's incident"),
}
CHECKLIST_MARKER = "SLEUTELBOSNOTITIE"

# Who reads which incident (raadsloket.access.safety restated): the reporter, the griffier, the
# burgemeester, and the reader the burgemeester added.
READERS = {
    "A": {"raadslid1", "griffier", "burgemeester", "kabinetschef"},
    "B": {"commissielid1", "griffier", "burgemeester"},
    "D": {"u-raadslid1", "u-griffier", "u-burgemeester"},
}
# Every role of tests/support/world.py, by a person who has it (label -> username).
ROLES = {
    "reporter (raadslid)": "raadslid1",
    "member of the same fractie": "raadslid2",
    "member of another fractie": "raadslid8",
    "fractie chair of another fractie": "raadslid12",
    "committee member (reporter of B)": "commissielid1",
    "fractie employee": "fractiemedewerker1",
    "griffier": "griffier",
    "council advisor": "raadsadviseur",
    "secretary": "secretaris",
    "cabinet chief (added reader of A)": "kabinetschef",
    "mayor": "burgemeester",
    "alderman": "wethouder1",
    "college contact": "collegecontact",
    "civil servant": "ambtenaar1",
    "manager": "manager1",
    "functional administrator": "beheerder",
    "functional administrator with break-glass": "beheerder-nood",
    "griffier of another municipality": "u-griffier",
    "mayor of another municipality": "u-burgemeester",
    "member of another municipality": "u-raadslid1",
}


@dataclass
class SafetyScene:
    main: World
    other: World
    incidents: dict[str, Incident] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    tokens: dict[int, str] = field(default_factory=dict)
    media_root: object = None

    def person(self, username: str) -> Person:
        return self.people[username]

    def web(self, username: str | None) -> Client:
        client = Client()
        if username is not None:
            client.force_login(self.people[username])
        return client

    def api(self, username: str | None) -> dict[str, str]:
        if username is None:
            return {}
        person = self.people[username]
        if person.pk not in self.tokens:
            self.tokens[person.pk] = issue(person)
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[person.pk]}"}

    def sees(self, username: str | None, key: str) -> bool:
        return username in READERS[key]

    def forbidden_markers(self, username: str | None) -> dict[str, str]:
        found = {m: why for m, (key, why) in MARKERS.items() if not self.sees(username, key)}
        if username != "raadslid1":
            found[CHECKLIST_MARKER] = "raadslid1's own checklist note"
        return found

    def urls(self) -> list[str]:
        """Every safety page, action and file of every incident, by id."""
        urls = ["/veiligheid/", "/veiligheid/behandeling", "/veiligheid/checklist"]
        for incident in self.incidents.values():
            base = f"/veiligheid/meldingen/{incident.pk}"
            urls += [base, f"{base}/status", f"{base}/notitie", f"{base}/lezers", f"{base}/bewijs"]
            urls += [f"{base}/bewijs/{e.token}" for e in incident.evidence.all()]
        return urls

    def api_urls(self) -> list[str]:
        urls = ["/api/v1/safety/incidents", "/api/v1/safety/handling"]
        return urls + [f"/api/v1/safety/incidents/{i.pk}" for i in self.incidents.values()]


def _report(person, text, place, severity, files=()):
    return services.report_incident(
        person,
        {
            "happened_on": timezone.localdate() - timedelta(days=2),
            "place": place,
            "channel": Channel.SOCIAL,
            "description": text,
            "severity": severity,
        },
        files,
    )


def fill(scene: SafetyScene) -> None:
    main, other = scene.main, scene.other
    a = _report(
        main["raadslid1"],
        "Dreigende berichten ZWAVELSTOKTEKST na de vergadering.",
        "Bij het gemeentehuis, KROKUSVELDPLEK",
        Severity.SERIOUS,
        [SimpleUploadedFile("bewijs-LAVENDELBOOG.png", PNG, content_type="image/png")],
    )
    services.add_note(main["burgemeester"], a, "Wijkagent ingelicht NACHTVLINDERNOTITIE.")
    services.add_reader(main["burgemeester"], a, "kabinetschef")
    b = _report(main["commissielid1"], "Scheldpartij ROZENBOTTEKST.", "Markt", Severity.SMALL)
    d = _report(other["raadslid1"], "Brief DOMSTEDEDISTELTEKST.", "Thuis", Severity.SMALL)
    scene.incidents.update({"A": a, "B": b, "D": d})
    services.save_checklist(
        main["raadslid1"],
        {"adresgegevens": Answer.TODO, "adresgegevens_notitie": f"KvK {CHECKLIST_MARKER}"},
    )


def _emergency_administrator(main: World) -> Person:
    """A second functional administrator holding a break-glass grant on a real case."""
    admin = Person.objects.create(
        username="beheerder-nood", municipality=main.municipality, first_name="Nood"
    )
    RoleAssignment.objects.create(person=admin, role=Role.ADMINISTRATOR)
    case = create_case(
        main["raadslid1"],
        {
            "instrument": "technical_question",
            "title": "Onderhoud fietspaden",
            "question": "Hoeveel is er in 2025 uitgegeven aan onderhoud van fietspaden?",
            "policy_area": "mobiliteit",
        },
        submit=True,
    )
    break_glass(admin, case.pk, "Storing bij het opleveren van een antwoord onderzoeken.")
    return admin


def build_safety_scene(django_db_blocker, media_root):
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=media_root),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            main = build_municipality("Gemeente Voorbeeld", "voorbeeld", password="demo")
            other = build_municipality(
                "Gemeente Domstede", "domstede", preset="utrecht", prefix="u-", password="demo"
            )
            scene = SafetyScene(main, other, media_root=media_root)
            scene.people.update(main.people)
            scene.people.update({p.username: p for p in other.people.values()})
            scene.people["beheerder-nood"] = _emergency_administrator(main)
            fill(scene)
            # Tokens made here outlive each test's rollback.
            for username in ROLES.values():
                scene.tokens[scene.people[username].pk] = issue(scene.people[username])
            yield scene
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

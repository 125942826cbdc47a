# SPDX-License-Identifier: EUPL-1.2
"""Anonymise people who left (end of a council term, end of employment).

AVG art. 17 and art. 5 lid 1 (e): personal data is not kept longer than needed. The cases, their
timeline, hours and evaluations are the municipality's records (Archiefwet), so they stay and
keep pointing at the same Person row, which from then on carries a pseudonym
("oud-raadslid-<id>") instead of a name. Removed: name, e-mail address, password, last login,
API tokens, notifications and their setting, two-factor devices, expertise, group and
permission rows. Kept: the roles held (what the person was, to read the records by), fractie,
department and municipality.

Only for someone whose account is closed (is_active False): raadsloket holds no term dates, so
the griffie closing the account at the end of the term (or on leaving) is the signal.

Names copied into text by raadsloket itself (the timeline's "Doorgeleid aan ...", "Toegewezen
aan ...", the startgesprek's participants) are replaced by the pseudonym. Free text people wrote
(a question, an answer, a reason) is the record itself and is not rewritten. The audit chain is
not rewritten either: it is append-only and hash-chained, and its events name the actor by the
username of that moment (AVG art. 17 lid 3 (b) and (d): a legal duty, archiving).
"""

import re
from dataclasses import dataclass, field

from django.apps import apps
from django.db import transaction

from raadsloket.api.models import ApiToken
from raadsloket.assistance.models import Kickoff
from raadsloket.audit import chain
from raadsloket.cases.models import TimelineEvent
from raadsloket.notify.models import Notification, NotificationSetting
from raadsloket.organisation.models import Expertise, Person
from raadsloket.organisation.roles import Role

# The pseudonym says what the person was, in the order of what matters most for the records.
PSEUDONYM_WORDS = [
    (Role.COUNCIL_MEMBER, "oud-raadslid"),
    (Role.COMMITTEE_MEMBER, "oud-commissielid"),
    (Role.FRACTIE_EMPLOYEE, "oud-fractiemedewerker"),
    (Role.MAYOR, "oud-burgemeester"),
    (Role.ALDERMAN, "oud-wethouder"),
]
DEFAULT_WORD = "oud-medewerker"
PSEUDONYM = re.compile(r"^oud-[a-z]+-\d+$")


class AnonymisationRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


@dataclass
class Anonymisation:
    person_id: int
    pseudonym: str
    dry_run: bool
    # What was (or would be) removed or rewritten, counted per kind, in Dutch.
    counts: dict[str, int] = field(default_factory=dict)


def pseudonym_for(person: Person) -> str:
    roles = set(person.role_assignments.values_list("role", flat=True))
    word = next((word for role, word in PSEUDONYM_WORDS if role in roles), DEFAULT_WORD)
    return f"{word}-{person.pk}"


def refusal(person: Person) -> str | None:
    """Why this person may not be anonymised (Dutch), or None."""
    if PSEUDONYM.match(person.username) and not person.email and not person.get_full_name():
        return f"'{person.username}' is al geanonimiseerd."
    if person.is_active:
        return (
            f"'{person.username}' is nog actief. Anonimiseren kan alleen voor wie vertrokken is: "
            "sluit eerst het account (einde raadsperiode of uit dienst)."
        )
    return None


def anonymise(person: Person, *, dry_run: bool = False, actor=None) -> Anonymisation:
    """Anonymise one person, in one transaction with its audit event; or refuse in Dutch."""
    with transaction.atomic():
        # Checked on the locked row: an account reopened meanwhile is not anonymised.
        person = Person.objects.select_for_update().get(pk=person.pk)
        problem = refusal(person)
        if problem:
            raise AnonymisationRefused(problem)
        result = Anonymisation(person.pk, pseudonym_for(person), dry_run)
        result.counts = _remove(person, result.pseudonym, dry_run)
        if dry_run:
            return result
        old_username = person.username
        person.username = result.pseudonym
        person.first_name = ""
        person.last_name = ""
        person.email = ""
        person.set_unusable_password()
        person.last_login = None
        person.is_active = False
        person.is_staff = False
        person.is_superuser = False
        person.save()
        person.groups.clear()
        person.user_permissions.clear()
        result.counts["inlogpogingen hernoemd"] = _rename_login_records(
            old_username, result.pseudonym
        )
        # The person id, never the old name: the chain itself is never rewritten.
        chain.record(
            "privacy.anonymised",
            actor=actor,
            municipality_id=person.municipality_id,
            detail={"person": person.pk, "removed": result.counts},
        )
    return result


def _remove(person: Person, pseudonym: str, dry_run: bool) -> dict[str, int]:
    removals = {
        "API-sleutels": ApiToken.objects.filter(person=person),
        "meldingen": Notification.objects.filter(recipient=person),
        "meldingsinstellingen": NotificationSetting.objects.filter(person=person),
        "deskundigheid": Expertise.objects.filter(person=person),
    }
    counts = {label: rows.count() for label, rows in removals.items()}
    devices = _otp_devices(person)
    counts["apparaten tweestapsverificatie"] = len(devices)
    counts["teksten met naam (tijdlijn, startgesprek)"] = _replace_name(person, pseudonym, dry_run)
    if not dry_run:
        for rows in removals.values():
            rows.delete()
        for device in devices:
            device.delete()
    return counts


def _otp_devices(person: Person) -> list:
    """Two-factor devices of every kind django-otp knows (only when it is installed)."""
    if not apps.is_installed("django_otp"):
        return []
    from django_otp import devices_for_user

    return list(devices_for_user(person, confirmed=None))


def _replace_name(person: Person, pseudonym: str, dry_run: bool) -> int:
    """Replace the name raadsloket wrote into timeline text and startgesprek participants."""
    name = person.display_name
    if not name or person.municipality_id is None:
        return 0
    # Whole words only: "raadslid1" must not change "raadslid12".
    pattern = re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")
    changed = 0
    events = TimelineEvent.objects.filter(
        case__municipality_id=person.municipality_id, detail__contains=name
    )
    for event in events:
        new = pattern.sub(pseudonym, event.detail)
        if new != event.detail:
            changed += 1
            if not dry_run:
                TimelineEvent.objects.filter(pk=event.pk).update(detail=new)
    kickoffs = Kickoff.objects.filter(
        case__municipality_id=person.municipality_id, participants__contains=name
    )
    for kickoff in kickoffs:
        new = pattern.sub(pseudonym, kickoff.participants)
        if new != kickoff.participants:
            changed += 1
            if not dry_run:
                Kickoff.objects.filter(pk=kickoff.pk).update(participants=new[:500])
    return changed


def _rename_login_records(old_username: str, pseudonym: str) -> int:
    """django-axes keeps login attempts by username: they keep their use, not the name."""
    if not apps.is_installed("axes"):
        return 0
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    return sum(
        model.objects.filter(username=old_username).update(username=pseudonym)
        for model in (AccessAttempt, AccessFailureLog, AccessLog)
    )

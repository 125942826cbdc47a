# SPDX-License-Identifier: EUPL-1.2
"""One-time enrolment codes: a password alone does not set up a privileged person's second factor.

OWASP ASVS V2.8 / NIST SP 800-63B section 6.1: binding an authenticator to an account needs more than
the password it is meant to back up. Otherwise whoever stole the password of a griffier who has
not yet set up two-factor authentication (or whose device was just reset) sets up their own app
and is in. The beheerder or griffier makes a code and hands it over by another channel; it is
stored as a hash, works once, for one person, for VALID_DAYS days, and both making and using it
are in the audit log.
"""

import hashlib
import secrets
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

from raadsloket.audit import chain
from raadsloket.security.models import EnrolmentCode

VALID_DAYS = 7
# No 0/O or 1/I/L: the code is read out or copied from paper.
ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
GROUPS, GROUP_LENGTH = 3, 4


class EnrolmentRefused(Exception):
    """The code typed does not allow set-up; the message says why, in Dutch."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def normalised(code: str) -> str:
    """Case, spaces and dashes do not matter: "abcd efgh-jkmn" is "ABCDEFGHJKMN"."""
    return "".join(char for char in code.upper() if char.isalnum())


def _digest(code: str) -> str:
    # A random code of 60 bits needs no slow hash; a salt would add nothing either.
    return hashlib.sha256(normalised(code).encode()).hexdigest()


def _new_code() -> str:
    groups = ("".join(secrets.choice(ALPHABET) for _ in range(GROUP_LENGTH)) for _ in range(GROUPS))
    return "-".join(groups)


@transaction.atomic
def issue_code(person, *, actor, code: str | None = None) -> tuple[str, datetime]:
    """A new code for person, replacing any unused one; returns it and when it expires.

    `code` is for the demo only, which hands every demo account the same known code.
    """
    EnrolmentCode.objects.filter(person=person, used_at__isnull=True).delete()
    code = code or _new_code()
    expires_at = timezone.now() + timedelta(days=VALID_DAYS)
    EnrolmentCode.objects.create(
        person=person,
        code_hash=_digest(code),
        issued_by=getattr(actor, "username", actor),
        expires_at=expires_at,
    )
    chain.record(
        "security.enrolment_code_issued",
        actor=actor,
        municipality_id=person.municipality_id,
        detail={"person": person.username, "expires_at": expires_at.isoformat()},
    )
    return code, expires_at


def withdraw_codes(person) -> int:
    """Unused codes stop working (a reset asks for a code made after it)."""
    count, _ = EnrolmentCode.objects.filter(person=person, used_at__isnull=True).delete()
    return count


def use_code(person, code: str) -> None:
    """Spend person's code, or raise EnrolmentRefused. Call inside the set-up's transaction."""
    found = (
        EnrolmentCode.objects.select_for_update()
        .filter(person=person, code_hash=_digest(code))
        .order_by("-created_at")
        .first()
    )
    if found is None:
        raise EnrolmentRefused(
            "Deze inschrijfcode klopt niet. Controleer de code die u van de functioneel "
            "beheerder of de griffier kreeg."
        )
    if found.used_at is not None:
        raise EnrolmentRefused(
            "Deze inschrijfcode is al gebruikt. Vraag de functioneel beheerder of de griffier "
            "om een nieuwe."
        )
    now = timezone.now()
    if found.expires_at <= now:
        raise EnrolmentRefused(
            "Deze inschrijfcode is verlopen. Vraag de functioneel beheerder of de griffier "
            "om een nieuwe."
        )
    found.used_at = now
    found.save(update_fields=["used_at"])
    chain.record(
        "security.enrolment_code_used",
        actor=person,
        municipality_id=person.municipality_id,
        detail={"person": person.username, "issued_by": found.issued_by},
    )

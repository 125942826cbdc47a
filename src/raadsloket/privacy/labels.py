# SPDX-License-Identifier: EUPL-1.2
"""Dutch words for what the inzage export shows, and how it writes dates."""

from datetime import date, datetime

from django.utils import timezone

from raadsloket.access.sections import Section
from raadsloket.cases.models import Case

SECTION_LABELS = {
    Section.METADATA: "kenmerken",
    Section.TRAJECTORY: "traject",
    Section.HOURS: "uren",
    Section.REQUEST: "verzoek",
    Section.ROUTING: "behandeling",
    Section.KICKOFF: "startgesprek",
    Section.ANSWER: "antwoord",
    Section.EVALUATION: "evaluatie",
    Section.MEDIATION: "bemiddeling",
}

# How a person stands to a case, in the words of the case page.
RELATION_LABELS = {
    "requester": "indiener",
    "co_requester": "mede-indiener",
    "filed_by": "ingediend of vastgelegd door u",
    "handler": "behandelaar griffie",
    "assignee": "toegewezen ambtenaar",
    "routing_officer": "doorgeleid aan u",
    "portfolio_holder": "portefeuillehouder",
}

AUDIT_LABELS = {
    "case.create": "verzoek aangemaakt",
    "case.read": "verzoek ingezien",
    "case.list_read": "lijst met verzoeken ingezien",
    "case.break_glass": "noodtoegang gevraagd",
    "api.token_issued": "API-sleutel aangemaakt",
    "privacy.export": "inzage persoonsgegevens gedownload",
    "privacy.anonymised": "persoonsgegevens geanonimiseerd",
}

NOT_VISIBLE = None


def when(value: datetime | None) -> str | None:
    """A moment in local time, to the second."""
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def day(value: date | None) -> str | None:
    return value.isoformat() if value else None


def reference(case_id: int | None) -> str | None:
    return Case(pk=case_id).reference if case_id else None


def audit_label(action: str) -> str:
    if action in AUDIT_LABELS:
        return AUDIT_LABELS[action]
    if action.startswith("case."):
        return f"handeling op verzoek ({action.removeprefix('case.')})"
    return action

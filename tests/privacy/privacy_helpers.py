# SPDX-License-Identifier: EUPL-1.2
"""Marker words in a confidential case, and reading an inzage export as its subject would."""

import json

from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff
from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.privacy.inzage import export
from raadsloket.privacy.report import render_html

# Marker -> the section of raadslid7's case it sits in.
MARKERS = {
    "PRIVTITEL": "request",
    "PRIVVRAAG": "request",
    "PRIVACHTERGROND": "request",
    "PRIVDOORGELEID": "routing",
    "PRIVDOEL": "kickoff",
    "PRIVURENNOTITIE": "kickoff",
    "PRIVANTWOORD": "answer",
    "PRIVEVALUATIE": "evaluation",
}
OWN_MARKER = "EIGENVRAAGRAADSLID1"
SHARED_MARKER = "GEDEELDANTWOORDMARKER"


def mark_confidential_case(case: Case) -> None:
    Case.objects.filter(pk=case.pk).update(
        title="Onderzoek PRIVTITEL",
        question="Wat weet het college van PRIVVRAAG?",
        background="Omdat PRIVACHTERGROND speelt.",
        answer="Het antwoord: PRIVANTWOORD.",
    )
    TimelineEvent.objects.filter(case=case, action="forward").update(
        detail="Doorgeleid met notitie PRIVDOORGELEID."
    )
    Kickoff.objects.filter(case=case).update(goal="Doel PRIVDOEL")
    HoursEntry.objects.filter(case=case).update(note="Notitie PRIVURENNOTITIE")
    Evaluation.objects.filter(case=case).update(remarks="Oordeel PRIVEVALUATIE")


def export_text(person) -> str:
    """The JSON download and the PDF's HTML of `person`, as one text to search in."""
    data = export(person)
    return json.dumps(data, ensure_ascii=False) + "\n" + render_html(data)


def leaked(text: str, markers) -> set[str]:
    return {marker for marker in markers if marker in text}

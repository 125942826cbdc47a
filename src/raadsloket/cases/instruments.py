# SPDX-License-Identifier: EUPL-1.2
"""The instruments a Case can be (GLOSSARY.md).

The full catalogue of the council's instruments, with what each is and when to use it, is in
raadsloket.advisor; these are the ones raadsloket handles as a case.
"""

from django.db import models


class Instrument(models.TextChoices):
    ASSISTANCE = "assistance", "ambtelijke bijstand"
    TECHNICAL_QUESTION = "technical_question", "technische vraag"
    WRITTEN_QUESTION = "written_question", "schriftelijke vragen"


class Channel(models.TextChoices):
    """How the request reached the civil service (the handreiking's five routes)."""

    VIA_GRIFFIE = "via_griffie", "via de griffie"
    INFORMAL = "informal", "informele lijnen"
    FORMAL_REQUEST = "formal_request", "formeel verzoek"
    VIA_SECRETARY = "via_secretary", "via de gemeentesecretaris"
    DIRECT_CONTACT = "direct_contact", "rechtstreeks contact (vastgelegd)"


# Instruments the griffie may advise at intake instead of handling the request here
# (handreiking, "Praktijkvoorbeeld: wanneer gebruik je welk instrument?").
# Schriftelijke vragen are a case here too; the griffie may convert the request instead, or
# close it with the advice when the member wants to word the questions anew.
ADVISABLE_INSTRUMENTS = {
    "written_question": "schriftelijke vragen (art. 155 en 169 Gemeentewet)",
    "fractie_support": "fractieondersteuning (art. 33 lid 2 Gemeentewet)",
    "motion": "motie",
    "amendment": "amendement (art. 147b Gemeentewet)",
    "initiative_proposal": "initiatiefvoorstel (art. 147a Gemeentewet)",
    "interpellation": "interpellatie (art. 155 lid 2 Gemeentewet)",
    "council_inquiry": "raadsonderzoek / enquête (art. 155a Gemeentewet)",
    "audit_office": "verzoek aan de rekenkamer",
    "budget_right": "budgetrecht (begroting, voorjaarsnota, jaarrekening)",
}


# Each instrument has its own new-request form at /verzoeken/nieuw/<slug>: Dutch words in the
# address, as the rest of the site's addresses are.
SLUGS = {
    Instrument.ASSISTANCE: "ambtelijke-bijstand",
    Instrument.TECHNICAL_QUESTION: "technische-vraag",
    Instrument.WRITTEN_QUESTION: "schriftelijke-vragen",
}

# One line on what each instrument is, for the choice of form (catalogue.toml of the advisor says
# it at length; handreiking, "Praktijkvoorbeeld: wanneer gebruik je welk instrument?").
SUMMARIES = {
    Instrument.ASSISTANCE: "Een ambtenaar helpt u uw eigen inbreng uit te werken, zoals een "
    "motie, amendement of initiatiefvoorstel (art. 33 Gemeentewet).",
    Instrument.TECHNICAL_QUESTION: "Een feitelijke vraag die de ambtelijke organisatie eenvoudig "
    "kan beantwoorden: cijfers, data of een toelichting op een stuk.",
    Instrument.WRITTEN_QUESTION: "Vragen aan het college of de burgemeester over hun informatie "
    "en opvattingen; het antwoord gaat naar de hele raad (art. 155 Gemeentewet).",
}


def instrument_for_slug(slug: str) -> Instrument | None:
    """The instrument whose form lives at this address; None for any other word."""
    return next((instrument for instrument, known in SLUGS.items() if known == slug), None)

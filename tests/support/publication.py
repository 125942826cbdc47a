# SPDX-License-Identifier: EUPL-1.2
"""Written questions in every state that matters for the Woo publication, with marker words.

A marker "GEHEIM-SV-…" sits in text that must never be public (a draft, an unregistered or
withdrawn question, an answer not yet published, under embargo or under geheimhouding); a
marker "OPENBAAR-SV-…" in text that must be (a registered question, a published answer).
The rules restated (raadsloket.access.publication): question public from registration, answer
public once published to the council, not secret, and past its embargo day.
"""

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_written_question, run_written_to
from raadsloket.demo.people import World

EMBARGO_DAYS = 10


@dataclass
class PublishedQuestions:
    world: World
    cases: dict[str, Case] = field(default_factory=dict)
    secret: dict[str, str] = field(default_factory=dict)  # marker -> why it must not show
    public: dict[str, str] = field(default_factory=dict)  # marker -> what it is
    embargo_until: date | None = None


def _question(world: World, text: str, member: str = "raadslid1") -> Case:
    return new_written_question(world, member, title=f"Onderwerp {text}", question=f"Vraag {text}")


def add_written_questions(world: World, tag: str) -> PublishedQuestions:
    out = PublishedQuestions(world)
    today = timezone.localdate()

    def secret(kind: str) -> str:
        marker = f"GEHEIM-SV-{kind}-{tag}"
        out.secret[marker] = f"{kind} written question of {world.municipality.slug}"
        return marker

    def public(kind: str) -> str:
        marker = f"OPENBAAR-SV-{kind}-{tag}"
        out.public[marker] = f"{kind} of {world.municipality.slug}"
        return marker

    out.cases["draft"] = _question(world, secret("CONCEPT"))
    out.cases["submitted"] = run_written_to(
        world, _question(world, secret("INGEDIEND")), State.SUBMITTED
    )
    out.cases["withdrawn"] = run_written_to(
        world, _question(world, secret("INGETROKKEN")), State.WITHDRAWN
    )
    out.cases["registered"] = run_written_to(
        world, _question(world, public("GEREGISTREERD")), State.REGISTERED
    )
    out.cases["postponed"] = run_written_to(
        world, _question(world, public("UITSTEL")), State.POSTPONED
    )

    def answered(kind_question: str, answer_text: str, *, is_secret: bool = False) -> Case:
        case = run_written_to(world, _question(world, kind_question), State.REGISTERED)
        data = {"answer": f"Het college antwoordt: {answer_text}"}
        if is_secret:
            data["secret"] = True
        return act(world, case, "answer", "collegecontact", data)

    out.cases["answered"] = answered(public("VRAAG-ONGEPUBLICEERD"), secret("ONGEPUBLICEERD"))
    published = answered(public("VRAAG-GEPUBLICEERD"), public("ANTWOORD"))
    out.cases["published"] = act(world, published, "publish", "griffier", {"meeting_date": ""})
    out.embargo_until = today + timedelta(days=EMBARGO_DAYS)
    embargoed = answered(public("VRAAG-EMBARGO"), secret("EMBARGO"))
    out.cases["embargo"] = act(
        world,
        embargoed,
        "publish",
        "griffier",
        {"meeting_date": "", "answer_public_from": out.embargo_until.isoformat()},
    )
    art25 = answered(public("VRAAG-ART25"), secret("ART25"), is_secret=True)
    out.cases["secret"] = act(world, art25, "publish", "griffier", {"meeting_date": ""})
    return out

# SPDX-License-Identifier: EUPL-1.2
"""Source "schriftelijke-vragen": registered written questions and their public answers.

What is public is raadsloket.access.publication's; this module only turns those cases into
PublicItem records. The answer's text, date and portefeuillehouder's reply appear only when
`answer_is_public` says so (published to the council, not secret, past its embargo).
"""

from collections.abc import Iterator
from datetime import date, datetime, time

from django.utils import timezone

from raadsloket.access.publication import answer_is_public, public_written_questions
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.organisation.models import Municipality
from raadsloket.publication.diwoo import INGEKOMEN_STUKKEN
from raadsloket.publication.sources import PublicDocument, PublicItem, PublicPerson, Source

KIND = "schriftelijke-vragen"
SUMMARY_CHARS = 300


def public_name(person) -> str:
    # Never the username (an account name is not what the council publishes).
    return person.get_full_name() or "(naam niet bekend)"


def _people(case: Case, answer_public: bool) -> tuple[PublicPerson, ...]:
    # Art. 155 Gemeentewet: the member(s) who put the questions are public, with their fractie.
    askers = [case.requester, *case.co_requesters.all()]
    people = [
        PublicPerson(
            f"persoon-{person.pk}",
            public_name(person),
            "indiener",
            person.fractie.name if person.fractie is not None else "",
        )
        for person in askers
    ]
    if answer_public and case.portfolio_holder is not None:
        holder = case.portfolio_holder
        people.append(
            PublicPerson(f"persoon-{holder.pk}", public_name(holder), "portefeuillehouder")
        )
    return tuple(people)


def _at_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def _answer_day(case: Case) -> date:
    published = timezone.localdate(case.published_at)
    if case.answer_public_from is not None and case.answer_public_from > published:
        return case.answer_public_from
    return published


def item_for(case: Case, today: date) -> PublicItem:
    answer_public = answer_is_public(case, today)
    # public_written_questions has registered_at; an answer public has published_at.
    assert case.registered_at is not None
    registered = timezone.localdate(case.registered_at)
    sections = [("Vragen", case.question)]
    if case.background:
        sections.append(("Toelichting", case.background))
    if answer_public:
        assert case.published_at is not None
        day = _answer_day(case)
        # The embargo's day is when the answer appeared; the publication time if later.
        modified = max(case.published_at, _at_start(day))
        sections.append((f"Antwoord van het college ({day:%d-%m-%Y})", case.answer))
        status = "beantwoord"
    else:
        day, modified = registered, case.registered_at
        status = (
            f"uitstel gemeld, antwoord uiterlijk {case.postponed_to:%d-%m-%Y}"
            if case.state == State.POSTPONED and case.postponed_to
            else "nog niet (openbaar) beantwoord"
        )
    summary = (
        case.question
        if len(case.question) <= SUMMARY_CHARS
        else case.question[:SUMMARY_CHARS] + "…"
    )
    path = f"/openbaar/{case.municipality.slug}/{KIND}/{case.reference}/"
    return PublicItem(
        kind=KIND,
        item_id=case.reference,
        title=f"Schriftelijke vragen: {case.title}",
        day=day,
        modified=modified,
        summary=f"{summary} (Status: {status}.)",
        path=path,
        category=INGEKOMEN_STUKKEN,
        ori_type="Report",
        sections=tuple(sections),
        people=_people(case, answer_public),
        documents=(PublicDocument(f"Schriftelijke vragen {case.reference}", path),),
    )


def _questions(municipality: Municipality):
    return (
        public_written_questions(municipality)
        .select_related("municipality", "requester__fractie", "portfolio_holder")
        .prefetch_related("co_requesters__fractie")
        .order_by("registered_at", "pk")
    )


def items(municipality: Municipality, today: date) -> Iterator[PublicItem]:
    for case in _questions(municipality):
        yield item_for(case, today)


def find(municipality: Municipality, item_id: str, today: date) -> PublicItem | None:
    if not item_id.startswith("RL-") or not item_id[3:].isdigit() or len(item_id) > 15:
        return None
    case = _questions(municipality).filter(pk=int(item_id[3:])).first()
    if case is None or case.reference != item_id:
        return None
    return item_for(case, today)


SOURCE = Source(KIND, "Schriftelijke vragen en antwoorden", INGEKOMEN_STUKKEN, items, find)

# SPDX-License-Identifier: EUPL-1.2
"""Which answers a member has not opened yet, known from the read audit.

The read audit is the record of what a person opened: the case page logs every read of content
sections ("case.read", audit/reads.py, BIO 12.4.1). An answer is new to a member until they
opened the case page with the answer in it after the answer came. Notifications are not used:
a notice can be marked read without the answer being opened, and not every profile sends one.
"""

from datetime import datetime

from raadsloket.access.sections import Section
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case


def answer_came(case: Case) -> datetime | None:
    """When the answer reached the member: delivered by the civil service, or given by the
    college; a secret written answer only on publication to the whole council (art. 25)."""
    if case.instrument == Instrument.WRITTEN_QUESTION:
        return case.published_at if case.secret else case.answered_at
    return case.delivered_at


def unread_answers(username: str, cases: list[Case]) -> list[Case]:
    """Of `cases` (each with `.visible`), those whose answer the person may read and has not
    opened since it came. One query, however many cases."""
    answered = {
        case.pk: came
        for case in cases
        if Section.ANSWER in case.visible and (came := answer_came(case)) is not None
    }
    reads = AuditEvent.objects.filter(
        action="case.read", actor_ref=username, case_ref__in=list(answered)
    ).values_list("case_ref", "at", "detail")
    opened = {
        case_ref
        for case_ref, at, detail in reads
        if Section.ANSWER in detail.get("sections", ()) and at >= answered[case_ref]
    }
    new = [case for case in cases if case.pk in answered and case.pk not in opened]
    for case in new:
        case.answer_came = answered[case.pk]  # type: ignore[attr-defined]  # per row
    return new

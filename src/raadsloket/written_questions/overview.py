# SPDX-License-Identifier: EUPL-1.2
"""Overviews of schriftelijke vragen: overdue, on time per portefeuillehouder, ingekomen stukken.

Read through the access layer only (`visible_cases`). The figures are metadata: reference,
subject, dates and who answers, which every member and the college may see of a registered
written question anyway (Reglement van Orde: questions go to every member).
"""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate

from raadsloket.access.cases import visible_cases
from raadsloket.access.viewer import Viewer
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import WRITTEN_REGISTERED_STATES, State


def written_questions(viewer: Viewer) -> QuerySet[Case]:
    return visible_cases(viewer).filter(instrument=Instrument.WRITTEN_QUESTION)


def overdue_filter(today: date) -> Q:
    """No answer and no postponement notice by the term, or no answer by the postponed date."""
    return Q(state=State.REGISTERED, answer_due__lt=today) | Q(
        state=State.POSTPONED, postponed_to__lt=today
    )


def overdue(viewer: Viewer, today: date) -> QuerySet[Case]:
    return (
        written_questions(viewer)
        .filter(overdue_filter(today))
        .select_related("requester", "portfolio_holder")
        .order_by("answer_due", "pk")
    )


def awaiting_answer(viewer: Viewer) -> QuerySet[Case]:
    """The college's inbox: registered questions without an answer, the earliest term first."""
    return (
        written_questions(viewer)
        .filter(state__in=(State.REGISTERED, State.POSTPONED))
        .select_related("requester", "portfolio_holder")
        .order_by("answer_due", "pk")
    )


def incoming_documents(viewer: Viewer, since: date) -> QuerySet[Case]:
    """Published questions and answers: ingekomen stukken for meetings from `since` on."""
    return (
        written_questions(viewer)
        .filter(state=State.PUBLISHED)
        .filter(Q(meeting_date__gte=since) | Q(meeting_date__isnull=True))
        .select_related("requester", "portfolio_holder")
        .order_by(F("meeting_date").asc(nulls_last=True), "-published_at", "pk")
    )


@dataclass(frozen=True)
class OnTimeRow:
    holder: str
    registered: int
    on_time: int
    late: int
    open_in_term: int
    open_overdue: int

    @property
    def decided(self) -> int:
        return self.on_time + self.late + self.open_overdue

    @property
    def rate(self) -> int | None:
        """Percentage answered (or postponed with notice) within the term, of those decided."""
        if not self.decided:
            return None
        return round(100 * self.on_time / self.decided)


def on_time_by_portfolio_holder(
    viewer: Viewer, start: date, end: date, today: date
) -> list[OnTimeRow]:
    """Per portefeuillehouder, for questions registered from `start` up to and including `end`.

    Reglement van Orde: an answer or a postponement notice within the term counts as on time.
    A question still open after its term counts against the portefeuillehouder already.
    """
    return on_time_rows(written_questions(viewer), start, end, today)


def on_time_rows(questions: QuerySet[Case], start: date, end: date, today: date) -> list[OnTimeRow]:
    """`on_time_by_portfolio_holder` over the written questions given (the reflection reports
    count all of a municipality's, which every member may see once registered)."""
    first_reply = TruncDate("postponed_at")
    answered = TruncDate("answered_at")
    replied_on_time = Q(postponed_at__isnull=False, postponed_on__lte=F("answer_due")) | Q(
        postponed_at__isnull=True, answered_at__isnull=False, answered_on__lte=F("answer_due")
    )
    replied_late = Q(postponed_at__isnull=False, postponed_on__gt=F("answer_due")) | Q(
        postponed_at__isnull=True, answered_at__isnull=False, answered_on__gt=F("answer_due")
    )
    no_reply = Q(postponed_at__isnull=True, answered_at__isnull=True)
    rows = (
        questions.filter(instrument=Instrument.WRITTEN_QUESTION)
        .filter(
            state__in=WRITTEN_REGISTERED_STATES,
            registered_at__isnull=False,
            answer_due__isnull=False,
        )
        .annotate(
            registered_on=TruncDate("registered_at"), postponed_on=first_reply, answered_on=answered
        )
        .filter(registered_on__gte=start, registered_on__lte=end)
        .values("portfolio_holder__first_name", "portfolio_holder__last_name")
        .annotate(
            registered=Count("pk"),
            on_time=Count("pk", filter=replied_on_time),
            late=Count("pk", filter=replied_late),
            open_in_term=Count("pk", filter=no_reply & Q(answer_due__gte=today)),
            open_overdue=Count("pk", filter=no_reply & Q(answer_due__lt=today)),
        )
        .order_by("portfolio_holder__last_name", "portfolio_holder__first_name")
    )
    result = []
    for row in rows:
        name = " ".join(
            part
            for part in (row["portfolio_holder__first_name"], row["portfolio_holder__last_name"])
            if part
        )
        result.append(
            OnTimeRow(
                holder=name or "(geen portefeuillehouder opgegeven)",
                registered=row["registered"],
                on_time=row["on_time"],
                late=row["late"],
                open_in_term=row["open_in_term"],
                open_overdue=row["open_overdue"],
            )
        )
    return result

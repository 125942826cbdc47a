# SPDX-License-Identifier: EUPL-1.2
"""The rows the reflection figures are counted from: a fixed number of queries per report.

Everything is read per municipality and as values (numbers, codes and dates): no subject, no
question, no answer, no remark is ever loaded for a report (counts and durations, never
content).
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from raadsloket.assistance.models import Evaluation, HoursEntry, Mediation
from raadsloket.cases.models import Assignment, Case, TimelineEvent
from raadsloket.organisation.models import CoalitionMembership, Department, Fractie, Municipality
from raadsloket.reflection.periods import Period


def _bounds(start: date, end: date) -> tuple[datetime, datetime]:
    tz = timezone.get_current_timezone()
    return (
        datetime.combine(start, time.min, tzinfo=tz),
        datetime.combine(end, time.max, tzinfo=tz),
    )


def local_day(moment: datetime | None) -> date | None:
    return timezone.localdate(moment) if moment else None


@dataclass
class CaseRow:
    pk: int
    instrument: str
    policy_area: str
    channel: str
    state: str
    fractie_id: int | None
    confidential: bool
    secret: bool
    submitted: date | None
    intake: date | None
    assigned: date | None
    delivered: date | None
    registered: date | None
    answered: date | None


@dataclass
class ReportData:
    municipality: Municipality
    period: Period
    previous: Period
    today: date
    cases: list[CaseRow]
    # case pk -> department ids of its assigned civil servants (None: no department recorded)
    case_departments: dict[int, set[int | None]]
    departments: dict[int, str]
    # Per hours entry: department id, day, hours and the fractie id of the case's requester.
    hours: list[tuple[int | None, date, float, int | None]]
    # Per assignment: department id, day and the estimated hours.
    estimates: list[tuple[int | None, date, float]]
    # Per timeline event: action, day, instrument, refusal ground and fractie id.
    events: list[tuple[str, date, str, str, int | None]]
    # Per mediation: forum, outcome and day.
    mediations: list[tuple[str, str, date]]
    # Per evaluation: perspective, score and day.
    evaluations: list[tuple[str, int, date]]
    fracties: list[Fractie]
    coalition: list[CoalitionMembership]


def load(municipality: Municipality, period: Period, today: date) -> ReportData:
    previous = period.previous()
    start, end = _bounds(previous.start, period.end)
    in_range = Q(submitted_at__range=(start, end)) | Q(intake_at__range=(start, end))
    in_range |= Q(assigned_at__range=(start, end)) | Q(delivered_at__range=(start, end))
    in_range |= Q(answered_at__range=(start, end))
    case_values = (
        Case.objects.filter(municipality=municipality, submitted_at__isnull=False)
        # A subquery, not an aggregate: an aggregate groups by every column of the case,
        # subject, question and answer included (SQLite), for nothing.
        .annotate(
            intake_at=Subquery(
                TimelineEvent.objects.filter(case=OuterRef("pk"), action="accept")
                .order_by("at")
                .values("at")[:1]
            )
        )
        .filter(in_range)
        .values_list(
            "pk",
            "instrument",
            "policy_area",
            "channel",
            "state",
            "requester__fractie_id",
            "confidential",
            "secret",
            "submitted_at",
            "intake_at",
            "assigned_at",
            "delivered_at",
            "registered_at",
            "answered_at",
        )
    )
    cases = [
        CaseRow(
            pk,
            instrument,
            area,
            channel,
            state,
            fractie_id,
            confidential,
            secret,
            *(local_day(moment) for moment in moments),
        )
        for (
            pk,
            instrument,
            area,
            channel,
            state,
            fractie_id,
            confidential,
            secret,
            *moments,
        ) in case_values
    ]
    case_departments: dict[int, set[int | None]] = {}
    for case_id, department_id in Assignment.objects.filter(
        case__municipality=municipality, case_id__in=[row.pk for row in cases]
    ).values_list("case_id", "civil_servant__department_id"):
        case_departments.setdefault(case_id, set()).add(department_id)
    hours = [
        (department_id, day, float(amount), fractie_id)
        for department_id, day, amount, fractie_id in HoursEntry.objects.filter(
            case__municipality=municipality, worked_on__range=(previous.start, period.end)
        ).values_list(
            "civil_servant__department_id", "worked_on", "hours", "case__requester__fractie_id"
        )
    ]
    estimates = [
        (department_id, local_day(moment), float(amount or 0))
        for department_id, moment, amount in Assignment.objects.filter(
            case__municipality=municipality, assigned_at__range=(start, end)
        ).values_list("civil_servant__department_id", "assigned_at", "hours_estimate")
    ]
    events = [
        (action, local_day(moment), instrument, ground, fractie_id)
        for action, moment, instrument, ground, fractie_id in TimelineEvent.objects.filter(
            case__municipality=municipality,
            action__in=("refuse", "defer"),
            at__range=(start, end),
        ).values_list(
            "action",
            "at",
            "case__instrument",
            "case__refusal_ground",
            "case__requester__fractie_id",
        )
    ]
    mediations = [
        (forum, outcome, local_day(moment))
        for forum, outcome, moment in Mediation.objects.filter(
            case__municipality=municipality, requested_at__range=(start, end)
        ).values_list("forum", "outcome", "requested_at")
    ]
    evaluations = [
        (perspective, score, local_day(moment))
        for perspective, score, moment in Evaluation.objects.filter(
            case__municipality=municipality, recorded_at__range=(start, end)
        ).values_list("perspective", "score", "recorded_at")
    ]
    return ReportData(
        municipality=municipality,
        period=period,
        previous=previous,
        today=today,
        cases=cases,
        case_departments=case_departments,
        departments=dict(
            Department.objects.filter(municipality=municipality).values_list("pk", "name")
        ),
        hours=hours,
        estimates=estimates,
        events=events,
        mediations=mediations,
        evaluations=evaluations,
        fracties=list(Fractie.objects.filter(municipality=municipality)),
        coalition=list(CoalitionMembership.objects.filter(fractie__municipality=municipality)),
    )

# SPDX-License-Identifier: EUPL-1.2
"""Retention dates of closed cases, computed from the policy profile (never stored on Case).

Archiefwet 1995 art. 5 and the municipality's selectielijst: a record may be destroyed once its
retention period has passed. The period runs from the day the case ended: its publication for a
written question, its closing, withdrawal or (for a logged direct contact) rejection otherwise.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from django.db.models import Q
from django.utils import timezone

from raadsloket.cases.models import Case
from raadsloket.cases.states import FINAL_STATES, State
from raadsloket.organisation.models import Municipality
from raadsloket.policy.schema import PolicyProfile


@dataclass(frozen=True)
class Retention:
    case: Case
    ended_on: date
    years: int
    retention_date: date

    def is_due(self, today: date) -> bool:
        return self.retention_date <= today


def add_years(day: date, years: int) -> date:
    """The same calendar day `years` later; 29 February becomes 28 February."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def ended_at(case: Case) -> datetime | None:
    if case.state not in FINAL_STATES:
        return None
    if case.state == State.PUBLISHED and case.published_at:
        return case.published_at
    return case.closed_at


def retention_for(case: Case, profile: PolicyProfile) -> Retention | None:
    """The case's retention date, or None while it is open (a reopened case has none)."""
    end = ended_at(case)
    if end is None:
        return None
    years = getattr(profile.records.retention_years, case.instrument)
    ended_on = timezone.localdate(end)
    return Retention(case, ended_on, years, add_years(ended_on, years))


def due_cases(municipality: Municipality, today: date) -> list[Retention]:
    """Closed cases of the municipality whose retention date has come, oldest first."""
    profile = municipality.policy
    shortest = min(profile.records.retention_years.model_dump().values())
    # No case that ended after this moment can be due with the shortest period.
    # (A day of margin for time zones; the exact date is computed per case.)
    last_day = add_years(today, -shortest) + timedelta(days=1)
    cutoff = timezone.make_aware(datetime.combine(last_day, datetime.max.time()))
    candidates = Case.objects.filter(municipality=municipality, state__in=FINAL_STATES).filter(
        Q(closed_at__lte=cutoff) | Q(published_at__lte=cutoff)
    )
    due = []
    for case in candidates.order_by("pk"):
        retention = retention_for(case, profile)
        if retention is not None and retention.is_due(today):
            due.append(retention)
    return sorted(due, key=lambda r: (r.retention_date, r.case.pk))

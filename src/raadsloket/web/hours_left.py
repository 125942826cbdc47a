# SPDX-License-Identifier: EUPL-1.2
"""Hours left on a trajectory: the hours agreed in the startgesprek minus the hours logged.

The startgesprek agrees the hours for the trajectory as a whole (Kickoff.agreed_hours), so what
is left counts the hours of every civil servant on the case, each entry with its corrections
(HoursEntry: a correction is an entry of its own, so the plain sum includes it). Only for
cases whose hours the viewer sees inside the bubble (access.cases.sees_hours_of).
"""

from decimal import Decimal

from django.db.models import Sum

from raadsloket.access.sections import Section
from raadsloket.assistance.models import HoursEntry, Kickoff
from raadsloket.cases.models import Case


def add_hours_left(cases: list[Case]) -> None:
    """Set `.hours_agreed`, `.hours_logged` and `.hours_left` (None before the startgesprek)
    on each case whose kickoff the viewer sees. Two queries, however many cases."""
    shown = [case for case in cases if Section.KICKOFF in case.visible]
    ids = [case.pk for case in shown]
    agreed = dict(
        Kickoff.objects.filter(case_id__in=ids, agreed_hours__isnull=False).values_list(
            "case_id", "agreed_hours"
        )
    )
    logged = dict(
        HoursEntry.objects.filter(case_id__in=ids)
        .order_by()
        .values("case_id")
        .annotate(total=Sum("hours"))
        .values_list("case_id", "total")
    )
    for case in shown:
        hours_agreed, hours_logged = agreed.get(case.pk), logged.get(case.pk) or Decimal("0")
        left = None if hours_agreed is None else hours_agreed - hours_logged
        case.hours_agreed = hours_agreed  # type: ignore[attr-defined]  # per row
        case.hours_logged = hours_logged  # type: ignore[attr-defined]
        case.hours_left = left  # type: ignore[attr-defined]

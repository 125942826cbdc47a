# SPDX-License-Identifier: EUPL-1.2
"""Schriftelijke vragen in the API: the overview of overdue questions and on-time rates per
portefeuillehouder. Mounted by the root API (api/root.py), whose authentication applies."""

from datetime import date, timedelta

from django.utils import timezone
from ninja import Router

from raadsloket.access.overviews import sees_written_overview
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.deadlines import running_deadline
from raadsloket.lib.api import ERRORS
from raadsloket.lib.errors import Forbidden, InvalidInput
from raadsloket.written_questions import overview
from raadsloket.written_questions.schemas import WrittenOverviewOut

router = Router(tags=["schriftelijke vragen"])

# At most this many overdue questions in one answer (the page shows 200).
MAX_OVERDUE = 500


@router.get(
    "/written-questions/overview",
    response={200: WrittenOverviewOut, **ERRORS},
    summary="Schriftelijke vragen: over de termijn en tijdigheid per portefeuillehouder",
)
def written_overview_api(request, start: date | None = None, end: date | None = None):
    viewer = viewer_for(request.user)
    if not sees_written_overview(viewer):
        raise Forbidden("Dit overzicht is voor de griffie en het presidium.")
    today = timezone.localdate()
    end = end or today
    try:
        start = start or end - timedelta(days=365)
    except OverflowError:
        start = end
    if start > end:
        raise InvalidInput(
            "Controleer de invoer.", errors={"start": ["De begindatum ligt na de einddatum."]}
        )
    overdue = []
    for case in overview.overdue(viewer, today)[:MAX_OVERDUE]:
        deadline = running_deadline(case, viewer.profile, today)
        overdue.append(
            {
                "id": case.pk,
                "reference": case.reference,
                "title": case.title,
                "requester": case.requester.display_name,
                "portfolio_holder": case.portfolio_holder.display_name
                if case.portfolio_holder
                else None,
                "due": deadline.due,
                "rule": deadline.rule,
            }
        )
    rows = overview.on_time_by_portfolio_holder(viewer, start, end, today)
    return {
        "overdue": overdue,
        "on_time": [
            {
                "portfolio_holder": row.holder,
                "registered": row.registered,
                "on_time": row.on_time,
                "late": row.late,
                "open_in_term": row.open_in_term,
                "open_overdue": row.open_overdue,
                "rate_percent": row.rate,
            }
            for row in rows
        ],
    }

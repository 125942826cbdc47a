# SPDX-License-Identifier: EUPL-1.2
"""The page on schriftelijke vragen: the college's inbox, open and overdue questions, on-time
rates per portefeuillehouder and the ingekomen stukken (art. 155 Gemeentewet; Reglement van Orde)."""

from datetime import date, timedelta

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from raadsloket.access.overviews import sees_written_overview
from raadsloket.access.viewer import viewer_for
from raadsloket.audit.reads import record_list_read
from raadsloket.cases import lists
from raadsloket.cases.deadlines import running_deadline
from raadsloket.organisation.roles import Role
from raadsloket.written_questions import overview as written_overview

# On-time rates over the last year by default: long enough to mean something.
RATE_PERIOD_DAYS = 365


def _period(request, today: date) -> tuple[date, date, str | None]:
    default = (today - timedelta(days=RATE_PERIOD_DAYS), today)
    raw_start, raw_end = request.GET.get("van"), request.GET.get("tot")
    if not raw_start and not raw_end:
        return (*default, None)
    try:
        start = date.fromisoformat(raw_start) if raw_start else default[0]
        end = date.fromisoformat(raw_end) if raw_end else default[1]
    except ValueError:
        return (*default, "Ongeldige datum; gebruik jjjj-mm-dd. De standaardperiode is getoond.")
    if start > end:
        return (*default, "De begindatum ligt na de einddatum. De standaardperiode is getoond.")
    return start, end, None


def _with_deadlines(viewer, cases, today):
    for case in cases:
        case.visible = lists.visible_sections(viewer, case)
        case.deadline = running_deadline(case, viewer.profile, today)
    return cases


@login_required
def overview(request):
    viewer = viewer_for(request.user)
    today = timezone.localdate()
    inbox = _with_deadlines(viewer, list(written_overview.awaiting_answer(viewer)[:200]), today)
    context = {
        "today": today,
        "inbox": inbox,
        "is_college_contact": Role.COLLEGE_CONTACT in viewer.roles,
        "incoming": _with_deadlines(
            viewer, list(written_overview.incoming_documents(viewer, today)[:100]), today
        ),
        "sees_overview": sees_written_overview(viewer),
        "term": viewer.profile.terms.written_question if viewer.profile else None,
    }
    if context["sees_overview"]:
        start, end, period_error = _period(request, today)
        context.update(
            overdue=_with_deadlines(
                viewer, list(written_overview.overdue(viewer, today)[:200]), today
            ),
            rates=written_overview.on_time_by_portfolio_holder(viewer, start, end, today),
            start=start,
            end=end,
            period_error=period_error,
        )
    shown = inbox + context["incoming"] + context.get("overdue", [])
    record_list_read(request.user, [(case, case.visible) for case in shown])
    return render(request, "written_questions/overview.html", context)

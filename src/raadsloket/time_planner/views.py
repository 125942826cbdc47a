# SPDX-License-Identifier: EUPL-1.2
"""The tijdsbesteding pages (toolkit, "Format voor tijdsbesteding"): the ideal week, a real
week per ISO week with its difference (table and chart) and the reflection questions, and the
history of weeks. Only the member's own (raadsloket.access.time_planner); everyone else gets
404, as for a page that does not exist."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.time_planner import keeps_planner, own_planner_weeks
from raadsloket.access.viewer import viewer_for
from raadsloket.lib.errors import DomainError, InvalidInput
from raadsloket.lib.views import apply_errors
from raadsloket.time_planner import services
from raadsloket.time_planner.comparison import comparison_chart, comparison_table
from raadsloket.time_planner.forms import WeekForm, cell_name
from raadsloket.time_planner.models import PlannerWeek
from raadsloket.time_planner.planner import (
    ACTIVITIES,
    DAYS,
    QUESTIONS,
    column_totals,
    monday_of,
    row_totals,
    week_label,
    week_total,
)


def _viewer(request):
    viewer = viewer_for(request.user)
    if not keeps_planner(viewer):
        raise Http404("Pagina niet gevonden")
    return viewer


def _typed(hours) -> str:
    """An hour as one types it: "2,5", "3"; an empty cell for none."""
    return f"{hours.normalize():f}".replace(".", ",") if hours else ""


def _initial(grid, answers=None) -> dict:
    initial = {
        cell_name(code, day): _typed(grid[code][day]) for code in ACTIVITIES for day in range(7)
    }
    initial.update(answers or {})
    return initial


def _sums(grid) -> dict:
    return {"rows": row_totals(grid), "columns": column_totals(grid), "week": week_total(grid)}


def _rows(form, sums) -> list:
    return [(label, cells, sums["rows"][code]) for code, label, cells in form.rows()]


def _history(viewer, ideal_total):
    weeks = own_planner_weeks(viewer, PlannerWeek.objects.filter(kind=PlannerWeek.Kind.REAL))
    return [
        {
            "week": week,
            "label": week_label(week.monday),
            "iso": week.monday.isocalendar(),
            "total": (total := week_total(services.grid_of(week))),
            "difference": total - (ideal_total or 0),
        }
        for week in weeks.order_by("-monday")[:104]
    ]


@login_required
def index(request):
    viewer = _viewer(request)
    ideal = services.ideal_week(viewer)
    year, week, _ = timezone.localdate().isocalendar()
    ideal_total = week_total(services.grid_of(ideal)) if ideal else None
    context = {
        "ideal": ideal,
        "ideal_total": ideal_total,
        "this_week": {"year": year, "week": week},
        "history": _history(viewer, ideal_total),
    }
    return render(request, "time_planner/index.html", context)


def _save(request, viewer, form, monday):
    if not form.is_valid():
        return False
    try:
        services.save_week(
            viewer, request.user, monday=monday, hours=form.grid(), answers=form.answers()
        )
    except DomainError as error:
        apply_errors(form, error.errors or {"__all__": [error.message]})
        return False
    return True


def _grid_errors(form) -> list[str]:
    """The day totals' errors (not on one cell) shown above the grid."""
    return [m for name, msgs in form.errors.items() if name == "__all__" for m in msgs]


@login_required
def ideal(request):
    viewer = _viewer(request)
    current = services.ideal_week(viewer)
    status = 200
    if request.method == "POST":
        form = WeekForm(data=request.POST)
        if _save(request, viewer, form, None):
            messages.success(request, "Uw ideale week is bewaard.")
            return redirect("time_planner:index")
        status = 400
    else:
        form = WeekForm(initial=_initial(services.grid_of(current)))
    context = {
        "form": form,
        "days": DAYS,
        "title": "Ideale situatie",
        "sums": (sums := _sums(services.grid_of(current))),
        "rows": _rows(form, sums),
        "grid_errors": _grid_errors(form),
    }
    return render(request, "time_planner/week.html", context, status=status)


@login_required
def week(request, year: int, week: int):
    viewer = _viewer(request)
    try:
        monday = monday_of(year, week)
    except InvalidInput as error:
        raise Http404(error.message) from None
    found = own_planner_weeks(
        viewer, PlannerWeek.objects.filter(kind=PlannerWeek.Kind.REAL, monday=monday)
    ).first()
    status = 200
    if request.method == "POST":
        form = WeekForm(data=request.POST, with_answers=True)
        if _save(request, viewer, form, monday):
            messages.success(request, f"De {week_label(monday)} is bewaard.")
            return redirect(reverse("time_planner:week", args=[year, week]) + "#kop-verschil")
        status = 400
    else:
        answers = found.answers if found else {}
        form = WeekForm(initial=_initial(services.grid_of(found), answers), with_answers=True)
    ideal_week = services.ideal_week(viewer)
    context = {
        "form": form,
        "days": DAYS,
        "title": f"Werkelijke {week_label(monday)}",
        "monday": monday,
        "saved": found,
        "sums": (sums := _sums(services.grid_of(found))),
        "rows": _rows(form, sums),
        "grid_errors": _grid_errors(form),
        "questions": [form[code] for code in QUESTIONS],
        "previous": (monday - timedelta(days=7)).isocalendar(),
        "next": (monday + timedelta(days=7)).isocalendar(),
    }
    if found and ideal_week:
        table = comparison_table(services.grid_of(ideal_week), services.grid_of(found))
        context["table"] = table
        context["chart"] = comparison_chart(table)
    return render(request, "time_planner/week.html", context, status=status)

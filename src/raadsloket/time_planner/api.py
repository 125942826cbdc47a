# SPDX-License-Identifier: EUPL-1.2
"""The tijdsbesteding in the API (toolkit, "Format voor tijdsbesteding"): the member's own ideal
week and real weeks, with totals. Another's week answers 404, as one that does not exist
(raadsloket.access.time_planner). Hours are strings ("1.5"); a typed "1,5" is read too."""

from datetime import date

from ninja import Router, Schema
from ninja.errors import HttpError

from raadsloket.access.time_planner import keeps_planner, own_planner_weeks
from raadsloket.access.viewer import viewer_for
from raadsloket.lib.api import ERRORS
from raadsloket.lib.errors import DomainError
from raadsloket.lib.ids import MAX_ID
from raadsloket.lib.numbers import NumberError, parse_decimal
from raadsloket.time_planner import services
from raadsloket.time_planner.models import PlannerWeek
from raadsloket.time_planner.planner import (
    ACTIVITIES,
    column_totals,
    monday_of,
    row_totals,
    week_total,
)

router = Router(tags=["tijdsbesteding"])


class PlannerWeekOut(Schema):
    id: int
    kind: str
    monday: date | None
    hours: dict[str, list[str]]
    row_totals: dict[str, str]
    day_totals: list[str]
    total: str
    answers: dict[str, str]


class PlannerWeekIn(Schema):
    hours: dict[str, list[str]]
    answers: dict[str, str] = {}


def _out(week: PlannerWeek) -> dict:
    grid = services.grid_of(week)
    return {
        "id": week.pk,
        "kind": week.kind,
        "monday": week.monday,
        "hours": {code: [f"{v:.2f}" for v in grid[code]] for code in ACTIVITIES},
        "row_totals": {code: f"{v:.2f}" for code, v in row_totals(grid).items()},
        "day_totals": [f"{v:.2f}" for v in column_totals(grid)],
        "total": f"{week_total(grid):.2f}",
        "answers": week.answers,
    }


def _viewer(request):
    viewer = viewer_for(request.user)
    if not keeps_planner(viewer):
        raise HttpError(404, "Niet gevonden.")
    return viewer


def _grid(payload: PlannerWeekIn):
    unknown = set(payload.hours) - set(ACTIVITIES)
    if unknown:
        raise DomainError(f"Onbekende activiteit: {', '.join(sorted(unknown))}.", field="hours")
    grid = services.grid_of(None)
    for code, values in payload.hours.items():
        if len(values) != 7:
            raise DomainError("Geef per activiteit zeven dagen uren, maandag eerst.", field=code)
        try:
            grid[code] = [parse_decimal(v or "0", places=2) for v in values]
        except NumberError as error:
            raise DomainError(f"{ACTIVITIES[code]}: {error.message}", field=code) from error
    return grid


@router.get("/planner/weeks", response={200: list[PlannerWeekOut], **ERRORS})
def planner_weeks(request):
    viewer = _viewer(request)
    weeks = own_planner_weeks(viewer, PlannerWeek.objects.all()).order_by("kind", "-monday")
    return [_out(week) for week in weeks[:200]]


@router.get("/planner/weeks/{week_id}", response={200: PlannerWeekOut, **ERRORS})
def planner_week(request, week_id: int):
    viewer = _viewer(request)
    found = None
    if 0 < week_id <= MAX_ID:
        found = own_planner_weeks(viewer, PlannerWeek.objects.filter(pk=week_id)).first()
    if found is None:
        raise HttpError(404, "Week niet gevonden.")
    return _out(found)


@router.put("/planner/ideal", response={200: PlannerWeekOut, **ERRORS})
def put_ideal(request, payload: PlannerWeekIn):
    viewer = _viewer(request)
    return _out(services.save_week(viewer, request.user, monday=None, hours=_grid(payload)))


@router.put("/planner/weeks/{year}/{week}", response={200: PlannerWeekOut, **ERRORS})
def put_week(request, year: int, week: int, payload: PlannerWeekIn):
    viewer = _viewer(request)
    monday = monday_of(year, week)
    saved = services.save_week(
        viewer, request.user, monday=monday, hours=_grid(payload), answers=payload.answers
    )
    return _out(saved)

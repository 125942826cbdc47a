# SPDX-License-Identifier: EUPL-1.2
"""Saving a member's weeks (toolkit, "Format voor tijdsbesteding"): one transaction each, with
an audit event that names the week, never the hours or the answers (they are the member's own)."""

from datetime import date

from django.db import transaction
from django.utils import timezone

from raadsloket.access.time_planner import keeps_planner
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.lib.errors import DomainError, Forbidden
from raadsloket.time_planner.models import PlannerWeek
from raadsloket.time_planner.planner import (
    MAX_ANSWER,
    QUESTIONS,
    Grid,
    check_grid,
    grid_from_json,
    grid_to_json,
)


def _check_answers(answers: dict[str, str]) -> dict[str, str]:
    unknown = set(answers) - set(QUESTIONS)
    if unknown:
        raise DomainError(f"Onbekende vraag: {', '.join(sorted(unknown))}.", field="answers")
    for code, text in answers.items():
        if len(text) > MAX_ANSWER:
            raise DomainError(f"Een antwoord is hoogstens {MAX_ANSWER} tekens.", field=code)
    return {code: text.strip() for code, text in answers.items() if text.strip()}


def save_week(
    viewer: Viewer,
    actor,
    *,
    monday: date | None,
    hours: Grid,
    answers: dict[str, str] | None = None,
) -> PlannerWeek:
    """The ideal week (`monday` None) or the real week of `monday`, replaced whole."""
    if not keeps_planner(viewer):
        raise Forbidden("Alleen een raadslid of commissielid houdt een tijdsbesteding bij.")
    if monday is not None and monday.isoweekday() != 1:
        raise DomainError("Een week begint op maandag.", field="week")
    check_grid(hours)
    clean_answers = _check_answers(answers or {})
    kind = PlannerWeek.Kind.IDEAL if monday is None else PlannerWeek.Kind.REAL
    with transaction.atomic():
        week, created = PlannerWeek.objects.update_or_create(
            person_id=viewer.me,
            kind=kind,
            monday=monday,
            defaults={
                "municipality_id": viewer.tenant,
                "hours": grid_to_json(hours),
                "answers": clean_answers if monday is not None else {},
                "updated_at": timezone.now(),
            },
        )
        record(
            "time_planner.week_saved",
            actor=actor,
            municipality_id=viewer.tenant,
            detail={"kind": kind, "monday": monday, "created": created},
        )
    return week


def ideal_week(viewer: Viewer) -> PlannerWeek | None:
    if not keeps_planner(viewer):
        return None
    return PlannerWeek.objects.filter(
        person_id=viewer.person_id, kind=PlannerWeek.Kind.IDEAL
    ).first()


def grid_of(week: PlannerWeek | None) -> Grid:
    return grid_from_json(week.hours if week else {})

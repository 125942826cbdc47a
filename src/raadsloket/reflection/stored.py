# SPDX-License-Identifier: EUPL-1.2
"""Built reflection reports, stored in the shared cache until a row they count changes.

The year report reads every case of the municipality in the period and its comparison period
(reflection.data.load): 0.65 s for the largest municipality at a million cases
(docs/scaling.md). It is asked for a few times a year, by several people, mostly for closed
periods whose rows rarely change. So the report is built once and stored under:

- what the viewer may see, and nothing else: the municipality and the audience ("full" with
  the figures per fractie or "aggregate" without, raadsloket.access.reflection); the
  suppression is applied when the report is built, so a stored report is exactly what
  build_report gives that audience (SECURITY.md, "Rapportages");
- the period and today's date (the overdue table and the running period are "stand today");
- the municipality's report version (lib.report_version): every save or delete of a row the
  report reads gives a new version, so a late change in a closed period shows on the next
  request.
"""

from collections.abc import Callable
from datetime import date, timedelta

from django.core.cache import caches
from django.db.models.signals import post_delete, post_save

from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff, Mediation
from raadsloket.cases.models import Assignment, Case, TimelineEvent
from raadsloket.lib import report_version
from raadsloket.organisation.models import (
    CoalitionMembership,
    Department,
    Fractie,
    Municipality,
    Person,
)
from raadsloket.reflection.periods import Period
from raadsloket.safety.models import Incident
from raadsloket.time_planner.models import PlannerWeek

# A day at most: the key holds today's date anyway.
STORE_SECONDS = int(timedelta(days=1).total_seconds())
# Person saves that change nothing a report counts (every login writes last_login).
_PERSON_NOISE = frozenset({"last_login", "password"})


def _key(municipality_id: int, period: Period, today: date, audience: str) -> str:
    return f"reflection-report:{municipality_id}:{audience}:{period.slug}:{today.isoformat()}"


def report(municipality: Municipality, period: Period, today: date, audience: str, build: Callable):
    """The stored report when its version is current, else build() stored for next time."""
    report_version.read()
    version_key = report_version.current(municipality.pk)
    key = _key(municipality.pk, period, today, audience)
    found = caches["default"].get_many([version_key, key])
    version = found.get(version_key)
    stored = found.get(key)
    if version is not None and stored is not None and stored[0] == version:
        return stored[1]
    if version is None:
        # No version yet (first report, or the cache was flushed): start one, so what is built
        # now can be found by the next request and is invalidated by the next change.
        caches["default"].add(version_key, "0", None)
        version = caches["default"].get(version_key)
    built = build()
    caches["default"].set(key, (version, built), STORE_SECONDS)
    return built


def _via_case(instance) -> int | None:
    case = getattr(instance, "case", None)
    return case.municipality_id if case is not None else None


_MUNICIPALITY_OF: dict[type, Callable] = {
    Case: lambda case: case.municipality_id,
    TimelineEvent: _via_case,
    Assignment: _via_case,
    HoursEntry: _via_case,
    Mediation: _via_case,
    Evaluation: _via_case,
    Kickoff: _via_case,
    Department: lambda row: row.municipality_id,
    Fractie: lambda row: row.municipality_id,
    CoalitionMembership: lambda row: row.fractie.municipality_id,
    Municipality: lambda row: row.pk,
    # Counted in the toolkit table (reflection.figures._toolkit_use).
    Incident: lambda row: row.municipality_id,
    PlannerWeek: lambda row: row.municipality_id,
}


def _changed(sender, instance, **kwargs) -> None:
    report_version.changed(_MUNICIPALITY_OF[sender](instance))


def _person_changed(sender, instance, update_fields=None, **kwargs) -> None:
    # A person's fractie and department are counted (figures per fractie and per department).
    if update_fields is not None and set(update_fields) <= _PERSON_NOISE:
        return
    report_version.changed(instance.municipality_id)


def connect() -> None:
    for model in _MUNICIPALITY_OF:
        uid = f"reflection-stored-{model.__name__}"
        post_save.connect(_changed, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(_changed, sender=model, dispatch_uid=f"{uid}-delete")
    post_save.connect(_person_changed, sender=Person, dispatch_uid="reflection-stored-person")
    post_delete.connect(
        _person_changed, sender=Person, dispatch_uid="reflection-stored-person-delete"
    )

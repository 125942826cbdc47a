# SPDX-License-Identifier: EUPL-1.2
"""Who sees a member's tijdsbesteding (toolkit, "Format voor tijdsbesteding").

The rules in plain words: the planner is the member's own reflection. Only the member sees and
changes their ideal week, their real weeks and their answers. The griffie, the college, other
members, the civil service and a functional administrator see nothing of it, not even that it
exists: another's week answers 404, as a week that does not exist. The reflection report may
count only how many members of a municipality use the planner (`planner_users_count`), never
whose or what, and only at or above the profile's small-cell threshold.
"""

from django.db.models import QuerySet

from raadsloket.access.viewer import Viewer, in_council_side
from raadsloket.organisation.roles import Role

# Who keeps a planner: whoever does council work (a commissielid / burgerraadslid too).
PLANNER_USERS = frozenset({Role.COUNCIL_MEMBER, Role.COMMITTEE_MEMBER})


def keeps_planner(viewer: Viewer) -> bool:
    return in_council_side(viewer, viewer.municipality_id) and bool(viewer.roles & PLANNER_USERS)


def own_planner_weeks(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The viewer's own weeks; nothing for anyone else."""
    if not keeps_planner(viewer):
        return queryset.none()
    return queryset.filter(person_id=viewer.person_id, municipality_id=viewer.municipality_id)


def sees_planner_week(viewer: Viewer, week) -> bool:
    return (
        keeps_planner(viewer)
        and week.person_id == viewer.person_id
        and week.municipality_id == viewer.municipality_id
    )


def planner_users_count(municipality_id: int, threshold: int) -> int | None:
    """How many people of the municipality keep a planner; None below `threshold` (small
    cells are not shown: a count of one or two points at persons)."""
    from raadsloket.time_planner.models import PlannerWeek

    count = (
        PlannerWeek.objects.filter(municipality_id=municipality_id)
        .values("person_id")
        .distinct()
        .count()
    )
    return count if count >= threshold else None

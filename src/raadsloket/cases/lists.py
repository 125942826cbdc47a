# SPDX-License-Identifier: EUPL-1.2
"""Case lists read through the access layer only: the first rows of a queryset, keyset pages.

Every list starts from `visible_cases(viewer)` and loads the relations `Relations` needs in a
fixed number of queries, so a list costs the same number of queries at 10 or 10,000 cases.
"""

from dataclasses import dataclass

from raadsloket.access.cases import Relations, sections, with_relations
from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import LONG_TEXTS, NEWEST_FIRST, OLDEST_FIRST, Case
from raadsloket.cases.states import State
from raadsloket.organisation.roles import Role

LIMIT = 50
# A start page shows the newest few of each history list, with a link to the whole list;
# work queues (intake, to assign, the college's inbox) are shown up to LIMIT.
START_LIMIT = 20
INTAKE_STATES = (State.SUBMITTED, State.INTAKE, State.DEFERRED)


def visible_sections(viewer: Viewer, case: Case) -> set[str]:
    if Role.ADMINISTRATOR in viewer.roles:
        # Metadata only in lists: a break-glass read opens one case page, never a list.
        return {"metadata"}
    return {str(s) for s in sections(viewer, case, Relations(viewer, case))}


def listed(viewer: Viewer, queryset, limit: int) -> list[Case]:
    """The first `limit` cases of `queryset`, in its order, with what the access check reads.

    Two steps: the ids from the list's index alone, then the rows with their relations for
    those ids only (the joins and prefetches for a page, not for every case the filter passes),
    without the long texts no list shows (an answer can run to pages).
    """
    ids = list(queryset.values_list("pk", flat=True)[:limit])
    position = {pk: index for index, pk in enumerate(ids)}
    cases = with_relations(Case.objects.filter(pk__in=ids), viewer).defer(*LONG_TEXTS)
    return sorted(cases, key=lambda case: position[case.pk])


def rows(viewer: Viewer, queryset, limit: int = LIMIT) -> "CaseList":
    """At most `limit` cases, each with `.visible` (the section names this viewer may see)."""
    cases = listed(viewer, queryset, limit + 1)
    more = len(cases) > limit
    cases = cases[:limit]
    for case in cases:
        case.visible = visible_sections(viewer, case)  # type: ignore[attr-defined]  # per row
    return CaseList(cases, more)


@dataclass
class CaseList:
    cases: list
    more: bool = False

    def __iter__(self):
        return iter(self.cases)

    def __len__(self) -> int:
        return len(self.cases)


@dataclass
class KeysetPage:
    """One page of a list, newest first, found by case number rather than by page number.

    An offset page costs more the deeper one pages and the count costs more the more cases
    there are; a page after or before a case number costs the same anywhere (docs/scaling.md).
    """

    cases: list
    newer: bool = False
    older: bool = False

    @property
    def newest_pk(self) -> int | None:
        return self.cases[0].pk if self.cases else None

    @property
    def oldest_pk(self) -> int | None:
        return self.cases[-1].pk if self.cases else None


def keyset_page(
    viewer: Viewer, queryset, *, before: int | None, after: int | None, limit: int = LIMIT
) -> KeysetPage:
    if after is not None:
        found = listed(viewer, queryset.filter(pk__gt=after).order_by(*OLDEST_FIRST), limit + 1)
        newer = len(found) > limit
        cases = found[:limit][::-1]
        older = queryset.filter(pk__lte=after).exists()
    else:
        older_than = queryset if before is None else queryset.filter(pk__lt=before)
        found = listed(viewer, older_than.order_by(*NEWEST_FIRST), limit + 1)
        older = len(found) > limit
        cases = found[:limit]
        newer = before is not None and queryset.filter(pk__gte=before).exists()
    if not cases and (before is not None or after is not None):
        # A number past either end (an old link, a typed URL): the newest page, not "nothing".
        return keyset_page(viewer, queryset, before=None, after=None, limit=limit)
    for case in cases:
        case.visible = visible_sections(viewer, case)  # type: ignore[attr-defined]  # per row
    return KeysetPage(cases, newer=newer, older=older)

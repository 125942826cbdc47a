# SPDX-License-Identifier: EUPL-1.2
"""Through whose eyes an inzage export looks: the person's own, never wider.

An export must never become a way around the bubble (ARCHITECTURE.md core idea 3), so it asks
the access layer with a viewer that is at most the person's everyday viewer:
- a break-glass grant is a short, audited emergency read of one case page; an export is not
  that read, so the grants are left out;
- someone who left (inactive account) has no roles any more: what a former role showed (the
  griffie's view of every case, the routing officer's) is gone; what their own relation to a
  case shows (requester, co-requester, filer, assigned civil servant) stays theirs.
Fewer roles never show more (raadsloket.access.cases.sections only widens per role).
"""

from dataclasses import replace

from raadsloket.access.viewer import ANONYMOUS, Viewer, viewer_for


def export_viewer(person) -> Viewer:
    if person.is_active:
        return replace(viewer_for(person), break_glass_cases=frozenset())
    if person.municipality_id is None:
        return ANONYMOUS
    return Viewer(
        person_id=person.pk,
        municipality_id=person.municipality_id,
        roles=frozenset(),
        profile=person.municipality.policy,
        # No fractie: the budget pages are the fractie's, not the former member's.
    )

# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what with the council term (installation, farewell, onboarding).

The rules in plain words:
- Nobody sees anything of another municipality; someone not signed in sees nothing here.
- Only the griffier installs a new council: the dry run, the real run and the list of
  installations. The griffie's other staff, the college and the members do not (Gemeentewet
  art. 107a: the griffier assists the council; installing it is the griffier's task).
- A new member sees and ticks their own onboarding checklist; the griffie (griffier and
  raadsadviseurs) sees and ticks every new member's checklist, to help them on their way.
"""

from raadsloket.access.viewer import Viewer, in_council_side
from raadsloket.organisation.roles import Role


def installs_council(viewer: Viewer) -> bool:
    return in_council_side(viewer, viewer.municipality_id) and viewer.has(Role.CLERK)


def sees_onboarding(viewer: Viewer, person) -> bool:
    """The person's own checklist, or the griffie of their municipality."""
    if not in_council_side(viewer, getattr(person, "municipality_id", None)):
        return False
    return viewer.person_id == person.pk or viewer.is_griffie


def has_own_checklist(viewer: Viewer, newcomer_person_ids: frozenset[int]) -> bool:
    return viewer.authenticated and viewer.person_id in newcomer_person_ids

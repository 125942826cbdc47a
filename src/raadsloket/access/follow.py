# SPDX-License-Identifier: EUPL-1.2
"""Who may follow what, and who hears of a followed item or a matching keyword.

The rules in plain words:
- Anyone signed in with an account in a municipality (members, griffie, college, civil service)
  may follow keywords and open "Wat ik volg"; nobody follows anything of another municipality.
- A person may follow only what they may see: a case of which the access layer shows them at
  least its data (reference, instrument, state: raadsloket.access.cases), a register item they
  may open (raadsloket.access.registers). What they may not see cannot be followed and answers
  as if it did not exist.
- Whether a follower hears of a step is asked again at the moment it is sent, per follower: who
  lost access hears nothing, and a confidential case's step never reaches anyone outside its
  bubble. A follower who sees a case's data but not its request is told the step without the
  subject.
- A keyword is matched against an item's title and text, so a new case reaches a keyword's
  follower only when they may read its request (its subject and question); a new register item
  only when they may open it. Telling someone "this matched your keyword" would otherwise say
  what the confidential text contains.
"""

from raadsloket.access.cases import sections
from raadsloket.access.registers import sees_item
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer


def uses_follow(viewer: Viewer) -> bool:
    """Follow keywords and open "Wat ik volg": anyone signed in of a municipality."""
    return viewer.authenticated and viewer.municipality_id is not None


def may_follow_case(viewer: Viewer, case) -> bool:
    return uses_follow(viewer) and Section.METADATA in sections(viewer, case)


def may_follow_item(viewer: Viewer, item) -> bool:
    return uses_follow(viewer) and sees_item(viewer, item)


def case_step_shown(viewer: Viewer, case) -> frozenset[Section] | None:
    """The sections of `case` a follower sees if they may hear of its step, else None."""
    if not uses_follow(viewer):
        return None
    visible = sections(viewer, case)
    return visible if Section.METADATA in visible else None


def keyword_may_match_case(viewer: Viewer, case) -> bool:
    return uses_follow(viewer) and Section.REQUEST in sections(viewer, case)


def keyword_may_match_item(viewer: Viewer, item) -> bool:
    return may_follow_item(viewer, item)

# SPDX-License-Identifier: EUPL-1.2
"""Which events of a case's timeline a viewer reads, and which of their fields.

The rules in plain words (ARCHITECTURE.md core idea 3 "The bubble"; SECURITY.md "Tijdlijn"):
- An event belongs to the section its transition row names (the `section` of the row in the
  instrument's table) and is read exactly where that section is. The case page, the API and the
  inzage all ask `readable_events` or `readable_event`; nothing else decides.
- An hours event (registering or correcting hours) is hours of one civil servant, read exactly
  where that servant's hours entries are (`sees_hours_of`): inside the bubble everyone's, a
  manager only their own staff's. Whose hours they are is the actor's: only the assigned civil
  servant registers hours, under their own name, and corrects only their own entries
  (assistance.workflow), so the actor is the civil servant of the entry. An hours event without
  an actor is read inside the bubble only.
- The states before and after are metadata (Section.METADATA): a manager (hours only) or the
  college (that a trajectory started) never learns from the timeline where the case stands.
- Who acted is named to whoever sees the routing of the case (who forwarded, assigned and
  handled it: the bubble, the routing officer, the driehoek while it mediates), and on an hours
  event to whoever sees that servant's hours (a manager knows their own staff). Everyone else
  reads what happened and when, not who did it: a member reading a shared answer does not learn
  which civil servant wrote it, the functional administrator not who asked.
"""

from dataclasses import dataclass
from datetime import datetime

from raadsloket.access.cases import sees_hours_of
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import Case, TimelineEvent


@dataclass(frozen=True)
class ReadableEvent:
    """One timeline event with only what the viewer may read of it (None: not for them)."""

    pk: int
    at: datetime
    action: str
    section: str
    detail: str
    from_state: str | None
    to_state: str | None
    actor: str | None


def readable_events(viewer: Viewer, case: Case, visible: frozenset[Section]) -> list[ReadableEvent]:
    """The events of `case` the viewer reads, oldest first (`visible`: `sections()` of the case)."""
    events = case.timeline.filter(section__in=[str(s) for s in visible]).select_related(
        "actor__department"
    )
    return [e for e in (readable_event(viewer, visible, event) for event in events) if e]


def readable_event(
    viewer: Viewer, visible: frozenset[Section], event: TimelineEvent
) -> ReadableEvent | None:
    """What the viewer reads of one event of a case of which they see `visible`, or None."""
    if event.section not in visible:
        return None
    hours = event.section == Section.HOURS
    if hours and not sees_hours_of(viewer, visible, event.actor):
        return None
    states = Section.METADATA in visible
    named = Section.ROUTING in visible or hours
    return ReadableEvent(
        pk=event.pk,
        at=event.at,
        action=event.action,
        section=event.section,
        detail=event.detail,
        from_state=event.from_state if states else None,
        to_state=event.to_state if states else None,
        actor=event.actor.display_name if named and event.actor is not None else None,
    )

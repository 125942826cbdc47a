# SPDX-License-Identifier: EUPL-1.2
"""Turn a performed transition into notifications (connected in NotifyConfig.ready).

Runs inside perform()'s transaction: the notifications roll back with the transition, and an
error here undoes the transition rather than losing a legally required notice.
"""

from raadsloket.assistance.models import Kickoff
from raadsloket.notify.delivery import load_case, notify
from raadsloket.notify.events import EVENTS


def on_transition(sender, *, case, action, actor, now, **kwargs) -> None:
    event = EVENTS.get(action)
    if event is None:
        return
    # A fresh copy with its relations: the caller's object keeps its own caches untouched.
    loaded = load_case(case.pk)
    facts = {}
    if event.invitation:
        kickoff = Kickoff.objects.filter(case_id=case.pk).first()
        if kickoff is not None:
            facts["planned_for"] = kickoff.planned_for
    people = ((person, event.legally_required) for person in event.recipients(loaded))
    notify(
        loaded,
        action,
        event,
        people,
        actor_id=getattr(actor, "pk", None),
        now=now,
        facts=facts,
    )

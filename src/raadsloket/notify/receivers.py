# SPDX-License-Identifier: EUPL-1.2
"""Turn a performed transition into notifications (connected in NotifyConfig.ready).

Runs inside perform()'s transaction, and so does `raadsloket.notify.send`: the notifications
roll back with the transition, and an error here undoes the transition rather than losing a
legally required notice.
"""

from raadsloket.assistance.models import Kickoff
from raadsloket.notify.delivery import notify, settle
from raadsloket.notify.events import rule_for
from raadsloket.notify.recipients import load_case


def on_transition(sender, *, case, action, actor, now, from_state, **kwargs) -> None:
    rule = rule_for(action, from_state, case.state)
    # A fresh copy with its relations: the caller's object keeps its own caches untouched.
    loaded = load_case(case.pk)
    # Every step, also one that tells nobody, settles the notices it dealt with.
    settle(loaded, getattr(actor, "pk", None), now)
    if not isinstance(rule, tuple):
        # NOBODY: telling nobody is this action's rule (events.py says why).
        return
    code, event = rule
    facts = {}
    if event.invitation:
        kickoff = Kickoff.objects.filter(case_id=case.pk).first()
        if kickoff is not None:
            facts["planned_for"] = kickoff.planned_for
    notify(
        loaded,
        code,
        event,
        event.recipients(loaded),
        actor_id=getattr(actor, "pk", None),
        now=now,
        facts=facts,
    )

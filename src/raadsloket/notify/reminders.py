# SPDX-License-Identifier: EUPL-1.2
"""Reminders before a term ends and escalation after (ARCHITECTURE.md core idea 5).

One pass a day: every open case whose running term is near ("nadert", the profile's
reminder_days_before) or past ("verlopen") tells whoever must act, once per case, term, due date
and status. When a term has passed, the griffie is told as well, whatever it chose: the griffier
watches the council's terms (events.TERM_PASSED_RULE).
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from raadsloket.cases.deadlines import NEAR, OVERDUE, Deadline, running_deadline
from raadsloket.cases.models import LONG_TEXTS, Case
from raadsloket.cases.states import OPEN_STATES, State
from raadsloket.notify import recipients
from raadsloket.notify.delivery import notify
from raadsloket.notify.events import DEADLINE_NEAR, DEADLINE_OVERDUE, REMINDERS
from raadsloket.notify.models import ReminderLog
from raadsloket.organisation.models import Municipality

logger = logging.getLogger("raadsloket.notify")

# States in which a term can run; drafts and deferred requests never do (cases/deadlines.py).
WATCHED_STATES = (OPEN_STATES - {State.DRAFT, State.DEFERRED}) | recipients.AWAITING_COLLEGE
CODES = {NEAR: DEADLINE_NEAR, OVERDUE: DEADLINE_OVERDUE}


@dataclass(frozen=True)
class ReminderCounts:
    near: int = 0
    overdue: int = 0
    notifications: int = 0


def flagged_cases(today: date) -> list[tuple[int, Deadline]]:
    """(case id, deadline) of each open case whose term is near or past on `today`."""
    profiles = {m.pk: m.policy for m in Municipality.objects.all()}
    flagged = []
    cases = Case.objects.filter(state__in=WATCHED_STATES).defer(*LONG_TEXTS).order_by("pk")
    for case in cases.iterator(chunk_size=1000):
        deadline = running_deadline(case, profiles[case.municipality_id], today)
        if deadline is not None and deadline.status in CODES:
            flagged.append((case.pk, deadline))
    return flagged


def remind(today: date) -> ReminderCounts:
    flagged = flagged_cases(today)
    sent_before = set(
        ReminderLog.objects.filter(case_id__in=[pk for pk, _ in flagged]).values_list(
            "case_id", "deadline", "due", "status"
        )
    )
    counts = {NEAR: 0, OVERDUE: 0}
    made = 0
    for case_id, deadline in flagged:
        key = (case_id, deadline.name, deadline.due, deadline.status)
        if key in sent_before:
            continue
        try:
            with transaction.atomic():
                ReminderLog.objects.create(
                    case_id=case_id,
                    deadline=deadline.name,
                    due=deadline.due,
                    status=deadline.status,
                )
                made += len(_notify(case_id, deadline))
        except IntegrityError:
            # Another pass sent this reminder in the meantime.
            continue
        except Exception:
            # One case must not stop the daily pass; its log rolled back, so the next pass retries.
            logger.exception("reminder for case %s failed", case_id)
            continue
        counts[deadline.status] += 1
    return ReminderCounts(near=counts[NEAR], overdue=counts[OVERDUE], notifications=made)


def _notify(case_id: int, deadline: Deadline):
    case = recipients.load_case(case_id)
    code = CODES[deadline.status]
    event = REMINDERS[code]
    # A passed term: the griffie is told whatever it chose (events.TERM_PASSED_RULE).
    required = recipients.handler_or_griffie(case) if deadline.status == OVERDUE else ()
    facts = {"deadline": deadline.name, "due": f"{deadline.due:%d-%m-%Y}", "rule": deadline.rule}
    return notify(case, code, event, event.recipients(case), required=required, facts=facts)

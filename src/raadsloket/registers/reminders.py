# SPDX-License-Identifier: EUPL-1.2
"""Reminders on moties and toezeggingen: before the due date to the college, after it to the
griffie (ARCHITECTURE.md core idea 5: reminders before, escalation after).

Run once a day by `raadsloket reminders`. A motie in uitvoering or an open toezegging whose date
is at most NEAR_DAYS away tells the college contact(s) and the portefeuillehouder once; the first
pass within OVERDUE_DAYS after the date tells the griffie once (a toezegging proposed afgedaan
still waits for its decision). Each is logged per item, due date and threshold
(RegisterReminderLog), so a second pass sends nothing and a moved date reminds again. Older
items are not chased: the lists show them as te laat (an import of an old register does not
flood the griffie).
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction

from raadsloket.access.registers import sees_item
from raadsloket.notify import recipients
from raadsloket.notify.send import send_where_allowed
from raadsloket.organisation.roles import Role
from raadsloket.registers.models import Commitment, Motion, RegisterItem, RegisterReminderLog

logger = logging.getLogger("raadsloket.registers")

NEAR = "near"
OVERDUE = "overdue"
# Two weeks: time enough for the college to send its letter or its proposal to close.
NEAR_DAYS = 14
OVERDUE_DAYS = 7


@dataclass(frozen=True)
class RegisterReminderCounts:
    near: int = 0
    overdue: int = 0
    notifications: int = 0


def due_items(today: date) -> list[tuple[RegisterItem, str]]:
    """(item, threshold) of every motie and toezegging a reminder is due for on `today`."""
    soon = today + timedelta(days=NEAR_DAYS)
    late_since = today - timedelta(days=OVERDUE_DAYS)
    motions = Motion.objects.filter(execution=Motion.Execution.IN_PROGRESS).select_related(
        "portfolio_holder"
    )
    commitments = Commitment.objects.select_related("portfolio_holder")
    open_commitments = commitments.filter(status=Commitment.Status.OPEN)
    undone = commitments.exclude(status=Commitment.Status.DONE)
    found: list[tuple[RegisterItem, str]] = []
    for queryset in (motions, open_commitments):
        found += [(item, NEAR) for item in queryset.filter(due_date__gte=today, due_date__lte=soon)]
    for queryset in (motions, undone):
        found += [
            (item, OVERDUE)
            for item in queryset.filter(due_date__lt=today, due_date__gte=late_since)
        ]
    return found


def remind_registers(today: date) -> RegisterReminderCounts:
    counts = {NEAR: 0, OVERDUE: 0}
    made = 0
    for item, threshold in due_items(today):
        try:
            with transaction.atomic():
                RegisterReminderLog.objects.create(
                    municipality_id=item.municipality_id,
                    kind=item.KIND,
                    item_id=item.pk,
                    due=item.due_date,
                    threshold=threshold,
                )
                made += len(_notify(item, threshold, today))
        except IntegrityError:
            # Sent by an earlier pass (or one running at the same time).
            continue
        except Exception:
            # One item must not stop the daily pass; its log rolled back, so the next retries.
            logger.exception("register reminder for %s %s failed", item.KIND, item.pk)
            continue
        counts[threshold] += 1
    return RegisterReminderCounts(near=counts[NEAR], overdue=counts[OVERDUE], notifications=made)


def _notify(item, threshold: str, today: date):
    due = f"{item.due_date:%d-%m-%Y}"
    name = f"{item.LABEL} {item.number}"
    what = (
        "de collegebrief over de uitvoering"
        if isinstance(item, Motion)
        else "het voorstel om de toezegging af te doen"
    )
    if threshold == OVERDUE:
        people = recipients.griffie_of(item.municipality_id)
        title = f"{name}: uiterste datum {due} verstreken"
        headline = f"{item.LABEL.capitalize()}: uiterste datum verstreken"
        body = (
            f"De uiterste datum van {name} ({item.title}) was {due}; "
            f"{what} is er nog niet. U ziet het in het register als te laat."
        )
    else:
        people = recipients.with_role(item.municipality_id, [Role.COLLEGE_CONTACT])
        if item.portfolio_holder is not None:
            people.append(item.portfolio_holder)
        left = (item.due_date - today).days
        when = "vandaag" if left == 0 else f"over {left} dag{'en' if left > 1 else ''}"
        title = f"{name}: uiterlijk {due}"
        headline = f"{item.LABEL.capitalize()}: uiterste datum nadert"
        body = f"{name} ({item.title}) moet uiterlijk {due} ({when}) klaar zijn; stuur {what}."
    return send_where_allowed(
        item.municipality_id,
        f"register_{threshold}",
        people,
        lambda viewer: sees_item(viewer, item),
        title=title,
        headline=headline,
        body=body,
        link=item.get_absolute_url(),
    )

# SPDX-License-Identifier: EUPL-1.2
"""Reminders to the griffie before each date of the accountant cycle (ARCHITECTURE.md core
idea 5: every deadline is watched), run once a day by `raadsloket reminders`.

A date at most NEAR_DAYS away tells the griffie (griffier and raadsadviseurs) once; each is
logged per date and day (CycleReminderLog), so a second pass sends nothing and a moved date
reminds again. Dates already past are not chased.
"""

import logging
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import IntegrityError, transaction
from django.urls import reverse

from raadsloket.access.audit_office import manages_audit_office
from raadsloket.audit_office.models import CycleDate, CycleReminderLog
from raadsloket.notify import recipients
from raadsloket.notify.send import send_where_allowed

logger = logging.getLogger("raadsloket.audit_office")

# Two weeks: time to put the jaarrekening or the auditcommissie's meeting on an agenda.
NEAR_DAYS = 14


@dataclass(frozen=True)
class CycleReminderCounts:
    dates: int = 0
    notifications: int = 0


def due_dates(today: date) -> list[CycleDate]:
    soon = today + timedelta(days=NEAR_DAYS)
    return list(CycleDate.objects.filter(date__gte=today, date__lte=soon).order_by("date", "pk"))


def remind_cycle(today: date) -> CycleReminderCounts:
    dates = made = 0
    for entry in due_dates(today):
        try:
            with transaction.atomic():
                CycleReminderLog.objects.create(cycle_date=entry, due=entry.date)
                made += len(_notify(entry, today))
        except IntegrityError:
            # Sent by an earlier pass (or one running at the same time).
            continue
        except Exception:
            # One date must not stop the daily pass; its log rolled back, so the next retries.
            logger.exception("cycle reminder for %s failed", entry.pk)
            continue
        dates += 1
    return CycleReminderCounts(dates=dates, notifications=made)


def _notify(entry: CycleDate, today: date):
    left = (entry.date - today).days
    when = "vandaag" if left == 0 else f"over {left} dag{'en' if left > 1 else ''}"
    legal = " Dit is de wettelijke uiterste datum (Gemeentewet art. 200)." if entry.legal else ""
    return send_where_allowed(
        entry.municipality_id,
        "audit_office_cycle_near",
        recipients.griffie_of(entry.municipality_id),
        lambda viewer: (
            manages_audit_office(viewer) and viewer.municipality_id == entry.municipality_id
        ),
        title=f"Accountantscyclus {entry.budget_year}: {entry.title} op {entry.date:%d-%m-%Y}",
        headline="Accountantscyclus: een datum nadert",
        body=f"{entry.title} is op {entry.date:%d-%m-%Y} ({when}).{legal}",
        link=reverse("audit_office:cycle") + f"?jaar={entry.budget_year}",
    )

# SPDX-License-Identifier: EUPL-1.2
"""Reminders before the yearly statement is due, and one notice after it passed.

Gemeentewet art. 33 lid 3 and RULES.md "Fractieondersteuning": a fractie accounts for the year
within a term after it (the profile's accounting_deadline). On each of the profile's
`reminder_days_before` days the treasurer(s) and the chair of every fractie whose statement is
not yet submitted or approved hear how long is left; the day after the deadline they and the
griffie hear it passed (the griffie watches the council's terms, as for cases).

Run once a day by `raadsloket reminders`. Each reminder is logged (BudgetReminderLog), so a
second pass the same day sends nothing. A pass that missed a day still sends the reminder that
was due: each reminder day covers the days up to the next one, and the notice after the
deadline is sent on the first pass within OVERDUE_DAYS of it. Older deadlines are not chased
again: the griffie sees them in its overview.
"""

import logging
from dataclasses import dataclass
from datetime import date

from django.db import IntegrityError, transaction

from raadsloket.access.fractie_support import sees_fractie_budget
from raadsloket.fractie_support import notices
from raadsloket.fractie_support.allocation import allocate
from raadsloket.fractie_support.models import BudgetReminderLog, Expense, Statement
from raadsloket.fractie_support.seats import periods_for
from raadsloket.fractie_support.statement import accounting_deadline
from raadsloket.organisation.models import Fractie, Municipality
from raadsloket.policy.schema import FractieSupport

logger = logging.getLogger("raadsloket.fractie_support")

NEAR = BudgetReminderLog.Kind.NEAR
OVERDUE = BudgetReminderLog.Kind.OVERDUE
OVERDUE_DAYS = 7
DONE = (Statement.Status.SUBMITTED, Statement.Status.APPROVED)


@dataclass(frozen=True)
class StatementReminderCounts:
    near: int = 0
    overdue: int = 0
    notifications: int = 0


@dataclass(frozen=True)
class Due:
    """A reminder due on a day: its kind and the reminder day it stands for (0 if overdue)."""

    year: int
    deadline: date
    kind: str
    days: int
    left: int


def due_for(support: FractieSupport, year: int, today: date) -> Due | None:
    """The reminder the statement over `year` is due for on `today`, if any."""
    deadline = accounting_deadline(support, year)
    left = (deadline - today).days
    if left < 0:
        return Due(year, deadline, OVERDUE, 0, left) if -left <= OVERDUE_DAYS else None
    # The nearest reminder day at or beyond today: with [30, 7], 30 covers 30..8 days before.
    for days in sorted(support.reminder_days_before):
        if left <= days:
            return Due(year, deadline, NEAR, days, left)
    return None


def remind_statements(today: date) -> StatementReminderCounts:
    counts = {NEAR: 0, OVERDUE: 0}
    made = 0
    for municipality in Municipality.objects.order_by("pk"):
        support = municipality.policy.fractie_support
        if not support.enabled:
            continue
        # A deadline lies in the year after the statement's year; the reminder days reach back
        # at most a year before it, the overdue notice a week after.
        for year in (today.year - 2, today.year - 1, today.year):
            due = due_for(support, year, today)
            if due is None:
                continue
            for fractie in _waiting_fracties(municipality, support, year):
                sent = _send_once(fractie, due)
                if sent is not None:
                    counts[due.kind] += 1
                    made += sent
    return StatementReminderCounts(near=counts[NEAR], overdue=counts[OVERDUE], notifications=made)


def _waiting_fracties(municipality, support: FractieSupport, year: int) -> list[Fractie]:
    """Fracties with something to account for over `year` whose statement is not in yet."""
    done = set(
        Statement.objects.filter(municipality=municipality, year=year, status__in=DONE).values_list(
            "fractie_id", flat=True
        )
    )
    spent = set(
        Expense.objects.filter(municipality=municipality, year=year).values_list(
            "fractie_id", flat=True
        )
    )
    waiting = []
    fracties = Fractie.objects.filter(municipality=municipality).select_related("municipality")
    for fractie in fracties.order_by("pk"):
        if fractie.pk in done:
            continue
        if fractie.pk in spent or allocate(support, year, periods_for(fractie)).lines:
            waiting.append(fractie)
    return waiting


def _send_once(fractie: Fractie, due: Due) -> int | None:
    """Notifications made, or None when this reminder went out before (or failed)."""
    try:
        with transaction.atomic():
            BudgetReminderLog.objects.create(
                municipality_id=fractie.municipality_id,
                fractie=fractie,
                year=due.year,
                deadline=due.deadline,
                kind=due.kind,
                days=due.days,
            )
            return len(_notify(fractie, due))
    except IntegrityError:
        # Sent by an earlier pass (or a pass running at the same time).
        return None
    except Exception:
        # One fractie must not stop the daily pass; its log rolled back, so the next pass retries.
        logger.exception("statement reminder for fractie %s failed", fractie.pk)
        return None


def _notify(fractie: Fractie, due: Due):
    deadline = f"{due.deadline:%d-%m-%Y}"
    people = notices.treasurers_and_chair(fractie)
    if due.kind == OVERDUE:
        people += notices.griffie(fractie.municipality_id)
        title = f"verantwoording {due.year} van {fractie}: termijn verlopen op {deadline}"
        headline = "de termijn voor de verantwoording is verlopen"
        body = (
            f"De verantwoording fractieondersteuning over {due.year} van {fractie} had uiterlijk "
            f"{deadline} bij de griffie moeten zijn ingediend en is nog niet ingediend "
            "(verordening fractieondersteuning, Gemeentewet art. 33 lid 3)."
        )
    else:
        left = "vandaag" if due.left == 0 else f"over {due.left} dag{'en' if due.left > 1 else ''}"
        title = f"verantwoording {due.year} van {fractie}: uiterlijk {deadline} indienen"
        headline = "de termijn voor de verantwoording nadert"
        body = (
            f"De verantwoording fractieondersteuning over {due.year} van {fractie} moet "
            f"uiterlijk {deadline} ({left}) bij de griffie zijn ingediend (verordening "
            "fractieondersteuning, Gemeentewet art. 33 lid 3). Leg de laatste uitgaven vast "
            "en dien de verantwoording in raadsloket in; de PDF en het Excel-bestand staan "
            "klaar op de pagina van de fractie."
        )
    return notices.send(
        fractie.municipality_id,
        f"budget_statement_{due.kind}",
        people,
        lambda viewer: sees_fractie_budget(viewer, fractie),
        title=f"{notices.BUDGET}: {title}",
        headline=f"{notices.BUDGET}: {headline}",
        body=body,
        link=notices.year_link(fractie, due.year),
    )

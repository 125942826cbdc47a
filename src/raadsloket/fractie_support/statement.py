# SPDX-License-Identifier: EUPL-1.2
"""The yearly statement of a fractie: figures, carry-over and the griffie's review.

Gemeentewet art. 33 lid 3 and RULES.md "Fractieondersteuning": a yearly statement within a term
after the year; unspent money is repaid, or kept in a reserve up to a cap (an amount, a
percentage of the year's allocation, or the lower of both); the reserve carries over to the next
year. The statement is computed from the records; once approved its figures are frozen in a
snapshot, so a later change of the profile does not rewrite an approved account, and the next
year opens with the approved closing reserve.
"""

import calendar
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from raadsloket.access.fractie_support import keeps_books, reviews_budgets
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.fractie_support import notices
from raadsloket.fractie_support.allocation import Allocation, allocate
from raadsloket.fractie_support.expenses import Counting, counting
from raadsloket.fractie_support.models import Expense, Statement
from raadsloket.fractie_support.seats import periods_for
from raadsloket.lib.errors import Conflict, DomainError, Forbidden
from raadsloket.lib.forms import dutch_count
from raadsloket.lib.money import ZERO, cents, euro
from raadsloket.lib.text import counted
from raadsloket.organisation.models import Fractie
from raadsloket.policy.schema import FractieSupport

# How far back a statement looks for an earlier year to carry over from.
CARRY_BACK_YEARS = 12


@dataclass(frozen=True)
class CategoryTotal:
    code: str
    label: str
    amount: Decimal
    count: int


@dataclass(frozen=True)
class ExpenseLine:
    expense: Expense
    counting: Counting


@dataclass(frozen=True)
class Figures:
    fractie: Fractie
    year: int
    allocation: Allocation
    opening_reserve: Decimal
    # Where the opening reserve comes from, in Dutch.
    opening_source: str
    by_category: tuple[CategoryTotal, ...]
    spent: Decimal
    not_counted: Decimal
    balance: Decimal
    reserve_cap: Decimal | None
    closing_reserve: Decimal
    to_repay: Decimal
    deficit: Decimal
    deadline: date
    # True while an earlier year it builds on is not approved yet.
    provisional: bool
    lines: tuple[ExpenseLine, ...] = field(default=())
    unspent_rule: str = ""

    @property
    def available(self) -> Decimal:
        return self.opening_reserve + self.allocation.total

    def as_snapshot(self) -> dict:
        """The figures as stored on approval (strings for amounts, exact)."""
        return {
            "allocation": str(self.allocation.total),
            "allocation_lines": [
                {
                    "start": line.start.isoformat(),
                    "end": line.end.isoformat(),
                    "days": line.days,
                    "seats": line.seats,
                    "fixed_part": str(line.fixed_part),
                    "seat_part": str(line.seat_part),
                }
                for line in self.allocation.lines
            ],
            "fixed_per_fractie": str(self.allocation.amounts.fixed_per_fractie),
            "per_seat": str(self.allocation.amounts.per_seat),
            "opening_reserve": str(self.opening_reserve),
            "by_category": {c.code: str(c.amount) for c in self.by_category},
            "spent": str(self.spent),
            "not_counted": str(self.not_counted),
            "balance": str(self.balance),
            "reserve_cap": None if self.reserve_cap is None else str(self.reserve_cap),
            "closing_reserve": str(self.closing_reserve),
            "to_repay": str(self.to_repay),
            "deficit": str(self.deficit),
        }


def accounting_deadline(support: FractieSupport, year: int) -> date:
    """The date the statement over `year` is due (the profile's date or months after)."""
    rule = support.accounting_deadline
    if rule.kind == "months_after_year":
        month = rule.months
        return date(year + 1, month, calendar.monthrange(year + 1, month)[1])
    return date(year + 1, rule.month, rule.day)


def reserve_cap(support: FractieSupport, allocation_total: Decimal) -> Decimal | None:
    """The most a fractie may keep in reserve: the lower of the amount and the percentage."""
    caps = []
    if support.reserve_cap_amount is not None:
        caps.append(support.reserve_cap_amount)
    if support.reserve_cap_percent is not None:
        caps.append(cents(allocation_total * support.reserve_cap_percent / 100))
    return min(caps) if caps else None


def unspent_rule(support: FractieSupport, cap: Decimal | None) -> str:
    if support.unspent == "repay":
        return "Wat aan het eind van het jaar niet is besteed, wordt volledig terugbetaald."
    if cap is None:
        return "Wat niet is besteed, gaat naar de reserve van de fractie."
    return f"Wat niet is besteed, gaat naar de reserve tot {euro(cap)}; het meerdere wordt terugbetaald."


def figures(fractie: Fractie, year: int, support: FractieSupport) -> Figures:
    """The statement over `year` as the records stand now."""
    return _figures(fractie, year, support, depth=0)


def _figures(fractie: Fractie, year: int, support: FractieSupport, depth: int) -> Figures:
    allocation = allocate(support, year, periods_for(fractie))
    statement = Statement.objects.filter(fractie=fractie, year=year).first()
    opening, source, provisional = _opening(fractie, year, support, statement, depth)
    expenses = list(
        Expense.objects.filter(fractie=fractie, year=year)
        .select_related("question")
        .order_by("date", "pk")
    )
    lines = tuple(ExpenseLine(expense, counting(expense, support)) for expense in expenses)
    totals: dict[str, list] = {}
    not_counted = ZERO
    for line in lines:
        if line.counting.counts:
            entry = totals.setdefault(line.expense.category, [ZERO, 0])
            entry[0] += line.expense.amount
            entry[1] += 1
        else:
            not_counted += line.expense.amount
    by_category = tuple(
        CategoryTotal(
            category.code, category.label, totals[category.code][0], totals[category.code][1]
        )
        for category in support.categories
        if category.code in totals
    )
    spent = sum((total.amount for total in by_category), ZERO)
    balance = opening + allocation.total - spent
    cap = reserve_cap(support, allocation.total)
    surplus = max(balance, ZERO)
    # Repaid in full, or kept in reserve up to the cap (RULES.md "Fractieondersteuning").
    kept = surplus if cap is None else min(surplus, cap)
    closing = ZERO if support.unspent == "repay" else kept
    return Figures(
        fractie=fractie,
        year=year,
        allocation=allocation,
        opening_reserve=opening,
        opening_source=source,
        by_category=by_category,
        spent=spent,
        not_counted=not_counted,
        balance=balance,
        reserve_cap=cap if support.unspent == "reserve" else None,
        closing_reserve=closing,
        to_repay=surplus - closing,
        deficit=max(-balance, ZERO),
        deadline=accounting_deadline(support, year),
        provisional=provisional,
        lines=lines,
        unspent_rule=unspent_rule(support, cap),
    )


def _opening(fractie, year, support, statement, depth) -> tuple[Decimal, str, bool]:
    """(opening reserve, where it comes from, provisional) for `year`."""
    if statement is not None and statement.opening_reserve_override is not None:
        return statement.opening_reserve_override, "vastgesteld door de griffie", False
    previous = Statement.objects.filter(fractie=fractie, year=year - 1).first()
    if previous is not None and previous.status == Statement.Status.APPROVED and previous.snapshot:
        return (
            Decimal(previous.snapshot["closing_reserve"]),
            f"eindreserve van de vastgestelde verantwoording {year - 1}",
            False,
        )
    has_history = (
        previous is not None or Expense.objects.filter(fractie=fractie, year=year - 1).exists()
    )
    if not has_history or depth >= CARRY_BACK_YEARS:
        return ZERO, "geen eerdere verantwoording in raadsloket", False
    earlier = _figures(fractie, year - 1, support, depth + 1)
    return (
        earlier.closing_reserve,
        f"eindreserve {year - 1} (voorlopig: nog niet vastgesteld)",
        True,
    )


# --- the statement's course: submit, return, approve ---------------------------------------


def _statement_for_update(fractie: Fractie, year: int) -> Statement:
    # Lock the fractie first, as recording an expense does (expenses._statement_open).
    Fractie.objects.select_for_update().filter(pk=fractie.pk).first()
    statement, _ = Statement.objects.get_or_create(
        fractie=fractie, year=year, defaults={"municipality_id": fractie.municipality_id}
    )
    return Statement.objects.select_for_update().get(pk=statement.pk)


def submit(viewer: Viewer, actor, fractie: Fractie, year: int, *, today: date | None = None):
    """The treasurer sends the statement to the griffie once the year is over."""
    if not keeps_books(viewer, fractie):
        raise Forbidden("Alleen de penningmeester dient de verantwoording in.")
    today = today or timezone.localdate()
    if year >= today.year:
        raise DomainError(
            f"De verantwoording over {year} kan na afloop van het jaar worden ingediend."
        )
    with transaction.atomic():
        statement = _statement_for_update(fractie, year)
        if statement.status not in (Statement.Status.OPEN, Statement.Status.RETURNED):
            raise Conflict(f"De verantwoording over {year} is al {statement.get_status_display()}.")
        current = figures(fractie, year, viewer.profile.fractie_support)
        waiting = [line for line in current.lines if line.counting.waiting]
        if waiting:
            raise Conflict(
                f"{counted(len(waiting), 'uitgave wacht', 'uitgaven wachten')} nog op het "
                "antwoord van de griffie; dien de verantwoording in als de griffie heeft "
                "geantwoord."
            )
        statement.status = Statement.Status.SUBMITTED
        statement.submitted_at, statement.submitted_by = timezone.now(), actor
        statement.save(update_fields=["status", "submitted_at", "submitted_by"])
        record(
            "budgets.statement_submitted",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "year": year, "spent": current.spent},
        )
        notices.statement_submitted(statement, actor=actor)
    return statement


def return_statement(viewer: Viewer, actor, fractie: Fractie, year: int, *, remark: str):
    """The griffie sends the statement back for correction, with a remark."""
    if not reviews_budgets(viewer) or fractie.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie beoordeelt verantwoordingen.")
    remark = (remark or "").strip()
    if not 5 <= len(remark) <= 4000:
        raise DomainError(
            "Schrijf erbij wat de fractie moet verbeteren (5 tot 4000 tekens).", field="remark"
        )
    with transaction.atomic():
        statement = _statement_for_update(fractie, year)
        if statement.status != Statement.Status.SUBMITTED:
            raise Conflict("Alleen een ingediende verantwoording gaat terug naar de fractie.")
        statement.status = Statement.Status.RETURNED
        statement.review_remark = remark
        statement.reviewed_at, statement.reviewed_by = timezone.now(), actor
        statement.save(update_fields=["status", "review_remark", "reviewed_at", "reviewed_by"])
        record(
            "budgets.statement_returned",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "year": year},
        )
        notices.statement_reviewed(statement, actor=actor)
    return statement


def approve(viewer: Viewer, actor, fractie: Fractie, year: int, *, remark: str = ""):
    """The griffie approves: the figures are frozen and the closing reserve carries over."""
    remark = (remark or "").strip()
    if len(remark) > 4000:
        # Refused, never cut: a remark the griffie wrote must be kept whole or not at all.
        raise DomainError(
            f"De opmerking is {dutch_count(len(remark))} tekens; het maximum is 4.000.",
            field="remark",
        )
    if not reviews_budgets(viewer) or fractie.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie stelt verantwoordingen vast.")
    with transaction.atomic():
        statement = _statement_for_update(fractie, year)
        if statement.status != Statement.Status.SUBMITTED:
            raise Conflict("Alleen een ingediende verantwoording wordt vastgesteld.")
        current = figures(fractie, year, viewer.profile.fractie_support)
        unclear = [line for line in current.lines if line.expense.review == Expense.Review.UNCLEAR]
        if unclear:
            raise Conflict(
                f"{counted(len(unclear), 'uitgave ligt', 'uitgaven liggen')} nog bij het "
                "presidium; beoordeel die eerst."
            )
        if current.provisional:
            raise Conflict(
                f"Stel eerst de verantwoording over {year - 1} vast: de beginreserve komt daaruit."
            )
        statement.status = Statement.Status.APPROVED
        statement.review_remark = remark
        statement.reviewed_at, statement.reviewed_by = timezone.now(), actor
        statement.snapshot = current.as_snapshot()
        statement.save(
            update_fields=["status", "review_remark", "reviewed_at", "reviewed_by", "snapshot"]
        )
        record(
            "budgets.statement_approved",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "year": year, **statement.snapshot},
        )
        notices.statement_reviewed(statement, actor=actor)
    return statement


def record_repayment(viewer: Viewer, actor, fractie: Fractie, year: int, *, on: date):
    """The griffie notes that the amount to repay has been received."""
    if not reviews_budgets(viewer) or fractie.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie legt een terugbetaling vast.")
    with transaction.atomic():
        statement = _statement_for_update(fractie, year)
        if statement.status != Statement.Status.APPROVED:
            raise Conflict("Een terugbetaling hoort bij een vastgestelde verantwoording.")
        if Decimal(statement.snapshot.get("to_repay", "0")) <= 0:
            raise Conflict("Over dit jaar hoeft niets te worden terugbetaald.")
        statement.repaid_on = on
        statement.save(update_fields=["repaid_on"])
        record(
            "budgets.repayment_recorded",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "year": year, "on": on},
        )
    return statement


def set_opening_reserve(viewer: Viewer, actor, fractie: Fractie, year: int, amount: Decimal):
    """The griffie enters the reserve from before raadsloket, or agreed at a merge."""
    if not reviews_budgets(viewer) or fractie.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie legt een beginreserve vast.")
    if not isinstance(amount, Decimal) or not amount.is_finite() or amount < 0 or amount > 10**8:
        raise DomainError("Vul een bedrag van € 0,00 of meer in.", field="amount")
    with transaction.atomic():
        statement = _statement_for_update(fractie, year)
        if statement.status == Statement.Status.APPROVED:
            raise Conflict(f"De verantwoording over {year} is al vastgesteld.")
        statement.opening_reserve_override = cents(amount)
        statement.save(update_fields=["opening_reserve_override"])
        record(
            "budgets.opening_reserve_set",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "year": year, "amount": cents(amount)},
        )
    return statement

# SPDX-License-Identifier: EUPL-1.2
"""The figures of a fractie's year as every reader gets them: the page, the API, the PDF and the
spreadsheet all format one `StatementFigures`.

While the statement is open they are the live figures (statement.figures); once the griffie
approved it they are the snapshot it approved, because a later change of the profile must not
rewrite an approved account (RULES.md "Fractieondersteuning"; statement.py). The live figures
stay beside them (`current`): the expense lines, the deadline and the counts are always today's.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from raadsloket.fractie_support.allocation import AllocationLine
from raadsloket.fractie_support.models import Statement
from raadsloket.fractie_support.statement import Figures
from raadsloket.policy.schema import FractieSupport

APPROVED_AMOUNTS = "bedragen zoals vastgesteld bij de goedkeuring"
APPROVED_SOURCE = "zoals vastgesteld"


@dataclass(frozen=True)
class CategoryRow:
    code: str
    label: str
    amount: Decimal
    # The number of expenses counted in the category today.
    count: int


@dataclass(frozen=True)
class StatementFigures:
    current: Figures
    statement: Statement | None
    # True once approved: the amounts below are the approved snapshot.
    frozen: bool
    fixed_per_fractie: Decimal
    per_seat: Decimal
    explanation: str
    allocation_lines: tuple[AllocationLine, ...]
    allocation: Decimal
    opening_reserve: Decimal
    opening_source: str
    by_category: tuple[CategoryRow, ...]
    spent: Decimal
    not_counted: Decimal
    balance: Decimal
    reserve_cap: Decimal | None
    closing_reserve: Decimal
    to_repay: Decimal
    deficit: Decimal

    @property
    def available(self) -> Decimal:
        return self.opening_reserve + self.allocation

    @property
    def days_in_year(self) -> int:
        return self.current.allocation.days_in_year

    @property
    def allocation_days(self) -> int:
        return sum(line.days for line in self.allocation_lines)

    @property
    def provisional(self) -> bool:
        """An earlier year it builds on is not approved yet (never once this one is)."""
        return self.current.provisional and not self.frozen

    @property
    def status(self) -> str:
        return str(self.statement.status if self.statement else Statement.Status.OPEN)

    @property
    def status_label(self) -> str:
        return Statement.Status(self.status).label


def statement_figures(
    current: Figures, statement: Statement | None, support: FractieSupport
) -> StatementFigures:
    """The figures to show for the year of `current`, whose statement row is `statement`."""
    approved = statement is not None and statement.status == Statement.Status.APPROVED
    if approved and statement.snapshot:
        return _approved(current, statement, support)
    return _live(current, statement)


def _live(current: Figures, statement: Statement | None) -> StatementFigures:
    allocation = current.allocation
    return StatementFigures(
        current=current,
        statement=statement,
        frozen=False,
        fixed_per_fractie=allocation.amounts.fixed_per_fractie,
        per_seat=allocation.amounts.per_seat,
        explanation=allocation.amounts.explanation,
        allocation_lines=allocation.lines,
        allocation=allocation.total,
        opening_reserve=current.opening_reserve,
        opening_source=current.opening_source,
        by_category=tuple(
            CategoryRow(total.code, total.label, total.amount, total.count)
            for total in current.by_category
        ),
        spent=current.spent,
        not_counted=current.not_counted,
        balance=current.balance,
        reserve_cap=current.reserve_cap,
        closing_reserve=current.closing_reserve,
        to_repay=current.to_repay,
        deficit=current.deficit,
    )


def _approved(current: Figures, statement: Statement, support: FractieSupport) -> StatementFigures:
    snapshot = statement.snapshot

    def amount(key: str) -> Decimal:
        return Decimal(snapshot.get(key) or "0")

    amounts = current.allocation.amounts
    fixed, per_seat = amount("fixed_per_fractie"), amount("per_seat")
    # The profile changed after approval: say that the approved amounts are the ones that count.
    changed = (fixed, per_seat) != (amounts.fixed_per_fractie, amounts.per_seat)
    counts = {total.code: total.count for total in current.by_category}
    # In the profile's order: a JSON column need not keep the order of its keys.
    order = {category.code: index for index, category in enumerate(support.categories)}
    spent = sorted(snapshot.get("by_category", {}).items(), key=lambda i: order.get(i[0], 999))
    cap = snapshot.get("reserve_cap")
    return StatementFigures(
        current=current,
        statement=statement,
        frozen=True,
        fixed_per_fractie=fixed,
        per_seat=per_seat,
        explanation=APPROVED_AMOUNTS if changed else amounts.explanation,
        allocation_lines=tuple(
            AllocationLine(
                date.fromisoformat(line["start"]),
                date.fromisoformat(line["end"]),
                line["days"],
                line["seats"],
                Decimal(line["fixed_part"]),
                Decimal(line["seat_part"]),
            )
            for line in snapshot.get("allocation_lines", [])
        ),
        allocation=amount("allocation"),
        opening_reserve=amount("opening_reserve"),
        opening_source=APPROVED_SOURCE,
        by_category=tuple(
            CategoryRow(code, support.category_label(code), Decimal(value), counts.get(code, 0))
            for code, value in spent
        ),
        spent=amount("spent"),
        not_counted=amount("not_counted"),
        balance=amount("balance"),
        reserve_cap=None if cap is None else Decimal(cap),
        closing_reserve=amount("closing_reserve"),
        to_repay=amount("to_repay"),
        deficit=amount("deficit"),
    )

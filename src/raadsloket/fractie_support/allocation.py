# SPDX-License-Identifier: EUPL-1.2
"""The yearly fractieondersteuning of one fractie, with the calculation shown line by line.

RULES.md, "Fractieondersteuning": a fixed amount per fractie plus an amount per seat, set by the
council and indexed per year; mid-term changes (a seat changes fractie, a fractie splits or
merges) pro-rate the amounts by day. The total is the exact sum rounded to cents once; each
line is the rounded running sum minus the one before it, so the printed lines add up to the total
exactly and a fractie that only changed seats still gets the whole fixed amount.
"""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from raadsloket.lib.money import cents
from raadsloket.policy.schema import FractieSupport


@dataclass(frozen=True)
class YearAmounts:
    """The profile's amounts for one year after indexation."""

    year: int
    fixed_per_fractie: Decimal
    per_seat: Decimal
    # How the amounts came about, in Dutch ("basisjaar 2026, 2 × 2,00% indexatie").
    explanation: str


@dataclass(frozen=True)
class AllocationLine:
    start: date
    end: date
    days: int
    seats: int
    fixed_part: Decimal
    seat_part: Decimal

    @property
    def total(self) -> Decimal:
        return self.fixed_part + self.seat_part


@dataclass(frozen=True)
class Allocation:
    year: int
    days_in_year: int
    amounts: YearAmounts
    lines: tuple[AllocationLine, ...]

    @property
    def total(self) -> Decimal:
        return sum((line.total for line in self.lines), Decimal("0.00"))

    @property
    def days(self) -> int:
        return sum(line.days for line in self.lines)


@dataclass(frozen=True)
class Period:
    """Seats held from `start` to `end` inclusive; None means open on that side."""

    seats: int
    start: date | None = None
    end: date | None = None


def year_amounts(support: FractieSupport, year: int) -> YearAmounts:
    """Index the base year's amounts once per year after it, rounding to cents each year.

    Municipalities index last year's rounded amount, so the rounding is repeated per year rather
    than applied once to a compound factor. Years before the base year use the base amounts.
    """
    fixed, per_seat = support.fixed_per_fractie, support.per_seat
    steps = max(0, year - support.base_year)
    factor = 1 + support.indexation_percent / 100
    for _ in range(steps):
        fixed, per_seat = cents(fixed * factor), cents(per_seat * factor)
    if steps == 0:
        explanation = f"bedragen van basisjaar {support.base_year}"
    else:
        percent = f"{support.indexation_percent:.2f}".replace(".", ",")
        explanation = (
            f"bedragen van basisjaar {support.base_year}, {steps} × {percent}% indexatie "
            "(elk jaar afgerond op centen)"
        )
    return YearAmounts(year, cents(fixed), cents(per_seat), explanation)


def allocate(support: FractieSupport, year: int, periods: list[Period]) -> Allocation:
    """The allocation for `year` from the seat periods that overlap it."""
    first, last = date(year, 1, 1), date(year, 12, 31)
    days_in_year = 366 if calendar.isleap(year) else 365
    amounts = year_amounts(support, year)
    lines = []
    exact_fixed = exact_seats = Decimal(0)
    for period in sorted(periods, key=lambda p: p.start or date.min):
        start = max(period.start or first, first)
        end = min(period.end or last, last)
        if end < start:
            continue
        days = (end - start).days + 1
        fraction = Decimal(days) / Decimal(days_in_year)
        fixed_before, seats_before = cents(exact_fixed), cents(exact_seats)
        exact_fixed += amounts.fixed_per_fractie * fraction
        exact_seats += amounts.per_seat * period.seats * fraction
        lines.append(
            AllocationLine(
                start=start,
                end=end,
                days=days,
                seats=period.seats,
                fixed_part=cents(exact_fixed) - fixed_before,
                seat_part=cents(exact_seats) - seats_before,
            )
        )
    return Allocation(year, days_in_year, amounts, tuple(lines))


def day_before(day: date) -> date:
    return day - timedelta(days=1)

# SPDX-License-Identifier: EUPL-1.2
"""The periods a reflection report covers: a quarter, a year or a council term.

A period is written as text in URLs, forms and the command line: "2026" (a year), "2026-k3"
(the third quarter) or "raadsperiode-2026" (the council term elected in 2026).
"""

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Literal

PeriodKind = Literal["quarter", "year", "term"]

# Kieswet art. C 1: the council is elected every four years (2018, 2022, 2026, ...).
# The new council is installed at the end of March; raadsloket counts a term from 1 April of the
# election year up to and including 31 March four years later.
FIRST_ELECTION_YEAR = 2002
TERM_START = (4, 1)

# ASCII digits only: int() would also take "٢٠٢٦".
_YEAR = re.compile(r"^([0-9]{4})$")
_QUARTER = re.compile(r"^([0-9]{4})-[kq]([1-4])$", re.IGNORECASE)
_TERM = re.compile(r"^raadsperiode-([0-9]{4})$", re.IGNORECASE)
FIRST_YEAR, LAST_YEAR = 2000, 2100


class PeriodError(ValueError):
    """A period that is not one; the message is Dutch."""


@dataclass(frozen=True)
class Period:
    kind: PeriodKind
    start: date
    end: date  # inclusive

    @property
    def slug(self) -> str:
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "quarter":
            return f"{self.start.year}-k{(self.start.month - 1) // 3 + 1}"
        return f"raadsperiode-{self.start.year}"

    @property
    def label(self) -> str:
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "quarter":
            return f"{(self.start.month - 1) // 3 + 1}e kwartaal {self.start.year}"
        return f"raadsperiode {self.start.year}–{self.end.year}"

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> "Period":
        if self.kind == "year":
            return year(self.start.year - 1)
        if self.kind == "quarter":
            return quarter_of(self.start - timedelta(days=1))
        return term(self.start.year - 4)

    def is_running(self, today: date) -> bool:
        return self.contains(today)


def year(value: int) -> Period:
    return Period("year", date(value, 1, 1), date(value, 12, 31))


def quarter_of(day: date) -> Period:
    first_month = (day.month - 1) // 3 * 3 + 1
    start = date(day.year, first_month, 1)
    next_start = (
        date(day.year + 1, 1, 1) if first_month == 10 else date(day.year, first_month + 3, 1)
    )
    return Period("quarter", start, next_start - timedelta(days=1))


def term(election_year: int) -> Period:
    if (election_year - FIRST_ELECTION_YEAR) % 4:
        raise PeriodError(
            f"{election_year} is geen verkiezingsjaar voor de gemeenteraad "
            "(wel bijvoorbeeld 2022 of 2026)"
        )
    month, day = TERM_START
    return Period(
        "term",
        date(election_year, month, day),
        date(election_year + 4, month, day) - timedelta(days=1),
    )


def term_of(day: date) -> Period:
    election = day.year - (day.year - FIRST_ELECTION_YEAR) % 4
    candidate = term(election)
    return candidate if candidate.contains(day) else term(election - 4)


def parse(text: str) -> Period:
    """The period written as "2026", "2026-k3" or "raadsperiode-2026"."""
    value = (text or "").strip()
    if match := _YEAR.match(value):
        return year(_checked(match[1]))
    if match := _QUARTER.match(value):
        return quarter_of(date(_checked(match[1]), (int(match[2]) - 1) * 3 + 1, 1))
    if match := _TERM.match(value):
        return term(_checked(match[1]))
    raise PeriodError(
        f"'{value}' is geen periode. Schrijf een jaar (2026), een kwartaal (2026-k3) of een "
        "raadsperiode (raadsperiode-2026)."
    )


def parse_past(text: str | None, today: date) -> Period:
    """The period a report is asked for: this year when none is given, never one to come."""
    period = parse(text) if text else year(today.year)
    if period.start > today:
        raise PeriodError(
            f"De periode {period.label} is nog niet begonnen; kies een eerdere periode."
        )
    return period


def _checked(digits: str) -> int:
    # Before any date is made: year 0 or 9999 + 4 is no date at all.
    value = int(digits)
    if not FIRST_YEAR <= value <= LAST_YEAR:
        raise PeriodError(f"kies een periode tussen {FIRST_YEAR} en {LAST_YEAR}")
    return value


def choices(today: date) -> list[Period]:
    """What the report page offers: this and the last four quarters, years and two terms."""
    quarters = [quarter_of(today)]
    for _ in range(4):
        quarters.append(quarters[-1].previous())
    years = [year(today.year - offset) for offset in range(3)]
    terms = [term_of(today), term_of(today).previous()]
    return years + quarters + terms

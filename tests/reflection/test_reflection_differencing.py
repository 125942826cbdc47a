# SPDX-License-Identifier: EUPL-1.2
"""Reports cannot be subtracted into small cells (SECURITY.md, "Rapportages: verschillen tussen
perioden").

The attacker downloads the report of every period the API offers (every quarter, year and
council term since 2018; the page, PDF, CSV and XLSX show the same tables) and knows every
figure in all of them at once. Per protected count (ambtelijke bijstand, technische vragen,
weigeringen) the unknowns are the counts per fractie per quarter: every period is a sum of whole
quarters (years start on 1 January, council terms on 1 April). What the reports show becomes
constraints on sums of those unknowns: a shown cell or total is exact, "<3" is 0–2, "≥3" is at
least 3, "afgeschermd" says nothing; the key figures give each period's total over all fracties.

The attacker is exact where it claims something: linear algebra with fractions finds every sum
the published equalities fix (after the zeros that non-negative counts force), and interval
propagation adds the lower bounds the inequalities prove. A leak is a count per fractie, over
any period the reports offer, that is 1 or 2 and that the attacker proves to be at least 1.
"""

from collections import defaultdict
from datetime import date, datetime
from fractions import Fraction
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from raadsloket.api.tokens import issue
from raadsloket.demo.lifecycle import act, new_case
from raadsloket.policy.schema import Reporting
from raadsloket.reflection.periods import Period, quarter_of, term, year

URL = "/api/v1/reflection/report"
AMS = ZoneInfo("Europe/Amsterdam")
TODAY = datetime(2026, 12, 7, 10, tzinfo=AMS)
T = 3  # the threshold of the VNG profile
FIRST_YEAR = 2018  # nothing was asked before; the reports from then on say so
NO_FRACTIE = "zonder fractie"
# Per protected count: its column in the fractie and group tables, its row in the key figures.
COUNTS = {
    "ambtelijke bijstand": "waarvan ambtelijke bijstand",
    "technische vragen": "waarvan technische vragen",
    "weigeringen": "Weigeringen",
}


# --- The attacker ---------------------------------------------------------------------------


def offered_periods(today: date) -> list[Period]:
    """Every quarter, year and council term from FIRST_YEAR that has begun."""
    periods = []
    for value in range(FIRST_YEAR, today.year + 1):
        periods.append(year(value))
        periods += [quarter_of(date(value, month, 1)) for month in (1, 4, 7, 10)]
        if (value - 2002) % 4 == 0:
            periods.append(term(value))
    return [period for period in periods if period.start <= today]


def quarters_of(period: Period, today: date) -> list[str]:
    """The quarters a period is the sum of (those to come hold nothing yet)."""
    result, day = [], period.start
    while day <= min(period.end, today):
        quarter = quarter_of(day)
        result.append(quarter.slug)
        day = date.fromordinal(quarter.end.toordinal() + 1)
    return result


def bounds_of(cell) -> tuple[int, int | None] | None:
    """What a cell tells: (low, high), high None for no upper bound; None for nothing."""
    if cell["hidden"] is None:
        return cell["value"], cell["value"]
    if cell["hidden"] == "small":
        return 0, T - 1
    if cell["hidden"] == "complement":
        return T, None
    return None


def fractie_name(label: str) -> str:
    return label.removesuffix(" (coalitie)").removesuffix(" (oppositie)")


def table(payload, key):
    return next((t for t in payload["tables"] if t["key"] == key), None)


def constraints_of(payload, names, quarters, column, key_row, small_seats):
    """(variables, low, high) for one period's report and one count, variables (fractie,
    quarter). The fractie names come from every report: a fractie without a row here had 0."""
    constraints = []
    key = table(payload, "kerncijfers")
    total = next(row for row in key["rows"] if row["label"] == key_row)["cells"][0]
    everyone = frozenset((name, q) for name in names for q in quarters)
    constraints.append((everyone, total["value"], total["value"]))
    fracties = table(payload, "per_fractie")
    if fracties is None:
        return constraints
    index = fracties["columns"].index(column)
    seats_index = fracties["columns"].index("zetels")
    sides = defaultdict(set)
    listed = set()
    for row in fracties["rows"]:
        if row["total"]:
            continue
        name = fractie_name(row["label"])
        listed.add(name)
        if bounds := bounds_of(row["cells"][index]):
            constraints.append((frozenset((name, q) for q in quarters), *bounds))
        if name != NO_FRACTIE:
            sides["coalitie" if row["label"].endswith("(coalitie)") else "oppositie"].add(name)
            seats = row["cells"][seats_index]["value"]
            sides["kleine fracties" if seats <= small_seats else "grote fracties"].add(name)
    constraints.extend((frozenset((name, q) for q in quarters), 0, 0) for name in names - listed)
    for group_key in ("coalitie_oppositie", "klein_groot"):
        group_table = table(payload, group_key)
        group_index = group_table["columns"].index(column)
        for row in group_table["rows"]:
            if bounds := bounds_of(row["cells"][group_index]):
                members = frozenset((name, q) for name in sides[row["label"]] for q in quarters)
                constraints.append((members, *bounds))
    return constraints


def propagate(constraints, variables):
    """Interval bounds per variable (non-negative whole counts) to a fixed point."""
    low = dict.fromkeys(variables, 0)
    high: dict = dict.fromkeys(variables, None)
    changed = True
    while changed:
        changed = False
        for members, c_low, c_high in constraints:
            sum_low = sum(low[v] for v in members)
            highs = [high[v] for v in members]
            sum_high = None if None in highs else sum(highs)
            for v in members:
                if c_high is not None:
                    bound = c_high - (sum_low - low[v])
                    if high[v] is None or bound < high[v]:
                        high[v], changed = bound, True
                if sum_high is not None:
                    bound = c_low - (sum_high - high[v])
                    if bound > low[v]:
                        low[v], changed = bound, True
    assert all(high[v] is None or low[v] <= high[v] for v in variables), "inconsistent"
    return low, high


def row_space(equalities, variables):
    """Reduced row echelon form (fractions) of the equalities: {pivot: (row, value)}."""
    pivots: dict = {}
    for members, value in equalities:
        row = {v: Fraction(1) for v in members}
        value = Fraction(value)
        row, value = reduce(row, value, pivots)
        if not row:
            assert value == 0, "inconsistent equalities"
            continue
        pivot = min(row, key=variables.index)
        factor = row[pivot]
        row = {v: c / factor for v, c in row.items()}
        value /= factor
        for other, (other_row, other_value) in list(pivots.items()):
            if pivot in other_row:
                c = other_row[pivot]
                merged = dict(other_row)
                for v, coefficient in row.items():
                    merged[v] = merged.get(v, 0) - c * coefficient
                pivots[other] = ({v: x for v, x in merged.items() if x}, other_value - c * value)
        pivots[pivot] = (row, value)
    return pivots


def reduce(row, value, pivots):
    row = dict(row)
    for pivot, (pivot_row, pivot_value) in pivots.items():
        if pivot in row:
            c = row[pivot]
            for v, coefficient in pivot_row.items():
                row[v] = row.get(v, 0) - c * coefficient
            value -= c * pivot_value
            row = {v: x for v, x in row.items() if x}
    return row, value


def fractie_names(reports) -> frozenset:
    names = {NO_FRACTIE}
    for _, payload in reports.values():
        if fracties := table(payload, "per_fractie"):
            names |= {fractie_name(row["label"]) for row in fracties["rows"] if not row["total"]}
    return frozenset(names)


def attack(reports, today, small_seats, counts=COUNTS):
    """{(count, fractie, period slug): the lowest value the attacker can prove}, from
    `reports` {slug: (period, payload)}."""
    names = fractie_names(reports)
    periods = {slug: quarters_of(period, today) for slug, (period, _) in reports.items()}
    proven = {}
    for column, key_row in counts.items():
        constraints = []
        for slug, (_, payload) in reports.items():
            constraints += constraints_of(
                payload, names, periods[slug], column, key_row, small_seats
            )
        variables = sorted({v for members, _, _ in constraints for v in members})
        low, high = propagate(constraints, variables)
        fixed = {v: low[v] for v in variables if high[v] == low[v]}
        # The equalities over the variables not yet fixed: linear algebra finds every sum they
        # determine, however far the published periods have to be combined.
        equalities = []
        for members, c_low, c_high in constraints:
            if c_low == c_high:
                free = frozenset(v for v in members if v not in fixed)
                equalities.append((free, c_low - sum(fixed.get(v, 0) for v in members)))
        free_variables = [v for v in variables if v not in fixed]
        pivots = row_space(equalities, free_variables)
        for name in names:
            for slug, quarters in periods.items():
                members = [(name, q) for q in quarters]
                floor = sum(low[v] for v in members)
                target = {v: Fraction(1) for v in members if v not in fixed}
                rest, value = reduce(target, Fraction(0), pivots)
                if not rest:
                    floor = max(floor, sum(fixed.get(v, 0) for v in members) - value)
                proven[(column, name, slug)] = floor
    return proven


# --- The reports ----------------------------------------------------------------------------


@pytest.fixture
def asked(world):
    """Lokaal Belang (raadslid1–6) asks three times in 2025 and once in February 2026, CDA
    (raadslid17–20) three times in 2025; nothing else."""
    for moment, members in (
        (datetime(2025, 5, 12, 10, tzinfo=AMS), ("raadslid2", "raadslid3", "raadslid4")),
        (datetime(2025, 6, 2, 10, tzinfo=AMS), ("raadslid17", "raadslid18", "raadslid19")),
        (datetime(2026, 2, 9, 10, tzinfo=AMS), ("raadslid5",)),
    ):
        with time_machine.travel(moment, tick=True):
            for member in members:
                act(world, new_case(world, member), "submit", member)
    return world


def download_all(person) -> dict:
    """Every report the person can download, {slug: (period, API payload)}."""
    client = Client()
    token = issue(person)
    reports = {}
    with time_machine.travel(TODAY):
        for period in offered_periods(TODAY.date()):
            response = client.get(
                URL, {"periode": period.slug}, HTTP_AUTHORIZATION=f"Bearer {token}"
            )
            assert response.status_code == 200, (period.slug, response.content)
            reports[period.slug] = (period, response.json())
    return reports


@pytest.mark.django_db
def test_no_report_minus_another_gives_a_fractie_small_count(asked):
    # The VVD's fractievoorzitter (raadslid7) sits in the presidium: the full reports.
    reports = download_all(asked["raadslid7"])
    last_year = reports["2025"][1]
    assert last_year["audience"] == "full" and table(last_year, "per_fractie")
    proven = attack(reports, TODAY.date(), Reporting().small_fractie_max_seats)
    # The true counts, to know which are small: Lokaal Belang's request of February 2026.
    true = {("ambtelijke bijstand", "Lokaal Belang", slug): 1 for slug in ("2026-k1", "2026")}
    leaks = {key: floor for key, floor in proven.items() if key in true and floor >= 1}
    # Before the fix the council term 2022–2026 (Lokaal Belang 4) minus 2025 (3), with 2022–2024
    # empty, proved that Lokaal Belang asked exactly once in the first quarter of 2026.
    assert not leaks, leaks
    # Every other count the attacker pins down is 0 or at least the threshold.
    for key, floor in proven.items():
        assert floor == 0 or floor >= T or key in true, (key, floor)


def test_the_attacker_finds_a_term_minus_its_years():
    """The attacker itself, on the reports before the fix: a closed term with figures per
    fractie (Alfa 4) and the closed years within it (2025: Alfa 3, the others empty)."""
    today = date(2026, 12, 7)

    def report(alfa, total, fracties=True):
        cell = {"value": alfa, "hidden": None}
        zero = {"value": None, "hidden": "small"}
        rows = [
            {"label": "Alfa (oppositie)", "total": False, "cells": [{"value": 6}, cell]},
            {"label": "Bravo (oppositie)", "total": False, "cells": [{"value": 5}, zero]},
        ]
        groups = [
            {"key": key, "columns": ["ambtelijke bijstand"], "rows": []}
            for key in ("coalitie_oppositie", "klein_groot")
        ]
        key_rows = [{"label": label, "cells": [{"value": 0}]} for label in COUNTS.values()]
        key_rows[0]["cells"][0]["value"] = total
        tables = [{"key": "kerncijfers", "rows": key_rows}]
        if fracties:
            tables += [
                {"key": "per_fractie", "columns": ["zetels", "ambtelijke bijstand"], "rows": rows}
            ] + groups
        return {"tables": tables}

    payloads = {
        "raadsperiode-2022": report(4, 4),
        "2025": report(3, 3),
        "2025-k2": report(None, 3, fracties=False),
        "2026": report(None, 1, fracties=False),
        "2026-k1": report(None, 1, fracties=False),
    }
    reports = {
        period.slug: (
            period,
            payloads.get(period.slug)
            or report(0, 0, fracties=period.kind == "year" or period.slug == "raadsperiode-2018"),
        )
        for period in offered_periods(today)
    }
    proven = attack(reports, today, 2, {"ambtelijke bijstand": COUNTS["ambtelijke bijstand"]})
    assert proven[("ambtelijke bijstand", "Alfa", "2026-k1")] == 1
    assert proven[("ambtelijke bijstand", "Bravo", "2026-k1")] == 0

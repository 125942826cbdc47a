# SPDX-License-Identifier: EUPL-1.2
"""The yearly allocation, worked out by hand (RULES.md, "Fractieondersteuning").

VNG model profile: € 1.314,30 per fractie + € 199,77 per seat in base year 2026, indexed 2% a
year (rounded to cents each year). Mid-year changes pro-rate by day; the fixed amount of a
fractie that only changes seats stays whole. The total is the exact sum rounded once; each line
is the rounded running sum minus the previous one, so the lines add up to the total.
"""

from datetime import date, timedelta
from decimal import Decimal

import pytest

from raadsloket.fractie_support.allocation import Period, allocate, year_amounts

D = Decimal


def lines(allocation) -> list[tuple]:
    return [
        (line.start, line.end, line.days, line.seats, line.fixed_part, line.seat_part)
        for line in allocation.lines
    ]


# --- amounts per year ---------------------------------------------------------------------------


def test_the_base_year_has_the_councils_amounts(support):
    amounts = year_amounts(support, 2026)

    assert (amounts.fixed_per_fractie, amounts.per_seat) == (D("1314.30"), D("199.77"))
    assert amounts.explanation == "bedragen van basisjaar 2026"


def test_indexation_is_rounded_to_cents_every_year(support):
    # 2027: 1314.30 × 1.02 = 1340.586 → 1340.59; 199.77 × 1.02 = 203.7654 → 203.77.
    assert (
        year_amounts(support, 2027).fixed_per_fractie,
        year_amounts(support, 2027).per_seat,
    ) == (
        D("1340.59"),
        D("203.77"),
    )
    # 2028 indexes the rounded 2027 amounts: 1340.59 × 1.02 = 1367.4018 → 1367.40;
    # 203.77 × 1.02 = 207.8454 → 207.85. (Compounding once, 199.77 × 1.02² = 207.8407 → 207.84,
    # would be a cent short: municipalities index last year's rounded amount.)
    amounts = year_amounts(support, 2028)
    assert (amounts.fixed_per_fractie, amounts.per_seat) == (D("1367.40"), D("207.85"))
    assert amounts.explanation == (
        "bedragen van basisjaar 2026, 2 × 2,00% indexatie (elk jaar afgerond op centen)"
    )


def test_years_before_the_base_year_use_the_base_amounts(support):
    amounts = year_amounts(support, 2025)

    assert (amounts.fixed_per_fractie, amounts.per_seat) == (D("1314.30"), D("199.77"))


# --- whole years --------------------------------------------------------------------------------


def test_a_full_year_with_six_seats(support):
    # 1314.30 + 6 × 199.77 = 1314.30 + 1198.62 = 2512.92
    allocation = allocate(support, 2026, [Period(seats=6)])

    assert allocation.total == D("2512.92")
    assert lines(allocation) == [
        (date(2026, 1, 1), date(2026, 12, 31), 365, 6, D("1314.30"), D("1198.62"))
    ]
    assert (allocation.days, allocation.days_in_year) == (365, 365)


def test_a_full_indexed_year(support):
    # 2027: 1340.59 + 6 × 203.77 = 1340.59 + 1222.62 = 2563.21
    assert allocate(support, 2027, [Period(seats=6)]).total == D("2563.21")


@pytest.mark.parametrize(
    ("seats", "total"),
    [(1, "1514.07"), (2, "1713.84"), (3, "1913.61"), (4, "2113.38"), (5, "2313.15")],
)
def test_every_seat_adds_the_same_amount(support, seats, total):
    assert allocate(support, 2026, [Period(seats=seats)]).total == D(total)


# --- a split on a given day ---------------------------------------------------------------------


def test_the_old_fractie_after_a_split_on_1_july(support):
    """Lokaal Belang (6 seats) loses 2 seats on 1 July 2026.

    1 January – 30 June is 181 days, 1 July – 31 December 184 days (2026 has 365).
    Fixed amount, whole year: 1314.30 × 181/365 = 651.7488 → 651.75; the rest, 662.55.
    Seats: 6 × 199.77 × 181/365 = 594.3842 → 594.38;
           + 4 × 199.77 × 184/365 = 402.8239 → running sum 997.2081 → 997.21, so line 402.83.
    Total: 1314.30 + 997.21 = 2311.51.
    """
    allocation = allocate(
        support,
        2026,
        [Period(6, end=date(2026, 6, 30)), Period(4, start=date(2026, 7, 1))],
    )

    assert lines(allocation) == [
        (date(2026, 1, 1), date(2026, 6, 30), 181, 6, D("651.75"), D("594.38")),
        (date(2026, 7, 1), date(2026, 12, 31), 184, 4, D("662.55"), D("402.83")),
    ]
    assert allocation.total == D("2311.51")
    # A fractie that only changes seats keeps the whole fixed amount.
    assert sum(line.fixed_part for line in allocation.lines) == D("1314.30")


def test_the_new_fractie_from_1_july(support):
    """Groep Van Dam, 2 seats from 1 July 2026 (184 days).

    Fixed: 1314.30 × 184/365 = 662.5512 → 662.55. Seats: 2 × 199.77 × 184/365 = 201.4119
    → 201.41. Total 863.96.
    """
    allocation = allocate(support, 2026, [Period(2, start=date(2026, 7, 1))])

    assert lines(allocation) == [
        (date(2026, 7, 1), date(2026, 12, 31), 184, 2, D("662.55"), D("201.41"))
    ]
    assert allocation.total == D("863.96")


def test_a_seat_change_on_1_april(support):
    """VVD goes from 5 to 4 seats on 1 April 2026: 90 days, then 275.

    Fixed: 1314.30 × 90/365 = 324.0740 → 324.07; the rest 990.23.
    Seats: 5 × 199.77 × 90/365 = 246.2918 → 246.29; + 4 × 199.77 × 275/365 = 602.0466 →
    running 848.3384 → 848.34, line 602.05. Total 1314.30 + 848.34 = 2162.64.
    """
    allocation = allocate(
        support,
        2026,
        [Period(5, end=date(2026, 3, 31)), Period(4, start=date(2026, 4, 1))],
    )

    assert [(line.days, line.fixed_part, line.seat_part) for line in allocation.lines] == [
        (90, D("324.07"), D("246.29")),
        (275, D("990.23"), D("602.05")),
    ]
    assert allocation.total == D("2162.64")


def test_merged_fracties_each_account_for_their_own_part(support):
    """SP and Partij voor de Dieren (2 seats each) merge on 1 October 2026: 273 days, then 92.

    Each old fractie: 1314.30 × 273/365 = 983.0244 → 983.02; 2 × 199.77 × 273/365 = 298.8340 →
    298.83; total 1281.85. The merged fractie: 1314.30 × 92/365 = 331.2756 → 331.28;
    4 × 199.77 × 92/365 = 201.4119 → 201.41; total 532.69.
    """
    old = allocate(support, 2026, [Period(2, end=date(2026, 9, 30))])
    new = allocate(support, 2026, [Period(4, start=date(2026, 10, 1))])

    assert (old.lines[0].days, old.lines[0].fixed_part, old.lines[0].seat_part) == (
        273,
        D("983.02"),
        D("298.83"),
    )
    assert old.total == D("1281.85")
    assert (new.lines[0].days, new.total) == (92, D("532.69"))


# --- leap years and edges -----------------------------------------------------------------------


def test_a_leap_year_counts_366_days(support):
    """2028 (amounts 1367.40 and 207.85): 5 seats until 29 February (60 days), then 3 (306).

    Fixed: 1367.40 × 60/366 = 224.1639 → 224.16; the rest 1143.24.
    Seats: 5 × 207.85 × 60/366 = 170.3689 → 170.37; + 3 × 207.85 × 306/366 = 521.3287 →
    running 691.6975 → 691.70, line 521.33. Total 1367.40 + 691.70 = 2059.10.
    """
    allocation = allocate(
        support,
        2028,
        [Period(5, end=date(2028, 2, 29)), Period(3, start=date(2028, 3, 1))],
    )

    assert allocation.days_in_year == allocation.days == 366
    assert [(line.days, line.fixed_part, line.seat_part) for line in allocation.lines] == [
        (60, D("224.16"), D("170.37")),
        (306, D("1143.24"), D("521.33")),
    ]
    assert allocation.total == D("2059.10")
    # A full leap year is a full year: 1367.40 + 3 × 207.85 = 1990.95.
    assert allocate(support, 2028, [Period(3)]).total == D("1990.95")


def test_periods_are_clipped_to_the_year(support):
    # Held from 1 July 2025 to 30 June 2026: in 2026 that is 181 days of 3 seats.
    allocation = allocate(support, 2026, [Period(3, date(2025, 7, 1), date(2026, 6, 30))])

    assert lines(allocation) == [
        (date(2026, 1, 1), date(2026, 6, 30), 181, 3, D("651.75"), D("297.19"))
    ]


def test_a_fractie_that_did_not_exist_that_year_gets_nothing(support):
    allocation = allocate(support, 2026, [Period(2, start=date(2027, 1, 1))])

    assert allocation.lines == () and allocation.total == D("0.00")


def test_the_lines_always_add_up_to_the_exact_total_rounded_once(support):
    # Twelve monthly seat changes: the per-line roundings must not drift from the exact sum.
    periods = [
        Period(1 + month % 5, date(2026, month, 1), date(2026, month + 1, 1) - timedelta(days=1))
        for month in range(1, 12)
    ]
    periods.append(Period(3, date(2026, 12, 1), None))
    allocation = allocate(support, 2026, periods)

    exact_fixed = D("1314.30")
    exact_seats = sum(
        (D("199.77") * p.seats * D(line.days) / D(365))
        for p, line in zip(periods, allocation.lines, strict=True)
    )
    assert allocation.days == 365
    assert sum(line.fixed_part for line in allocation.lines) == exact_fixed
    assert sum(line.seat_part for line in allocation.lines) == exact_seats.quantize(D("0.01"))

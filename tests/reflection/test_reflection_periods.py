# SPDX-License-Identifier: EUPL-1.2
"""Report periods: a year, a quarter or a council term, written as text."""

from datetime import date

import pytest

from raadsloket.reflection.periods import Period, PeriodError, choices, parse, term, term_of


def test_a_year():
    period = parse("2026")
    assert (period.kind, period.start, period.end) == ("year", date(2026, 1, 1), date(2026, 12, 31))
    assert period.slug == "2026" and period.label == "2026" and period.days == 365
    assert parse(" 2024 ").days == 366  # a leap year, surrounding spaces ignored


@pytest.mark.parametrize(
    ("text", "start", "end", "label"),
    [
        ("2026-k1", date(2026, 1, 1), date(2026, 3, 31), "1e kwartaal 2026"),
        ("2026-k2", date(2026, 4, 1), date(2026, 6, 30), "2e kwartaal 2026"),
        ("2026-k3", date(2026, 7, 1), date(2026, 9, 30), "3e kwartaal 2026"),
        ("2026-K4", date(2026, 10, 1), date(2026, 12, 31), "4e kwartaal 2026"),
        ("2026-q3", date(2026, 7, 1), date(2026, 9, 30), "3e kwartaal 2026"),
    ],
)
def test_a_quarter(text, start, end, label):
    period = parse(text)
    assert (period.kind, period.start, period.end, period.label) == ("quarter", start, end, label)
    assert period.slug == text.lower().replace("q", "k")
    assert parse(period.slug) == period


def test_a_council_term_runs_from_1_april_of_the_election_year():
    period = parse("raadsperiode-2026")
    assert (period.kind, period.start, period.end) == ("term", date(2026, 4, 1), date(2030, 3, 31))
    assert period.slug == "raadsperiode-2026"
    assert period.label == "raadsperiode 2026–2030"
    assert parse("Raadsperiode-2022") == term(2022)
    assert period.days == 365 * 4 + 1  # 2028 is a leap year


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "26",
        "20266",
        "2026-k5",
        "2026-k0",
        "2026-5",
        "k3-2026",
        "2026/k3",
        "raadsperiode",
        "raadsperiode-26",
        "periode-2026",
        "twintig",
        None,
    ],
)
def test_what_is_not_a_period_is_refused_in_dutch(text):
    with pytest.raises(PeriodError) as error:
        parse(text)
    message = str(error.value)
    assert "geen periode" in message
    assert "2026-k3" in message and "raadsperiode-2026" in message


def test_a_year_without_council_elections_is_no_term():
    with pytest.raises(PeriodError, match="geen verkiezingsjaar voor de gemeenteraad"):
        parse("raadsperiode-2025")


@pytest.mark.parametrize("text", ["1999", "2101", "1999-k4", "raadsperiode-2102"])
def test_periods_far_away_are_refused(text):
    with pytest.raises(PeriodError, match="kies een periode tussen 2000 en 2100"):
        parse(text)


def test_period_error_is_a_value_error():
    assert issubclass(PeriodError, ValueError)


@pytest.mark.parametrize(
    ("text", "previous"),
    [
        ("2026", "2025"),
        ("2026-k1", "2025-k4"),  # the first quarter follows the last of the year before
        ("2026-k2", "2026-k1"),
        ("2026-k3", "2026-k2"),
        ("2026-k4", "2026-k3"),
        ("raadsperiode-2026", "raadsperiode-2022"),  # four years earlier
        ("raadsperiode-2022", "raadsperiode-2018"),
    ],
)
def test_the_previous_period_is_of_the_same_kind(text, previous):
    period = parse(text)
    assert period.previous() == parse(previous)
    assert (period.start - period.previous().end).days == 1  # adjacent, no gap, no overlap


@pytest.mark.parametrize(
    ("day", "election"),
    [
        (date(2026, 3, 31), 2022),  # the old council until 31 March
        (date(2026, 4, 1), 2026),  # the new one from 1 April
        (date(2026, 3, 18), 2022),  # election day itself is still the old term
        (date(2030, 3, 31), 2026),
        (date(2030, 4, 1), 2030),
        (date(2027, 1, 1), 2026),
        (date(2024, 12, 31), 2022),
    ],
)
def test_term_of_a_day_around_1_april(day, election):
    period = term_of(day)
    assert period == term(election) and period.contains(day)


def test_contains_and_is_running_include_both_ends():
    period = parse("2026-k2")
    assert period.contains(date(2026, 4, 1)) and period.contains(date(2026, 6, 30))
    assert not period.contains(date(2026, 3, 31)) and not period.contains(date(2026, 7, 1))
    assert period.is_running(date(2026, 5, 15)) and not period.is_running(date(2026, 7, 1))


def test_choices_offer_three_years_five_quarters_and_two_terms():
    offered = choices(date(2026, 5, 15))
    assert all(isinstance(period, Period) for period in offered)
    assert [period.slug for period in offered] == [
        "2026",
        "2025",
        "2024",
        "2026-k2",
        "2026-k1",
        "2025-k4",
        "2025-k3",
        "2025-k2",
        "raadsperiode-2026",
        "raadsperiode-2022",
    ]
    # Before 1 April the running term is the one elected four years earlier.
    early = [period.slug for period in choices(date(2026, 2, 1)) if period.kind == "term"]
    assert early == ["raadsperiode-2022", "raadsperiode-2018"]
    # Every choice can be written and read back.
    assert all(parse(period.slug) == period for period in offered)

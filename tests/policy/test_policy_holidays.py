# SPDX-License-Identifier: EUPL-1.2
"""Terms skip the feestdagen of the Algemene termijnenwet art. 3, and the profile's own days.

Art. 3 lid 1: Nieuwjaarsdag, tweede Paas- en Pinksterdag, both Kerstdagen, Hemelvaartsdag,
Koningsdag and 5 May (every year); lid 2 adds Goede Vrijdag. The expected dates below are written
out from the calendar, not computed.
"""

from datetime import date

import pytest

from raadsloket.policy.deadlines import add_term, is_working_day, working_days_between
from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import build_profile, load_preset, profile_to_toml
from raadsloket.policy.public_holidays import easter_sunday, statutory_holidays
from raadsloket.policy.schema import Term

# year: (Goede Vrijdag, tweede Paasdag, Koningsdag, Hemelvaartsdag, tweede Pinksterdag)
MOVABLE = {
    2024: ("03-29", "04-01", "04-27", "05-09", "05-20"),
    2025: ("04-18", "04-21", "04-26", "05-29", "06-09"),
    2026: ("04-03", "04-06", "04-27", "05-14", "05-25"),
    2027: ("03-26", "03-29", "04-27", "05-06", "05-17"),
    2028: ("04-14", "04-17", "04-27", "05-25", "06-05"),
    2029: ("03-30", "04-02", "04-27", "05-10", "05-21"),
    2030: ("04-19", "04-22", "04-27", "05-30", "06-10"),
}
NAMES = ("Goede Vrijdag", "tweede Paasdag", "Koningsdag", "Hemelvaartsdag", "tweede Pinksterdag")


def day(year: int, month_day: str) -> date:
    return date.fromisoformat(f"{year}-{month_day}")


@pytest.mark.parametrize("year", sorted(MOVABLE))
def test_the_feestdagen_of_each_year_are_exactly_those_of_the_article(year):
    expected = {day(year, md): name for md, name in zip(MOVABLE[year], NAMES, strict=True)}
    expected |= {
        day(year, "01-01"): "Nieuwjaarsdag",
        day(year, "05-05"): "Bevrijdingsdag",
        day(year, "12-25"): "eerste Kerstdag",
        day(year, "12-26"): "tweede Kerstdag",
    }

    assert statutory_holidays(year) == expected
    assert not any(is_working_day(holiday) for holiday in expected)


@pytest.mark.parametrize("year", sorted(MOVABLE))
def test_bevrijdingsdag_counts_every_year_not_only_in_lustrum_years(year):
    assert not is_working_day(date(year, 5, 5))


def test_a_working_day_term_over_5_may_in_a_non_lustrum_year_skips_it():
    # Monday 4 May 2026 plus one working day: Tuesday 5 May does not count, so Wednesday 6 May.
    assert add_term(date(2026, 5, 4), Term(days=1, kind="working")) == date(2026, 5, 6)


def test_a_calendar_term_ending_on_5_may_runs_on_to_the_next_working_day():
    # Algemene termijnenwet art. 1: 30 days after Sunday 5 April 2026 is Tuesday 5 May.
    term = Term(days=30, kind="calendar", next_working_day=True)
    assert add_term(date(2026, 4, 5), term) == date(2026, 5, 6)


def test_koningsdag_is_saturday_26_april_when_27_april_is_a_sunday():
    # 2025: 27 April is a Sunday; Koningsdag is Saturday 26 April, Monday 28 April is a working day.
    assert statutory_holidays(2025)[date(2025, 4, 26)] == "Koningsdag"
    assert date(2025, 4, 27) not in statutory_holidays(2025)
    assert is_working_day(date(2025, 4, 28))
    term = Term(days=1, kind="working")
    assert add_term(date(2025, 4, 25), term) == date(2025, 4, 28)


def test_goede_vrijdag_extends_a_term_as_art_3_lid_2_says():
    # Thursday 2 April 2026 plus one working day: Goede Vrijdag 3 April, the weekend and tweede
    # Paasdag 6 April do not count, so Tuesday 7 April.
    assert add_term(date(2026, 4, 2), Term(days=1, kind="working")) == date(2026, 4, 7)
    term = Term(days=1, kind="calendar", next_working_day=True)
    assert add_term(date(2026, 4, 2), term) == date(2026, 4, 7)


def test_days_the_article_does_not_name_are_working_days():
    # Christmas Eve, New Year's Eve, the Friday after Hemelvaartsdag, Koningsnacht.
    for weekday in (date(2026, 12, 24), date(2026, 12, 31), date(2026, 5, 15), date(2026, 4, 24)):
        assert is_working_day(weekday)


def test_easter_sunday_for_known_years():
    known = {
        1818: date(1818, 3, 22),
        1943: date(1943, 4, 25),
        2000: date(2000, 4, 23),
        2024: date(2024, 3, 31),
        2025: date(2025, 4, 20),
        2026: date(2026, 4, 5),
        2038: date(2038, 4, 25),
        2285: date(2285, 3, 22),
    }
    assert {year: easter_sunday(year) for year in known} == known


def test_a_local_holiday_of_the_profile_is_not_a_working_day():
    profile = build_profile("vng-model", {"terms": {"local_holidays": ["2026-05-15"]}})
    local = profile.terms.local_holidays

    assert profile.terms.local_holidays == [date(2026, 5, 15)]
    assert not is_working_day(date(2026, 5, 15), local)
    # Wednesday 13 May 2026 plus one working day: Hemelvaartsdag, the local Friday and the
    # weekend do not count, so Monday 18 May.
    assert add_term(date(2026, 5, 13), Term(days=1, kind="working"), local) == date(2026, 5, 18)
    assert working_days_between(date(2026, 5, 13), date(2026, 5, 18), local) == 1
    assert working_days_between(date(2026, 5, 13), date(2026, 5, 18)) == 2


def test_no_preset_has_local_holidays():
    assert load_preset("vng-model").terms.local_holidays == []


def test_local_holidays_are_sorted_and_survive_the_toml_round_trip(write_toml):
    from raadsloket.policy.loader import load_file

    profile = build_profile(
        "vng-model", {"terms": {"local_holidays": ["2026-12-31", "2026-05-15"]}}
    )
    assert profile.terms.local_holidays == [date(2026, 5, 15), date(2026, 12, 31)]
    assert load_file(write_toml(profile_to_toml(profile))) == profile


def test_a_toml_file_writes_local_holidays_as_bare_dates(write_toml):
    from raadsloket.policy.loader import load_file

    path = write_toml(
        'extends = "vng-model"\n\n[terms]\nlocal_holidays = [2026-05-15, 2027-05-07]\n'
    )
    assert load_file(path).terms.local_holidays == [date(2026, 5, 15), date(2027, 5, 7)]


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (["2026-13-01"], "terms.local_holidays.1: moet een datum zijn als jjjj-mm-dd"),
        (["15-05-2026"], "terms.local_holidays.1: moet een datum zijn als jjjj-mm-dd"),
        ([20260515], "terms.local_holidays.1: moet een datum zijn als jjjj-mm-dd"),
        (["2026-05-15T10:00"], "terms.local_holidays.1: moet een datum zijn als jjjj-mm-dd"),
        (["2026-05-15", "2026-05-15"], "terms.local_holidays: de datum 2026-05-15 komt meer"),
        ("2026-05-15", "terms.local_holidays: moet een lijst zijn"),
    ],
)
def test_a_wrong_local_holiday_is_refused_in_dutch(value, message):
    with pytest.raises(PolicyError) as error:
        build_profile("vng-model", {"terms": {"local_holidays": value}})

    assert len(error.value.messages) == 1
    assert error.value.messages[0].startswith(message)

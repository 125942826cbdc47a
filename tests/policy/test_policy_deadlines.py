# SPDX-License-Identifier: EUPL-1.2
"""Terms in working days skip weekends and Dutch public holidays; calendar days do not."""

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from raadsloket.policy.deadlines import (
    add_term,
    describe_term,
    is_working_day,
    working_days_between,
)
from raadsloket.policy.schema import Term


def working(days: int) -> Term:
    return Term(days=days, kind="working")


def calendar(days: int) -> Term:
    return Term(days=days, kind="calendar")


def test_working_days_within_one_week():
    # Monday 9 March 2026 plus three working days is Thursday.
    assert add_term(date(2026, 3, 9), working(3)) == date(2026, 3, 12)


def test_working_days_skip_the_weekend():
    # Friday 13 March 2026 plus one working day is Monday.
    assert add_term(date(2026, 3, 13), working(1)) == date(2026, 3, 16)


def test_a_working_day_term_starting_on_a_weekend_counts_from_monday():
    # Saturday and Sunday 7-8 March 2026 count as Monday 9 March.
    assert add_term(date(2026, 3, 7), working(5)) == date(2026, 3, 16)
    assert add_term(date(2026, 3, 8), working(5)) == date(2026, 3, 16)
    assert add_term(date(2026, 3, 7), working(0)) == date(2026, 3, 9)


def test_zero_working_days_on_a_working_day_is_that_day():
    assert add_term(date(2026, 3, 11), working(0)) == date(2026, 3, 11)


def test_koningsdag_is_not_a_working_day():
    # Koningsdag: Monday 27 April 2026.
    assert not is_working_day(date(2026, 4, 27))
    assert add_term(date(2026, 4, 24), working(1)) == date(2026, 4, 28)


def test_christmas_is_not_a_working_day():
    # Thursday 25 and Friday 26 December 2025, then the weekend.
    assert add_term(date(2025, 12, 24), working(1)) == date(2025, 12, 29)
    # 1 January 2026 does not count either.
    assert add_term(date(2025, 12, 24), working(10)) == date(2026, 1, 12)


def test_easter_monday_is_not_a_working_day():
    # Easter Monday 6 April 2026; Goede Vrijdag 3 April counts too (Algemene termijnenwet art. 3
    # lid 2).
    assert not is_working_day(date(2026, 4, 6))
    assert add_term(date(2026, 4, 2), working(1)) == date(2026, 4, 7)


def test_a_term_starting_on_a_holiday_counts_from_the_next_working_day():
    # Easter Monday 6 April 2026 counts as Tuesday 7 April.
    assert add_term(date(2026, 4, 6), working(1)) == date(2026, 4, 8)


def test_calendar_days_count_weekends_and_holidays():
    assert add_term(date(2025, 12, 24), calendar(2)) == date(2025, 12, 26)
    assert add_term(date(2026, 4, 24), calendar(3)) == date(2026, 4, 27)
    assert add_term(date(2026, 4, 1), calendar(30)) == date(2026, 5, 1)


def test_a_datetime_counts_from_its_date():
    assert add_term(datetime(2026, 4, 24, 16, 30), working(1)) == date(2026, 4, 28)
    assert add_term(datetime(2026, 4, 24, 23, 59), calendar(1)) == date(2026, 4, 25)


def test_working_days_between_counts_after_start_up_to_end():
    # Friday 24 April 2026 to Tuesday 28 April: weekend and Koningsdag do not count.
    assert working_days_between(date(2026, 4, 24), date(2026, 4, 28)) == 1
    assert working_days_between(date(2026, 4, 28), date(2026, 4, 24)) == -1
    assert working_days_between(date(2026, 4, 28), date(2026, 4, 28)) == 0
    assert working_days_between(date(2025, 12, 19), date(2026, 1, 2)) == 7


@given(
    start=st.dates(min_value=date(2024, 1, 1), max_value=date(2030, 12, 31)),
    days=st.integers(min_value=0, max_value=60),
)
def test_working_days_between_undoes_add_term(start, days):
    while not is_working_day(start):
        start += timedelta(days=1)

    assert working_days_between(start, add_term(start, working(days))) == days


def test_describe_term_in_dutch():
    assert describe_term(working(10)) == "10 werkdagen (za, zo en feestdagen tellen niet mee)"
    assert describe_term(working(1)) == "1 werkdag (za, zo en feestdagen tellen niet mee)"
    assert describe_term(calendar(30)) == "30 kalenderdagen"
    assert describe_term(calendar(1)) == "1 kalenderdag"


def test_a_calendar_term_ending_on_a_weekend_runs_on_to_monday():
    # Algemene termijnenwet art. 1. Registered Thursday 1 October 2026: 30 days is Saturday
    # 31 October, so the term ends Monday 2 November.
    term = Term(days=30, kind="calendar", next_working_day=True)
    assert add_term(date(2026, 10, 1), term) == date(2026, 11, 2)


def test_a_calendar_term_ending_on_a_holiday_runs_on_past_it():
    # 30 days after Wednesday 26 November 2025 is Friday 26 December (Tweede Kerstdag); the
    # weekend follows, so Monday 29 December.
    term = Term(days=30, kind="calendar", next_working_day=True)
    assert add_term(date(2025, 11, 26), term) == date(2025, 12, 29)
    # Without the rule the term ends on the holiday itself.
    assert add_term(date(2025, 11, 26), calendar(30)) == date(2025, 12, 26)


def test_agenda_deadlines_are_tuesday_noon_and_friday_four_before_the_meeting():
    from raadsloket.policy.deadlines import agenda_deadlines
    from raadsloket.policy.schema import AgendaQuestions

    # Meeting Monday 14 December 2026: answered Friday 11 December 16:00, in by Tuesday 8 Dec 12:00.
    submit_by, answer_by = agenda_deadlines(date(2026, 12, 14), AgendaQuestions())
    assert (submit_by.date(), submit_by.hour, submit_by.minute) == (date(2026, 12, 8), 12, 0)
    assert (answer_by.date(), answer_by.hour) == (date(2026, 12, 11), 16)
    # A meeting on a Friday is answered the Friday before, not the same day.
    _, answer_by = agenda_deadlines(date(2026, 12, 18), AgendaQuestions())
    assert answer_by.date() == date(2026, 12, 11)

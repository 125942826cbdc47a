# SPDX-License-Identifier: EUPL-1.2
"""Term arithmetic for the profile's terms, in calendar days or in working days.

Working days skip Saturdays, Sundays and the Algemene termijnenwet's feestdagen
(`public_holidays`), plus the municipality's own days (`terms.local_holidays` of the profile),
which every function here takes as `local`.
"""

import functools
from collections.abc import Collection
from datetime import date, datetime, timedelta

from django.utils import timezone

from raadsloket.policy.public_holidays import statutory_holidays
from raadsloket.policy.schema import WEEKDAYS, Term

NO_LOCAL_HOLIDAYS: frozenset[date] = frozenset()


def add_term(
    start: date | datetime, term: Term, local: Collection[date] = NO_LOCAL_HOLIDAYS
) -> date:
    """The last day of `term` counted from `start`.

    A working-day term counts from the first working day on or after `start`: a request made on a
    Saturday is handled as made on Monday, and five working days later is the next Monday.
    Calendar days count every day, holidays included; with `next_working_day` (Algemene
    termijnenwet art. 1) an end on a weekend or holiday moves to the next working day.
    """
    day = _local_day(start)
    if term.kind == "calendar":
        end = day + timedelta(days=term.days)
        return _next_working_day(end, local) if term.next_working_day else end
    day = _next_working_day(day, local)
    for _ in range(term.days):
        day = _next_working_day(day + timedelta(days=1), local)
    return day


def _local_day(start: date | datetime) -> date:
    # A request at 00:30 on a Saturday in Amsterdam is a Saturday request, whatever UTC says.
    if isinstance(start, datetime):
        return timezone.localdate(start) if timezone.is_aware(start) else start.date()
    return start


def working_days_between(
    start: date, end: date, local: Collection[date] = NO_LOCAL_HOLIDAYS
) -> int:
    """How many working days after `start` up to and including `end`; negative if `end` is earlier.

    For a working day `start`, `working_days_between(start, add_term(start, term)) == term.days`.
    """
    if end < start:
        return -working_days_between(end, start, local)
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + timedelta(offset), local)
    )


def is_working_day(day: date, local: Collection[date] = NO_LOCAL_HOLIDAYS) -> bool:
    # Algemene termijnenwet art. 1 lid 1: not a Saturday, Sunday or algemeen erkende feestdag.
    return day.weekday() < 5 and day not in _holidays(day.year) and day not in local


def describe_term(term: Term) -> str:
    if term.kind == "calendar":
        text = f"{term.days} {'kalenderdag' if term.days == 1 else 'kalenderdagen'}"
        if term.next_working_day:
            text += " (valt het einde op za, zo of een feestdag, dan de eerstvolgende werkdag)"
        return text
    unit = "werkdag" if term.days == 1 else "werkdagen"
    return f"{term.days} {unit} (za, zo en feestdagen tellen niet mee)"


def _next_working_day(day: date, local: Collection[date]) -> date:
    while not is_working_day(day, local):
        day += timedelta(days=1)
    return day


@functools.lru_cache(maxsize=64)
def _holidays(year: int) -> frozenset[date]:
    return frozenset(statutory_holidays(year))


def agenda_deadlines(meeting: date, rule) -> tuple[datetime, datetime]:
    """(submit by, answered by) for a technical question about an item of the meeting on `meeting`.

    The answer is due on the last `answer_by` weekday before the meeting, and the question must be
    in on the last `submit_by` weekday before that: in by Tuesday 12:00, answered by Friday 16:00,
    for a meeting the week after (RULES.md, "Technische vragen").
    """
    answer_day = _last_weekday_before(meeting, rule.answer_by.weekday)
    submit_day = _last_weekday_before(answer_day, rule.submit_by.weekday)
    return _at(submit_day, rule.submit_by.time), _at(answer_day, rule.answer_by.time)


def _last_weekday_before(day: date, weekday: str) -> date:
    target = WEEKDAYS.index(weekday)
    back = (day.weekday() - target) % 7 or 7
    return day - timedelta(days=back)


def _at(day: date, hhmm: str) -> datetime:
    hour, minute = (int(part) for part in hhmm.split(":"))
    return timezone.make_aware(datetime(day.year, day.month, day.day, hour, minute))

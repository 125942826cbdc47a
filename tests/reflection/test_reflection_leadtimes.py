# SPDX-License-Identifier: EUPL-1.2
"""Lead times count days as the profile counts its terms, its own days included."""

from datetime import date

from raadsloket.reflection.leadtimes import days_between


def test_working_day_lead_times_skip_feestdagen_and_the_profiles_own_days():
    # Wednesday 13 to Monday 18 May 2026: Hemelvaartsdag 14 May and the weekend do not count.
    assert days_between(date(2026, 5, 13), date(2026, 5, 18), "working") == 2
    # A profile that closes on Friday 15 May leaves Monday alone.
    assert days_between(date(2026, 5, 13), date(2026, 5, 18), "working", [date(2026, 5, 15)]) == 1
    # Bevrijdingsdag 5 May 2026 is not a working day, also in a non-lustrum year.
    assert days_between(date(2026, 5, 4), date(2026, 5, 6), "working") == 1
    assert days_between(date(2026, 5, 13), date(2026, 5, 18), "calendar") == 5

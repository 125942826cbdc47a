# SPDX-License-Identifier: EUPL-1.2
"""The days that extend a term: the Algemene termijnenwet's "algemeen erkende feestdagen".

Art. 3 lid 1 names Nieuwjaarsdag, the Christian tweede Paas- en Pinksterdag, both Kerstdagen,
Hemelvaartsdag, the day on which the King's birthday is celebrated and 5 May (every year, not only
in lustrum years); lid 2 puts Goede Vrijdag on a par with them "voor de toepassing van deze wet".
Days equated by Koninklijk Besluit (lid 3) and a municipality's own days come from the profile
(`terms.local_holidays`). Saturdays and Sundays are not listed here: art. 1 names them apart.
"""

from datetime import date, timedelta


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (Meeus/Jones/Butcher)."""
    golden = year % 19
    century, year_of_century = divmod(year, 100)
    leap_centuries, century_rest = divmod(century, 4)
    correction = (century + 8) // 25
    moon = (19 * golden + century - leap_centuries - (century - correction + 1) // 3 + 15) % 30
    leap_years, year_rest = divmod(year_of_century, 4)
    weekday = (32 + 2 * century_rest + 2 * leap_years - moon - year_rest) % 7
    shift = (golden + 11 * moon + 22 * weekday) // 451
    month, day = divmod(moon + weekday - 7 * shift + 114, 31)
    return date(year, month, day + 1)


def kings_day(year: int) -> date:
    # Art. 3 lid 1 names "de dag waarop de verjaardag van de Koning wordt gevierd": 27 April, or
    # Saturday 26 April when the 27th is a Sunday.
    day = date(year, 4, 27)
    return day - timedelta(days=1) if day.weekday() == 6 else day


def statutory_holidays(year: int) -> dict[date, str]:
    """The Algemene termijnenwet art. 3 lid 1 and 2 days of `year`, with their Dutch names."""
    easter = easter_sunday(year)
    return {
        date(year, 1, 1): "Nieuwjaarsdag",
        easter - timedelta(days=2): "Goede Vrijdag",
        easter + timedelta(days=1): "tweede Paasdag",
        kings_day(year): "Koningsdag",
        date(year, 5, 5): "Bevrijdingsdag",
        easter + timedelta(days=39): "Hemelvaartsdag",
        easter + timedelta(days=50): "tweede Pinksterdag",
        date(year, 12, 25): "eerste Kerstdag",
        date(year, 12, 26): "tweede Kerstdag",
    }

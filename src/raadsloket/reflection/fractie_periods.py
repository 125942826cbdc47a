# SPDX-License-Identifier: EUPL-1.2
"""Over which periods the figures per fractie are published: closed calendar years only.

Small-cell suppression (`suppression`) protects one table against its own totals. A viewer,
however, can download the report of every period (page, PDF, CSV, XLSX, API) and subtract one
from another. Whenever two published periods nest or overlap, their difference is a new cell that
no suppression ever looked at: the council term 2022–2026 minus the years 2023, 2024 and 2025
leaves April–December 2022 plus the first quarter of 2026, and with 2022 empty that is one
quarter per fractie ("Lokaal Belang 4 − 3 = 1 request").

The rule, so that no difference of published figures per fractie is ever finer than one
published (and suppressed) cell:

- Figures per fractie (the fractie table and the coalition/opposition and small/large tables)
  come only with a calendar year that has ended. Calendar years partition time: no two overlap,
  none contains another, so no sum or difference of them isolates anything smaller than a year.
- Not over a quarter (a year minus its other quarters would give it away), not over a year that
  is still running (each day's report minus yesterday's is a live feed of who just asked), and
  not over a council term, closed or not: a term (1 April to 31 March) overlaps five calendar
  years, so term minus years gives a quarter. Publishing terms instead of years would have the
  same problem the other way round; one family is chosen, the years, because the annual report
  (jaarverslag) is what the presidium discusses.
- Totals over all fracties stay for every period. They cut time finer (a quarter's total is
  public), but never by fractie: given the per-fractie cells of a year, any split of that year's
  total over its quarters can be filled in with whole non-negative numbers per fractie
  (a table with given row and column sums always has such a filling), so a quarter's total adds
  nothing to what the year's own total already told, and that is what `suppression` protects
  against.

Where the figures are withheld the report says why, in Dutch, in every form (`reason`).
"""

from datetime import date

from raadsloket.reflection.periods import Period


def shows_per_fractie(period: Period, today: date) -> bool:
    """True for a calendar year that has ended; see the module docstring for why only then."""
    return period.kind == "year" and period.end < today


def reason(period: Period, today: date) -> str:
    """Why a report over `period` has no figures per fractie ("" when it has them)."""
    if shows_per_fractie(period, today):
        return ""
    rule = (
        "Cijfers per fractie staan alleen in het verslag over een afgesloten kalenderjaar. "
        "Kalenderjaren overlappen elkaar niet, dus uit verschillen tussen verslagen is nooit een "
        "kleiner aantal per fractie terug te rekenen."
    )
    if period.kind == "term":
        why = (
            "Een raadsperiode loopt van 1 april tot en met 31 maart en overlapt dus vijf "
            "kalenderjaren: de raadsperiode min die jaren zou per fractie een los kwartaal laten "
            "zien."
        )
    elif period.kind == "quarter":
        why = "Een kwartaal is uit het jaar min de andere kwartalen terug te rekenen."
    else:
        why = (
            f"{period.label} loopt nog: het verslag van vandaag min dat van gisteren zou laten "
            "zien welke fractie net een verzoek deed."
        )
    return f"{rule} {why} Kies een afgesloten jaar."

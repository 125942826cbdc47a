# SPDX-License-Identifier: EUPL-1.2
"""Lead times in the profile's day kind, and the two statistics the reports give of them."""

import math
import statistics
from collections.abc import Collection
from datetime import date

from raadsloket.policy.deadlines import NO_LOCAL_HOLIDAYS, working_days_between
from raadsloket.policy.schema import DayKind

DAY_UNITS = {"working": "werkdagen", "calendar": "kalenderdagen"}


def days_between(
    start: date, end: date, kind: DayKind, local: Collection[date] = NO_LOCAL_HOLIDAYS
) -> int:
    """Days from `start` to `end`, counted as the profile counts its terms (policy.deadlines)."""
    if kind == "working":
        return max(working_days_between(start, end, local), 0)
    return max((end - start).days, 0)


def median(values: list[int]) -> float | None:
    return statistics.median(values) if values else None


def percentile_90(values: list[int]) -> int | None:
    """The 90th percentile by the nearest-rank method: a value that really occurred.

    Of 10 lead times it is the 9th smallest; of 20, the 18th; of 1, that one.
    """
    if not values:
        return None
    ordered = sorted(values)
    return ordered[math.ceil(0.9 * len(ordered)) - 1]

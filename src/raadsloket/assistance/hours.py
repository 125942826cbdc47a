# SPDX-License-Identifier: EUPL-1.2
"""Hours of ambtelijke bijstand and their corrections.

Hours are never edited in place: a mistake is corrected by a new entry that names the entry it
corrects, adds or (negative) takes off hours and says why (HoursEntry). What an entry counts
for is its hours plus those of its corrections; a correction may not bring that below zero,
nor above what one day's entry may hold, so no total of a civil servant becomes negative.
"""

from decimal import Decimal

from django.db.models import DecimalField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from raadsloket.assistance.models import HoursEntry
from raadsloket.cases.models import Case
from raadsloket.lib.numbers import format_decimal

# The most one entry may hold: the day of LogHoursForm.
MAX_DAY = Decimal("24")


def correctable_entries(case: Case, person_id: int | None) -> QuerySet[HoursEntry]:
    """The person's own logged entries on the case (not corrections), each with `counted`: its
    hours including the corrections so far."""
    return (
        HoursEntry.objects.filter(case=case, civil_servant_id=person_id, corrects__isnull=True)
        .annotate(
            corrected=Coalesce(
                Sum("corrections__hours"), Value(Decimal("0")), output_field=DecimalField()
            )
        )
        .order_by("worked_on", "pk")
    )


def counted(entry: HoursEntry) -> Decimal:
    """An entry of `correctable_entries` with its corrections: what it counts for now."""
    return (entry.hours + Decimal(entry.corrected)).quantize(Decimal("0.1"))


def problem_with_correction(entry: HoursEntry, change: Decimal) -> str | None:
    """Why this correction cannot be made, in Dutch; None when it can."""
    now = counted(entry)
    after = now + change
    shown = f"{entry.worked_on:%d-%m-%Y}"
    if after < 0:
        return (
            f"Op {shown} staat nu {_hours(now)} uur; u kunt er hoogstens {_hours(now)} uur "
            "aftrekken, anders wordt het totaal negatief."
        )
    if after > MAX_DAY:
        return f"Op {shown} komt u dan boven {_hours(MAX_DAY)} uur op één dag."
    return None


def _hours(value: Decimal) -> str:
    return format_decimal(value, 1)

# SPDX-License-Identifier: EUPL-1.2
"""Seat changes, splits and merges of fracties, kept as periods so allocations pro-rate by day.

RULES.md, "Mid-term changes (a seat changes fractie, a fractie splits) pro-rate the amounts."
Each function runs in one transaction and leaves an audit event; the griffie records them.
"""

from datetime import date

from django.db import IntegrityError, transaction

from raadsloket.audit.chain import record
from raadsloket.fractie_support.allocation import Period, day_before
from raadsloket.fractie_support.models import SeatPeriod
from raadsloket.lib import report_version
from raadsloket.lib.errors import Conflict, DomainError
from raadsloket.organisation.models import Fractie, Person

MAX_SEATS = 200


def periods_for(fractie: Fractie, known: list[SeatPeriod] | None = None) -> list[Period]:
    """The fractie's seat periods; without any, it held its present seats all along."""
    rows = known if known is not None else list(fractie.seat_periods.all())
    if not rows:
        return [Period(seats=fractie.seats)]
    return [Period(seats=row.seats, start=row.start, end=row.end) for row in rows]


def _open_period(fractie: Fractie, on: date) -> SeatPeriod:
    """The period running on `on`, made explicit first when the fractie had none."""
    rows = list(SeatPeriod.objects.select_for_update().filter(fractie=fractie))
    if not rows:
        return SeatPeriod.objects.create(
            municipality_id=fractie.municipality_id, fractie=fractie, seats=fractie.seats
        )
    running = [
        row
        for row in rows
        if (row.start is None or row.start <= on) and (row.end is None or row.end >= on)
    ]
    if not running:
        raise DomainError(f"{fractie} had op {on:%d-%m-%Y} geen zetels in de raad.", field="on")
    later = [row for row in rows if row.start is not None and row.start > on]
    if later or running[0].end is not None:
        raise Conflict(
            f"Voor {fractie} is na {on:%d-%m-%Y} al een wijziging vastgelegd; leg wijzigingen "
            "op volgorde van datum vast.",
            field="on",
        )
    return running[0]


def _check_seats(seats: int, *, allow_zero: bool = False) -> None:
    if not isinstance(seats, int) or seats < (0 if allow_zero else 1) or seats > MAX_SEATS:
        low = 0 if allow_zero else 1
        raise DomainError(f"Het aantal zetels ligt tussen {low} en {MAX_SEATS}.", field="seats")


def _close(period: SeatPeriod, on: date) -> None:
    """End `period` the day before `on`; a period that would be empty is dropped."""
    if period.start is not None and period.start >= on:
        period.delete()
        return
    period.end = day_before(on)
    period.save(update_fields=["end"])


def change_seats(fractie: Fractie, on: date, seats: int, *, actor, note: str = "") -> None:
    """From `on` the fractie holds `seats` (a member joined or left it)."""
    _check_seats(seats)
    with transaction.atomic():
        fractie = Fractie.objects.select_for_update().get(pk=fractie.pk)
        period = _open_period(fractie, on)
        if period.seats == seats:
            raise DomainError(f"{fractie} heeft al {seats} zetels.", field="seats")
        before = period.seats
        _close(period, on)
        SeatPeriod.objects.create(
            municipality_id=fractie.municipality_id,
            fractie=fractie,
            start=on,
            seats=seats,
            note=note[:300],
        )
        fractie.seats = seats
        fractie.save(update_fields=["seats"])
        record(
            "budgets.seats_changed",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "on": on, "from": before, "to": seats},
        )


def split_fractie(
    fractie: Fractie, on: date, *, name: str, seats: int, members: list[Person], actor
) -> Fractie:
    """Members leave `fractie` on `on` and form a new fractie `name` with `seats` seats."""
    name = (name or "").strip()
    if not name or len(name) > 120:
        raise DomainError("Geef de nieuwe fractie een naam van hoogstens 120 tekens.", field="name")
    _check_seats(seats)
    with transaction.atomic():
        fractie = Fractie.objects.select_for_update().get(pk=fractie.pk)
        period = _open_period(fractie, on)
        if seats >= period.seats:
            raise DomainError(
                f"{fractie} heeft {period.seats} zetels; een afsplitsing neemt er minder mee.",
                field="seats",
            )
        # Read membership now, inside the lock: the Person objects passed in may be stale.
        leaving = {m.pk for m in members}
        current = set(
            Person.objects.filter(pk__in=leaving, fractie=fractie).values_list("pk", flat=True)
        )
        if not leaving or current != leaving:
            raise DomainError(
                f"Alleen leden van {fractie} kunnen zich afsplitsen.", field="members"
            )
        remaining = period.seats - seats
        try:
            with transaction.atomic():
                new = Fractie.objects.create(
                    municipality_id=fractie.municipality_id, name=name, seats=seats
                )
        except IntegrityError:
            raise Conflict(f"Er is al een fractie '{name}'.", field="name") from None
        _close(period, on)
        note = f"afsplitsing van {name}"
        SeatPeriod.objects.create(
            municipality_id=fractie.municipality_id,
            fractie=fractie,
            start=on,
            seats=remaining,
            note=note,
        )
        SeatPeriod.objects.create(
            municipality_id=fractie.municipality_id,
            fractie=new,
            start=on,
            seats=seats,
            note=f"afgesplitst van {fractie}",
        )
        fractie.seats = remaining
        fractie.save(update_fields=["seats"])
        Person.objects.filter(pk__in=leaving).update(fractie=new)
        # No signal from update(): the reflection's figures per fractie change.
        report_version.changed(fractie.municipality_id)
        record(
            "budgets.fractie_split",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "new": new.pk, "on": on, "seats": seats},
        )
        return new


def merge_fracties(fracties: list[Fractie], on: date, *, name: str, actor) -> Fractie:
    """The fracties end the day before `on` and go on as one new fractie with all their seats.

    Each old fractie accounts for its own part of the year; the new one starts without a reserve
    unless the griffie enters the reserve agreed at the merge as its opening reserve.
    """
    name = (name or "").strip()
    if not name or len(name) > 120:
        raise DomainError("Geef de nieuwe fractie een naam van hoogstens 120 tekens.", field="name")
    if len({f.pk for f in fracties}) < 2:
        raise DomainError("Kies minstens twee fracties om samen te voegen.", field="fracties")
    if len({f.municipality_id for f in fracties}) != 1:
        raise DomainError("Fracties van verschillende gemeenten gaan niet samen.", field="fracties")
    with transaction.atomic():
        locked = list(
            Fractie.objects.select_for_update()
            .filter(pk__in=[f.pk for f in fracties])
            .order_by("pk")
        )
        municipality_id = locked[0].municipality_id
        total = 0
        for old in locked:
            period = _open_period(old, on)
            total += period.seats
            _close(period, on)
        try:
            with transaction.atomic():
                new = Fractie.objects.create(
                    municipality_id=municipality_id, name=name, seats=total
                )
        except IntegrityError:
            raise Conflict(f"Er is al een fractie '{name}'.", field="name") from None
        SeatPeriod.objects.create(
            municipality_id=municipality_id,
            fractie=new,
            start=on,
            seats=total,
            note="samengevoegd uit " + ", ".join(f.name for f in locked),
        )
        Person.objects.filter(fractie__in=locked).update(fractie=new)
        report_version.changed(municipality_id)
        for old in locked:
            # Fractie.seats holds the present seats; a merged fractie has none any more.
            old.seats = 0
            old.save(update_fields=["seats"])
        record(
            "budgets.fracties_merged",
            actor=actor,
            municipality_id=municipality_id,
            detail={"fracties": [f.pk for f in locked], "new": new.pk, "on": on},
        )
        return new

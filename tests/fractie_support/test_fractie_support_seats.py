# SPDX-License-Identifier: EUPL-1.2
"""Seat changes, splits and merges as the griffie records them, and what they do to allocations.

RULES.md, "Mid-term changes (a seat changes fractie, a fractie splits) pro-rate the amounts."
Worked examples for the VNG model profile in 2026 (€ 1.314,30 + € 199,77 per seat, 365 days).
"""

from datetime import date
from decimal import Decimal

import pytest

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.fractie_support.allocation import allocate
from raadsloket.fractie_support.models import SeatPeriod
from raadsloket.fractie_support.seats import (
    change_seats,
    merge_fracties,
    periods_for,
    split_fractie,
)
from raadsloket.lib.errors import Conflict, DomainError
from raadsloket.organisation.models import Fractie, Person

pytestmark = pytest.mark.django_db

D = Decimal
JULY_1 = date(2026, 7, 1)


def allocation_of(fractie: Fractie, support, year: int = 2026) -> Decimal:
    return allocate(support, year, periods_for(fractie)).total


def periods(fractie: Fractie) -> list[tuple]:
    return [(p.start, p.end, p.seats) for p in SeatPeriod.objects.filter(fractie=fractie)]


def events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


# --- a fractie without recorded changes ---------------------------------------------------------


def test_a_fractie_without_periods_held_its_seats_all_year(world, fractie, support):
    lokaal = fractie("Lokaal Belang")

    assert periods(lokaal) == []
    # 1314.30 + 6 × 199.77 = 2512.92
    assert allocation_of(lokaal, support) == D("2512.92")


# --- split ---------------------------------------------------------------------------------------


def test_two_members_split_off_on_1_july(world, fractie, support):
    lokaal = fractie("Lokaal Belang")
    before = events("budgets.fractie_split")

    new = split_fractie(
        lokaal,
        JULY_1,
        name="Groep Van Dam",
        seats=2,
        members=[world["raadslid5"], world["raadslid6"]],
        actor=world["griffier"],
    )

    lokaal.refresh_from_db()
    assert (lokaal.seats, new.seats, new.municipality_id) == (4, 2, world.municipality.pk)
    assert periods(lokaal) == [(None, date(2026, 6, 30), 6), (JULY_1, None, 4)]
    assert periods(new) == [(JULY_1, None, 2)]
    assert set(Person.objects.filter(fractie=new).values_list("username", flat=True)) == {
        "raadslid5",
        "raadslid6",
    }
    # Lokaal Belang: 1314.30 + 6 × 199.77 × 181/365 + 4 × 199.77 × 184/365
    #              = 1314.30 + 594.38 + 402.83 = 2311.51
    assert allocation_of(lokaal, support) == D("2311.51")
    # Groep Van Dam: (1314.30 + 2 × 199.77) × 184/365 = 662.55 + 201.41 = 863.96
    assert allocation_of(new, support) == D("863.96")
    # Next year both hold their seats all year: 1314.30 × 1.02 = 1340.59 fixed, 203.77 a seat.
    assert allocation_of(lokaal, support, 2027) == D("1340.59") + 4 * D("203.77")
    assert allocation_of(new, support, 2027) == D("1340.59") + 2 * D("203.77")
    assert events("budgets.fractie_split") == before + 1
    event = AuditEvent.objects.filter(action="budgets.fractie_split").last()
    assert event.detail == {"fractie": lokaal.pk, "new": new.pk, "on": "2026-07-01", "seats": 2}
    assert chain.verify() == []


def test_a_split_takes_fewer_seats_than_the_fractie_has(world, fractie):
    lokaal = fractie("Lokaal Belang")

    with pytest.raises(DomainError, match="6 zetels; een afsplitsing neemt er minder mee"):
        split_fractie(lokaal, JULY_1, name="Iedereen", seats=6, members=[], actor=None)
    assert not Fractie.objects.filter(name="Iedereen").exists()


def test_only_members_of_the_fractie_can_split_off(world, fractie):
    lokaal = fractie("Lokaal Belang")

    with pytest.raises(DomainError, match="Alleen leden van Lokaal Belang"):
        split_fractie(
            lokaal, JULY_1, name="Nieuw", seats=1, members=[world["raadslid7"]], actor=None
        )
    assert periods(lokaal) == []
    assert Person.objects.get(username="raadslid7").fractie.name == "VVD"


def test_a_split_under_an_existing_name_changes_nothing(world, fractie):
    lokaal = fractie("Lokaal Belang")
    before = AuditEvent.objects.count()

    with pytest.raises(Conflict, match="Er is al een fractie 'VVD'"):
        split_fractie(lokaal, JULY_1, name="VVD", seats=1, members=[world["raadslid6"]], actor=None)
    lokaal.refresh_from_db()
    assert lokaal.seats == 6 and periods(lokaal) == []
    assert AuditEvent.objects.count() == before


@pytest.mark.parametrize("name", ["", "   ", "x" * 121])
def test_a_split_needs_a_name(world, fractie, name):
    with pytest.raises(DomainError, match="naam van hoogstens 120 tekens"):
        split_fractie(fractie("Lokaal Belang"), JULY_1, name=name, seats=1, members=[], actor=None)


# --- seat changes --------------------------------------------------------------------------------


def test_a_seat_change_on_1_april(world, fractie, support):
    vvd = fractie("VVD")

    change_seats(vvd, date(2026, 4, 1), 4, actor=world["griffier"], note="raadslid ging weg")

    vvd.refresh_from_db()
    assert vvd.seats == 4
    assert periods(vvd) == [(None, date(2026, 3, 31), 5), (date(2026, 4, 1), None, 4)]
    # 1314.30 + 5 × 199.77 × 90/365 + 4 × 199.77 × 275/365 = 1314.30 + 246.29 + 602.05 = 2162.64
    assert allocation_of(vvd, support) == D("2162.64")
    assert AuditEvent.objects.filter(action="budgets.seats_changed").last().detail == {
        "fractie": vvd.pk,
        "on": "2026-04-01",
        "from": 5,
        "to": 4,
    }


def test_a_seat_change_to_the_same_number_is_refused(world, fractie):
    with pytest.raises(DomainError, match="heeft al 5 zetels"):
        change_seats(fractie("VVD"), date(2026, 4, 1), 5, actor=None)


@pytest.mark.parametrize("seats", [0, -1, 201])
def test_seats_lie_between_1_and_200(world, fractie, seats):
    with pytest.raises(DomainError, match="tussen 1 en 200"):
        change_seats(fractie("VVD"), date(2026, 4, 1), seats, actor=None)


def test_changes_are_recorded_in_order_of_date(world, fractie):
    vvd = fractie("VVD")
    change_seats(vvd, date(2026, 6, 1), 4, actor=None)

    with pytest.raises(Conflict, match="na 01-03-2026 al een wijziging"):
        change_seats(vvd, date(2026, 3, 1), 6, actor=None)
    change_seats(vvd, date(2026, 9, 1), 5, actor=None)
    assert periods(vvd) == [
        (None, date(2026, 5, 31), 5),
        (date(2026, 6, 1), date(2026, 8, 31), 4),
        (date(2026, 9, 1), None, 5),
    ]


def test_a_second_change_on_the_same_day_corrects_the_first(world, fractie, support):
    vvd = fractie("VVD")
    change_seats(vvd, date(2026, 6, 1), 4, actor=None)

    change_seats(vvd, date(2026, 6, 1), 3, actor=None)

    assert periods(vvd) == [(None, date(2026, 5, 31), 5), (date(2026, 6, 1), None, 3)]
    # 1314.30 + 5 × 199.77 × 151/365 + 3 × 199.77 × 214/365 = 1314.30 + 413.22 + 351.38
    assert allocation_of(vvd, support) == D("2078.90")
    assert [e.detail["to"] for e in AuditEvent.objects.filter(action="budgets.seats_changed")] == [
        4,
        3,
    ]


# --- merge ---------------------------------------------------------------------------------------


def test_two_fracties_merge_on_1_october(world, fractie, support):
    sp, pvdd = fractie("SP"), fractie("Partij voor de Dieren")
    members = set(Person.objects.filter(fractie__in=[sp, pvdd]).values_list("pk", flat=True))

    merged = merge_fracties([sp, pvdd], date(2026, 10, 1), name="Rood-Groen", actor=None)

    sp.refresh_from_db()
    pvdd.refresh_from_db()
    assert (sp.seats, pvdd.seats, merged.seats) == (0, 0, 4)
    assert periods(sp) == [(None, date(2026, 9, 30), 2)]
    assert periods(merged) == [(date(2026, 10, 1), None, 4)]
    assert set(Person.objects.filter(fractie=merged).values_list("pk", flat=True)) == members
    # Each old fractie, 273 days: 1314.30 × 273/365 + 2 × 199.77 × 273/365 = 983.02 + 298.83
    assert allocation_of(sp, support) == allocation_of(pvdd, support) == D("1281.85")
    # The merged fractie, 92 days: 1314.30 × 92/365 + 4 × 199.77 × 92/365 = 331.28 + 201.41
    assert allocation_of(merged, support) == D("532.69")
    # The old fracties get nothing the next year; the merged one a whole year with 4 seats.
    assert allocation_of(sp, support, 2027) == D("0.00")
    assert allocation_of(merged, support, 2027) == D("1340.59") + 4 * D("203.77")
    assert events("budgets.fracties_merged") == 1
    assert chain.verify() == []


def test_a_merged_fractie_has_no_seats_to_change(world, fractie):
    sp, pvdd = fractie("SP"), fractie("Partij voor de Dieren")
    merge_fracties([sp, pvdd], date(2026, 10, 1), name="Rood-Groen", actor=None)

    with pytest.raises(DomainError, match="had op 01-11-2026 geen zetels"):
        change_seats(sp, date(2026, 11, 1), 1, actor=None)


def test_a_merge_needs_two_fracties_of_one_municipality(world, other_world, fractie):
    sp = fractie("SP")
    other_sp = Fractie.objects.get(municipality=other_world.municipality, name="SP")

    with pytest.raises(DomainError, match="minstens twee fracties"):
        merge_fracties([sp, sp], date(2026, 10, 1), name="Alleen", actor=None)
    with pytest.raises(DomainError, match="verschillende gemeenten"):
        merge_fracties([sp, other_sp], date(2026, 10, 1), name="Samen", actor=None)
    with pytest.raises(Conflict, match="Er is al een fractie 'CDA'"):
        merge_fracties([sp, fractie("ChristenUnie")], date(2026, 10, 1), name="CDA", actor=None)
    assert (
        periods(sp) == [] and AuditEvent.objects.filter(action__startswith="budgets.").count() == 0
    )

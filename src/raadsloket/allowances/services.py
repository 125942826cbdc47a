# SPDX-License-Identifier: EUPL-1.2
"""Vergoedingen: which table holds for a municipality, a member's own figures, and the
griffie's records (toolkit, "Vergoeding en politiek verlof"). Each change is one transaction
with its audit event."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from raadsloket.access.allowances import manages_allowances, sees_own_allowance
from raadsloket.access.viewer import Viewer
from raadsloket.allowances.models import AllowanceAmount, ExtraRole
from raadsloket.allowances.table import AllowanceTable, PopulationClass, shipped_table
from raadsloket.audit.chain import record
from raadsloket.lib.errors import DomainError, Forbidden
from raadsloket.organisation.roles import Role

FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_AMOUNT = Decimal("100000")
# The profile's field (policy/schema.py ExtraAllowances) per kind of seat.
PROFILE_FIELD = {
    "fractie_chair": "fractie_chair",
    ExtraRole.Kind.INQUIRY_COMMITTEE: "inquiry_committee",
    ExtraRole.Kind.AUDIT_OFFICE: "audit_office",
    ExtraRole.Kind.CONFIDENTIAL_COMMITTEE: "confidential_committee",
    ExtraRole.Kind.SPECIAL_COMMITTEE: "special_committee",
}
# The toolkit's five kinds of extra toelage, in its order.
EXTRA_LABELS = {
    ExtraRole.Kind.CONFIDENTIAL_COMMITTEE: "Lid van een vertrouwenscommissie",
    ExtraRole.Kind.INQUIRY_COMMITTEE: "Lid van een onderzoekscommissie",
    ExtraRole.Kind.SPECIAL_COMMITTEE: "Lid van een overige bijzondere commissie",
    ExtraRole.Kind.AUDIT_OFFICE: "Uitoefening van een rekenkamerfunctie",
    "fractie_chair": "Fractievoorzitter",
}


def table_for(municipality_id: int, year: int | None = None) -> AllowanceTable:
    """The table of `year` (default: the latest): the griffie's latest recorded year up to it,
    when that is newer than the shipped one, else the shipped table."""
    shipped = shipped_table()
    rows = AllowanceAmount.objects.filter(municipality_id=municipality_id)
    if year is not None:
        rows = rows.filter(year__lte=year)
    latest = rows.order_by("-year").values_list("year", flat=True).first()
    if latest is None or latest < shipped.year:
        return shipped
    recorded = list(rows.filter(year=latest))
    amounts = {row.population_class: row.amount for row in recorded}
    if set(amounts) != {c.label for c in shipped.classes}:
        return shipped
    return shipped.with_amounts(latest, recorded[0].source, amounts)


@dataclass
class Extra:
    kind: str
    label: str
    amount: Decimal
    description: str = ""


@dataclass
class Figures:
    """What a member's page shows: their municipality's class and amounts, with year and source."""

    table: AllowanceTable
    population_class: PopulationClass
    inhabitants: int
    extras: list[Extra] = field(default_factory=list)
    expenses: Decimal = Decimal("0")

    @property
    def monthly(self) -> Decimal:
        return self.population_class.amount

    @property
    def extras_total(self) -> Decimal:
        return sum((extra.amount for extra in self.extras), Decimal("0"))


def figures_for(viewer: Viewer, person) -> Figures:
    """A member's own figures; nobody else's (access.allowances)."""
    if not sees_own_allowance(viewer) or person.pk != viewer.person_id:
        raise Forbidden("Alleen het raadslid zelf ziet zijn of haar vergoeding.")
    municipality = person.municipality
    table = table_for(municipality.pk)
    profile = viewer.policy.allowances
    held = [("fractie_chair", "")] if Role.FRACTIE_CHAIR in viewer.roles else []
    held += [
        (row.kind, row.description)
        for row in ExtraRole.objects.filter(person_id=person.pk, municipality_id=municipality.pk)
    ]
    extras = [
        Extra(kind, EXTRA_LABELS[kind], getattr(profile, PROFILE_FIELD[kind]), description)
        for kind, description in held
    ]
    return Figures(
        table=table,
        population_class=table.class_for(municipality.inhabitants),
        inhabitants=municipality.inhabitants,
        extras=extras,
        expenses=profile.expenses,
    )


def _check_amounts(amounts: dict[str, Decimal]) -> None:
    labels = [c.label for c in shipped_table().classes]
    errors: dict[str, list[str]] = {}
    for label in labels:
        value = amounts.get(label)
        if value is None:
            errors[f"klasse_{label}"] = [f"Vul het bedrag voor klasse {label} in."]
        elif not (Decimal("0") < value <= MAX_AMOUNT) or value != value.quantize(Decimal("0.01")):
            errors[f"klasse_{label}"] = [
                f"Klasse {label}: een positief bedrag met hoogstens twee cijfers achter de komma."
            ]
    unknown = set(amounts) - set(labels)
    if unknown:
        errors["klassen"] = [f"Onbekende inwonersklasse: {', '.join(sorted(unknown))}."]
    if errors:
        raise DomainError(next(iter(errors.values()))[0], errors=errors)


def set_year_amounts(
    viewer: Viewer, actor, year: int, *, source: str, amounts: dict[str, Decimal]
) -> AllowanceTable:
    """The griffie records the indexed amounts of every class for `year` (all or nothing)."""
    if not manages_allowances(viewer):
        raise Forbidden("Alleen de griffie legt de vergoedingen vast.")
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise DomainError(f"Kies een jaar tussen {FIRST_YEAR} en {LAST_YEAR}.", field="year")
    source = (source or "").strip()
    if not source or len(source) > 300:
        raise DomainError("Noem de bron van de bedragen (hoogstens 300 tekens).", field="source")
    _check_amounts(amounts)
    municipality_id = viewer.tenant
    with transaction.atomic():
        for label, amount in amounts.items():
            AllowanceAmount.objects.update_or_create(
                municipality_id=municipality_id,
                year=year,
                population_class=label,
                defaults={
                    "amount": amount,
                    "source": source,
                    "recorded_by": actor,
                    "recorded_at": timezone.now(),
                },
            )
        record(
            "allowances.amounts_set",
            actor=actor,
            municipality_id=municipality_id,
            detail={"year": year, "source": source, "amounts": amounts},
        )
    return table_for(municipality_id, year)


def assign_extra_role(
    viewer: Viewer, actor, person, kind: str, *, since: date, description: str = ""
) -> ExtraRole:
    """The griffie records that a member holds a seat with an extra toelage."""
    if not manages_allowances(viewer) or person.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie legt de extra toelagen vast.")
    if kind not in ExtraRole.Kind.values:
        raise DomainError("Kies een van de toelagen uit de lijst.", field="kind")
    if len(description) > 200:
        raise DomainError("De naam van de commissie is hoogstens 200 tekens.", field="description")
    with transaction.atomic():
        row, _ = ExtraRole.objects.update_or_create(
            person=person,
            kind=kind,
            defaults={
                "municipality_id": viewer.municipality_id,
                "since": since,
                "description": description.strip(),
            },
        )
        record(
            "allowances.extra_role_set",
            actor=actor,
            municipality_id=viewer.municipality_id,
            detail={"person": person.pk, "kind": kind, "since": since},
        )
    return row


def end_extra_role(viewer: Viewer, actor, row: ExtraRole) -> None:
    if not manages_allowances(viewer) or row.municipality_id != viewer.municipality_id:
        raise Forbidden("Alleen de griffie legt de extra toelagen vast.")
    with transaction.atomic():
        record(
            "allowances.extra_role_ended",
            actor=actor,
            municipality_id=row.municipality_id,
            detail={"person": row.person_id, "kind": row.kind},
        )
        row.delete()

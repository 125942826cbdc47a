# SPDX-License-Identifier: EUPL-1.2
"""The griffie records which fracties form the coalition, and from when to when.

Organisation data with dates: the fairness view compares coalition and
opposition over a period, so a coalition that changes during a term is recorded as it was.
Each change runs in one transaction with its audit event.
"""

from datetime import date

from django.db import transaction

from raadsloket.access.reflection import manages_coalition
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.lib import report_version
from raadsloket.organisation.models import CoalitionMembership, Fractie


class CoalitionError(ValueError):
    """A change that cannot be made; the message is Dutch and says why."""


def memberships(municipality_id: int) -> list[CoalitionMembership]:
    return list(
        CoalitionMembership.objects.filter(fractie__municipality_id=municipality_id)
        .select_related("fractie")
        .order_by("-start", "fractie__name")
    )


def add(
    viewer: Viewer, actor, fractie: Fractie, start: date, end: date | None
) -> CoalitionMembership:
    _check(viewer, fractie)
    if end is not None and end < start:
        raise CoalitionError("De einddatum ligt vóór de begindatum.")
    with transaction.atomic():
        _refuse_overlap(fractie, start, end)
        membership = CoalitionMembership.objects.create(fractie=fractie, start=start, end=end)
        record(
            "organisation.coalition_added",
            actor=actor,
            municipality_id=fractie.municipality_id,
            detail={"fractie": fractie.pk, "start": start, "end": end},
        )
    return membership


def end(viewer: Viewer, actor, membership: CoalitionMembership, on: date) -> None:
    _check(viewer, membership.fractie)
    if on < membership.start:
        raise CoalitionError("De einddatum ligt vóór de begindatum.")
    with transaction.atomic():
        _refuse_overlap(membership.fractie, membership.start, on, leave_out=membership.pk)
        CoalitionMembership.objects.filter(pk=membership.pk).update(end=on)
        # No signal from update(): stored reports count the coalition (reflection.stored).
        report_version.changed(membership.fractie.municipality_id)
        record(
            "organisation.coalition_ended",
            actor=actor,
            municipality_id=membership.fractie.municipality_id,
            detail={"fractie": membership.fractie_id, "start": membership.start, "end": on},
        )


def remove(viewer: Viewer, actor, membership: CoalitionMembership) -> None:
    """For a period entered by mistake; a real change of coalition is an end date."""
    _check(viewer, membership.fractie)
    with transaction.atomic():
        membership.delete()
        record(
            "organisation.coalition_removed",
            actor=actor,
            municipality_id=membership.fractie.municipality_id,
            detail={"fractie": membership.fractie_id, "start": membership.start},
        )


def _refuse_overlap(fractie: Fractie, start: date, end: date | None, leave_out=None) -> None:
    """A fractie is in the coalition at most once on a day; in_coalition counts days."""
    # The fractie's row serialises changes to its periods (two griffie tabs at once).
    Fractie.objects.select_for_update().filter(pk=fractie.pk).first()
    for other in CoalitionMembership.objects.filter(fractie=fractie).exclude(pk=leave_out):
        if other.start <= (end or date.max) and start <= (other.end or date.max):
            raise CoalitionError(
                f"{fractie.name} zit in die tijd al in de coalitie ({other}). Pas die "
                "periode aan of kies andere data."
            )


def _check(viewer: Viewer, fractie: Fractie) -> None:
    if not manages_coalition(viewer) or fractie.municipality_id != viewer.municipality_id:
        raise CoalitionError("Alleen de griffie legt de coalitie vast.")

# SPDX-License-Identifier: EUPL-1.2
"""Propose, approve and carry out a vernietigingslijst.

Archiefbesluit 1995 art. 8 and the selectielijst: records are destroyed only from a list that the
responsible officer approved, and the destruction is recorded. Here the griffier (role clerk) of
the list's municipality approves; destruction removes each case with everything hanging from it,
writes one `records.destroyed` event per case to the audit chain (reference, instrument, dates,
list, approver: no content) and keeps the list as the verklaring van vernietiging. Audit events
are never deleted: they hold only ids and states.
"""

import contextlib
import os
from datetime import date
from pathlib import Path

from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import ProtectedError, RestrictedError
from django.utils import timezone

from raadsloket.audit import chain
from raadsloket.cases.models import Case, CaseFile
from raadsloket.organisation.models import Municipality, Person
from raadsloket.organisation.roles import Role
from raadsloket.records.models import DestructionItem, DestructionList
from raadsloket.records.retention import due_cases, retention_for

Status = DestructionList.Status
OPEN_STATUSES = (Status.PROPOSED, Status.APPROVED)


class RecordsError(Exception):
    """Why a list was not made, approved or carried out; the message is Dutch."""


def propose(municipality: Municipality, today: date) -> DestructionList | None:
    """A new list of the due cases that are not yet on an open list; None when there are none."""
    with transaction.atomic():
        listed = DestructionItem.objects.filter(
            destruction_list__municipality=municipality,
            destruction_list__status__in=OPEN_STATUSES,
        ).values_list("case_ref", flat=True)
        taken = set(listed)
        due = [r for r in due_cases(municipality, today) if r.case.pk not in taken]
        if not due:
            return None
        destruction_list = DestructionList.objects.create(municipality=municipality)
        DestructionItem.objects.bulk_create(
            DestructionItem(
                destruction_list=destruction_list,
                case_ref=r.case.pk,
                reference=r.case.reference,
                instrument=r.case.instrument,
                closed_on=r.ended_on,
                retention_date=r.retention_date,
            )
            for r in due
        )
        chain.record(
            "records.list_proposed",
            municipality_id=municipality.pk,
            detail={"list": destruction_list.pk, "cases": len(due)},
        )
        return destruction_list


def _locked(list_id: int) -> DestructionList:
    destruction_list = (
        DestructionList.objects.select_for_update()
        .select_related("municipality")
        .filter(pk=list_id)
        .first()
    )
    if destruction_list is None:
        raise RecordsError(f"Vernietigingslijst {list_id} bestaat niet.")
    return destruction_list


def approve(list_id: int, approver: Person) -> DestructionList:
    """The griffier of the list's municipality approves it (Archiefbesluit 1995 art. 8)."""
    with transaction.atomic():
        destruction_list = _locked(list_id)
        if destruction_list.status != Status.PROPOSED:
            raise RecordsError(
                f"Vernietigingslijst {list_id} is {destruction_list.get_status_display()}; alleen "
                "een voorgestelde lijst kan worden goedgekeurd."
            )
        is_clerk = approver.role_assignments.filter(role=Role.CLERK).exists()
        if not is_clerk or approver.municipality_id != destruction_list.municipality_id:
            raise RecordsError(
                f"{approver.username} is niet de griffier van "
                f"{destruction_list.municipality.name}; alleen de griffier keurt een "
                "vernietigingslijst goed."
            )
        destruction_list.status = Status.APPROVED
        destruction_list.approved_by = approver
        destruction_list.approved_at = timezone.now()
        destruction_list.save(update_fields=["status", "approved_by", "approved_at"])
        chain.record(
            "records.list_approved",
            actor=approver,
            municipality_id=destruction_list.municipality_id,
            detail={"list": destruction_list.pk, "cases": destruction_list.items.count()},
        )
        return destruction_list


def cancel(list_id: int) -> DestructionList:
    """Withdraw a list that was not carried out; its cases may go on a new list."""
    with transaction.atomic():
        destruction_list = _locked(list_id)
        if destruction_list.status not in OPEN_STATUSES:
            raise RecordsError(
                f"Vernietigingslijst {list_id} is {destruction_list.get_status_display()} en kan "
                "niet meer worden ingetrokken."
            )
        destruction_list.status = Status.CANCELLED
        destruction_list.cancelled_at = timezone.now()
        destruction_list.save(update_fields=["status", "cancelled_at"])
        chain.record(
            "records.list_cancelled",
            municipality_id=destruction_list.municipality_id,
            detail={"list": destruction_list.pk},
        )
        return destruction_list


def problems(destruction_list: DestructionList, today: date) -> list[str]:
    """Why a line may not be destroyed today (empty: every line may)."""
    profile = destruction_list.municipality.policy
    found = []
    cases = Case.objects.in_bulk([item.case_ref for item in destruction_list.items.all()])
    for item in destruction_list.items.all():
        case = cases.get(item.case_ref)
        if case is None or case.municipality_id != destruction_list.municipality_id:
            found.append(f"{item.reference}: het verzoek bestaat niet meer")
            continue
        retention = retention_for(case, profile)
        if retention is None:
            found.append(f"{item.reference}: het verzoek is heropend ({case.get_state_display()})")
        elif retention.ended_on != item.closed_on:
            found.append(
                f"{item.reference}: het verzoek is heropend en op {retention.ended_on:%d-%m-%Y} "
                f"opnieuw afgesloten (op de lijst: {item.closed_on:%d-%m-%Y})"
            )
        elif not retention.is_due(today):
            found.append(
                f"{item.reference}: de bewaartermijn loopt nog tot "
                f"{retention.retention_date:%d-%m-%Y} ({retention.years} jaar volgens de "
                "selectielijst in het profiel)"
            )
    return found


def destroy(list_id: int, today: date) -> DestructionList:
    """Delete every case on an approved list, all or nothing; the files go after the commit."""
    with transaction.atomic():
        destruction_list = _locked(list_id)
        if destruction_list.status != Status.APPROVED:
            raise RecordsError(
                f"Vernietigingslijst {list_id} is {destruction_list.get_status_display()}; "
                "vernietigen mag alleen na goedkeuring door de griffier."
            )
        found = problems(destruction_list, today)
        if found:
            raise RecordsError(
                f"Vernietigingslijst {list_id} is niet uitgevoerd; er is niets vernietigd:\n  "
                + "\n  ".join(found)
                + "\nTrek de lijst in (--cancel) en stel een nieuwe voor (--propose)."
            )
        items = list(destruction_list.items.all())
        case_ids = [item.case_ref for item in items]
        file_names = list(
            CaseFile.objects.filter(case_id__in=case_ids).values_list("file", flat=True)
        )
        try:
            Case.objects.filter(pk__in=case_ids).delete()
        except (ProtectedError, RestrictedError) as error:
            blocked_by = getattr(error, "protected_objects", None) or error.restricted_objects
            blocking = sorted({str(obj._meta.verbose_name) for obj in blocked_by})
            raise RecordsError(
                f"Vernietigingslijst {list_id} is niet uitgevoerd: gegevens van het soort "
                f"{', '.join(blocking)} verwijzen nog naar de verzoeken. Er is niets vernietigd."
            ) from None
        now = timezone.now()
        approver = destruction_list.approved_by
        for item in items:
            # Archiefbesluit 1995 art. 8: the record of destruction, without content.
            chain.record(
                "records.destroyed",
                municipality_id=destruction_list.municipality_id,
                case_id=item.case_ref,
                detail={
                    "reference": item.reference,
                    "instrument": item.instrument,
                    "closed": item.closed_on.isoformat(),
                    "retention_date": item.retention_date.isoformat(),
                    "list": destruction_list.pk,
                    "approved_by": approver.username,
                },
            )
        DestructionItem.objects.filter(destruction_list=destruction_list).update(destroyed_at=now)
        destruction_list.status = Status.DESTROYED
        destruction_list.destroyed_at = now
        destruction_list.save(update_fields=["status", "destroyed_at"])
        transaction.on_commit(lambda: _delete_files(file_names))
        return destruction_list


def _delete_files(names: list[str]) -> None:
    # After the commit: a rolled-back destruction keeps its files.
    for name in names:
        if not name:
            continue
        default_storage.delete(name)
        # The case's own folder (cases/<municipality>/<case>/), once empty.
        with contextlib.suppress(OSError, NotImplementedError):
            os.rmdir(Path(default_storage.path(name)).parent)

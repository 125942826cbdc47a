# SPDX-License-Identifier: EUPL-1.2
"""Domain functions of the rekenkamer and the accountant cycle.

Each asks raadsloket.access.audit_office, runs in one transaction and writes its audit event;
a refusal is a DomainError with a Dutch message and writes nothing. The status of a request
changes only through `act`, by the table ACTIONS: the council asks (Gemeentewet art. 182), the
rekenkamer decides for itself whether it takes the study up (seed: "beslist vervolgens zelf
welke onderzoeken zij precies uitvoert"), and the griffie records what the rekenkamer decided.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from raadsloket.access.audit_office import (
    manages_audit_office,
    may_change_audit_item,
    may_propose_study,
    sees_audit_item,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.audit import chain
from raadsloket.audit_office import notices
from raadsloket.audit_office.cycle import STANDARD_DATES, standard_date
from raadsloket.audit_office.models import (
    CycleDate,
    CycleKind,
    ProgrammeStudy,
    RequestStatus,
    StudyRequest,
)
from raadsloket.lib.errors import Conflict, DomainError, Forbidden, NotFound
from raadsloket.organisation.models import Person
from raadsloket.registers.models import Motion

NOT_FOUND = "Dit verzoek aan de rekenkamer bestaat niet."
DATE_NOT_FOUND = "Deze datum bestaat niet."
ONLY_GRIFFIE = "Alleen de griffie legt dit vast, namens de raad."
ONLY_MEMBERS = "Alleen raadsleden, commissieleden en fractiemedewerkers stellen een onderzoek voor."
S = RequestStatus


@dataclass(frozen=True)
class Action:
    sources: frozenset[str]
    target: str
    label: str
    # The fields this action writes from its form's cleaned data.
    fields: tuple[str, ...] = ()


ACTIONS: dict[str, Action] = {
    # A proposal becomes the council's request only with its raadsbesluit or motion (art. 182).
    "indienen": Action(
        frozenset({S.PROPOSED}),
        S.FILED,
        "Ingediend namens de raad",
        # The motion_number is looked up in the register by `act` itself.
        ("council_decision",),
    ),
    "niet_indienen": Action(frozenset({S.PROPOSED}), S.NOT_FILED, "Niet ingediend", ("reasons",)),
    "in_behandeling": Action(
        frozenset({S.FILED}), S.TAKEN_UP, "In behandeling genomen", ("decided_on", "reasons")
    ),
    "afwijzen": Action(
        frozenset({S.FILED}), S.REFUSED, "Afgewezen door de rekenkamer", ("decided_on", "reasons")
    ),
    "starten": Action(frozenset({S.TAKEN_UP}), S.RUNNING, "Onderzoek gestart"),
    "rapport": Action(
        frozenset({S.TAKEN_UP, S.RUNNING}),
        S.REPORTED,
        "Rapport aangeboden",
        ("report_title", "report_date", "report_url"),
    ),
    "besproken": Action(
        frozenset({S.REPORTED}), S.DISCUSSED, "Besproken in de raad", ("discussed_on",)
    ),
}
# The form's name for a field, where the model calls it otherwise.
MODEL_FIELD = {"reasons": "decision_reasons"}


def load_request(viewer, pk: int) -> StudyRequest:
    """The request if the viewer may see it; else NotFound, the same as an unknown id."""
    found = (
        StudyRequest.objects.select_related("motion", "filed_by", "proposed_by")
        .filter(pk=pk)
        .first()
    )
    if found is None or not sees_audit_item(viewer, found):
        raise NotFound(NOT_FOUND)
    return found


def allowed_actions(request: StudyRequest) -> list[str]:
    return [name for name, action in ACTIONS.items() if request.status in action.sources]


def _motion(municipality_id: int, number: str) -> Motion | None:
    number = (number or "").strip()
    if not number:
        return None
    motion = Motion.objects.filter(municipality_id=municipality_id, number=number).first()
    if motion is None:
        raise DomainError(
            f"Er is geen motie met nummer {number} in het motieregister.", field="motion_number"
        )
    return motion


def propose_study(actor: Person, data: dict) -> StudyRequest:
    """A member proposes a study; the griffie files it once the council asked for it."""
    viewer = viewer_for(actor)
    if not may_propose_study(viewer):
        raise Forbidden(ONLY_MEMBERS)
    with transaction.atomic():
        request = StudyRequest.objects.create(
            municipality_id=viewer.tenant,
            subject=data["subject"].strip(),
            question=data["question"].strip(),
            reason=data["reason"].strip(),
            proposed_by=actor,
            status=RequestStatus.PROPOSED,
        )
        chain.record(
            "audit_office.request_proposed",
            actor=actor,
            municipality_id=request.municipality_id,
            detail={"request": request.pk},
        )
    return request


def file_request(actor: Person, data: dict) -> StudyRequest:
    """The griffie files a request of the council to the rekenkamer (Gemeentewet art. 182)."""
    viewer = viewer_for(actor)
    if not manages_audit_office(viewer):
        raise Forbidden(ONLY_GRIFFIE)
    motion = _motion(viewer.tenant, data.get("motion_number", ""))
    with transaction.atomic():
        request = StudyRequest.objects.create(
            municipality_id=viewer.tenant,
            subject=data["subject"].strip(),
            question=data["question"].strip(),
            reason=data["reason"].strip(),
            council_decision=(data.get("council_decision") or "").strip(),
            motion=motion,
            filed_by=actor,
            filed_on=timezone.localdate(),
        )
        chain.record(
            "audit_office.request_filed",
            actor=actor,
            municipality_id=request.municipality_id,
            detail={"request": request.pk, "motion": getattr(motion, "pk", None)},
        )
    return request


def _check(request: StudyRequest, name: str, action: Action, data: dict) -> None:
    if request.status not in action.sources:
        raise Conflict(
            f"Dit kan niet bij een verzoek met status '{request.get_status_display()}': "
            f"'{action.label.lower()}' volgt op "
            + " of ".join(f"'{RequestStatus(s).label}'" for s in sorted(action.sources))
            + "."
        )
    if name == "afwijzen" and not (data.get("reasons") or "").strip():
        # The rekenkamer is independent, but its refusal is explained to the council.
        raise DomainError("Vul de motivering van de rekenkamer in.", field="reasons")
    if name == "niet_indienen" and not (data.get("reasons") or "").strip():
        # The member who proposed it hears why the council does not ask for it.
        raise DomainError("Schrijf waarom het voorstel niet wordt ingediend.", field="reasons")
    if name == "indienen" and not (
        (data.get("council_decision") or "").strip() or (data.get("motion_number") or "").strip()
    ):
        # Gemeentewet art. 182: the council asks, by a raadsbesluit or an adopted motion.
        raise DomainError(
            "Vul het raadsbesluit of het nummer van de motie in waarmee de raad dit vraagt.",
            field="council_decision",
        )
    for field in ("decided_on", "report_date", "discussed_on"):
        if field in action.fields and data.get(field) is None:
            raise DomainError("Vul de datum in.", field=field)
    if name == "rapport" and not (data.get("report_title") or "").strip():
        raise DomainError("Vul de titel van het rapport in.", field="report_title")
    day = data.get("decided_on") or data.get("report_date") or data.get("discussed_on")
    # A proposal has no filing date yet; its actions carry no date either.
    if day is not None and request.filed_on is not None and day < request.filed_on:
        raise DomainError(
            f"Deze datum ligt voor de indiening van het verzoek ({request.filed_on:%d-%m-%Y}).",
            field=next(f for f in action.fields if data.get(f) is day),
        )


def act(actor: Person, request: StudyRequest, name: str, data: dict) -> StudyRequest:
    """Apply one action of ACTIONS; the only writer of a request's status."""
    viewer = viewer_for(actor)
    if not sees_audit_item(viewer, request):
        raise NotFound(NOT_FOUND)
    if not may_change_audit_item(viewer, request):
        raise Forbidden(ONLY_GRIFFIE)
    action = ACTIONS.get(name)
    if action is None:
        raise NotFound("Deze stap bestaat niet.")
    _check(request, name, action, data)
    motion = None
    if name == "indienen":
        motion = _motion(request.municipality_id, data.get("motion_number", ""))
    with transaction.atomic():
        # Locked so that two clerks recording at once cannot both move it on.
        locked = StudyRequest.objects.select_for_update().get(pk=request.pk)
        if locked.status != request.status:
            raise Conflict(
                "Iemand anders heeft dit verzoek intussen bijgewerkt; laad de pagina opnieuw."
            )
        old = locked.status
        locked.status = action.target
        if name == "indienen":
            locked.motion = motion
            locked.filed_by = actor
            locked.filed_on = timezone.localdate()
        for field in action.fields:
            name_in_model = MODEL_FIELD.get(field, field)
            value = data.get(field)
            if value is None and not StudyRequest._meta.get_field(name_in_model).null:
                # A text the caller left out is empty, as the form would give it.
                value = ""
            setattr(locked, name_in_model, value.strip() if isinstance(value, str) else value)
        locked.save()
        chain.record(
            "audit_office.request_" + name,
            actor=actor,
            municipality_id=locked.municipality_id,
            detail={"request": locked.pk, "from": old, "to": action.target},
        )
        # Inside the transaction on purpose (STYLE.md): the notices roll back with the step.
        notices.request_changed(locked, name, actor=actor)
    return locked


def add_programme_study(actor: Person, data: dict) -> ProgrammeStudy:
    viewer = viewer_for(actor)
    if not manages_audit_office(viewer):
        raise Forbidden(ONLY_GRIFFIE)
    with transaction.atomic():
        study = ProgrammeStudy.objects.create(
            municipality_id=viewer.tenant,
            year=data["year"],
            quarter=data["quarter"],
            title=data["title"].strip(),
            description=(data.get("description") or "").strip(),
            request=data.get("request"),
        )
        chain.record(
            "audit_office.programme_added",
            actor=actor,
            municipality_id=study.municipality_id,
            detail={"study": study.pk, "year": study.year},
        )
    return study


def generate_cycle(actor: Person, budget_year: int) -> list[CycleDate]:
    """The standard dates of `budget_year` (cycle.STANDARD_DATES) that the municipality does
    not have yet; dates the griffie moved or added stay as they are."""
    viewer = viewer_for(actor)
    if not manages_audit_office(viewer):
        raise Forbidden(ONLY_GRIFFIE)
    with transaction.atomic():
        present = set(
            CycleDate.objects.filter(
                municipality_id=viewer.tenant, budget_year=budget_year
            ).values_list("kind", flat=True)
        )
        made = [
            CycleDate.objects.create(
                municipality_id=viewer.tenant,
                budget_year=budget_year,
                kind=row.kind,
                date=standard_date(row, budget_year),
                title=row.title,
                note=row.note,
                legal=row.legal,
            )
            for row in STANDARD_DATES
            if row.kind not in present
        ]
        if made:
            chain.record(
                "audit_office.cycle_generated",
                actor=actor,
                municipality_id=viewer.tenant,
                detail={"year": budget_year, "dates": len(made)},
            )
    return made


def add_cycle_date(actor: Person, data: dict) -> CycleDate:
    """A meeting of the auditcommissie or another date of the cycle."""
    viewer = viewer_for(actor)
    if not manages_audit_office(viewer):
        raise Forbidden(ONLY_GRIFFIE)
    kind = CycleKind(data["kind"])
    if kind not in (CycleKind.COMMITTEE, CycleKind.OTHER):
        raise DomainError("Kies vergadering auditcommissie of overig.", field="kind")
    with transaction.atomic():
        entry = CycleDate.objects.create(
            municipality_id=viewer.tenant,
            budget_year=data["budget_year"],
            kind=kind,
            date=data["date"],
            title=data["title"].strip(),
            note=(data.get("note") or "").strip(),
        )
        chain.record(
            "audit_office.cycle_date_added",
            actor=actor,
            municipality_id=entry.municipality_id,
            detail={"date": entry.pk, "kind": entry.kind},
        )
    return entry


def load_cycle_date(viewer, pk: int) -> CycleDate:
    entry = CycleDate.objects.filter(pk=pk).first()
    if entry is None or not sees_audit_item(viewer, entry):
        raise NotFound(DATE_NOT_FOUND)
    return entry


def move_cycle_date(actor: Person, entry: CycleDate, day: date) -> CycleDate:
    """The griffie moves a date to the municipality's own planning; the legal date is law."""
    viewer = viewer_for(actor)
    if not sees_audit_item(viewer, entry):
        raise NotFound(DATE_NOT_FOUND)
    if not may_change_audit_item(viewer, entry):
        raise Forbidden(ONLY_GRIFFIE)
    if entry.legal:
        raise Conflict(
            "De uiterste datum staat in de wet (Gemeentewet art. 200) en verschuift niet.",
        )
    with transaction.atomic():
        old = entry.date
        entry.date = day
        entry.save(update_fields=["date", "updated_at"])
        chain.record(
            "audit_office.cycle_date_moved",
            actor=actor,
            municipality_id=entry.municipality_id,
            detail={"date": entry.pk, "from": old, "to": day},
        )
    return entry

# SPDX-License-Identifier: EUPL-1.2
"""Domain functions of the safety reports: report, evidence, handling, readers, the checklist.

Each runs in one transaction, asks raadsloket.access.safety, writes its audit event (without
the incident's content: the audit chain is read by the functional administrator) and tells the
people concerned through safety.notices. NVvR-advies (toolkit seed, "Bij incidenten"): small
incidents go to the griffier, larger ones to the burgemeester; acute threats first to the police.
"""

from collections import Counter

from django.db import transaction

from raadsloket.access.safety import (
    may_add_evidence,
    may_add_readers,
    may_handle,
    may_report,
    own_checklist,
    sees_checklist,
    sees_incident,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.audit import chain
from raadsloket.lib import uploads
from raadsloket.lib.errors import DomainError, Forbidden, NotFound
from raadsloket.organisation.models import Person
from raadsloket.safety import notices
from raadsloket.safety.checklist import ITEMS
from raadsloket.safety.models import (
    AddedReader,
    Answer,
    ChecklistAnswer,
    Evidence,
    Handler,
    HandlerNote,
    Incident,
    Severity,
    Status,
    evidence_path,
)

# Evidence: a PDF, a photo or a screenshot; the content decides (lib/uploads.py, ASVS V12).
EVIDENCE = uploads.Allowed(
    (uploads.PDF, uploads.PNG, uploads.JPEG),
    wrong_type=(
        "'{name}' kan niet als bewijs worden toegevoegd; toegestaan zijn PDF, foto's en "
        "schermafdrukken ({suffixes})."
    ),
)
MAX_EVIDENCE = 10
# NVvR-advies: "Meld kleine incidenten altijd bij de griffier. Meld grotere incidenten bij de
# burgemeester." An acute threat goes to the police first, and then to the burgemeester too.
FIRST_HANDLER = {
    Severity.SMALL: Handler.CLERK,
    Severity.SERIOUS: Handler.MAYOR,
    Severity.ACUTE: Handler.MAYOR,
}
SUPPRESSED = "afgeschermd"
NOT_FOUND = "Deze melding bestaat niet."


def load_incident(viewer, pk: int) -> Incident:
    """The incident if the viewer may see it; else NotFound, the same as an unknown id."""
    incident = Incident.objects.select_related("reporter", "municipality").filter(pk=pk).first()
    if incident is None or not sees_incident(viewer, incident):
        raise NotFound(NOT_FOUND)
    return incident


def record_read(actor, incident: Incident, what: str = "melding") -> None:
    """Every read of an incident leaves an audit event (BIO 12.4.1; audit/reads.py)."""
    chain.record(
        "safety.incident_read",
        actor=actor,
        municipality_id=incident.municipality_id,
        detail={"incident": incident.pk, "read": what},
    )


def record_list_read(actor, incidents) -> None:
    ids = sorted(incident.pk for incident in incidents)
    if ids:
        chain.record(
            "safety.list_read",
            actor=actor,
            municipality_id=actor.municipality_id,
            detail={"incidents": ids},
        )


def _checked_files(files) -> list[uploads.Checked]:
    files = list(files or [])
    if len(files) > MAX_EVIDENCE:
        raise DomainError(
            f"Voeg hoogstens {MAX_EVIDENCE} bestanden tegelijk toe.", field="evidence"
        )
    return [uploads.check_upload(f, EVIDENCE, field="evidence") for f in files]


def _store(incident: Incident, actor, checked: list[uploads.Checked], stored: list[str]) -> None:
    for shown in checked:
        evidence = Evidence(
            incident=incident,
            token=uploads.stored_name(),
            name=shown.name,
            content_type=shown.content_type,
            size=shown.size,
            uploaded_by=actor,
        )
        stored.append(evidence_path(incident.pk, evidence.token))
        evidence.file.save(evidence.token, shown.file, save=False)
        evidence.save()


def _without_files(stored: list[str]) -> None:
    storage = Evidence.file.field.storage
    for name in stored:
        if storage.exists(name):
            storage.delete(name)


def report_incident(actor: Person, data: dict, files=()) -> Incident:
    """A member reports an incident; the first handler hears that there is one."""
    viewer = viewer_for(actor)
    if not may_report(viewer):
        raise Forbidden("Alleen raadsleden en commissieleden melden hier een incident.")
    checked = _checked_files(files)
    severity = Severity(data["severity"])
    stored: list[str] = []
    try:
        with transaction.atomic():
            incident = Incident.objects.create(
                municipality_id=viewer.tenant,
                reporter=actor,
                happened_on=data["happened_on"],
                place=data["place"].strip(),
                description=data["description"].strip(),
                channel=data["channel"],
                severity=severity,
                handler=FIRST_HANDLER[severity],
            )
            _store(incident, actor, checked, stored)
            chain.record(
                "safety.incident_reported",
                actor=actor,
                municipality_id=incident.municipality_id,
                detail={"incident": incident.pk, "evidence": len(checked)},
            )
            notices.incident_reported(incident, actor=actor)
    except BaseException:
        # The row is gone with the transaction; its files must not stay behind.
        _without_files(stored)
        raise
    return incident


def add_evidence(actor: Person, incident: Incident, files) -> int:
    if not may_add_evidence(viewer_for(actor), incident):
        raise NotFound(NOT_FOUND)
    checked = _checked_files(files)
    if not checked:
        raise DomainError("Kies een bestand.", field="evidence")
    stored: list[str] = []
    try:
        with transaction.atomic():
            _store(incident, actor, checked, stored)
            chain.record(
                "safety.evidence_added",
                actor=actor,
                municipality_id=incident.municipality_id,
                detail={"incident": incident.pk, "evidence": len(checked)},
            )
    except BaseException:
        _without_files(stored)
        raise
    return len(checked)


def set_status(actor: Person, incident: Incident, status: str) -> Incident:
    if not may_handle(viewer_for(actor), incident):
        raise NotFound(NOT_FOUND)
    new = Status(status)
    with transaction.atomic():
        old = incident.status
        incident.status = new
        incident.save(update_fields=["status", "updated_at"])
        chain.record(
            "safety.status_set",
            actor=actor,
            municipality_id=incident.municipality_id,
            detail={"incident": incident.pk, "from": old, "to": str(new)},
        )
    return incident


def add_note(actor: Person, incident: Incident, text: str) -> HandlerNote:
    if not may_handle(viewer_for(actor), incident):
        raise NotFound(NOT_FOUND)
    text = (text or "").strip()
    if not text:
        raise DomainError("Schrijf de notitie.", field="text")
    with transaction.atomic():
        note = HandlerNote.objects.create(incident=incident, author=actor, text=text)
        if incident.status == Status.REPORTED:
            incident.status = Status.IN_PROGRESS
            incident.save(update_fields=["status", "updated_at"])
        chain.record(
            "safety.note_added",
            actor=actor,
            municipality_id=incident.municipality_id,
            detail={"incident": incident.pk, "note": note.pk},
        )
    return note


def add_reader(actor: Person, incident: Incident, username: str) -> AddedReader:
    """The burgemeester lets one more person read this incident (audited)."""
    if not may_add_readers(viewer_for(actor), incident):
        raise NotFound(NOT_FOUND)
    person = Person.objects.filter(
        username=(username or "").strip(), municipality_id=incident.municipality_id, is_active=True
    ).first()
    if person is None:
        raise DomainError("Er is in uw gemeente niemand met die gebruikersnaam.", field="username")
    if sees_incident(viewer_for(person), incident):
        raise DomainError(f"{person.display_name} kan deze melding al lezen.", field="username")
    with transaction.atomic():
        reader = AddedReader.objects.create(incident=incident, person=person, added_by=actor)
        chain.record(
            "safety.reader_added",
            actor=actor,
            municipality_id=incident.municipality_id,
            detail={"incident": incident.pk, "reader": person.username},
        )
        notices.reader_added(incident, person, actor=actor)
    return reader


def remove_reader(actor: Person, incident: Incident, person_id: int) -> None:
    if not may_add_readers(viewer_for(actor), incident):
        raise NotFound(NOT_FOUND)
    reader = incident.readers.select_related("person").filter(person_id=person_id).first()
    if reader is None:
        raise NotFound("Deze lezer staat niet bij de melding.")
    with transaction.atomic():
        reader.delete()
        chain.record(
            "safety.reader_removed",
            actor=actor,
            municipality_id=incident.municipality_id,
            detail={"incident": incident.pk, "reader": reader.person.username},
        )


def checklist_answers(actor: Person) -> dict[str, ChecklistAnswer]:
    viewer = viewer_for(actor)
    return {a.item: a for a in own_checklist(viewer, ChecklistAnswer.objects.all())}


def save_checklist(actor: Person, data: dict) -> int:
    """The member's own answers; the audit event says only that they saved (no answers)."""
    viewer = viewer_for(actor)
    if not sees_checklist(viewer):
        raise Forbidden("De checklist is voor raadsleden en commissieleden.")
    saved = 0
    with transaction.atomic():
        for item in ITEMS:
            answer = data.get(item.code) or ""
            note = (data.get(f"{item.code}_notitie") or "").strip()
            if not answer and not note:
                ChecklistAnswer.objects.filter(person=actor, item=item.code).delete()
                continue
            ChecklistAnswer.objects.update_or_create(
                person=actor,
                item=item.code,
                defaults={
                    "municipality_id": viewer.tenant,
                    "answer": answer or Answer.TODO,
                    "note": note,
                },
            )
            saved += 1
        chain.record("safety.checklist_saved", actor=actor, municipality_id=viewer.tenant)
    return saved


def small_cell_threshold(municipality) -> int:
    """The reflection's small-cell threshold for this municipality (policy `reporting`, at
    least 3, as reflection.suppression and reflection.fairness apply it)."""
    return municipality.policy.reporting.small_cell_threshold


def _shown(count: int, threshold: int) -> int | None:
    # Below the threshold nothing is shown, zero included: "afgeschermd" never tells whether
    # there was an incident at all.
    return count if count >= threshold else None


def incident_count(municipality, year: int) -> int | None:
    """How many incidents were reported in `year`, or None below the small-cell threshold. The
    only figure about incidents any report may show (NVvR advice: the report is confidential).
    The year report shows it per year (reflection.figures._toolkit_use)."""
    return incidents_per_year(municipality, [year])[year]


def incidents_per_year(municipality, years) -> dict[int, int | None]:
    """Per asked year its count, or None below the threshold. The caller names the years (a
    report's period): a list of only the years with incidents would tell that there was one."""
    asked = sorted(set(years))
    threshold = small_cell_threshold(municipality)
    found = Counter(
        Incident.objects.filter(municipality=municipality, created_at__year__in=asked).values_list(
            "created_at__year", flat=True
        )
    )
    return {year: _shown(found.get(year, 0), threshold) for year in asked}


def shown_count(count: int | None) -> int | str:
    """A count as a report prints it: the number, or "afgeschermd"."""
    return SUPPRESSED if count is None else count

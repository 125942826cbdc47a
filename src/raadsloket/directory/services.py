# SPDX-License-Identifier: EUPL-1.2
"""The domain functions of the support directory: the griffie adds, edits, hides and shows an
entry and writes what each of its people helps with. Each checks the access layer
(raadsloket.access.directory), runs in one transaction and writes the audit chain."""

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from raadsloket.access import directory as access
from raadsloket.access.viewer import Viewer
from raadsloket.audit.chain import record
from raadsloket.directory.models import Category, Entry, GriffieHelp
from raadsloket.lib.errors import Forbidden, InvalidInput, NotFound
from raadsloket.organisation.models import Person

NOT_GRIFFIE = "Alleen de griffie beheert de ondersteuning."


@dataclass(frozen=True)
class EntryInput:
    name: str
    category: str
    purpose: str
    website: str = ""
    phone: str = ""
    email: str = ""
    provider: str = ""


def _check(data: EntryInput) -> None:
    errors: dict[str, list[str]] = {}
    if not data.name.strip():
        errors["name"] = ["Vul de naam in."]
    if data.category not in Category.values:
        errors["category"] = ["Kies een van de categorieën uit de lijst."]
    if not data.purpose.strip():
        errors["purpose"] = ["Beschrijf waarvoor een raadslid hier terecht kan."]
    if errors:
        raise InvalidInput(next(iter(errors.values()))[0], errors=errors)


def _actor(viewer: Viewer) -> Person | None:
    return Person.objects.filter(pk=viewer.person_id).first()


def create_entry(viewer: Viewer, data: EntryInput) -> Entry:
    if not access.edits_directory(viewer):
        raise Forbidden(NOT_GRIFFIE)
    _check(data)
    with transaction.atomic():
        actor = _actor(viewer)
        entry = Entry.objects.create(
            municipality_id=viewer.tenant,
            updated_by=actor,
            source="De griffie",
            **{name: value.strip() for name, value in vars(data).items()},
        )
        record(
            "directory_entry_created",
            actor=actor,
            municipality_id=entry.municipality_id,
            detail={"entry": entry.pk, "name": entry.name},
        )
    return entry


def update_entry(viewer: Viewer, entry: Entry, data: EntryInput) -> Entry:
    if not access.edits_directory(viewer, entry.municipality_id):
        raise Forbidden(NOT_GRIFFIE)
    _check(data)
    with transaction.atomic():
        locked = Entry.objects.select_for_update().filter(pk=entry.pk).first()
        if locked is None:
            raise NotFound("Deze ondersteuner bestaat niet (meer).")
        changed = []
        for name, value in vars(data).items():
            if getattr(locked, name) != value.strip():
                setattr(locked, name, value.strip())
                changed.append(name)
        actor = _actor(viewer)
        locked.updated_at, locked.updated_by = timezone.now(), actor
        locked.save()
        record(
            "directory_entry_updated",
            actor=actor,
            municipality_id=locked.municipality_id,
            detail={"entry": locked.pk, "fields": changed},
        )
    return locked


def set_hidden(viewer: Viewer, entry: Entry, hidden: bool) -> Entry:
    """Hide an entry that does not apply in this municipality (or show it again)."""
    if not access.edits_directory(viewer, entry.municipality_id):
        raise Forbidden(NOT_GRIFFIE)
    with transaction.atomic():
        actor = _actor(viewer)
        Entry.objects.filter(pk=entry.pk).update(
            hidden=hidden, updated_at=timezone.now(), updated_by=actor
        )
        entry.hidden = hidden
        record(
            "directory_entry_hidden" if hidden else "directory_entry_shown",
            actor=actor,
            municipality_id=entry.municipality_id,
            detail={"entry": entry.pk},
        )
    return entry


def set_help(viewer: Viewer, person: Person, helps_with: str) -> GriffieHelp:
    """What one person of the griffie helps members with."""
    if not access.edits_directory(viewer, person.municipality_id):
        raise Forbidden(NOT_GRIFFIE)
    if not access.griffie_people(viewer, Person.objects.filter(pk=person.pk)).exists():
        raise InvalidInput(
            f"{person.display_name} hoort niet (meer) bij de griffie.", field="helps_with"
        )
    with transaction.atomic():
        help_row, _ = GriffieHelp.objects.update_or_create(
            person=person,
            defaults={
                "municipality_id": person.municipality_id,
                "helps_with": helps_with.strip(),
                "updated_at": timezone.now(),
            },
        )
        record(
            "directory_help_updated",
            actor=_actor(viewer),
            municipality_id=person.municipality_id,
            detail={"person": person.username},
        )
    return help_row

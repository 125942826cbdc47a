# SPDX-License-Identifier: EUPL-1.2
"""A populated instance for the records tests: cases in several states, files, audit events."""

from pathlib import Path

from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.datastructures import MultiValueDict

from raadsloket.api.tokens import issue
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.cases.transitions import perform
from raadsloket.demo.lifecycle import (
    act,
    new_case,
    new_written_question,
    run_to,
    run_written_to,
)

# Every byte value, so that a copy that changes one is noticed; a PNG by its first bytes, as
# uploads are checked by content (lib.uploads).
BINARY = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40


def upload(name: str, content: bytes) -> MultiValueDict:
    return MultiValueDict({"files": [SimpleUploadedFile(name, content)]})


def technical_question(
    world,
    member: str = "raadslid1",
    *,
    file: bytes | None = None,
    name: str = "laadpalen.csv",
    close: bool = True,
) -> Case:
    """A technische vraag the griffie answers itself, with an attachment, then closes."""
    case = new_case(
        world,
        member,
        instrument=Instrument.TECHNICAL_QUESTION,
        title="Aantal laadpalen",
        question="Hoeveel openbare laadpalen zijn er?",
    )
    act(world, case, "submit", member)
    act(world, case, "accept", "griffier")
    files = upload(name, file) if file is not None else None
    case = perform(world["griffier"], case.pk, "deliver", {"answer": "Er zijn er 212."}, files)
    if close:
        case = act(world, case, "close", "griffier", {"note": ""})
    return case


def populate(world, other_world) -> dict[str, Case]:
    cases = {
        "closed": run_to(world, new_case(world, "raadslid1"), State.CLOSED),
        "refused": run_to(world, new_case(world, "raadslid2"), State.REFUSED, member="raadslid2"),
        "withdrawn": run_to(
            world, new_case(world, "raadslid3"), State.WITHDRAWN, member="raadslid3"
        ),
        "objected": run_to(world, new_case(world, "raadslid1", confidential=True), State.OBJECTED),
        "published": run_written_to(world, new_written_question(world), State.PUBLISHED),
        "postponed": run_written_to(
            world, new_written_question(world, "raadslid2"), State.POSTPONED, "raadslid2"
        ),
        "technical": technical_question(world, file=BINARY, name="laadpalen.png"),
        "other": run_to(other_world, new_case(other_world), State.IN_PROGRESS),
    }
    delivered = run_to(
        world,
        new_case(world, "raadslid4", title="Parkeerbeleid"),
        State.IN_PROGRESS,
        member="raadslid4",
    )
    cases["delivered"] = perform(
        world["ambtenaar1"],
        delivered.pk,
        "deliver",
        {"answer": "Zie de doorrekening in de bijlage."},
        upload("doorrekening.pdf", b"%PDF-1.4\n" + BINARY[::-1]),
    )
    cases["delivered"].co_requesters.add(world["raadslid5"])
    issue(world["griffier"], label="koppeling")
    return cases


def snapshot() -> dict[str, list[dict]]:
    """Every row of every table (m2m tables included), as field values."""
    return {
        model._meta.label: _rows(model)
        for model in apps.get_models(include_auto_created=True)
        if not model._meta.proxy
    }


def _rows(model) -> list[dict]:
    # A many-to-many link is its pair of ids; the link row's own id is a database counter that
    # loading re-issues (PostgreSQL continues its sequence), and nothing refers to it.
    if model._meta.auto_created:
        fields = [f.attname for f in model._meta.concrete_fields if not f.primary_key]
        return sorted(model._base_manager.values(*fields), key=lambda row: tuple(row.values()))
    return list(model._base_manager.order_by("pk").values())


def media(root: Path) -> dict[str, bytes]:
    return {
        path.relative_to(root).as_posix(): path.read_bytes()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }

# SPDX-License-Identifier: EUPL-1.2
"""The registers in the API: lists, items and their actions, with typed payloads.

Mounted on the project's API (api/root.py), whose authentication it inherits. Who sees what is
decided by raadsloket.access.registers; an item the caller may not see answers 404 like a
missing one (raadsloket.lib.api conventions). Every change goes through registers.services.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone
from ninja import Query, Router, Schema

from raadsloket.access.registers import sees_item
from raadsloket.access.viewer import Viewer, viewer_for
from raadsloket.lib.api import ERRORS
from raadsloket.lib.errors import InvalidInput, NotFound
from raadsloket.lib.ids import valid_id
from raadsloket.organisation.models import Fractie, Person
from raadsloket.registers import links, lists, services
from raadsloket.registers.models import (
    Amendment,
    Commitment,
    InitiativeProposal,
    Motion,
    RegisterItem,
)
from raadsloket.registers.schemas import (
    AmendmentFilterIn,
    AmendmentIn,
    AmendmentOut,
    CollegeViewsIn,
    CommitmentFilterIn,
    CommitmentIn,
    CommitmentOut,
    CompleteMotionIn,
    DecideDoneIn,
    DecideInitiativeIn,
    InitiativeFilterIn,
    InitiativeIn,
    InitiativeOut,
    LinkFilterIn,
    LinkIn,
    LinkOut,
    MotionFilterIn,
    MotionIn,
    MotionOut,
    ProposeDoneIn,
    ScheduleIn,
)

router = Router(tags=["registers"])


def _person(person: Person | None) -> dict | None:
    return None if person is None else {"id": person.pk, "name": person.display_name}


def _base(item: RegisterItem) -> dict:
    return {
        "kind": item.KIND,
        "id": item.pk,
        "number": item.number,
        "title": item.title,
        "url": item.get_absolute_url(),
        "overdue": item.is_overdue(),
    }


def _out(item) -> dict:
    data = _base(item)
    if isinstance(item, Motion | Amendment):
        data.update(
            text=item.text,
            meeting_date=item.meeting_date,
            agenda_item=item.agenda_item,
            outcome=item.outcome,
            submitters=[_person(p) for p in item.submitters.all()],
            co_signers=[_person(p) for p in item.co_signers.all()],
            votes=[
                {"fractie": vote.fractie.name, "choice": vote.choice}
                for vote in item.votes.select_related("fractie")
            ],
        )
    if isinstance(item, Motion):
        data.update(
            portfolio_holder=_person(item.portfolio_holder),
            due_date=item.due_date,
            execution=item.execution or None,
            letter_reference=item.letter_reference,
            done_at=item.done_at,
        )
    elif isinstance(item, Amendment):
        data["amends"] = item.amends
    elif isinstance(item, Commitment):
        data.update(
            {
                field: getattr(item, field)
                for field in (
                    "meeting_name",
                    "meeting_date",
                    "made_to",
                    "text",
                    "due_date",
                    "status",
                    "proposal_note",
                    "decision_reference",
                    "rejection_reason",
                )
            },
            portfolio_holder=_person(item.portfolio_holder),
        )
    elif isinstance(item, InitiativeProposal):
        data.update(
            text=item.text,
            status=item.status,
            submitters=[_person(p) for p in item.submitters.all()],
            college_views=item.college_views,
            meeting_date=item.meeting_date,
            agenda_item=item.agenda_item,
        )
    return data


def _get(viewer: Viewer, model, pk: int):
    item = model.objects.filter(pk=pk).first() if valid_id(pk) else None
    if item is None or not sees_item(viewer, item):
        raise NotFound(f"Deze {model.LABEL} bestaat niet of u mag haar niet zien.")
    return item


def _list(request, model, filters) -> list[dict]:
    viewer = viewer_for(request.user)
    register = lists.REGISTERS[model.KIND]
    chosen = lists.ListFilter(
        status=filters.status or "",
        holder=filters.portfolio_holder if register.has_holder else None,
        meeting=filters.meeting_date,
        overdue=filters.overdue and register.has_due,
    )
    queryset = lists.filtered(viewer, register, chosen, timezone.localdate())
    return [_out(item) for item in queryset[: filters.limit]]


def _people(viewer: Viewer, ids: list[int], field: str) -> tuple[Person, ...]:
    found = {
        person.pk: person
        for person in Person.objects.filter(municipality_id=viewer.tenant, pk__in=ids)
    }
    missing = [pk for pk in ids if pk not in found]
    if missing:
        raise InvalidInput(
            "Onbekende persoon.", errors={field: [f"Onbekend: {', '.join(map(str, missing))}."]}
        )
    return tuple(found[pk] for pk in ids)


def _one(viewer: Viewer, pk: int | None, field: str) -> Person | None:
    return None if pk is None else _people(viewer, [pk], field)[0]


def _proposal_input(viewer: Viewer, body) -> services.ProposalInput:
    fracties = {
        fractie.pk: fractie for fractie in Fractie.objects.filter(municipality_id=viewer.tenant)
    }
    votes = []
    for vote in body.votes:
        if vote.fractie_id not in fracties:
            raise InvalidInput("Onbekende fractie.", errors={"votes": [f"{vote.fractie_id}"]})
        votes.append((fracties[vote.fractie_id], vote.choice))
    return services.ProposalInput(
        number=body.number,
        title=body.title,
        text=body.text,
        meeting_date=body.meeting_date,
        agenda_item=body.agenda_item,
        outcome=body.outcome,
        submitters=_people(viewer, body.submitter_ids, "submitter_ids"),
        co_signers=_people(viewer, body.co_signer_ids, "co_signer_ids"),
        votes=tuple(votes),
        portfolio_holder=_one(
            viewer, getattr(body, "portfolio_holder_id", None), "portfolio_holder_id"
        ),
        due_date=getattr(body, "due_date", None),
        amends=getattr(body, "amends", ""),
    )


# --- the shape every register shares ----------------------------------------------------------


@dataclass(frozen=True)
class Register:
    """One register's list, record and item endpoints, built by `_endpoints`: one implementation
    for all four, so that a rule of the listing, the recording or the 404 holds for each."""

    model: type[RegisterItem]
    path: str
    out: type[Schema]
    filters: type[Schema]
    body: type[Schema]
    record: Callable[[Viewer, Any], RegisterItem]
    # The operation ids (an integration's client method names) and summaries, in the order
    # list, record, item.
    names: tuple[str, str, str]
    summaries: tuple[str, str, str]


def _endpoints(register: Register) -> None:
    model, filters_schema, body_schema = register.model, register.filters, register.body

    def listed(request, filters: Query[filters_schema]):  # type: ignore[valid-type]
        return _list(request, model, filters)

    def recorded(request, body: body_schema):  # type: ignore[valid-type]
        viewer = viewer_for(request.user)
        return 201, _out(register.record(viewer, body))

    def detail(request, pk: int):
        return _out(_get(viewer_for(request.user), model, pk))

    for view, name in zip((listed, recorded, detail), register.names, strict=True):
        view.__name__ = view.__qualname__ = name
    listing, recording, item = register.summaries
    path = f"/registers/{register.path}"
    many = list[register.out]  # type: ignore[name-defined]
    router.get(path, response={200: many, **ERRORS}, summary=listing)(listed)
    router.post(path, response={201: register.out, **ERRORS}, summary=recording)(recorded)
    router.get(f"{path}/{{pk}}", response={200: register.out, **ERRORS}, summary=item)(detail)


def _record_commitment(viewer: Viewer, body: CommitmentIn) -> Commitment:
    (holder,) = _people(viewer, [body.portfolio_holder_id], "portfolio_holder_id")
    data = services.CommitmentInput(
        **body.dict(exclude={"portfolio_holder_id"}), portfolio_holder=holder
    )
    return services.record_commitment(viewer, data)


def _start_initiative(viewer: Viewer, body: InitiativeIn) -> InitiativeProposal:
    return services.start_initiative(
        viewer,
        title=body.title,
        text=body.text,
        co_submitters=_people(viewer, body.co_submitter_ids, "co_submitter_ids"),
    )


# --- moties ---------------------------------------------------------------------------------------

_endpoints(
    Register(
        Motion,
        "motions",
        MotionOut,
        MotionFilterIn,
        MotionIn,
        lambda viewer, body: services.record_proposal(
            viewer, Motion, _proposal_input(viewer, body)
        ),
        ("list_motions", "record_motion", "motion_detail"),
        ("Moties", "Motie vastleggen", "Motie"),
    )
)


@router.post(
    "/registers/motions/{pk}/complete",
    response={200: MotionOut, **ERRORS},
    summary="Motie afdoen met de collegebrief",
)
def complete_motion(request, pk: int, body: CompleteMotionIn):
    viewer = viewer_for(request.user)
    motion = _get(viewer, Motion, pk)
    return _out(services.complete_motion(viewer, motion, reference=body.letter_reference))


# --- amendementen ---------------------------------------------------------------------------------

_endpoints(
    Register(
        Amendment,
        "amendments",
        AmendmentOut,
        AmendmentFilterIn,
        AmendmentIn,
        lambda viewer, body: services.record_proposal(
            viewer, Amendment, _proposal_input(viewer, body)
        ),
        ("list_amendments", "record_amendment", "amendment_detail"),
        ("Amendementen", "Amendement vastleggen", "Amendement"),
    )
)


# --- toezeggingen ---------------------------------------------------------------------------------

_endpoints(
    Register(
        Commitment,
        "commitments",
        CommitmentOut,
        CommitmentFilterIn,
        CommitmentIn,
        _record_commitment,
        ("list_commitments", "record_commitment", "commitment_detail"),
        ("Toezeggingen", "Toezegging vastleggen", "Toezegging"),
    )
)


@router.post(
    "/registers/commitments/{pk}/propose-done",
    response={200: CommitmentOut, **ERRORS},
    summary="Toezegging voorstellen af te doen (college)",
)
def propose_commitment_done(request, pk: int, body: ProposeDoneIn):
    viewer = viewer_for(request.user)
    return _out(services.propose_done(viewer, _get(viewer, Commitment, pk), body.note))


@router.post(
    "/registers/commitments/{pk}/decide",
    response={200: CommitmentOut, **ERRORS},
    summary="Besluiten of een toezegging is afgedaan (griffie)",
)
def decide_commitment(request, pk: int, body: DecideDoneIn):
    viewer = viewer_for(request.user)
    commitment = _get(viewer, Commitment, pk)
    return _out(
        services.decide_done(
            viewer, commitment, accept=body.accept, reference=body.reference, reason=body.reason
        )
    )


# --- initiatiefvoorstellen ------------------------------------------------------------------------

_endpoints(
    Register(
        InitiativeProposal,
        "initiatives",
        InitiativeOut,
        InitiativeFilterIn,
        InitiativeIn,
        _start_initiative,
        ("list_initiatives", "start_initiative", "initiative_detail"),
        ("Initiatiefvoorstellen", "Initiatiefvoorstel beginnen (concept)", "Initiatiefvoorstel"),
    )
)


@router.post(
    "/registers/initiatives/{pk}/submit",
    response={200: InitiativeOut, **ERRORS},
    summary="Initiatiefvoorstel indienen",
)
def submit_initiative(request, pk: int):
    viewer = viewer_for(request.user)
    return _out(services.submit_initiative(viewer, _get(viewer, InitiativeProposal, pk)))


@router.post(
    "/registers/initiatives/{pk}/college-views",
    response={200: InitiativeOut, **ERRORS},
    summary="Wensen en bedenkingen van het college vastleggen",
)
def initiative_college_views(request, pk: int, body: CollegeViewsIn):
    viewer = viewer_for(request.user)
    initiative = _get(viewer, InitiativeProposal, pk)
    return _out(services.record_college_views(viewer, initiative, body.college_views))


@router.post(
    "/registers/initiatives/{pk}/schedule",
    response={200: InitiativeOut, **ERRORS},
    summary="Initiatiefvoorstel agenderen",
)
def schedule_initiative(request, pk: int, body: ScheduleIn):
    viewer = viewer_for(request.user)
    initiative = _get(viewer, InitiativeProposal, pk)
    return _out(
        services.schedule_initiative(viewer, initiative, body.meeting_date, body.agenda_item)
    )


@router.post(
    "/registers/initiatives/{pk}/decide",
    response={200: InitiativeOut, **ERRORS},
    summary="Uitkomst van de stemming over een initiatiefvoorstel",
)
def decide_initiative(request, pk: int, body: DecideInitiativeIn):
    viewer = viewer_for(request.user)
    initiative = _get(viewer, InitiativeProposal, pk)
    return _out(services.decide_initiative(viewer, initiative, body.outcome))


@router.post(
    "/registers/initiatives/{pk}/withdraw",
    response={200: InitiativeOut, **ERRORS},
    summary="Initiatiefvoorstel intrekken",
)
def withdraw_initiative(request, pk: int):
    viewer = viewer_for(request.user)
    return _out(services.withdraw_initiative(viewer, _get(viewer, InitiativeProposal, pk)))


# --- links ----------------------------------------------------------------------------------------


def _link_out(link, here: tuple[str, int], other: links.Described) -> dict:
    return {
        "id": link.pk,
        "type": link.type,
        "direction": "outgoing" if (link.from_kind, link.from_id) == here else "incoming",
        "label": link.label_from(*here),
        "other": vars(other),
        "created_at": link.created_at,
    }


@router.get(
    "/registers/links",
    response={200: list[LinkOut], **ERRORS},
    summary="Koppelingen van een item",
    description="Alleen koppelingen waarvan u het andere item mag zien.",
)
def list_links(request, filters: Query[LinkFilterIn]):
    viewer = viewer_for(request.user)
    item = links.resolve(viewer, filters.kind, filters.id)
    here = links.ref_of(item)
    shown = links.samenhang(viewer, item, depth=1)
    return [
        _link_out(entry.link, here, entry.other) for _, group in shown.groups for entry in group
    ]


@router.post("/registers/links", response={201: LinkOut, **ERRORS}, summary="Koppeling toevoegen")
def add_link(request, body: LinkIn):
    viewer = viewer_for(request.user)
    source = links.resolve(viewer, body.from_kind, body.from_id)
    target = links.resolve(viewer, body.to_kind, body.to_id)
    link = links.add_link(viewer, source, target, body.type)
    return 201, _link_out(link, links.ref_of(source), links.describe(target))


@router.delete(
    "/registers/links/{pk}", response={204: None, **ERRORS}, summary="Koppeling verwijderen"
)
def remove_link(request, pk: int):
    if not valid_id(pk):
        raise NotFound("Deze koppeling bestaat niet of u mag haar niet zien.")
    links.remove_link(viewer_for(request.user), pk)
    return 204, None

# SPDX-License-Identifier: EUPL-1.2
"""Cases in the API: lists and search, one case, its actions and timeline, similar answered
questions. Every route asks the access layer; changes go through the one transition function.
Mounted by the root API (api/root.py), whose authentication (API token or session) applies."""

from ninja import Field as ApiField
from ninja import File, Form, Query, Router, Schema, Status, UploadedFile

from raadsloket.access.cases import (
    CaseNotFound,
    Relations,
    get_case_for,
    relation_names,
    sections,
    with_relations,
)
from raadsloket.access.sections import CONTENT_SECTIONS
from raadsloket.access.timeline import readable_events
from raadsloket.access.viewer import viewer_for
from raadsloket.audit.reads import record_list_read, record_read
from raadsloket.cases.filters import filtered_cases, read_filter
from raadsloket.cases.knowledge import similar_questions
from raadsloket.cases.models import NEWEST_FIRST
from raadsloket.cases.schemas import (
    ActionIn,
    CaseIn,
    CaseListOut,
    CaseOut,
    DirectContactIn,
    SimilarOut,
    TimelineOut,
)
from raadsloket.cases.search import count_search
from raadsloket.cases.serialize import case_payload
from raadsloket.cases.services import create_case, log_direct_contact
from raadsloket.cases.transitions import available_actions, perform
from raadsloket.lib.api import ERRORS
from raadsloket.lib.idempotency import AlreadySubmitted

router = Router(tags=["verzoeken"])

MAX_PAGE = 100


class SimilarFilters(Schema):
    text: str = ApiField(..., min_length=1, max_length=10_000)


class ListFilters(Schema):
    q: str | None = None
    state: str | None = None
    instrument: str | None = None
    after: int | None = None
    limit: int = 50


@router.get(
    "/cases",
    response={200: CaseListOut, **ERRORS},
    summary="Zichtbare verzoeken (met q: zoeken in wat u mag zien)",
    description="Filters als op de pagina Verzoeken: state (mag herhaald), instrument, "
    "termijn=verlopen, terrein, portefeuille, fractie en q. Een filter op een gegeven dat u "
    "bij geen enkel verzoek mag kennen geeft 400; anders telt een filter alleen bij verzoeken "
    "waarvan u dat gegeven mag zien. Zoeken: hoogstens 30 keer per minuut (daarna 429).",
)
def list_cases(request, filters: Query[ListFilters]):
    viewer = viewer_for(request.user)
    limit = max(1, min(filters.limit, MAX_PAGE))
    params = request.GET.copy()
    # The API's name for the page's `status` parameter.
    params.setlist("status", params.getlist("state"))
    case_filter = read_filter(viewer, params)
    if case_filter.text:
        count_search(viewer)
    queryset = with_relations(filtered_cases(viewer, case_filter))
    if filters.after is not None:
        queryset = queryset.filter(pk__lt=filters.after)
    # Keyset pagination: stable and constant-cost however deep one pages.
    rows = list(queryset.order_by(*NEWEST_FIRST)[: limit + 1])
    shown = [(c, sections(viewer, c, Relations(viewer, c))) for c in rows[:limit]]
    record_list_read(request.user, shown)
    items = [case_payload(c, visible, viewer=viewer) for c, visible in shown]
    next_after = rows[limit - 1].pk if len(rows) > limit else None
    return {"items": items, "next_after": next_after}


@router.post(
    "/cases",
    response={200: CaseOut, 201: CaseOut, **ERRORS},
    summary="Nieuw verzoek (met Idempotency-Key: hoogstens één verzoek per sleutel)",
)
def new_case(request, payload: CaseIn):
    data = payload.dict()
    submit = data.pop("submit")
    # The same guard as the form's hidden token (lib/idempotency.py): a client that retries
    # with the same key gets the case it made the first time (200), not a second one.
    data["submission_token"] = request.headers.get("Idempotency-Key", "")
    try:
        case = create_case(request.user, data, submit=submit)
    except AlreadySubmitted as error:
        return Status(200, _detail(request, error.existing.pk))
    return Status(201, _detail(request, case.pk))


@router.post(
    "/direct-contacts",
    response={201: CaseOut, **ERRORS},
    summary="Rechtstreeks contact achteraf vastleggen (als de verordening het toestaat)",
)
def new_direct_contact(request, payload: DirectContactIn):
    case = log_direct_contact(request.user, payload.dict())
    return Status(201, _detail(request, case.pk))


def _detail(request, case_id: int) -> dict:
    viewer = viewer_for(request.user)
    case, visible = get_case_for(viewer, case_id)
    rels = Relations(viewer, case)
    payload = case_payload(case, visible, viewer=viewer, detail=True)
    names = relation_names(viewer, case, rels)
    payload["available_actions"] = [
        {"action": row.action, "label": row.label} for row in available_actions(viewer, case, names)
    ]
    content = visible & CONTENT_SECTIONS
    if content:
        record_read(request.user, case, content)
    return payload


@router.get("/cases/{case_id}", response={200: CaseOut, **ERRORS}, summary="Eén verzoek")
def case_detail(request, case_id: int):
    return _detail(request, case_id)


@router.post(
    "/cases/{case_id}/actions/{action}",
    response={200: CaseOut, **ERRORS},
    summary="Een actie uitvoeren (submit, accept, forward, assign, ...)",
)
def case_action(request, case_id: int, action: str, payload: ActionIn):
    case = perform(request.user, case_id, action, payload.data, expected_version=payload.version)
    return _acted(request, case_id, case)


@router.post(
    "/cases/{case_id}/actions/{action}/upload",
    response={200: CaseOut, **ERRORS},
    summary="Een actie met bijlagen uitvoeren (deliver; multipart/form-data)",
    description="De velden van de actie als formuliervelden (answer, secret, version), de "
    "bijlagen in 'files'. Toegestaan: PDF, Word, Excel, OpenDocument, CSV, tekst, PNG en JPEG "
    "van hoogstens 10 MB, gecontroleerd op de inhoud.",
)
def case_action_with_files(
    request,
    case_id: int,
    action: str,
    files: File[list[UploadedFile]],
    version: Form[int | None] = None,
):
    # The same form checks the fields and the files as on the page (cases.forms.DeliverForm).
    case = perform(
        request.user, case_id, action, request.POST, request.FILES, expected_version=version
    )
    return _acted(request, case_id, case)


def _acted(request, case_id: int, case) -> dict:
    try:
        body = _detail(request, case_id)
    except CaseNotFound:
        # The action itself took the case out of the actor's sight (the driehoek decided).
        body = case_payload(case, frozenset())
    # Whoever acted learns the outcome of their own act, even without the metadata section.
    body.setdefault("state", case.state)
    body.setdefault("state_label", case.get_state_display())
    return body


@router.get(
    "/cases/{case_id}/timeline",
    response={200: list[TimelineOut], **ERRORS},
    summary="Tijdlijn van een verzoek",
)
def case_timeline(request, case_id: int):
    viewer = viewer_for(request.user)
    case, visible = get_case_for(viewer, case_id)
    events = readable_events(viewer, case, visible)
    content = visible & CONTENT_SECTIONS
    if content and any(e.detail for e in events):
        record_read(request.user, case, content)
    # The schema takes only its own fields of each event (TimelineOut).
    return events


@router.get(
    "/similar",
    response={200: list[SimilarOut], **ERRORS},
    summary="Is dit al eerder gevraagd? Vergelijkbare beantwoorde vragen",
)
def similar(request, filters: Query[SimilarFilters]):
    viewer = viewer_for(request.user)
    found = similar_questions(viewer, filters.text)
    record_list_read(request.user, [(item.case, {"request", "answer"}) for item in found])
    return [
        {
            "id": item.case.pk,
            "reference": item.case.reference,
            "title": item.case.title,
            "instrument": item.case.instrument,
            "score": item.score,
        }
        for item in found
    ]

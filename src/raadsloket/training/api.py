# SPDX-License-Identifier: EUPL-1.2
"""The opleidingsbudget in the API: a member's own requests and budget, what the council's
collective budget is spent on, and the griffie's decisions (toolkit seed, "Opleidingsbudget").

Mounted on the project's API (api/root.py), whose authentication it inherits. Who sees what is
decided by raadsloket.access.training; the conventions (amounts as strings, 404 for what the
caller may not see) are those of raadsloket.lib.api.
"""

from ninja import Query, Router, Status
from ninja.errors import HttpError

from raadsloket.access.training import (
    decides_training,
    may_request_training,
    sees_training_pages,
    visible_training_requests,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.lib.api import (
    ERRORS,
    YearFilter,
    api_amount,
    page_limit,
    parse_amount,
    this_year_or,
)
from raadsloket.lib.errors import Forbidden
from raadsloket.lib.ids import MAX_ID, valid_id
from raadsloket.training import services as training
from raadsloket.training.models import TrainingRequest
from raadsloket.training.schemas import (
    DecisionIn,
    TrainingBudgetOut,
    TrainingFilter,
    TrainingIn,
    TrainingListOut,
    TrainingOut,
)

router = Router(tags=["opleidingsbudget"])


def _viewer(request):
    return viewer_for(request.user)


def _budget(budget: training.Budget) -> dict:
    return {
        "kind": str(budget.kind),
        "year": budget.year,
        "amount": api_amount(budget.amount),
        "approved": api_amount(budget.approved),
        "pending": api_amount(budget.pending),
        "remaining": api_amount(budget.remaining),
    }


def _training(viewer, row: TrainingRequest) -> dict:
    # Someone else's approved collective course is the council's: what it is and costs, not
    # who asked for it or why the griffie decided as it did.
    mine = row.person_id == viewer.person_id
    told = mine or decides_training(viewer)
    return {
        "id": row.pk,
        "mine": mine,
        "person": row.person.display_name if told else None,
        "year": row.year,
        "kind": row.kind,
        "kind_label": TrainingRequest.Kind(row.kind).label,
        "title": row.title,
        "provider": row.provider,
        "start_date": row.start_date,
        "cost": api_amount(row.cost),
        "purpose": row.purpose,
        "status": row.status,
        "status_label": TrainingRequest.Status(row.status).label,
        "submitted_at": row.submitted_at,
        "decided_at": row.decided_at,
        "decision_reason": row.decision_reason if told else None,
    }


@router.get(
    "/training/requests",
    response={200: TrainingListOut, **ERRORS},
    summary="Opleidingsaanvragen: uw eigen, en waaraan het collectieve budget opgaat",
)
def list_training(request, filters: Query[TrainingFilter]):
    viewer = _viewer(request)
    queryset = visible_training_requests(viewer, TrainingRequest.objects.all())
    if filters.year is not None:
        queryset = queryset.filter(year=filters.year)
    if filters.status:
        queryset = queryset.filter(status=filters.status)
    if filters.after is not None:
        queryset = queryset.filter(pk__lt=min(max(filters.after, 0), MAX_ID))
    limit = page_limit(filters.limit)
    rows = list(queryset.select_related("person").order_by("-pk")[: limit + 1])
    return {
        "items": [_training(viewer, row) for row in rows[:limit]],
        "next_after": rows[limit - 1].pk if len(rows) > limit else None,
    }


@router.post(
    "/training/requests",
    response={201: TrainingOut, **ERRORS},
    summary="Een opleiding aanvragen (raadslid of commissielid)",
)
def new_training(request, payload: TrainingIn):
    viewer = _viewer(request)
    created = training.request_training(
        viewer,
        request.user,
        kind=payload.kind,
        title=payload.title,
        provider=payload.provider,
        start_date=payload.start_date,
        cost=parse_amount(payload.cost, "cost"),
        purpose=payload.purpose,
        not_party_political=payload.not_party_political,
    )
    row = TrainingRequest.objects.select_related("person").get(pk=created.pk)
    return Status(201, _training(viewer, row))


def _training_request(viewer, request_id: int) -> TrainingRequest:
    row = None
    if valid_id(request_id):
        row = (
            visible_training_requests(viewer, TrainingRequest.objects.all())
            .filter(pk=request_id)
            .first()
        )
    if row is None:
        raise HttpError(404, "Aanvraag niet gevonden.")
    return row


@router.post(
    "/training/requests/{request_id}/decision",
    response={200: TrainingOut, **ERRORS},
    summary="Over een opleidingsaanvraag beslissen (griffie)",
)
def decide(request, request_id: int, payload: DecisionIn):
    viewer = _viewer(request)
    row = _training_request(viewer, request_id)
    decided = training.decide(
        viewer, request.user, row, approve=payload.approve, reason=payload.reason
    )
    row = TrainingRequest.objects.select_related("person").get(pk=decided.pk)
    return _training(viewer, row)


@router.post(
    "/training/requests/{request_id}/withdraw",
    response={200: TrainingOut, **ERRORS},
    summary="Uw eigen aanvraag intrekken zolang er niet over is beslist",
)
def withdraw(request, request_id: int):
    viewer = _viewer(request)
    row = _training_request(viewer, request_id)
    withdrawn = training.withdraw(viewer, request.user, row)
    row = TrainingRequest.objects.select_related("person").get(pk=withdrawn.pk)
    return _training(viewer, row)


@router.get(
    "/training/budget",
    response={200: TrainingBudgetOut, **ERRORS},
    summary="Het opleidingsbudget: uw persoonlijke budget en het collectieve budget van de raad",
)
def training_budget(request, filters: Query[YearFilter]):
    viewer = _viewer(request)
    if not sees_training_pages(viewer):
        raise Forbidden("Het opleidingsbudget is voor de raad en de griffie.")
    year = this_year_or(filters.year)
    person = request.user
    profile = viewer.profile
    personal = (
        training.personal_budget(person, year, profile) if may_request_training(viewer) else None
    )
    return {
        "year": year,
        "rule": profile.training_budget.rule,
        "personal": _budget(personal) if personal is not None else None,
        "collective": _budget(training.collective_budget(person.municipality, year, profile)),
    }

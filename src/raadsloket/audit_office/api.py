# SPDX-License-Identifier: EUPL-1.2
"""The rekenkamer and the accountant cycle in the API (toolkit seed, "Rekenkamer" and
"Accountant").

Mounted on the project's API (api/root.py), whose authentication it inherits. The same rules
as the pages (raadsloket.access.audit_office): lists hold only the caller's municipality (empty
for anyone who may not read them); a request of another municipality is a 404 like an unknown
id; a member proposes a study, filing and recording are the griffie's (403 for a reader who may
not). The input is
validated by the pages' forms, so the Dutch errors are the same.
"""

from datetime import date
from typing import Annotated

from ninja import Query, Router, Schema, Status

from raadsloket.access.audit_office import visible_audit_items
from raadsloket.access.viewer import viewer_for
from raadsloket.audit_office import services
from raadsloket.audit_office.cycle import adoption_deadline
from raadsloket.audit_office.forms import ACTION_FORMS, ProposalForm, StudyRequestForm
from raadsloket.audit_office.models import CycleDate, ProgrammeStudy, StudyRequest
from raadsloket.cases.forms import clean_input
from raadsloket.lib.api import ERRORS, OneOf, YearFilter, this_year_or
from raadsloket.lib.errors import NotFound
from raadsloket.lib.ids import valid_id

router = Router(tags=["rekenkamer"])


class StudyRequestOut(Schema):
    id: int
    subject: str
    question: str
    reason: str
    council_decision: str
    motion: str | None
    proposed_by: str | None
    filed_on: date | None
    status: str
    status_label: str
    decided_on: date | None
    decision_reasons: str
    report_title: str
    report_date: date | None
    report_url: str
    discussed_on: date | None
    next_actions: list[str]


class ProposalIn(Schema):
    subject: str
    question: str
    reason: str


class StudyRequestIn(ProposalIn):
    council_decision: str = ""
    motion_number: str = ""


class ActionIn(Schema):
    data: dict[str, str] = {}


class ProgrammeStudyOut(Schema):
    id: int
    year: int
    quarter: int
    title: str
    description: str


class CycleDateOut(Schema):
    id: int
    budget_year: int
    kind: str
    kind_label: str
    date: date
    title: str
    note: str
    legal: bool


class CycleOut(Schema):
    budget_year: int
    adoption_deadline: date
    dates: list[CycleDateOut]


def _out(study: StudyRequest) -> dict:
    return {
        "id": study.pk,
        "subject": study.subject,
        "question": study.question,
        "reason": study.reason,
        "council_decision": study.council_decision,
        "motion": study.motion.number if study.motion else None,
        "proposed_by": study.proposed_by.display_name if study.proposed_by else None,
        "filed_on": study.filed_on,
        "status": study.status,
        "status_label": study.get_status_display(),
        "decided_on": study.decided_on,
        "decision_reasons": study.decision_reasons,
        "report_title": study.report_title,
        "report_date": study.report_date,
        "report_url": study.report_url,
        "discussed_on": study.discussed_on,
        "next_actions": services.allowed_actions(study),
    }


def _load(request, request_id: int) -> StudyRequest:
    if not valid_id(request_id):
        raise NotFound(services.NOT_FOUND)
    return services.load_request(viewer_for(request.user), request_id)


@router.get(
    "/audit-office/requests",
    response={200: list[StudyRequestOut], **ERRORS},
    summary="Verzoeken van de raad aan de rekenkamer",
)
def list_requests(request):
    viewer = viewer_for(request.user)
    rows = visible_audit_items(viewer, StudyRequest.objects.select_related("motion", "proposed_by"))
    return [_out(row) for row in rows.order_by("-filed_on", "-pk")[:500]]


@router.post(
    "/audit-office/requests",
    response={201: StudyRequestOut, **ERRORS},
    summary="Verzoek van de raad aan de rekenkamer vastleggen (griffie)",
)
def file_request(request, body: StudyRequestIn):
    data = clean_input(StudyRequestForm, body.dict())
    return Status(201, _out(services.file_request(request.user, data)))


@router.post(
    "/audit-office/proposals",
    response={201: StudyRequestOut, **ERRORS},
    summary="Een onderzoek aan de rekenkamer voorstellen (raadslid)",
)
def propose_study(request, body: ProposalIn):
    data = clean_input(ProposalForm, body.dict())
    return Status(201, _out(services.propose_study(request.user, data)))


@router.get(
    "/audit-office/requests/{request_id}",
    response={200: StudyRequestOut, **ERRORS},
    summary="Eén verzoek aan de rekenkamer",
)
def request_detail(request, request_id: int):
    return _out(_load(request, request_id))


@router.post(
    "/audit-office/requests/{request_id}/actions/{action}",
    response={200: StudyRequestOut, **ERRORS},
    summary="Besluit of rapport van de rekenkamer vastleggen (griffie)",
)
def request_action(
    request,
    request_id: int,
    action: Annotated[str, OneOf(list(services.ACTIONS))],
    body: ActionIn,
):
    study = _load(request, request_id)
    data = clean_input(ACTION_FORMS[action], body.data)
    return _out(services.act(request.user, study, action, data))


@router.get(
    "/audit-office/programme",
    response={200: list[ProgrammeStudyOut], **ERRORS},
    summary="Onderzoeksprogramma van de rekenkamer",
)
def programme(request, filters: Query[YearFilter]):
    viewer = viewer_for(request.user)
    rows = visible_audit_items(viewer, ProgrammeStudy.objects.all()).filter(
        year=this_year_or(filters.year)
    )
    return list(
        rows.order_by("quarter", "pk").values("id", "year", "quarter", "title", "description")
    )


@router.get(
    "/audit-office/cycle",
    response={200: CycleOut, **ERRORS},
    summary="Accountantscyclus van een begrotingsjaar",
)
def cycle(request, filters: Query[YearFilter]):
    viewer = viewer_for(request.user)
    year = this_year_or(filters.year)
    rows = visible_audit_items(viewer, CycleDate.objects.all()).filter(budget_year=year)
    return {
        "budget_year": year,
        "adoption_deadline": adoption_deadline(year),
        "dates": [
            {
                "id": row.pk,
                "budget_year": row.budget_year,
                "kind": row.kind,
                "kind_label": row.get_kind_display(),
                "date": row.date,
                "title": row.title,
                "note": row.note,
                "legal": row.legal,
            }
            for row in rows.order_by("date", "pk")
        ],
    }

# SPDX-License-Identifier: EUPL-1.2
"""Fractieondersteuning and the opleidingsbudget in the API (issue 5, item 7).

Mounted on the project's API (api/root.py, `install`), whose authentication (API token or
session) it inherits. Who sees what is decided by raadsloket.access.budgets only; this module
asks it and shapes the answer. Conventions of the rest of the API:

- Amounts are strings with two decimals ("1234.50"), never floats; dates are ISO.
- An object the caller may not see answers 404 exactly like a missing id (also ids beyond
  2**63-1, which the database cannot hold); an action the caller may not do on an object they
  do see answers 403. Lists show only what the caller may see (empty for outsiders).
- Every refusal of the domain (DomainError) is a Dutch JSON error with its status and field.
"""

import re
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from ninja import File, Form, Query, Router, Status, UploadedFile
from ninja.errors import HttpError

from raadsloket.access.budgets import (
    decides_training,
    may_request_training,
    precedent_rows,
    sees_budget_overview,
    sees_budget_pages,
    sees_fractie_budget,
    sees_training_pages,
    visible_expenses,
    visible_fracties,
    visible_questions,
    visible_training_requests,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.budgets import training
from raadsloket.budgets.api_schemas import (
    AnswerIn,
    CategoryOut,
    DecisionIn,
    ExpenseIn,
    ExpenseListOut,
    ExpenseOut,
    FractieListOut,
    PageFilter,
    PrecedentFilter,
    PrecedentOut,
    QuestionFilter,
    QuestionListOut,
    QuestionOut,
    StatementOut,
    TrainingBudgetOut,
    TrainingFilter,
    TrainingIn,
    TrainingListOut,
    TrainingOut,
    UnclearOut,
    YearFilter,
)
from raadsloket.budgets.expenses import answer_question, counting, record_expense
from raadsloket.budgets.models import Expense, SpendingQuestion, Statement, TrainingRequest
from raadsloket.budgets.money import ZERO, cents
from raadsloket.budgets.statement import figures
from raadsloket.lib.api import ERRORS
from raadsloket.lib.errors import DomainError, Forbidden
from raadsloket.organisation.models import Fractie

MAX_ID = 2**63 - 1
MAX_PAGE = 100
# Digits with an optional decimal point or comma: no sign, exponent, spaces, NaN or Infinity.
AMOUNT = re.compile(r"[0-9]{1,12}(?:[.,][0-9]{1,6})?")

router = Router(tags=["fractieondersteuning"])
training_router = Router(tags=["opleidingsbudget"])


def money(value) -> str:
    """An amount as "1234.50": exact, and never "-0.00"."""
    amount = cents(Decimal(value))
    return f"{amount if amount else ZERO:.2f}"


def parse_amount(text: str, field: str) -> Decimal:
    """'125.50' or '125,50' as a Decimal; the domain checks the range and the cents."""
    if not AMOUNT.fullmatch(text or ""):
        raise DomainError('Schrijf het bedrag als tekst, bijvoorbeeld "125.50".', field=field)
    return Decimal(text.replace(",", "."))


def _viewer(request):
    return viewer_for(request.user)


def _year(year: int | None) -> int:
    return year if year is not None else timezone.localdate().year


def _limit(limit: int) -> int:
    return max(1, min(limit, MAX_PAGE))


def _valid_id(value: int) -> bool:
    return 0 < value <= MAX_ID


def _fractie(viewer, fractie_id: int) -> Fractie:
    """The fractie whose budget the viewer sees in full, else 404 as for a missing one."""
    fractie = None
    if _valid_id(fractie_id):
        fractie = visible_fracties(viewer, Fractie.objects.all()).filter(pk=fractie_id).first()
    if fractie is None or not sees_fractie_budget(viewer, fractie):
        raise HttpError(404, "Fractie niet gevonden.")
    return fractie


def _label(support, code: str) -> str:
    category = support.category(code)
    return category.label if category is not None else code


def _statement_row(fractie: Fractie, year: int) -> Statement | None:
    return Statement.objects.filter(fractie=fractie, year=year).first()


def _frozen(statement: Statement | None) -> dict:
    """The approved figures (strings) when the statement is approved, else {}."""
    if statement is not None and statement.status == Statement.Status.APPROVED:
        return statement.snapshot or {}
    return {}


def _status(statement: Statement | None) -> tuple[str, str]:
    status = statement.status if statement is not None else Statement.Status.OPEN
    return str(status), Statement.Status(status).label


def _unclear(lines) -> int:
    return sum(1 for line in lines if line.expense.review == Expense.Review.UNCLEAR)


def _fractie_row(fractie: Fractie, year: int, support, *, detail: bool) -> dict:
    current = figures(fractie, year, support)
    statement = _statement_row(fractie, year)
    frozen = _frozen(statement)
    status, label = _status(statement)
    row = {
        "id": fractie.pk,
        "name": fractie.name,
        "seats": fractie.seats,
        "year": year,
        "status": status,
        "status_label": label,
        "allocation": money(frozen.get("allocation", current.allocation.total)),
        "spent": money(frozen.get("spent", current.spent)),
        "balance": money(frozen.get("balance", current.balance)),
        "unclear": _unclear(current.lines),
        "detail": detail,
    }
    if detail:
        row.update(
            opening_reserve=money(frozen.get("opening_reserve", current.opening_reserve)),
            not_counted=money(frozen.get("not_counted", current.not_counted)),
            closing_reserve=money(frozen.get("closing_reserve", current.closing_reserve)),
            to_repay=money(frozen.get("to_repay", current.to_repay)),
            deficit=money(frozen.get("deficit", current.deficit)),
            waiting=sum(1 for line in current.lines if line.counting.waiting),
            deadline=current.deadline,
            provisional=current.provisional,
        )
    return row


def _statement_payload(fractie: Fractie, year: int, support) -> dict:
    current = figures(fractie, year, support)
    statement = _statement_row(fractie, year)
    # An approved statement keeps the figures it was approved with, whatever the profile says
    # now (statement.py: "later profile changes do not rewrite an approved account").
    frozen = _frozen(statement)
    status, label = _status(statement)
    allocation = current.allocation
    if frozen.get("allocation_lines") is not None:
        lines = [
            {
                **line,
                "total": money(Decimal(line["fixed_part"]) + Decimal(line["seat_part"])),
                "fixed_part": money(line["fixed_part"]),
                "seat_part": money(line["seat_part"]),
            }
            for line in frozen["allocation_lines"]
        ]
    else:
        lines = [
            {
                "start": line.start,
                "end": line.end,
                "days": line.days,
                "seats": line.seats,
                "fixed_part": money(line.fixed_part),
                "seat_part": money(line.seat_part),
                "total": money(line.total),
            }
            for line in allocation.lines
        ]
    counted = {total.code: total for total in current.by_category}
    if "by_category" in frozen:
        by_category = [
            {
                "code": code,
                "label": _label(support, code),
                "amount": money(amount),
                "count": counted[code].count if code in counted else 0,
            }
            for code, amount in frozen["by_category"].items()
        ]
    else:
        by_category = [
            {"code": t.code, "label": t.label, "amount": money(t.amount), "count": t.count}
            for t in current.by_category
        ]

    def pick(key, live):
        return money(frozen[key]) if key in frozen else money(live)

    opening = pick("opening_reserve", current.opening_reserve)
    total = pick("allocation", allocation.total)
    cap = frozen.get("reserve_cap", current.reserve_cap) if frozen else current.reserve_cap
    return {
        "fractie": {"id": fractie.pk, "name": fractie.name},
        "year": year,
        "status": status,
        "status_label": label,
        "frozen": bool(frozen),
        "provisional": current.provisional,
        "allocation": {
            "total": total,
            "days_in_year": allocation.days_in_year,
            "fixed_per_fractie": pick("fixed_per_fractie", allocation.amounts.fixed_per_fractie),
            "per_seat": pick("per_seat", allocation.amounts.per_seat),
            "explanation": allocation.amounts.explanation,
            "lines": lines,
        },
        "opening_reserve": opening,
        "opening_source": current.opening_source,
        "available": money(Decimal(opening) + Decimal(total)),
        "by_category": by_category,
        "spent": pick("spent", current.spent),
        "not_counted": pick("not_counted", current.not_counted),
        "balance": pick("balance", current.balance),
        "reserve_cap": None if cap is None else money(cap),
        "closing_reserve": pick("closing_reserve", current.closing_reserve),
        "to_repay": pick("to_repay", current.to_repay),
        "deficit": pick("deficit", current.deficit),
        "unspent_rule": current.unspent_rule,
        "deadline": current.deadline,
        "waiting": sum(1 for line in current.lines if line.counting.waiting),
        "unclear": _unclear(current.lines),
        "submitted_at": statement.submitted_at if statement else None,
        "reviewed_at": statement.reviewed_at if statement else None,
        "review_remark": statement.review_remark if statement else "",
        "repaid_on": statement.repaid_on if statement else None,
    }


def _question_ref(question: SpendingQuestion | None) -> dict | None:
    if question is None:
        return None
    return {
        "id": question.pk,
        "question": question.question,
        "answer": question.answer,
        "answer_label": SpendingQuestion.Answer(question.answer).label,
        "reasoning": question.reasoning,
    }


def _expense(expense: Expense, support) -> dict:
    rule = counting(expense, support)
    proof = None
    if expense.proof:
        proof = {
            "name": expense.proof_name,
            "size": expense.proof_size,
            "content_type": expense.proof_content_type,
            "url": reverse("budgets:proof", args=[expense.pk]),
        }
    return {
        "id": expense.pk,
        "year": expense.year,
        "date": expense.date,
        "amount": money(expense.amount),
        "category": expense.category,
        "category_label": _label(support, expense.category),
        "description": expense.description,
        "counts": rule.counts,
        "counting_reason": rule.reason,
        "waiting": rule.waiting,
        "question": _question_ref(expense.question),
        "proof": proof,
        "review": expense.review,
        "review_label": Expense.Review(expense.review).label,
        "review_remark": expense.review_remark,
        "recorded_by": expense.recorded_by.display_name if expense.recorded_by else None,
        "recorded_at": expense.recorded_at,
    }


def _question(viewer, question: SpendingQuestion, support) -> dict:
    fractie = question.fractie
    # The asker's name is the fractie's own business (and the griffie's).
    asker = question.asked_by if sees_fractie_budget(viewer, fractie) else None
    lines = visible_expenses(viewer, Expense.objects.filter(question=question)).order_by("pk")
    return {
        "id": question.pk,
        "fractie": {"id": fractie.pk, "name": fractie.name},
        "category": question.category,
        "category_label": _label(support, question.category),
        "question": question.question,
        "asked_by": asker.display_name if asker else None,
        "asked_at": question.asked_at,
        "answer": question.answer,
        "answer_label": SpendingQuestion.Answer(question.answer).label,
        "reasoning": question.reasoning,
        "answered_at": question.answered_at,
        "expenses": [
            {"id": e.pk, "date": e.date, "amount": money(e.amount), "description": e.description}
            for e in lines
        ],
    }


def _budget(budget: training.Budget) -> dict:
    return {
        "kind": str(budget.kind),
        "year": budget.year,
        "amount": money(budget.amount),
        "approved": money(budget.approved),
        "pending": money(budget.pending),
        "remaining": money(budget.remaining),
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
        "cost": money(row.cost),
        "purpose": row.purpose,
        "status": row.status,
        "status_label": TrainingRequest.Status(row.status).label,
        "submitted_at": row.submitted_at,
        "decided_at": row.decided_at,
        "decision_reason": row.decision_reason if told else None,
    }


# --- fractieondersteuning -----------------------------------------------------------------


@router.get(
    "/budgets/categories",
    response={200: list[CategoryOut], **ERRORS},
    summary="De categorieën van uitgaven en wat de verordening erover zegt",
)
def categories(request):
    viewer = _viewer(request)
    if not sees_budget_pages(viewer):
        raise Forbidden("De fractieondersteuning is voor de raad en de griffie.")
    return [
        {"code": c.code, "label": c.label, "status": c.status, "rule": c.rule}
        for c in viewer.profile.fractie_support.categories
    ]


@router.get(
    "/budgets/fracties",
    response={200: FractieListOut, **ERRORS},
    summary="De fracties waarvan u de fractieondersteuning ziet (presidium: alleen totalen)",
)
def list_fracties(request, filters: Query[YearFilter]):
    viewer = _viewer(request)
    year = _year(filters.year)
    full = visible_fracties(viewer, Fractie.objects.all())
    shown = full
    if sees_budget_overview(viewer):
        # The overview: every fractie of the municipality, with status and totals only.
        shown = Fractie.objects.filter(municipality_id=viewer.municipality_id)
    full_ids = set(full.values_list("pk", flat=True))
    support = viewer.profile.fractie_support if viewer.profile else None
    items = [
        _fractie_row(fractie, year, support, detail=fractie.pk in full_ids)
        for fractie in shown.order_by("-seats", "name")
    ]
    return {"year": year, "items": items}


@router.get(
    "/budgets/fracties/{fractie_id}/statement",
    response={200: StatementOut, **ERRORS},
    summary="De verantwoording van een fractie over een jaar",
)
def statement(request, fractie_id: int, filters: Query[YearFilter]):
    viewer = _viewer(request)
    fractie = _fractie(viewer, fractie_id)
    return _statement_payload(fractie, _year(filters.year), viewer.profile.fractie_support)


@router.get(
    "/budgets/fracties/{fractie_id}/expenses",
    response={200: ExpenseListOut, **ERRORS},
    summary="De uitgaven van een fractie over een jaar, nieuwste eerst",
)
def list_expenses(request, fractie_id: int, filters: Query[PageFilter]):
    viewer = _viewer(request)
    fractie = _fractie(viewer, fractie_id)
    year = _year(filters.year)
    queryset = visible_expenses(
        viewer, Expense.objects.filter(fractie=fractie, year=year)
    ).select_related("question", "recorded_by")
    if filters.after is not None:
        queryset = queryset.filter(pk__lt=min(max(filters.after, 0), MAX_ID))
    limit = _limit(filters.limit)
    rows = list(queryset.order_by("-pk")[: limit + 1])
    support = viewer.profile.fractie_support
    return {
        "year": year,
        "items": [_expense(row, support) for row in rows[:limit]],
        "next_after": rows[limit - 1].pk if len(rows) > limit else None,
    }


PROOF_BY_MULTIPART = (
    "Een bewijsstuk (factuur of bon) is verplicht. Stuur de uitgave als multipart/form-data met "
    "het bestand in het veld 'proof' naar /api/v1/budgets/fracties/{id}/expenses/upload, of leg "
    "haar vast op de pagina Fractieondersteuning."
)


def _record(request, fractie_id: int, payload: ExpenseIn, proof) -> dict:
    viewer = _viewer(request)
    fractie = _fractie(viewer, fractie_id)
    amount = parse_amount(payload.amount, "amount")
    try:
        expense = record_expense(
            viewer,
            request.user,
            fractie,
            on=payload.date,
            amount=amount,
            category=payload.category,
            description=payload.description,
            proof=proof,
            question=payload.question,
        )
    except DomainError as exc:
        exc.rename_field("on", "date")
        if proof is None and exc.field == "proof" and exc.status == 400:
            raise DomainError(PROOF_BY_MULTIPART.format(id=fractie.pk), field="proof") from exc
        raise
    expense = Expense.objects.select_related("question", "recorded_by").get(pk=expense.pk)
    return _expense(expense, viewer.profile.fractie_support)


@router.post(
    "/budgets/fracties/{fractie_id}/expenses",
    response={201: ExpenseOut, **ERRORS},
    summary="Een uitgave vastleggen zonder bewijsstuk (penningmeester)",
    description="Verlangt de verordening een bewijsstuk, gebruik dan .../expenses/upload "
    "(multipart/form-data met het bestand in 'proof').",
)
def new_expense(request, fractie_id: int, payload: ExpenseIn):
    return Status(201, _record(request, fractie_id, payload, None))


@router.post(
    "/budgets/fracties/{fractie_id}/expenses/upload",
    response={201: ExpenseOut, **ERRORS},
    summary="Een uitgave met bewijsstuk vastleggen (penningmeester; multipart/form-data)",
    description="Het bewijsstuk is een PDF, PNG of JPEG van hoogstens 10 MB.",
)
def new_expense_with_proof(
    request, fractie_id: int, payload: Form[ExpenseIn], proof: File[UploadedFile]
):
    return Status(201, _record(request, fractie_id, payload, proof))


@router.get(
    "/budgets/unclear",
    response={200: list[UnclearOut], **ERRORS},
    summary="Onduidelijke uitgaven die bij het presidium liggen",
)
def unclear(request, filters: Query[YearFilter]):
    viewer = _viewer(request)
    queryset = visible_expenses(viewer, Expense.objects.filter(review=Expense.Review.UNCLEAR))
    if filters.year is not None:
        queryset = queryset.filter(year=filters.year)
    support = viewer.profile.fractie_support if viewer.profile else None
    return [
        {
            "id": e.pk,
            "fractie": {"id": e.fractie_id, "name": e.fractie.name},
            "year": e.year,
            "date": e.date,
            "amount": money(e.amount),
            "category": e.category,
            "category_label": _label(support, e.category),
            "description": e.description,
            "review_remark": e.review_remark,
        }
        for e in queryset.select_related("fractie").order_by("-pk")[:500]
    ]


@router.get(
    "/budgets/questions",
    response={200: QuestionListOut, **ERRORS},
    summary="Vragen over uitgaven aan de griffie (eigen fractie; griffie: alle)",
)
def list_questions(request, filters: Query[QuestionFilter]):
    viewer = _viewer(request)
    queryset = visible_questions(viewer, SpendingQuestion.objects.all())
    final = [SpendingQuestion.Answer.ALLOWED, SpendingQuestion.Answer.NOT_ALLOWED]
    if filters.state == "open":
        queryset = queryset.exclude(answer__in=final)
    elif filters.state == "answered":
        queryset = queryset.filter(answer__in=final)
    if filters.after is not None:
        queryset = queryset.filter(pk__lt=min(max(filters.after, 0), MAX_ID))
    limit = _limit(filters.limit)
    rows = list(queryset.select_related("fractie", "asked_by").order_by("-pk")[: limit + 1])
    support = viewer.profile.fractie_support if viewer.profile else None
    return {
        "items": [_question(viewer, row, support) for row in rows[:limit]],
        "next_after": rows[limit - 1].pk if len(rows) > limit else None,
    }


@router.post(
    "/budgets/questions/{question_id}/answer",
    response={200: QuestionOut, **ERRORS},
    summary="Een vraag beantwoorden of aan het presidium voorleggen (griffie)",
)
def answer(request, question_id: int, payload: AnswerIn):
    viewer = _viewer(request)
    question = None
    if _valid_id(question_id):
        question = (
            visible_questions(viewer, SpendingQuestion.objects.all()).filter(pk=question_id).first()
        )
    if question is None:
        raise HttpError(404, "Vraag niet gevonden.")
    answered = answer_question(
        viewer, request.user, question, answer=payload.answer, reasoning=payload.reasoning
    )
    answered = SpendingQuestion.objects.select_related("fractie", "asked_by").get(pk=answered.pk)
    return _question(viewer, answered, viewer.profile.fractie_support)


@router.get(
    "/budgets/precedents",
    response={200: list[PrecedentOut], **ERRORS},
    summary="Eerdere antwoorden van de griffie (zonder fractie en zonder bedragen)",
)
def precedents(request, filters: Query[PrecedentFilter]):
    viewer = _viewer(request)
    rows = precedent_rows(viewer, SpendingQuestion.objects.all(), filters.category or None)
    support = viewer.profile.fractie_support if viewer.profile else None
    return [
        {
            **row,
            "category_label": _label(support, row["category"]),
            "answer_label": SpendingQuestion.Answer(row["answer"]).label,
        }
        for row in rows[: _limit(filters.limit)]
    ]


# --- opleidingsbudget ---------------------------------------------------------------------


@training_router.get(
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
    limit = _limit(filters.limit)
    rows = list(queryset.select_related("person").order_by("-pk")[: limit + 1])
    return {
        "items": [_training(viewer, row) for row in rows[:limit]],
        "next_after": rows[limit - 1].pk if len(rows) > limit else None,
    }


@training_router.post(
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
    if _valid_id(request_id):
        row = (
            visible_training_requests(viewer, TrainingRequest.objects.all())
            .filter(pk=request_id)
            .first()
        )
    if row is None:
        raise HttpError(404, "Aanvraag niet gevonden.")
    return row


@training_router.post(
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


@training_router.post(
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


@training_router.get(
    "/training/budget",
    response={200: TrainingBudgetOut, **ERRORS},
    summary="Het opleidingsbudget: uw persoonlijke budget en het collectieve budget van de raad",
)
def training_budget(request, filters: Query[YearFilter]):
    viewer = _viewer(request)
    if not sees_training_pages(viewer):
        raise Forbidden("Het opleidingsbudget is voor de raad en de griffie.")
    year = _year(filters.year)
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


# --- mounting -----------------------------------------------------------------------------


def install(api) -> None:
    """Mount the routes on `api` (api/errors.py answers every DomainError in Dutch JSON)."""
    api.add_router("/", router)
    api.add_router("/", training_router)

# SPDX-License-Identifier: EUPL-1.2
"""Fractieondersteuning in the API (Gemeentewet art. 33 lid 3; RULES.md "Fractieondersteuning").

Mounted on the project's API (api/root.py), whose authentication (API token or session) it
inherits. Who sees what is decided by raadsloket.access.fractie_support only; this module asks it
and shapes the answer, by the conventions of raadsloket.lib.api (amounts as strings, 404 for what
the caller may not see, Dutch errors).
"""

from django.urls import reverse
from ninja import File, Form, Query, Router, Status, UploadedFile
from ninja.errors import HttpError

from raadsloket.access.fractie_support import (
    precedent_rows,
    sees_budget_overview,
    sees_budget_pages,
    sees_fractie_budget,
    visible_expenses,
    visible_fracties,
    visible_questions,
)
from raadsloket.access.viewer import viewer_for
from raadsloket.fractie_support.expenses import answer_question, counting, record_expense
from raadsloket.fractie_support.figures import StatementFigures, statement_figures
from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement
from raadsloket.fractie_support.schemas import (
    AnswerIn,
    CategoryOut,
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
    UnclearOut,
    YearFilter,
)
from raadsloket.fractie_support.statement import figures
from raadsloket.lib.api import (
    ERRORS,
    api_amount,
    page_limit,
    parse_amount,
    this_year_or,
)
from raadsloket.lib.errors import DomainError, Forbidden
from raadsloket.lib.ids import MAX_ID, valid_id
from raadsloket.organisation.models import Fractie

router = Router(tags=["fractieondersteuning"])


def _viewer(request):
    return viewer_for(request.user)


def _fractie(viewer, fractie_id: int) -> Fractie:
    """The fractie whose budget the viewer sees in full, else 404 as for a missing one."""
    fractie = None
    if valid_id(fractie_id):
        fractie = visible_fracties(viewer, Fractie.objects.all()).filter(pk=fractie_id).first()
    if fractie is None or not sees_fractie_budget(viewer, fractie):
        raise HttpError(404, "Fractie niet gevonden.")
    return fractie


def _shown(fractie: Fractie, year: int, support) -> StatementFigures:
    # An approved statement keeps the figures it was approved with, whatever the profile says
    # now (raadsloket.fractie_support.figures).
    statement = Statement.objects.filter(fractie=fractie, year=year).first()
    return statement_figures(figures(fractie, year, support), statement, support)


def _unclear(lines) -> int:
    return sum(1 for line in lines if line.expense.review == Expense.Review.UNCLEAR)


def _waiting(lines) -> int:
    return sum(1 for line in lines if line.counting.waiting)


def _fractie_row(fractie: Fractie, year: int, support, *, detail: bool) -> dict:
    shown = _shown(fractie, year, support)
    row = {
        "id": fractie.pk,
        "name": fractie.name,
        "seats": fractie.seats,
        "year": year,
        "status": shown.status,
        "status_label": shown.status_label,
        "allocation": api_amount(shown.allocation),
        "spent": api_amount(shown.spent),
        "balance": api_amount(shown.balance),
        "unclear": _unclear(shown.current.lines),
        "detail": detail,
    }
    if detail:
        row.update(
            opening_reserve=api_amount(shown.opening_reserve),
            not_counted=api_amount(shown.not_counted),
            closing_reserve=api_amount(shown.closing_reserve),
            to_repay=api_amount(shown.to_repay),
            deficit=api_amount(shown.deficit),
            waiting=_waiting(shown.current.lines),
            deadline=shown.current.deadline,
            provisional=shown.provisional,
        )
    return row


def _statement_payload(fractie: Fractie, year: int, support) -> dict:
    shown = _shown(fractie, year, support)
    current, statement = shown.current, shown.statement
    return {
        "fractie": {"id": fractie.pk, "name": fractie.name},
        "year": year,
        "status": shown.status,
        "status_label": shown.status_label,
        "frozen": shown.frozen,
        "provisional": shown.provisional,
        "allocation": {
            "total": api_amount(shown.allocation),
            "days_in_year": shown.days_in_year,
            "fixed_per_fractie": api_amount(shown.fixed_per_fractie),
            "per_seat": api_amount(shown.per_seat),
            "explanation": shown.explanation,
            "lines": [
                {
                    "start": line.start,
                    "end": line.end,
                    "days": line.days,
                    "seats": line.seats,
                    "fixed_part": api_amount(line.fixed_part),
                    "seat_part": api_amount(line.seat_part),
                    "total": api_amount(line.total),
                }
                for line in shown.allocation_lines
            ],
        },
        "opening_reserve": api_amount(shown.opening_reserve),
        "opening_source": shown.opening_source,
        "available": api_amount(shown.available),
        "by_category": [
            {
                "code": row.code,
                "label": row.label,
                "amount": api_amount(row.amount),
                "count": row.count,
            }
            for row in shown.by_category
        ],
        "spent": api_amount(shown.spent),
        "not_counted": api_amount(shown.not_counted),
        "balance": api_amount(shown.balance),
        "reserve_cap": None if shown.reserve_cap is None else api_amount(shown.reserve_cap),
        "closing_reserve": api_amount(shown.closing_reserve),
        "to_repay": api_amount(shown.to_repay),
        "deficit": api_amount(shown.deficit),
        "unspent_rule": current.unspent_rule,
        "deadline": current.deadline,
        "waiting": _waiting(current.lines),
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
            "url": reverse("fractie_support:proof", args=[expense.pk]),
        }
    return {
        "id": expense.pk,
        "year": expense.year,
        "date": expense.date,
        "amount": api_amount(expense.amount),
        "category": expense.category,
        "category_label": support.category_label(expense.category),
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
        "category_label": support.category_label(question.category),
        "question": question.question,
        "asked_by": asker.display_name if asker else None,
        "asked_at": question.asked_at,
        "answer": question.answer,
        "answer_label": SpendingQuestion.Answer(question.answer).label,
        "reasoning": question.reasoning,
        "answered_at": question.answered_at,
        "expenses": [
            {
                "id": e.pk,
                "date": e.date,
                "amount": api_amount(e.amount),
                "description": e.description,
            }
            for e in lines
        ],
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
    year = this_year_or(filters.year)
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
    return _statement_payload(fractie, this_year_or(filters.year), viewer.profile.fractie_support)


@router.get(
    "/budgets/fracties/{fractie_id}/expenses",
    response={200: ExpenseListOut, **ERRORS},
    summary="De uitgaven van een fractie over een jaar, nieuwste eerst",
)
def list_expenses(request, fractie_id: int, filters: Query[PageFilter]):
    viewer = _viewer(request)
    fractie = _fractie(viewer, fractie_id)
    year = this_year_or(filters.year)
    queryset = visible_expenses(
        viewer, Expense.objects.filter(fractie=fractie, year=year)
    ).select_related("question", "recorded_by")
    if filters.after is not None:
        queryset = queryset.filter(pk__lt=min(max(filters.after, 0), MAX_ID))
    limit = page_limit(filters.limit)
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
            "amount": api_amount(e.amount),
            "category": e.category,
            "category_label": support.category_label(e.category),
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
    limit = page_limit(filters.limit)
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
    if valid_id(question_id):
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
            "category_label": support.category_label(row["category"]),
            "answer_label": SpendingQuestion.Answer(row["answer"]).label,
        }
        for row in rows[: page_limit(filters.limit)]
    ]

# SPDX-License-Identifier: EUPL-1.2
"""What the fractieondersteuning pages show, built from the services' figures.

Views decide nothing about access here: every function takes what the access layer already let
through, or asks it (`sees_fractie_budget`, `keeps_books`, `reviews_budgets`).
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from raadsloket.access.fractie_support import (
    keeps_books,
    overview_fracties,
    precedent_rows,
    reviews_budgets,
    sees_fractie_budget,
    visible_expenses,
    visible_questions,
)
from raadsloket.access.viewer import Viewer
from raadsloket.fractie_support.expenses import EDITABLE
from raadsloket.fractie_support.figures import statement_figures
from raadsloket.fractie_support.forms import (
    ApproveForm,
    ExpenseForm,
    OpeningReserveForm,
    RepaymentForm,
    ReturnForm,
    ReviewForm,
)
from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement
from raadsloket.fractie_support.statement import accounting_deadline, figures
from raadsloket.lib.text import counted
from raadsloket.organisation.models import Fractie
from raadsloket.policy.schema import FractieSupport

# Years a page may show: far enough back for the proofs' retention, one ahead for planning.
YEARS_BACK = 15
YEARS_AHEAD = 1
# The overview lists open cases; more than this is a backlog to clear, not to scroll through.
OVERVIEW_LIMIT = 200
ANSWER_LABELS = dict(SpendingQuestion.Answer.choices)
STATUS_LABELS = dict(Statement.Status.choices)


def year_allowed(year: int, today: date) -> bool:
    return today.year - YEARS_BACK <= year <= today.year + YEARS_AHEAD


def parse_year(raw: str | None, today: date) -> tuple[int, str]:
    """(year, warning) from a ?jaar= parameter; the current year when it is not a year."""
    if not raw:
        return today.year, ""
    text = raw.strip()
    if text.isascii() and text.isdigit() and year_allowed(int(text), today):
        return int(text), ""
    return today.year, f"'{raw[:20]}' is geen jaar dat hier kan; het huidige jaar is getoond."


def typed_amount(statement: Statement | None) -> str:
    """The griffie's opening reserve as a Dutch person would type it ("1500,00")."""
    if statement is None or statement.opening_reserve_override is None:
        return ""
    return f"{statement.opening_reserve_override:.2f}".replace(".", ",")


# --- the fractie's year page ---------------------------------------------------------------


@dataclass
class ExpenseRow:
    expense: Expense
    category: str
    counts: bool
    reason: str
    waiting: bool
    removable: bool
    review_form: ReviewForm | None


def deadline_note(deadline: date, status: str, today: date) -> str:
    """The reminder beside the deadline while the statement is still with the fractie."""
    if status not in EDITABLE:
        return ""
    days = (deadline - today).days
    if days < 0:
        return f"de termijn is {counted(-days, 'dag', 'dagen')} verstreken"
    if days <= 60:
        return f"nog {counted(days, 'dag', 'dagen')}"
    return ""


def precedent_groups(viewer: Viewer, support: FractieSupport) -> list[dict]:
    """All answered questions of the municipality per category, without amounts or fractie."""
    rows = precedent_rows(viewer, SpendingQuestion.objects.all())
    groups: dict[str, list[dict]] = {}
    for row in rows:
        row["answer_label"] = ANSWER_LABELS.get(row["answer"], row["answer"])
        groups.setdefault(row["category"], []).append(row)
    order = [c.code for c in support.categories]
    return [
        {"label": support.category_label(code), "rows": groups[code]}
        for code in sorted(groups, key=lambda code: order.index(code) if code in order else 999)
    ]


def category_info(viewer: Viewer, support: FractieSupport, code: str) -> dict:
    """A category's rule and its precedents, for the box beside the expense form."""
    category = support.category(code or "")
    rows = precedent_rows(viewer, SpendingQuestion.objects.all(), category.code) if category else []
    for row in rows:
        row["answer_label"] = ANSWER_LABELS.get(row["answer"], row["answer"])
    return {"category": category, "code": code, "precedents": rows}


def fractie_year_context(
    viewer: Viewer,
    fractie: Fractie,
    year: int,
    today: date,
    *,
    bound: dict | None = None,
    action_error: str = "",
) -> dict:
    """Everything the fractie's year page shows. `bound` holds forms with the user's input
    (and errors) that replace the empty ones: "expense", "review:<id>", "return", ..."""
    bound = bound or {}
    support = viewer.profile.fractie_support
    current = figures(fractie, year, support)
    statement = (
        Statement.objects.filter(fractie=fractie, year=year)
        .select_related("submitted_by", "reviewed_by")
        .first()
    )
    status = statement.status if statement else Statement.Status.OPEN
    editable = status in EDITABLE
    books = keeps_books(viewer, fractie)
    griffie = reviews_budgets(viewer)
    rows = []
    for line in current.lines:
        expense = line.expense
        review_form = None
        if griffie and status != Statement.Status.APPROVED:
            review_form = bound.get(f"review:{expense.pk}") or ReviewForm(
                expense_id=expense.pk,
                initial={"review": expense.review, "remark": expense.review_remark},
            )
        rows.append(
            ExpenseRow(
                expense=expense,
                category=support.category_label(expense.category),
                counts=line.counting.counts,
                reason=line.counting.reason,
                waiting=line.counting.waiting,
                removable=books and editable and not expense.review,
                review_form=review_form,
            )
        )
    shown = statement_figures(current, statement, support)
    context = {
        "fractie": fractie,
        "year": year,
        "today": today,
        "figures": current,
        "shown": shown,
        "statement": statement,
        "status": status,
        "status_label": STATUS_LABELS[status],
        "deadline": current.deadline,
        "deadline_note": deadline_note(current.deadline, status, today),
        "rows": rows,
        "waiting": sum(1 for row in rows if row.waiting),
        "keeps_books": books,
        "reviews": griffie,
        "editable": editable,
        "may_submit": books and editable and year < today.year,
        "action_error": action_error,
        "previous_year": year - 1 if year_allowed(year - 1, today) else None,
        "next_year": year + 1 if year_allowed(year + 1, today) else None,
        "categories": support.categories,
    }
    if books and (editable or "expense" in bound):
        # Today as the date only on this year's page: on an earlier year's page it would
        # quietly put the expense in the wrong year.
        initial = {"on": today} if year == today.year else {}
        form = bound.get("expense") or ExpenseForm(support=support, initial=initial)
        chosen = form["category"].value() if form.is_bound else ""
        context.update(
            expense_form=form,
            category_info=category_info(viewer, support, chosen),
            precedent_groups=precedent_groups(viewer, support),
        )
    if griffie:
        approved = status == Statement.Status.APPROVED
        context.update(
            return_form=bound.get("return") or ReturnForm(),
            approve_form=bound.get("approve") or ApproveForm(),
            repayment_form=bound.get("repayment") or RepaymentForm(initial={"on": today}),
            opening_form=bound.get("opening")
            or OpeningReserveForm(initial={"amount": typed_amount(statement)}),
            may_decide=status == Statement.Status.SUBMITTED,
            may_record_repayment=approved and shown.to_repay > 0 and not statement.repaid_on,
            may_set_opening=not approved,
        )
    return context


# --- the overview of all fracties (griffie and presidium) ---------------------------------


@dataclass(frozen=True)
class OverviewRow:
    fractie: Fractie
    seats: int
    allocation: Decimal
    spent: Decimal
    balance: Decimal
    status: str
    status_label: str
    deadline: date
    provisional: bool
    waiting: int
    linked: bool


def overview_rows(viewer: Viewer, year: int, fracties: list[Fractie]) -> list[OverviewRow]:
    """Status and totals per fractie: what the presidium may see of each (no lines).

    `figures` costs a few queries per fractie; a council has at most a few dozen fracties and
    the count does not grow with the number of expenses (seat periods come prefetched).
    """
    support = viewer.profile.fractie_support
    statements = {
        s.fractie_id: s
        for s in Statement.objects.filter(
            municipality_id=viewer.municipality_id, year=year, fractie__in=fracties
        )
    }
    rows = []
    for fractie in fracties:
        current = figures(fractie, year, support)
        statement = statements.get(fractie.pk)
        if not current.allocation.lines and not current.lines and statement is None:
            continue  # no seats that year and nothing recorded: not a fractie of that year
        shown = statement_figures(current, statement, support)
        status = statement.status if statement else Statement.Status.OPEN
        rows.append(
            OverviewRow(
                fractie=fractie,
                seats=fractie.seats,
                allocation=shown.allocation,
                spent=shown.spent,
                balance=shown.balance,
                status=status,
                status_label=STATUS_LABELS[status],
                deadline=accounting_deadline(support, year),
                provisional=current.provisional and not shown.frozen,
                waiting=sum(1 for line in current.lines if line.counting.waiting),
                linked=sees_fractie_budget(viewer, fractie),
            )
        )
    return rows


def _labelled(support: FractieSupport, key: str, rows) -> list[dict]:
    return [{key: row, "category": support.category_label(row.category)} for row in rows]


def overview_context(viewer: Viewer, year: int, today: date) -> dict:
    """The griffie's and the presidium's page: every fractie's totals for `year`, the unclear
    cases put to the presidium and, for the griffie, the questions still to answer. The caller
    has checked `sees_budget_overview`; lines come only through `visible_*`."""
    support = viewer.profile.fractie_support
    fracties = list(
        overview_fracties(viewer, Fractie.objects.all()).prefetch_related("seat_periods")
    )
    rows = overview_rows(viewer, year, fracties)
    unclear = visible_expenses(
        viewer, Expense.objects.filter(review=Expense.Review.UNCLEAR).select_related("fractie")
    ).order_by("date", "pk")
    questions = SpendingQuestion.objects.select_related("fractie").order_by("asked_at", "pk")
    to_presidium = visible_questions(
        viewer, questions.filter(answer=SpendingQuestion.Answer.PRESIDIUM)
    )
    griffie = reviews_budgets(viewer)
    context = {
        "overview": True,
        "year": year,
        "years": sorted({year, *range(today.year - 5, today.year + YEARS_AHEAD + 1)})[::-1],
        "rows": rows,
        "totals": {
            key: sum((getattr(row, key) for row in rows), Decimal("0.00"))
            for key in ("allocation", "spent", "balance")
        },
        "unclear": _labelled(support, "expense", unclear[:OVERVIEW_LIMIT]),
        "to_presidium": _labelled(support, "question", to_presidium[:OVERVIEW_LIMIT]),
        "griffie": griffie,
    }
    if griffie:
        pending = visible_questions(
            viewer, questions.filter(answer=SpendingQuestion.Answer.PENDING)
        )
        context["open_questions"] = _labelled(support, "question", pending[:OVERVIEW_LIMIT])
    return context


def own_summary(viewer: Viewer, fractie: Fractie, today: date) -> dict:
    """The member's own fractie: this year so far and last year's statement."""
    support = viewer.profile.fractie_support
    this_year = figures(fractie, today.year, support)
    last = Statement.objects.filter(fractie=fractie, year=today.year - 1).first()
    last_status = last.status if last else Statement.Status.OPEN
    has_last = (
        last is not None or Expense.objects.filter(fractie=fractie, year=today.year - 1).exists()
    )
    return {
        "fractie": fractie,
        "figures": this_year,
        "last_year": today.year - 1,
        "last_status": last_status,
        "last_status_label": STATUS_LABELS[last_status],
        "last_deadline": accounting_deadline(support, today.year - 1),
        "last_note": deadline_note(accounting_deadline(support, today.year - 1), last_status, today)
        if has_last
        else "",
    }

# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what with fractieondersteuning (Gemeentewet art. 33 lid 2 and 3).

The rules in plain words:
- Nobody sees anything of another municipality, and the college (burgemeester, wethouders) sees
  nothing of the budget: the support is the council's own (Gemeentewet art. 33 lid 2), and a
  wethouder looking into a rival fractie's spending is exactly what the rules keep out.
- A fractie sees its own budget, spending and statements: its members, chair, treasurer and
  registered employees. Only its treasurer records expenses, asks the griffie about one and
  submits the statement.
- The griffie sees every fractie of its municipality, answers questions, reviews statements and
  records seat changes, splits and merges.
- The presidium (the fractievoorzitters) sees the overview of all fracties (status and totals)
  and the unclear cases put to it; not another fractie's individual expenses.
- Precedents (a question and the griffie's answer) are shown to every fractie without amounts
  and without the fractie that asked.
The civil service (ambtenaren, managers, secretaris, kabinetschef, college contact) and a
functional administrator have no business here and see nothing. The opleidingsbudget's rules
are in raadsloket.access.training.
"""

from django.db.models import Q, QuerySet

from raadsloket.access.viewer import Viewer, in_council_side
from raadsloket.organisation.roles import PRESIDIUM, Role

# Who belongs to a fractie for the purpose of its own budget.
FRACTIE_SIDE = frozenset(
    {
        Role.COUNCIL_MEMBER,
        Role.COMMITTEE_MEMBER,
        Role.FRACTIE_EMPLOYEE,
        Role.FRACTIE_CHAIR,
        Role.FRACTIE_TREASURER,
    }
)


def fractie_support_enabled(viewer: Viewer) -> bool:
    return viewer.profile is not None and viewer.profile.fractie_support.enabled


def is_own_fractie(viewer: Viewer, fractie) -> bool:
    return (
        in_council_side(viewer, fractie.municipality_id)
        and viewer.fractie_id == fractie.pk
        and bool(viewer.roles & FRACTIE_SIDE)
    )


def sees_fractie_budget(viewer: Viewer, fractie) -> bool:
    """The fractie's budget, its expense lines, proofs and statements."""
    if not fractie_support_enabled(viewer):
        return False
    return is_own_fractie(viewer, fractie) or (
        in_council_side(viewer, fractie.municipality_id) and viewer.is_griffie
    )


def sees_budget_overview(viewer: Viewer) -> bool:
    """All fracties' status and totals, and the unclear cases: the griffie and the presidium."""
    return (
        fractie_support_enabled(viewer)
        and in_council_side(viewer, viewer.municipality_id)
        and (viewer.is_griffie or bool(viewer.roles & PRESIDIUM))
    )


def sees_budget_pages(viewer: Viewer) -> bool:
    """Whether the menu shows "Fractieondersteuning" at all."""
    return sees_budget_overview(viewer) or (
        fractie_support_enabled(viewer)
        and viewer.fractie_id is not None
        and in_council_side(viewer, viewer.municipality_id)
        and bool(viewer.roles & FRACTIE_SIDE)
    )


def keeps_books(viewer: Viewer, fractie) -> bool:
    """Record and remove expenses, ask the griffie, submit the statement: the treasurer."""
    return (
        fractie_support_enabled(viewer)
        and is_own_fractie(viewer, fractie)
        and Role.FRACTIE_TREASURER in viewer.roles
    )


def reviews_budgets(viewer: Viewer) -> bool:
    """Answer questions, review and approve statements, record seats: the griffie."""
    return (
        fractie_support_enabled(viewer)
        and in_council_side(viewer, viewer.municipality_id)
        and viewer.is_griffie
    )


def sees_precedents(viewer: Viewer) -> bool:
    return sees_budget_pages(viewer)


def visible_fracties(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The fracties whose budget this viewer sees in full."""
    if not fractie_support_enabled(viewer) or not in_council_side(viewer, viewer.municipality_id):
        return queryset.none()
    queryset = queryset.filter(municipality_id=viewer.municipality_id)
    if viewer.is_griffie:
        return queryset
    if viewer.fractie_id is not None and viewer.roles & FRACTIE_SIDE:
        return queryset.filter(pk=viewer.fractie_id)
    return queryset.none()


def overview_fracties(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The fracties whose status and totals this viewer sees: all of the municipality for the
    griffie and the presidium, none for anyone else (their own fractie comes in full above)."""
    if not sees_budget_overview(viewer):
        return queryset.none()
    return queryset.filter(municipality_id=viewer.municipality_id)


def visible_expenses(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Expense lines: of the fracties seen in full; for the presidium also the unclear ones."""
    from raadsloket.fractie_support.models import Expense

    if not fractie_support_enabled(viewer) or not in_council_side(viewer, viewer.municipality_id):
        return queryset.none()
    queryset = queryset.filter(municipality_id=viewer.municipality_id)
    if viewer.is_griffie:
        return queryset
    rule = Q(pk__in=[])
    if viewer.fractie_id is not None and viewer.roles & FRACTIE_SIDE:
        rule |= Q(fractie_id=viewer.fractie_id)
    if viewer.roles & PRESIDIUM:
        rule |= Q(review=Expense.Review.UNCLEAR)
    return queryset.filter(rule)


def visible_questions(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Questions with their asking fractie: own fractie's, the griffie all, the presidium those
    put to it. Precedents for everyone else come through `precedent_rows`, without fractie."""
    from raadsloket.fractie_support.models import SpendingQuestion

    if not fractie_support_enabled(viewer) or not in_council_side(viewer, viewer.municipality_id):
        return queryset.none()
    queryset = queryset.filter(municipality_id=viewer.municipality_id)
    if viewer.is_griffie:
        return queryset
    rule = Q(pk__in=[])
    if viewer.fractie_id is not None and viewer.roles & FRACTIE_SIDE:
        rule |= Q(fractie_id=viewer.fractie_id)
    if viewer.roles & PRESIDIUM:
        rule |= Q(answer=SpendingQuestion.Answer.PRESIDIUM)
    return queryset.filter(rule)


def precedent_rows(viewer: Viewer, queryset: QuerySet, category: str | None = None) -> list[dict]:
    """Answered questions of the municipality as precedents: category, question, answer,
    reasoning and date; never the fractie, the asker or an amount."""
    from raadsloket.fractie_support.models import SpendingQuestion

    if not sees_precedents(viewer):
        return []
    queryset = queryset.filter(
        municipality_id=viewer.municipality_id,
        answer__in=[SpendingQuestion.Answer.ALLOWED, SpendingQuestion.Answer.NOT_ALLOWED],
    )
    if category:
        queryset = queryset.filter(category=category)
    return [
        {
            "id": row["pk"],
            "category": row["category"],
            "question": row["question"],
            "answer": row["answer"],
            "reasoning": row["reasoning"],
            "answered_on": row["answered_at"].date() if row["answered_at"] else None,
        }
        for row in queryset.order_by("-answered_at", "-pk").values(
            "pk", "category", "question", "answer", "reasoning", "answered_at"
        )
    ]

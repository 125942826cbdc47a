# SPDX-License-Identifier: EUPL-1.2
"""Notifications of the fractieondersteuning (in the app and by mail).

They go through the one public `raadsloket.notify.send`, like the case notifications: made
inside the caller's transaction (they roll back with the action) and mailed after it commits,
respecting each person's choice (direct, dagelijkse samenvatting, uit). They are not about a
case, so `case` is empty. Who holds a role comes from raadsloket.notify.recipients.

What they say: who must act and where, never an amount. A notification's title shows in the
app; its headline is the subject of the e-mail, which leaves the access layer, so it names
neither the fractie nor an amount. Each candidate is checked with the access layer before being
told: someone who could not open the link hears nothing. The presidium is told that a question
or an expense was put to it, not whose or how much (RULES.md "Fractieondersteuning": unclear
cases go to the presidium; raadsloket.access.fractie_support: it sees no other fractie's amounts).
"""

from collections.abc import Callable

from django.urls import reverse

from raadsloket.access.fractie_support import (
    reviews_budgets,
    sees_budget_overview,
    sees_fractie_budget,
    visible_questions,
)
from raadsloket.access.viewer import Viewer
from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement
from raadsloket.notify import recipients
from raadsloket.notify.models import Notification
from raadsloket.notify.send import send_where_allowed as send
from raadsloket.organisation.models import Fractie

BUDGET = "Fractieondersteuning"

# Who is told, by role: the lookups live in raadsloket.notify.recipients (reminders.py too
# reads them here).
griffie = recipients.griffie_of
treasurers = recipients.treasurers_of
treasurers_and_chair = recipients.treasurers_and_chair_of
chairs = recipients.presidium_of


def year_link(fractie: Fractie, year: int) -> str:
    return reverse("fractie_support:fractie_year", args=[fractie.pk, year])


def _question_link(question: SpendingQuestion) -> str:
    return reverse("fractie_support:question", args=[question.pk])


def _sees_question(question: SpendingQuestion) -> Callable[[Viewer], bool]:
    return lambda viewer: visible_questions(
        viewer, SpendingQuestion.objects.filter(pk=question.pk)
    ).exists()


def _category_label(fractie: Fractie, code: str) -> str:
    return fractie.municipality.policy.fractie_support.category_label(code)


# --- expenses and questions -----------------------------------------------------------------


def question_asked(question: SpendingQuestion, *, actor=None) -> list[Notification]:
    fractie = question.fractie
    label = _category_label(fractie, question.category)
    return send(
        question.municipality_id,
        "budget_question_asked",
        griffie(question.municipality_id),
        reviews_budgets,
        title=f"{BUDGET}: vraag van {fractie} over een uitgave ({label})",
        headline=f"{BUDGET}: nieuwe vraag over een uitgave",
        body=(
            f"De penningmeester van {fractie} vraagt of een uitgave in de categorie '{label}' uit "
            "de fractieondersteuning mag worden betaald. De uitgave telt pas mee als u de vraag "
            "heeft beantwoord."
        ),
        link=_question_link(question),
        actor=actor,
    )


def question_answered(question: SpendingQuestion, *, actor=None) -> list[Notification]:
    """The asking fractie's treasurer hears the answer; the presidium a question put to it."""
    fractie = question.fractie
    label = _category_label(fractie, question.category)
    link = _question_link(question)
    made = send(
        question.municipality_id,
        "budget_question_answered",
        treasurers(fractie),
        _sees_question(question),
        title=f"{BUDGET}: uw vraag over een uitgave ({label}) — {question.get_answer_display()}",
        headline=f"{BUDGET}: antwoord van de griffie op uw vraag",
        body=(
            f"De griffie heeft uw vraag over een uitgave in de categorie '{label}' behandeld: "
            f"{question.get_answer_display()}. De motivering leest u in raadsloket."
        ),
        link=link,
        actor=actor,
    )
    if question.answer == SpendingQuestion.Answer.PRESIDIUM:
        made += send(
            question.municipality_id,
            "budget_question_presidium",
            chairs(question.municipality_id),
            _sees_question(question),
            title=f"{BUDGET}: vraag over een uitgave voorgelegd aan het presidium ({label})",
            headline=f"{BUDGET}: vraag voorgelegd aan het presidium",
            body=(
                f"De griffie legt een vraag over een uitgave in de categorie '{label}' voor aan "
                "het presidium. De vraag en de overwegingen van de griffie leest u in raadsloket."
            ),
            link=link,
            actor=actor,
        )
    return made


def expense_unclear(expense: Expense, *, actor=None) -> list[Notification]:
    """An expense the griffie finds unclear goes to the presidium (RULES.md)."""
    label = _category_label(expense.fractie, expense.category)
    return send(
        expense.municipality_id,
        "budget_expense_unclear",
        chairs(expense.municipality_id),
        sees_budget_overview,
        title=f"{BUDGET}: uitgave voorgelegd aan het presidium ({label})",
        headline=f"{BUDGET}: uitgave voorgelegd aan het presidium",
        body=(
            f"De griffie legt een uitgave in de categorie '{label}' voor aan het presidium: niet "
            "duidelijk is of zij uit de fractieondersteuning mag worden betaald. U leest haar in "
            "het overzicht fractieondersteuning."
        ),
        link=reverse("fractie_support:index"),
        actor=actor,
    )


# --- the yearly statement -------------------------------------------------------------------


def statement_submitted(statement: Statement, *, actor=None) -> list[Notification]:
    fractie = statement.fractie
    return send(
        fractie.municipality_id,
        "budget_statement_submitted",
        griffie(fractie.municipality_id),
        reviews_budgets,
        title=f"{BUDGET}: verantwoording {statement.year} van {fractie} ingediend",
        headline=f"{BUDGET}: verantwoording ingediend",
        body=(
            f"{fractie} heeft de verantwoording over {statement.year} ingediend. Beoordeel haar "
            "in raadsloket: stel haar vast of stuur haar terug met een opmerking."
        ),
        link=year_link(fractie, statement.year),
        actor=actor,
    )


def statement_reviewed(statement: Statement, *, actor=None) -> list[Notification]:
    """Returned for correction or approved: the fractie's treasurer and chair hear it."""
    fractie = statement.fractie
    if statement.status == Statement.Status.APPROVED:
        event, what = "budget_statement_approved", "vastgesteld"
        body = (
            f"De griffie heeft de verantwoording {statement.year} van {fractie} vastgesteld. "
            "De eindreserve en wat eventueel terug te betalen is, leest u in raadsloket."
        )
    else:
        event, what = "budget_statement_returned", "teruggestuurd voor correctie"
        body = (
            f"De griffie heeft de verantwoording {statement.year} van {fractie} teruggestuurd "
            "voor correctie. De opmerking van de griffie leest u in raadsloket; dien de "
            "verantwoording daarna opnieuw in."
        )
    return send(
        fractie.municipality_id,
        event,
        treasurers_and_chair(fractie),
        lambda viewer: sees_fractie_budget(viewer, fractie),
        title=f"{BUDGET}: verantwoording {statement.year} {what}",
        headline=f"{BUDGET}: verantwoording {what}",
        body=body,
        link=year_link(fractie, statement.year),
        actor=actor,
    )

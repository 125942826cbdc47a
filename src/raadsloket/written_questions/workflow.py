# SPDX-License-Identifier: EUPL-1.2
"""Schriftelijke vragen (art. 155 lid 1 and 169 Gemeentewet; Reglement van Orde, model wording).

draft → submitted → registered (the griffie checks the form and passes the question to every
member and to the college) → answered by the college, or postponed with reasons and a new date
(the postponement notice counts as an answer for the term) → answered → published to every member
as an ingekomen stuk for the next meeting. The term runs from registration (RULES.md).
"""

from django.utils import timezone

from raadsloket.access.actors import Actor as A
from raadsloket.access.sections import Section
from raadsloket.cases import effects
from raadsloket.cases.forms import ConvertForm
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.intake import GRIFFIE, REQUESTER, withdraw_row
from raadsloket.cases.states import State as S
from raadsloket.cases.transitions import Step
from raadsloket.cases.workflow import Transition, register
from raadsloket.organisation.roles import Role
from raadsloket.policy.deadlines import describe_term
from raadsloket.written_questions.forms import (
    CollegeAnswerForm,
    PostponeForm,
    PublishForm,
    RegisterForm,
    SendBackForm,
)

# The college's inbox registers answers; the griffie may do so when the answer reaches it on
# paper (the answer always passes through the griffier, RULES.md).
COLLEGE_SIDE = frozenset({A.COLLEGE_CONTACT, A.GRIFFIE})
AWAITING_ANSWER = frozenset({S.REGISTERED, S.POSTPONED})


def guard_submit(step: Step) -> str | None:
    # Art. 155 lid 1 Gemeentewet: "een lid van de raad" puts the questions.
    if Role.COUNCIL_MEMBER not in step.viewer.roles:
        return "Schriftelijke vragen stelt alleen een raadslid (art. 155 Gemeentewet)."
    return None


def submit(step: Step) -> None:
    # The griffier passes questions on "zo spoedig mogelijk"; the intake term is its target.
    step.case.submitted_at = step.now
    step.case.intake_due = step.due(step.profile.terms.intake)


def register_question(step: Step) -> None:
    case = step.case
    case.registered_at = step.now
    case.answer_due = step.due(step.profile.terms.written_question)
    case.portfolio_holder = step.data.get("portfolio_holder")
    case.handler = case.handler or step.user
    case.confidential = False


def describe_register(step: Step) -> str:
    case = step.case
    term = describe_term(step.profile.terms.written_question)
    text = (
        "Geregistreerd en doorgezonden aan het college en alle raadsleden. Het college antwoordt "
        f"binnen {term}, uiterlijk {case.answer_due:%d-%m-%Y} (Reglement van Orde)."
    )
    if case.portfolio_holder is not None:
        text += f" Portefeuillehouder: {case.portfolio_holder.display_name}."
    note = step.data.get("note")
    return f"{text} {note}".strip() if note else text


def send_back(step: Step) -> None:
    step.case.submitted_at = None
    step.case.intake_due = None


def describe_send_back(step: Step) -> str:
    return f"Teruggegeven aan het raadslid om aan te passen: {step.data['note']}"


def answer(step: Step) -> None:
    effects.record_answer(step)
    step.case.answered_at = step.now


def describe_answer(step: Step) -> str:
    case = step.case
    on_time = answered_on_time(case)
    when = "binnen de termijn" if on_time else "na de termijn"
    if case.secret:
        return (
            f"Beantwoord door het college ({when}), onder geheimhouding (art. 25 Gemeentewet): "
            "alleen voor de gehele raad."
        )
    return f"Beantwoord door het college ({when})."


def answered_on_time(case) -> bool:
    """Reglement van Orde: an answer, or a postponement notice, within the term counts."""
    if case.answer_due is None:
        return True
    first = case.postponed_at or case.answered_at
    return first is not None and timezone.localdate(first) <= case.answer_due


def postpone(step: Step) -> None:
    case = step.case
    # The first notice is the one that meets the term; later notices only move the date.
    case.postponed_at = case.postponed_at or step.now
    case.postponed_to = step.data["new_date"]
    case.postponement_reason = step.data["reason"]


def describe_postpone(step: Step) -> str:
    return (
        f"Uitstelbericht van het college: antwoord uiterlijk {step.data['new_date']:%d-%m-%Y}. "
        f"Reden: {step.data['reason']} Het uitstelbericht geldt als antwoord binnen de termijn "
        "(Reglement van Orde)."
    )


def publish(step: Step) -> None:
    case = step.case
    case.published_at = step.now
    case.closed_at = step.now
    case.meeting_date = step.data.get("meeting_date")
    case.answer_public_from = step.data.get("answer_public_from")


def describe_publish(step: Step) -> str:
    meeting = step.data.get("meeting_date")
    text = "Vragen en antwoord gepubliceerd voor alle raadsleden"
    if meeting:
        text += f"; ingekomen stuk voor de raadsvergadering van {meeting:%d-%m-%Y}"
    embargo = step.data.get("answer_public_from")
    if embargo:
        text += f". Het antwoord is openbaar vanaf {embargo:%d-%m-%Y}"
    return text + "."


# fmt: off
TABLE = [
    Transition(frozenset({S.DRAFT}), "submit", S.SUBMITTED, REQUESTER, Section.METADATA,
               guard=guard_submit, effect=submit, describe=effects.describe_submit),
    Transition(frozenset({S.SUBMITTED}), "register", S.REGISTERED, GRIFFIE, Section.ROUTING,
               form=RegisterForm, effect=register_question, describe=describe_register),
    Transition(frozenset({S.SUBMITTED}), "send_back", S.DRAFT, GRIFFIE, Section.ROUTING,
               form=SendBackForm, effect=send_back, describe=describe_send_back),
    # The glijdende schaal (spelregel 1): a question that asks only for facts is a technische
    # vraag; one that needs the civil service's help to work out a proposal is ambtelijke bijstand.
    Transition(frozenset({S.SUBMITTED}), "convert", S.INTAKE, GRIFFIE,
               Section.ROUTING, form=ConvertForm, effect=effects.convert,
               describe=effects.describe_convert),
    Transition(AWAITING_ANSWER, "answer", S.ANSWERED, COLLEGE_SIDE, Section.ANSWER,
               form=CollegeAnswerForm, effect=answer, describe=describe_answer),
    Transition(AWAITING_ANSWER, "postpone", S.POSTPONED, COLLEGE_SIDE, Section.ROUTING,
               form=PostponeForm, effect=postpone, describe=describe_postpone),
    Transition(frozenset({S.ANSWERED}), "publish", S.PUBLISHED, GRIFFIE, Section.ANSWER,
               form=PublishForm, effect=publish, describe=describe_publish),
    withdraw_row(frozenset({S.DRAFT, S.SUBMITTED, S.REGISTERED, S.POSTPONED})),
]
# fmt: on

register(Instrument.WRITTEN_QUESTION, TABLE)

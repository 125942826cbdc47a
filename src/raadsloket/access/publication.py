# SPDX-License-Identifier: EUPL-1.2
"""What the public may see: the Woo publication (raadsloket.publication) asks only this module.

The rules in plain words, for a visitor who is not signed in:
- A written question (art. 155 Gemeentewet) is public once the griffie has registered it: the
  griffier then passes it to every member and to the college, and it becomes an ingekomen stuk
  (Reglement van Orde, model wording; RULES.md "Schriftelijke vragen"). A draft, a question the
  griffie has not registered (or sent back, or converted to another instrument) and a withdrawn
  question are not public. Of the people, the asking member(s) and their fractie and the
  portefeuillehouder who answers are public; nobody else (the griffie's handler, a fractie
  employee who filed it) is named.
- Its answer is public once the griffie has published it to the council (state "published"),
  unless it came under geheimhouding (art. 25 Gemeentewet: only for the council as a whole,
  never public), and not before the day the griffie set as embargo (`answer_public_from`).
  Before that day nothing of the answer appears: no text, no date, no attachment.
- A postponement notice is the college's letter to the council and counts as an answer for the
  term (Reglement van Orde): its new date is public with the question, its reasons are not
  (they may name the civil service's work; the answer itself will explain).
- A reflection report is public only as the aggregate report (no figures per fractie: SECURITY.md
  "Rapportages"), only over a calendar year that has ended (the closed-period rule of
  raadsloket.reflection.fractie_periods, so that no two public reports can be subtracted), and
  only where the profile gives the council members that report (`members_see_aggregate`): what
  the whole council receives as a report may be published; what it does not receive, may not.
- Nothing of ambtelijke bijstand, technische vragen, budgets or training is public here: those
  cases hold the bubble (SECURITY.md), and the reflection report counts them only in aggregate.
"""

from datetime import date

from django.db.models import Min, Q, QuerySet

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import WRITTEN_REGISTERED_STATES, State
from raadsloket.organisation.models import Municipality


def public_written_questions(municipality: Municipality) -> QuerySet[Case]:
    """The municipality's written questions from registration on (see the module docstring)."""
    return Case.objects.filter(
        municipality=municipality,
        instrument=Instrument.WRITTEN_QUESTION,
        state__in=WRITTEN_REGISTERED_STATES,
        registered_at__isnull=False,
    )


def public_answer_filter(today: date) -> Q:
    """Published to the council, not secret, and past its embargo (if any)."""
    return Q(state=State.PUBLISHED, secret=False, published_at__isnull=False) & (
        Q(answer_public_from__isnull=True) | Q(answer_public_from__lte=today)
    )


def answer_is_public(case: Case, today: date) -> bool:
    """`public_answer_filter` for one case already loaded."""
    return (
        case.state == State.PUBLISHED
        and not case.secret
        and case.published_at is not None
        and (case.answer_public_from is None or case.answer_public_from <= today)
    )


def public_report_years(municipality: Municipality, today: date) -> list[int]:
    """The closed calendar years whose aggregate reflection report is public, newest first."""
    if not municipality.policy.reporting.members_see_aggregate:
        return []
    first = Case.objects.filter(municipality=municipality).aggregate(first=Min("created_at"))[
        "first"
    ]
    if first is None:
        return []
    return list(range(today.year - 1, first.year - 1, -1))

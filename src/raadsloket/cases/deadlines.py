# SPDX-License-Identifier: EUPL-1.2
"""Which term a case is now running against, and whether it is near or past.

Every deadline names its rule (ARCHITECTURE.md, core idea 5): the term of the profile in
working or calendar days, and whether the verordening makes it binding or a soft target.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from django.db.models import Q
from django.utils import timezone

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.states import State
from raadsloket.policy.deadlines import describe_term, working_days_between

OK, NEAR, OVERDUE = "op_tijd", "nadert", "verlopen"
STATUS_LABELS = {OK: "op tijd", NEAR: "termijn nadert", OVERDUE: "termijn verlopen"}

# state → (date field, profile term name, Dutch name of the term)
_RUNNING = {
    State.SUBMITTED: ("intake_due", "intake", "intake door de griffie"),
    State.INTAKE: ("intake_due", "intake", "intake door de griffie"),
    State.FORWARDED: ("decision_due", "decision", "besluit toewijzen of weigeren"),
    State.ASSIGNED: ("delivery_due", "delivery", "oplevering"),
    State.KICKOFF_PLANNED: ("delivery_due", "delivery", "oplevering"),
    State.IN_PROGRESS: ("delivery_due", "delivery", "oplevering"),
    State.MEDIATION: ("delivery_due", "delivery", "oplevering"),
    # Schriftelijke vragen: the term of the Reglement van Orde from registration; after a
    # postponement notice (which counts as the answer for the term) the college's new date.
    State.REGISTERED: ("answer_due", "written_question", "beantwoording door het college"),
    State.POSTPONED: ("postponed_to", None, "antwoord op de nieuwe datum uit het uitstelbericht"),
}
# A technical question about an agenda item: answered before the meeting.
_BEFORE_MEETING = frozenset({State.SUBMITTED, State.INTAKE, State.FORWARDED, State.ASSIGNED})


@dataclass(frozen=True)
class Deadline:
    name: str
    due: date
    status: str
    rule: str

    @property
    def status_label(self) -> str:
        return STATUS_LABELS[self.status]


def running_deadline(case, profile, today: date) -> Deadline | None:
    """The term the case runs against now, or None (draft, deferred, answered, closed)."""
    if case.answer_before is not None and case.state in _BEFORE_MEETING:
        due = timezone.localdate(case.answer_before)
        rule = (
            f"vóór de vergadering van {case.meeting_date:%d-%m-%Y}: antwoord uiterlijk "
            f"{profile.agenda_questions.answer_by}"
        )
        return _deadline("beantwoording vóór de vergadering", due, rule, "working", profile, today)
    running = _RUNNING.get(case.state)
    if running is None:
        return None
    field, term_name, name = running
    due = getattr(case, field)
    if due is None:
        return None
    if term_name is None:
        return _deadline(name, due, "datum uit het uitstelbericht", "calendar", profile, today)
    if term_name == "delivery" and case.instrument == Instrument.TECHNICAL_QUESTION:
        term_name = "technical_question"
    term = getattr(profile.terms, term_name)
    # The Reglement van Orde's term for written questions is a real term, not a soft target.
    binding = profile.terms.binding or term_name == "written_question"
    kind = "termijn" if binding else "streeftermijn"
    rule = f"{kind} {describe_term(term)}"
    if term_name == "written_question":
        rule += " vanaf registratie (Reglement van Orde)"
    if case.state in (State.IN_PROGRESS, State.MEDIATION) and field == "delivery_due":
        rule = "opleverdatum afgesproken in het startgesprek"
    return _deadline(name, due, rule, term.kind, profile, today)


def _deadline(name: str, due: date, rule: str, kind: str, profile, today: date) -> Deadline:
    local = profile.terms.local_holidays
    left = working_days_between(today, due, local) if kind == "working" else (due - today).days
    if due < today:
        status = OVERDUE
    elif left <= profile.terms.reminder_days_before:
        status = NEAR
    else:
        status = OK
    return Deadline(name=name, due=due, status=status, rule=rule)


def overdue_condition(today: date) -> Q:
    """`running_deadline(...).status == OVERDUE` as a query: the running term is past."""
    midnight = timezone.make_aware(datetime.combine(today, time.min))
    before_meeting = Q(answer_before__isnull=False, state__in=_BEFORE_MEETING)
    running = Q(pk__isnull=True)
    for state, (field, _term, _name) in _RUNNING.items():
        running |= Q(state=state, **{f"{field}__lt": today})
    return (before_meeting & Q(answer_before__lt=midnight)) | (~before_meeting & running)

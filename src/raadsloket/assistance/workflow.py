# SPDX-License-Identifier: EUPL-1.2
"""Ambtelijke bijstand (art. 33 lid 1 Gemeentewet): the full workflow table and its effects.

draft → submitted → intake → forwarded → assigned | refused (→ objected → driehoek) →
kickoff_planned → in_progress (⇄ mediation) → delivered → evaluated → closed.
"""

from raadsloket.access.actors import Actor as A
from raadsloket.access.cases import TRIANGLE_SEATS, triangle_seat
from raadsloket.access.sections import Section
from raadsloket.assistance.forms import (
    PERSPECTIVE_BY_RELATION,
    CorrectHoursForm,
    EvaluateForm,
    GriffieMediationForm,
    LogHoursForm,
    PlanKickoffForm,
    ReasonForm,
    RecordKickoffForm,
    TriangleMediationForm,
)
from raadsloket.assistance.hours import correctable_entries, problem_with_correction
from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff, Mediation, TriangleVote
from raadsloket.audit import chain
from raadsloket.cases import effects
from raadsloket.cases.errors import InvalidInput
from raadsloket.cases.forms import CloseForm, DeliverForm, RefuseForm
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.intake import GRIFFIE, REQUESTER, ROUTING, intake_rows, withdraw_row
from raadsloket.cases.states import State
from raadsloket.cases.transitions import Step
from raadsloket.cases.workflow import Transition, register
from raadsloket.lib import report_version
from raadsloket.lib.numbers import format_decimal
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role

S = State


def object_(step: Step) -> None:
    step.case.objection = step.data["reason"]
    Mediation.objects.create(
        case=step.case,
        forum=Mediation.Forum.TRIANGLE,
        requested_by=step.user,
        reason=step.data["reason"],
        requested_at=step.now,
    )


def _open_mediation(case, forum):
    return case.mediations.filter(forum=forum, outcome="").order_by("-requested_at").first()


def mediate_triangle(step: Step) -> str:
    """The driehoek's decision on the objection: assign after all, or keep the refusal.

    RULES.md "Disputes": the griffie mediates first, then the driehoek; by default the mayor
    decides (access.cases.decides_objection says who may). When the profile has the three decide
    together, this records the member's vote and the case moves only once every seat of the
    driehoek voted for the same outcome; the vote that completes it carries the assignment.
    """
    mediation = _open_mediation(step.case, Mediation.Forum.TRIANGLE)
    if step.profile.objection.decided_by == "triangle" and not _agreed(step, mediation):
        return S.OBJECTED
    mediation.outcome = step.data["outcome"]
    mediation.notes = step.data["notes"]
    mediation.decided_by = step.user
    mediation.decided_at = step.now
    mediation.save()
    if step.data["outcome"] == Mediation.Outcome.ASSIGN:
        effects.assign(step)
        return S.ASSIGNED
    step.case.closed_at = step.now
    return S.CLOSED


def required_seats(case) -> set[str]:
    """The seats of the driehoek somebody holds in the case's municipality: each must vote."""
    held = Person.objects.filter(
        municipality_id=case.municipality_id,
        is_active=True,
        role_assignments__role__in=TRIANGLE_SEATS,
    ).values_list("role_assignments__role", flat=True)
    return set(held) & set(TRIANGLE_SEATS)


def _agreed(step: Step, mediation: Mediation) -> bool:
    """Record this member's vote (audited) and say whether the driehoek now agrees."""
    seat = triangle_seat(step.viewer)
    TriangleVote.objects.update_or_create(
        mediation=mediation,
        seat=seat,
        defaults={
            "voter": step.user,
            "outcome": step.data["outcome"],
            "notes": step.data["notes"],
            "cast_at": step.now,
        },
    )
    chain.record(
        "case.triangle_vote",
        actor=step.user,
        municipality_id=step.case.municipality_id,
        case_id=step.case.pk,
        detail={"seat": seat, "outcome": step.data["outcome"]},
    )
    votes = dict(mediation.votes.values_list("seat", "outcome"))
    missing = required_seats(step.case) - set(votes)
    return not missing and set(votes.values()) == {step.data["outcome"]}


def describe_mediate_triangle(step: Step) -> str:
    outcome = Mediation.Outcome(step.data["outcome"]).label
    if step.case.state != S.OBJECTED:
        return f"Driehoek: {outcome}. {step.data['notes']}"
    seat = Role(triangle_seat(step.viewer)).label
    return (
        f"Stem van de {seat} in de driehoek: {outcome}. {step.data['notes']} Nog geen besluit: "
        "griffier, gemeentesecretaris en burgemeester besluiten samen."
    )


def request_mediation(step: Step) -> None:
    Mediation.objects.create(
        case=step.case,
        forum=Mediation.Forum.GRIFFIE,
        requested_by=step.user,
        reason=step.data["reason"],
        requested_at=step.now,
    )


def mediate_griffie(step: Step) -> None:
    mediation = _open_mediation(step.case, Mediation.Forum.GRIFFIE)
    mediation.outcome = Mediation.Outcome.RESUMED
    mediation.notes = step.data["notes"]
    mediation.decided_by = step.user
    mediation.decided_at = step.now
    mediation.save()


def plan_kickoff(step: Step) -> None:
    Kickoff.objects.update_or_create(
        case=step.case,
        defaults={
            "planned_for": step.data["planned_for"],
            "participants": step.data["participants"],
        },
    )


def describe_plan_kickoff(step: Step) -> str:
    return f"Startgesprek gepland op {step.data['planned_for']:%d-%m-%Y %H:%M}."


def record_kickoff(step: Step) -> None:
    data = step.data
    kickoff = Kickoff.objects.get(case=step.case)
    for name in (
        "held_on",
        "participants",
        "background",
        "goal",
        "agreed_hours",
        "due_date",
        "loyalty_concerns",
        "member_acknowledged_rules",
        "civil_servant_acknowledged_rules",
    ):
        setattr(kickoff, name, data[name])
    kickoff.save()
    step.case.delivery_due = data["due_date"]


def describe_record_kickoff(step: Step) -> str:
    return (
        f"Startgesprek gehouden op {step.data['held_on']:%d-%m-%Y}; afgesproken "
        f"{format_decimal(step.data['agreed_hours'])} uur, "
        f"oplevering {step.data['due_date']:%d-%m-%Y}."
    )


def log_hours(step: Step) -> None:
    HoursEntry.objects.create(
        case=step.case,
        civil_servant=step.user,
        worked_on=step.data["worked_on"],
        hours=step.data["hours"],
        note=step.data.get("note") or "",
        recorded_at=step.now,
    )


def describe_log_hours(step: Step) -> str:
    return f"{format_decimal(step.data['hours'])} uur op {step.data['worked_on']:%d-%m-%Y}."


def guard_correct_hours(step: Step) -> str | None:
    if not correctable_entries(step.case, step.viewer.person_id).exists():
        return "U heeft bij dit verzoek nog geen uren geregistreerd om te corrigeren."
    return None


def correct_hours(step: Step) -> None:
    """A correcting entry, never an edit in place; under the corrected entry's civil servant and
    day, so that sums and who sees it follow the entry (assistance/hours.py)."""
    entry = correctable_entries(step.case, step.viewer.person_id).get(pk=step.data["entry"])
    change = step.data["hours"]
    problem = problem_with_correction(entry, change)
    if problem:
        raise InvalidInput(problem, field="hours")
    correction = HoursEntry.objects.create(
        case=step.case,
        civil_servant=entry.civil_servant,
        worked_on=entry.worked_on,
        hours=change,
        corrects=entry,
        reason=step.data["reason"],
        recorded_at=step.now,
    )
    # The audit chain holds which entry changed by how much; the reason stays in the bubble.
    chain.record(
        "hours.correct",
        actor=step.user,
        municipality_id=step.case.municipality_id,
        case_id=step.case.pk,
        detail={"entry": correction.pk, "corrects": entry.pk, "hours": str(change)},
    )


def describe_correct_hours(step: Step) -> str:
    # The timeline of the hours section is the manager's too: no reason, only the figures.
    entry = HoursEntry.objects.get(pk=step.data["entry"])
    return (
        f"Correctie van {format_decimal(step.data['hours'])} uur op de registratie van "
        f"{entry.worked_on:%d-%m-%Y}."
    )


def perspective(step: Step) -> str | None:
    """Whose evaluation this is. The member's is given by the requester, not a co-requester."""
    for relation, view in PERSPECTIVE_BY_RELATION:
        if relation not in step.relations:
            continue
        if (
            view == Evaluation.Perspective.MEMBER
            and step.viewer.person_id != step.case.requester_id
        ):
            continue
        return view
    return None


def guard_evaluate(step: Step) -> str | None:
    view = perspective(step)
    if view is None:
        return "De evaluatie namens het raadslid geeft de indiener zelf."
    if step.case.evaluations.filter(perspective=view).exists():
        return "Uw evaluatie voor dit verzoek is al vastgelegd."
    return None


def evaluate(step: Step) -> str:
    """The round closes (evaluated) once member, civil servant and griffie have each evaluated."""
    Evaluation.objects.create(
        case=step.case,
        perspective=perspective(step),
        person=step.user,
        score=step.data["score"],
        remarks=step.data.get("remarks") or "",
        recorded_at=step.now,
    )
    done = set(step.case.evaluations.values_list("perspective", flat=True))
    return S.EVALUATED if done >= set(Evaluation.Perspective.values) else S.DELIVERED


def describe_evaluate(step: Step) -> str:
    return f"Evaluatie ({Evaluation.Perspective(perspective(step)).label}): {step.data['score']}/5."


def withdraw(step: Step) -> None:
    effects.withdraw(step)
    # An open mediation ends with the request.
    step.case.mediations.filter(outcome="").update(
        outcome=Mediation.Outcome.WITHDRAWN, decided_by=step.user, decided_at=step.now
    )
    # No signal from update(): stored reflection reports count mediation outcomes.
    report_version.changed(step.case.municipality_id)


def guard_close_delivered(step: Step) -> str | None:
    if step.profile.evaluation.required:
        return (
            "De verordening vraagt een evaluatie door raadslid, ambtenaar en griffie "
            "voordat het verzoek wordt afgesloten."
        )
    return None


BEFORE_DELIVERY = frozenset({
    S.DRAFT, S.SUBMITTED, S.INTAKE, S.DEFERRED, S.FORWARDED, S.ASSIGNED, S.REFUSED, S.OBJECTED,
    S.KICKOFF_PLANNED, S.IN_PROGRESS, S.MEDIATION,
})  # fmt: skip
BUBBLE = frozenset({A.REQUESTER, A.ASSIGNEE, A.GRIFFIE})

# fmt: off
TABLE = [
    *intake_rows(defer_from=frozenset({S.SUBMITTED, S.INTAKE, S.FORWARDED})),
    # Model-verordening: refusal on a ground of the verordening, with reasons, to griffier
    # and member.
    Transition(frozenset({S.FORWARDED}), "refuse", S.REFUSED, ROUTING, Section.ROUTING,
               form=RefuseForm, effect=effects.refuse, describe=effects.describe_refuse),
    Transition(frozenset({S.REFUSED}), "object", S.OBJECTED, REQUESTER, Section.ROUTING,
               form=ReasonForm, effect=object_, describe=lambda step: step.data["reason"]),
    Transition(frozenset({S.REFUSED}), "close", S.CLOSED, GRIFFIE | REQUESTER, Section.ROUTING,
               form=CloseForm, effect=effects.close, describe=effects.describe_close),
    # The driehoek assigns, or keeps the refusal and the case closes; while the three deciding
    # together do not agree yet the case stays objected (mediate_triangle).
    Transition(frozenset({S.OBJECTED}), "mediate", S.ASSIGNED,
               frozenset({A.TRIANGLE}), Section.ROUTING, form=TriangleMediationForm,
               effect=mediate_triangle, describe=describe_mediate_triangle,
               title="Besluit van de driehoek over het bezwaar",
               outcomes=frozenset({S.OBJECTED, S.CLOSED})),
    Transition(frozenset({S.ASSIGNED}), "plan_kickoff", S.KICKOFF_PLANNED, GRIFFIE,
               Section.KICKOFF, form=PlanKickoffForm, effect=plan_kickoff,
               describe=describe_plan_kickoff),
    Transition(frozenset({S.KICKOFF_PLANNED}), "record_kickoff", S.IN_PROGRESS, GRIFFIE,
               Section.KICKOFF, form=RecordKickoffForm, effect=record_kickoff,
               describe=describe_record_kickoff),
    # Hours are logged while the work goes on: the state stays.
    Transition(frozenset({S.IN_PROGRESS, S.MEDIATION}), "log_hours", None,
               frozenset({A.ASSIGNEE}), Section.HOURS, form=LogHoursForm, effect=log_hours,
               describe=describe_log_hours),
    # A correction of logged hours, also once the work is delivered: until the case closes.
    Transition(frozenset({S.IN_PROGRESS, S.MEDIATION, S.DELIVERED, S.EVALUATED}), "correct_hours",
               None, frozenset({A.ASSIGNEE}), Section.HOURS, form=CorrectHoursForm,
               guard=guard_correct_hours, effect=correct_hours, describe=describe_correct_hours),
    Transition(frozenset({S.IN_PROGRESS}), "request_mediation", S.MEDIATION,
               frozenset({A.REQUESTER, A.ASSIGNEE}), Section.MEDIATION, form=ReasonForm,
               effect=request_mediation, describe=lambda step: step.data["reason"]),
    Transition(frozenset({S.MEDIATION}), "mediate", S.IN_PROGRESS, GRIFFIE, Section.MEDIATION,
               form=GriffieMediationForm, effect=mediate_griffie,
               describe=lambda step: step.data["notes"]),
    Transition(frozenset({S.IN_PROGRESS}), "deliver", S.DELIVERED,
               frozenset({A.ASSIGNEE, A.GRIFFIE}), Section.ANSWER, form=DeliverForm,
               effect=effects.deliver, describe=effects.describe_deliver),
    # Evaluated once member, civil servant and griffie have each evaluated (evaluate).
    Transition(frozenset({S.DELIVERED}), "evaluate", S.DELIVERED, BUBBLE,
               Section.EVALUATION, form=EvaluateForm, guard=guard_evaluate, effect=evaluate,
               describe=describe_evaluate, outcomes=frozenset({S.EVALUATED})),
    Transition(frozenset({S.DELIVERED}), "close", S.CLOSED, GRIFFIE, Section.ANSWER,
               form=CloseForm, guard=guard_close_delivered, effect=effects.close,
               describe=effects.describe_close),
    Transition(frozenset({S.EVALUATED}), "close", S.CLOSED, GRIFFIE, Section.ANSWER,
               form=CloseForm, effect=effects.close, describe=effects.describe_close),
    withdraw_row(BEFORE_DELIVERY, effect=withdraw),
]
# fmt: on

register(Instrument.ASSISTANCE, TABLE)

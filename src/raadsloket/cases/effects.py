# SPDX-License-Identifier: EUPL-1.2
"""What the shared actions change on a case. Called only by transitions.perform."""

from decimal import Decimal

from django.core.exceptions import ImproperlyConfigured
from django.utils import timezone

from raadsloket.cases.instruments import ADVISABLE_INSTRUMENTS, Channel, Instrument
from raadsloket.cases.models import Assignment, CaseFile
from raadsloket.cases.states import State
from raadsloket.cases.transitions import Step
from raadsloket.lib.numbers import format_decimal
from raadsloket.lib.uploads import stored_name
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import REQUESTER_ROLES, Role
from raadsloket.policy.deadlines import agenda_deadlines, describe_term


def may_request(viewer, profile) -> str | None:
    """Model-verordening art. 2 and the profile's variants: who may put a request."""
    allowed = {
        Role.COUNCIL_MEMBER: profile.requesters.council_member,
        Role.COMMITTEE_MEMBER: profile.requesters.committee_member,
        Role.FRACTIE_EMPLOYEE: profile.requesters.fractie_employee,
    }
    if any(allowed[role] for role in REQUESTER_ROLES if role in viewer.roles):
        return None
    return "Volgens de verordening van uw gemeente kunt u geen verzoek indienen."


def guard_submit(step: Step) -> str | None:
    return may_request(step.viewer, step.profile)


def submit(step: Step) -> None:
    case = step.case
    case.submitted_at = step.now
    term = step.profile.terms.intake
    case.intake_due = step.due(term)
    if case.meeting_date is not None:
        # A technical question about an agenda item is answered before the meeting when it is
        # in before the profile's cut-off (RULES.md, "Technische vragen").
        submit_by, answer_by = agenda_deadlines(case.meeting_date, step.profile.agenda_questions)
        case.answer_before = answer_by if step.now <= submit_by else None


def describe_submit(step: Step) -> str:
    case = step.case
    text = (
        f"Termijn intake: {describe_term(step.profile.terms.intake)}, "
        f"uiterlijk {case.intake_due:%d-%m-%Y}."
    )
    if case.meeting_date is None:
        return text
    rule = step.profile.agenda_questions
    if case.answer_before is not None:
        return (
            f"{text} Vraag over agendapunt '{case.agenda_item}' van "
            f"{case.meeting_date:%d-%m-%Y}: op tijd binnen (uiterlijk {rule.submit_by}), "
            f"antwoord vóór {timezone.localtime(case.answer_before):%d-%m-%Y %H:%M}."
        )
    return (
        f"{text} Vraag over agendapunt '{case.agenda_item}' kwam na de uiterste inzenddatum "
        f"({rule.submit_by} vóór de vergadering); beantwoording vóór de vergadering is niet "
        "gegarandeerd."
    )


def accept(step: Step) -> None:
    step.case.handler = step.user


def defer(step: Step) -> None:
    case = step.case
    case.resume_state = case.state
    case.deferred_until = step.data["until"]
    case.defer_reason = step.data["reason"]


def describe_defer(step: Step) -> str:
    return f"Aangehouden tot {step.data['until']:%d-%m-%Y}: {step.data['reason']}"


def resume(step: Step) -> str:
    """Back to where the request was held; resume_state stays until the next defer sets it."""
    case = step.case
    case.deferred_until = None
    # Aanhouden pauses the request: the running term starts again from the resumption.
    if case.resume_state in (State.SUBMITTED, State.INTAKE):
        case.intake_due = step.due(step.profile.terms.intake)
    elif case.resume_state == State.FORWARDED:
        case.decision_due = step.due(step.profile.terms.decision)
    return case.resume_state or State.INTAKE


def describe_resume(step: Step) -> str:
    due = (
        step.case.decision_due
        if step.case.resume_state == State.FORWARDED
        else step.case.intake_due
    )
    return f"Hervat; de termijn loopt opnieuw, nu tot {due:%d-%m-%Y}." if due else "Hervat."


def routing_officer_for(case) -> Person:
    officer_role = case.municipality.policy.routing.officer
    officer = (
        Person.objects.filter(
            municipality_id=case.municipality_id,
            role_assignments__role=officer_role,
            is_active=True,
        )
        .order_by("pk")
        .first()
    )
    if officer is None:
        raise ImproperlyConfigured("no routing officer")
    return officer


def guard_forward(step: Step) -> str | None:
    try:
        routing_officer_for(step.case)
    except ImproperlyConfigured:
        role = step.profile.routing_officer_label
        return f"Er is in deze gemeente geen {role} ingesteld om het verzoek aan door te geleiden."
    return None


def forward(step: Step) -> None:
    case = step.case
    case.routing_officer = routing_officer_for(case)
    case.forwarded_at = step.now
    if case.handler_id is None:
        case.handler = step.user
    # Model-verordening: the griffier asks the secretaris (or kabinetschef) to appoint.
    case.decision_due = step.due(step.profile.terms.decision)


def describe_forward(step: Step) -> str:
    note = step.data.get("note") or ""
    officer = step.case.routing_officer
    assert officer is not None, "forward sets the routing officer before describing it"
    text = f"Doorgeleid aan {officer.display_name} ({step.profile.routing_officer_label})."
    return f"{text} {note}".strip()


def assign_people(step: Step, people, hours) -> None:
    case = step.case
    share = (hours / len(people)).quantize(Decimal("0.1")) if people else None
    for person in people:
        Assignment.objects.get_or_create(
            case=case,
            civil_servant=person,
            defaults={"hours_estimate": share, "assigned_at": step.now},
        )
    case.hours_estimate = hours
    case.assigned_at = step.now


def assign(step: Step) -> None:
    case = step.case
    assign_people(step, step.data["civil_servants"], step.data["hours_estimate"])
    case.capacity_confirmed = bool(step.data.get("capacity_confirmed"))
    term = (
        step.profile.terms.technical_question
        if case.instrument == Instrument.TECHNICAL_QUESTION
        else step.profile.terms.delivery
    )
    case.delivery_due = step.due(term)


def describe_assign(step: Step) -> str:
    names = ", ".join(person.display_name for person in step.data["civil_servants"])
    return f"Toegewezen aan {names}; geschat {format_decimal(step.data['hours_estimate'])} uur."


def refuse(step: Step) -> None:
    case = step.case
    case.refusal_ground = step.data["ground"]
    case.refusal_reasoning = step.data["reasoning"]


def describe_refuse(step: Step) -> str:
    ground = step.profile.refusal_ground(step.data["ground"])
    label = ground.label if ground else step.data["ground"]
    return f"Geweigerd op grond van: {label}. {step.data['reasoning']}"


def deliver(step: Step) -> None:
    record_answer(step)
    step.case.delivered_at = step.now


def record_answer(step: Step) -> None:
    """The answer text, its art. 25 marking and its attachments (stored under random names)."""
    case = step.case
    case.answer = step.data["answer"]
    case.secret = bool(step.data.get("secret"))
    # Checked by DeliverForm (lib.uploads): the type served is the one the content proved.
    for upload in step.data.get("files") or []:
        stored = CaseFile(
            case=case,
            section="answer",
            token=stored_name(),
            original_name=upload.name,
            content_type=upload.content_type,
            size=upload.size,
            uploaded_by=step.user,
            uploaded_at=step.now,
        )
        stored.file.save(stored.token, upload.file, save=False)
        stored.save()


def describe_deliver(step: Step) -> str:
    if step.case.secret:
        # Art. 25 Gemeentewet: secret information only to the council as a whole.
        return (
            "Antwoord opgeleverd onder geheimhouding (art. 25 Gemeentewet): het gaat naar de "
            "gehele raad, niet naar het individuele raadslid."
        )
    return "Antwoord opgeleverd."


def close(step: Step) -> None:
    case = step.case
    case.closed_at = step.now
    case.advised_instrument = step.data.get("advised_instrument") or ""
    case.closing_note = step.data.get("note") or ""


def describe_close(step: Step) -> str:
    advised = step.data.get("advised_instrument")
    if advised:
        return (
            f"Advies: gebruik {ADVISABLE_INSTRUMENTS[advised]}. {step.data.get('note', '')}".strip()
        )
    return step.data.get("note") or ""


def withdraw(step: Step) -> None:
    step.case.closed_at = step.now


def note_text(step: Step) -> str:
    return step.data.get("note") or ""


# Without a chosen target, conversion goes the usual way down or up the glijdende schaal.
DEFAULT_CONVERSION = {
    Instrument.ASSISTANCE: Instrument.TECHNICAL_QUESTION,
    Instrument.TECHNICAL_QUESTION: Instrument.ASSISTANCE,
    Instrument.WRITTEN_QUESTION: Instrument.TECHNICAL_QUESTION,
}


def convert(step: Step) -> str:
    # The glijdende schaal (handreiking, spelregel 1): same case, other instrument, no retyping.
    case = step.case
    case.instrument = step.data.get("target") or DEFAULT_CONVERSION[Instrument(case.instrument)]
    if case.instrument != Instrument.TECHNICAL_QUESTION:
        # An agenda cut-off belongs to technical questions only.
        case.agenda_item, case.meeting_date, case.answer_before = "", None, None
    openness = step.profile.openness
    if case.instrument == Instrument.ASSISTANCE:
        case.confidential = case.confidential or openness.answers == "requester_only"
    elif case.instrument == Instrument.WRITTEN_QUESTION:
        # Not public yet: that happens at registration, after the member has submitted it.
        case.submitted_at = None
        case.intake_due = None
    else:
        case.confidential = case.confidential or not openness.technical_questions_public
    if case.handler_id is None:
        case.handler = step.user
    # Written questions go to every member and the college: the member decides to put them,
    # so the case returns to the member as a draft to check and submit (or withdraw).
    if case.instrument == Instrument.WRITTEN_QUESTION:
        return State.DRAFT
    return State.INTAKE


def describe_convert(step: Step) -> str:
    text = f"Omgezet naar {step.case.get_instrument_display()}."
    if step.case.instrument == Instrument.WRITTEN_QUESTION:
        text += (
            " Schriftelijke vragen gaan naar alle raadsleden en het college: het raadslid kijkt "
            "ze na en dient ze zelf in, of trekt het verzoek in."
        )
    return f"{text} {note_text(step)}".strip()


def guard_direct_contact(step: Step) -> str | None:
    if step.profile.channel.mode != "direct_small_facts":
        return "De verordening van uw gemeente kent geen rechtstreeks contact: verzoeken lopen via de griffie."
    if step.case.channel != Channel.DIRECT_CONTACT:
        return "Alleen een vastgelegd rechtstreeks contact wordt zo beantwoord."
    return None


def deliver_direct_contact(step: Step) -> None:
    # Only the answer: the contact counts (submitted, delivered) once it is confirmed.
    record_answer(step)


def describe_direct_contact(step: Step) -> str:
    return (
        f"Rechtstreeks contact vastgelegd door {step.user.display_name}: kleine feitelijke "
        "informatie, achteraf gemeld. Het telt mee zodra het is bevestigd."
    )


def confirm_contact(step: Step) -> None:
    # From now on it is a delivered technical question like any other: counted and, when not
    # confidential, shared as the profile's openness says.
    step.case.submitted_at = step.case.delivered_at = step.now


def describe_confirm_contact(step: Step) -> str:
    return (
        f"Rechtstreeks contact bevestigd door {step.user.display_name}. {note_text(step)}".strip()
    )


def reject_contact(step: Step) -> None:
    # The rejection ends the case: it is kept for its retention period and then destroyed.
    step.case.closed_at = step.now


def describe_reject_contact(step: Step) -> str:
    return (
        f"Rechtstreeks contact afgewezen door {step.user.display_name}: het telt niet mee en "
        f"wordt met niemand gedeeld. {note_text(step)}"
    ).strip()

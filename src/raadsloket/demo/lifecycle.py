# SPDX-License-Identifier: EUPL-1.2
"""Drive a case through its workflow by the one transition function.

Used by the demo loader and the tests, so that demo data is made the way users make it.
"""

from datetime import timedelta

from django.utils import timezone

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.services import create_case
from raadsloket.cases.states import State
from raadsloket.cases.transitions import perform
from raadsloket.demo.people import World


def routing_officer(world: World) -> str:
    return {"municipal_secretary": "secretaris", "cabinet_chief": "kabinetschef"}[
        world.municipality.policy.routing.officer
    ]


def main_path(world: World, servant: str = "ambtenaar1", member: str = "raadslid1"):
    """(action, username, data) from draft to closed for ambtelijke bijstand."""
    today = timezone.localdate()
    return [
        ("submit", member, {}),
        ("accept", "griffier", {}),
        ("forward", "griffier", {"note": "Verzoek is helder; graag een deskundige."}),
        (
            "assign",
            routing_officer(world),
            {"civil_servants": [world[servant].pk], "hours_estimate": "12"},
        ),
        (
            "plan_kickoff",
            "raadsadviseur",
            {
                "planned_for": (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
                "participants": "raadslid, ambtenaar, raadsadviseur",
            },
        ),
        (
            "record_kickoff",
            "raadsadviseur",
            {
                "held_on": today.isoformat(),
                "participants": "raadslid, ambtenaar, raadsadviseur",
                "background": "Het raadslid wil een amendement voorbereiden.",
                "goal": "Een uitgewerkt conceptamendement met financiële onderbouwing.",
                "agreed_hours": "12",
                "due_date": (today + timedelta(days=21)).isoformat(),
                "loyalty_concerns": "Geen: de ambtenaar werkt niet aan het collegevoorstel.",
                "member_acknowledged_rules": "on",
                "civil_servant_acknowledged_rules": "on",
            },
        ),
        (
            "log_hours",
            servant,
            {"worked_on": today.isoformat(), "hours": "3.5", "note": "Cijfers verzameld."},
        ),
        ("deliver", servant, {"answer": "Conceptamendement met doorrekening, zie bijlage."}),
        ("evaluate", member, {"score": "4", "remarks": "Snel en deskundig."}),
        ("evaluate", servant, {"score": "5", "remarks": "Heldere vraag."}),
        ("evaluate", "griffier", {"score": "4", "remarks": "Goed verlopen."}),
        ("close", "griffier", {"note": ""}),
    ]


def new_case(
    world: World,
    member: str = "raadslid1",
    *,
    instrument=Instrument.ASSISTANCE,
    title: str = "Leerlingenvervoer met vrijwilligers",
    question: str = "Hoe kunnen we ouders en vrijwilligers inschakelen bij het "
    "collectieve leerlingenvervoer? Kan er een conceptregeling komen?",
    policy_area: str = "sociaal_domein",
    confidential: bool = False,
    **extra,
) -> Case:
    data = {
        "instrument": instrument,
        "title": title,
        "question": question,
        "background": "Voor een initiatiefvoorstel.",
        "policy_area": policy_area,
        "confidential": "on" if confidential else "",
        **extra,
    }
    return create_case(world[member], data)


def act(world: World, case: Case, action: str, username: str, data: dict | None = None) -> Case:
    return perform(world[username], case.pk, action, data or {})


def run_until(
    world: World, case: Case, state: str, *, servant: str = "ambtenaar1", member: str = "raadslid1"
) -> Case:
    """Apply the main path until the case is in `state` (which must be on the path)."""
    if case.state == state:
        return case
    for action, username, data in main_path(world, servant, member):
        case = act(world, case, action, username, data)
        if case.state == state:
            return case
    raise ValueError(f"{state} is not on the main path")


def run_to(world: World, case: Case, state: str, **people) -> Case:
    """Reach any state, taking the side branch it needs (defer, refuse, object, mediation)."""
    side = {
        State.DEFERRED: (
            State.INTAKE,
            [
                (
                    "defer",
                    "griffier",
                    {
                        "until": (timezone.localdate() + timedelta(days=14)).isoformat(),
                        "reason": "De afdeling werkt aan de begroting; over twee weken is er ruimte.",
                    },
                )
            ],
        ),
        State.REFUSED: (
            State.FORWARDED,
            [
                (
                    "refuse",
                    routing_officer(world),
                    {
                        "ground": world.municipality.policy.refusal_grounds[0].code,
                        "reasoning": "Het verzoek gaat over de uitvoering door het college, niet over "
                        "raadswerk.",
                    },
                )
            ],
        ),
        State.OBJECTED: (
            State.FORWARDED,
            [
                (
                    "refuse",
                    routing_officer(world),
                    {
                        "ground": world.municipality.policy.refusal_grounds[0].code,
                        "reasoning": "Het verzoek gaat over de uitvoering door het college, niet over "
                        "raadswerk.",
                    },
                ),
                (
                    "object",
                    people.get("member", "raadslid1"),
                    {"reason": "Het gaat wel degelijk om een amendement op de begroting."},
                ),
            ],
        ),
        State.MEDIATION: (
            State.IN_PROGRESS,
            [
                (
                    "request_mediation",
                    people.get("servant", "ambtenaar1"),
                    {"reason": "Het raadslid vraagt naar het standpunt van de wethouder."},
                )
            ],
        ),
        State.WITHDRAWN: (
            State.SUBMITTED,
            [("withdraw", people.get("member", "raadslid1"), {"note": "Niet meer nodig."})],
        ),
    }
    if state in side:
        before, steps = side[state]
        case = run_until(world, case, before, **people)
        for action, username, data in steps:
            case = act(world, case, action, username, data)
        return case
    return run_until(world, case, state, **people)


def written_path(world: World, member: str = "raadslid1"):
    """(action, username, data) from draft to published for schriftelijke vragen."""
    return [
        ("submit", member, {}),
        ("register", "griffier", {"portfolio_holder": world["wethouder1"].pk}),
        ("answer", "collegecontact", {"answer": "Het college antwoordt als volgt."}),
        ("publish", "griffier", {"meeting_date": ""}),
    ]


def new_written_question(
    world: World,
    member: str = "raadslid1",
    *,
    title: str = "Wachttijden jeugdzorg",
    question: str = "Hoe verklaart het college dat de wachttijden in de jeugdzorg zijn "
    "opgelopen, en welke maatregelen neemt het college?",
    **extra,
) -> Case:
    data = {
        "instrument": Instrument.WRITTEN_QUESTION,
        "title": title,
        "question": question,
        "background": "Signalen van ouders in de wijk.",
        "policy_area": "sociaal_domein",
        **extra,
    }
    return create_case(world[member], data)


def run_written_to(world: World, case: Case, state: str, member: str = "raadslid1") -> Case:
    """Bring a written question to `state`; "postponed" takes the postponement notice."""
    if state == State.POSTPONED:
        case = run_written_to(world, case, State.REGISTERED, member)
        new_date = (case.answer_due + timedelta(days=14)).isoformat()
        reason = "Het antwoord vraagt overleg met de jeugdzorgregio."
        return act(
            world, case, "postpone", "collegecontact", {"reason": reason, "new_date": new_date}
        )
    if state == State.WITHDRAWN:
        case = run_written_to(world, case, State.SUBMITTED, member)
        return act(world, case, "withdraw", member, {"note": "Al beantwoord in de commissie."})
    for action, username, data in written_path(world, member):
        if case.state == state:
            return case
        case = act(world, case, action, username, data)
    if case.state != state:
        raise ValueError(f"{state} is not on the written-question path")
    return case

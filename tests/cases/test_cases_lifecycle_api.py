# SPDX-License-Identifier: EUPL-1.2
"""Ambtelijke bijstand end to end through the API, under each preset (SECURITY.md; RULES.md "Ambtelijke bijstand").

At every step: the state, the actions each person is offered, and what each person sees — the
requester, the griffie, the routing officer, the assigned civil servant, their manager, the
college, another member, the functional administrator and someone of another municipality.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from raadsloket.api.tokens import issue
from raadsloket.assistance.models import Mediation
from raadsloket.cases.models import Assignment, Case

# Model-verordening: the secretaris appoints; Echt-Susteren: the kabinetschef (profile).
OFFICER = {"vng-model": "secretaris", "utrecht": "secretaris", "echt-susteren": "kabinetschef"}
NOT_OFFICER = {
    "vng-model": "kabinetschef",
    "utrecht": "kabinetschef",
    "echt-susteren": "secretaris",
}
# Utrecht: the college hears that a trajectory started (never its content).
COLLEGE_SEES_START = {"vng-model": False, "utrecht": True, "echt-susteren": False}

QUESTION = (
    "Kunt u mij helpen een amendement op te stellen dat het aandeel sociale huur in het "
    "woningbouwprogramma naar 35% brengt, met de financiële gevolgen?"
)
TITLE = "Amendement woningbouwprogramma"
ANSWER = "Conceptamendement met doorrekening: 35% sociale huur kost 1,2 mln per jaar."
KICKOFF_GOAL = "Een uitgewerkt conceptamendement met financiële onderbouwing."
STARTED = {
    "assigned",
    "kickoff_planned",
    "in_progress",
    "mediation",
    "delivered",
    "evaluated",
    "closed",
}
ANSWERED = {"delivered", "evaluated", "closed"}


class Desk:
    """The API as each named person uses it, with their own bearer token."""

    def __init__(self, client, *worlds):
        self.client = client
        self.people = {}
        for world in worlds:
            for person in world.people.values():
                self.people[person.username] = person
        self._tokens: dict[str, str] = {}

    def headers(self, username: str) -> dict:
        if username not in self._tokens:
            self._tokens[username] = issue(self.people[username])
        return {"HTTP_AUTHORIZATION": f"Bearer {self._tokens[username]}"}

    def create(self, username: str, status: int = 201, **fields) -> dict:
        body = {
            "title": TITLE,
            "question": QUESTION,
            "policy_area": "ruimtelijke_ontwikkeling",
            "background": "Voor de begrotingsbehandeling.",
            "submit": True,
            **fields,
        }
        response = self.client.post(
            "/api/v1/cases", body, content_type="application/json", **self.headers(username)
        )
        assert response.status_code == status, response.content
        return response.json()

    def get(self, username: str, case_id: int):
        return self.client.get(f"/api/v1/cases/{case_id}", **self.headers(username))

    def detail(self, username: str, case_id: int) -> dict:
        response = self.get(username, case_id)
        assert response.status_code == 200, (username, response.content)
        return response.json()

    def actions(self, username: str, case_id: int) -> list[str] | None:
        response = self.get(username, case_id)
        if response.status_code == 404:
            return None
        assert response.status_code == 200, response.content
        return [a["action"] for a in response.json()["available_actions"]]

    def act(
        self,
        username: str,
        case_id: int,
        action: str,
        data: dict | None = None,
        *,
        status: int = 200,
        version: int | None = None,
    ) -> dict:
        body = {"data": data or {}}
        if version is not None:
            body["version"] = version
        response = self.client.post(
            f"/api/v1/cases/{case_id}/actions/{action}",
            body,
            content_type="application/json",
            **self.headers(username),
        )
        assert response.status_code == status, (username, action, response.content)
        return response.json()

    def timeline(self, username: str, case_id: int) -> list[dict]:
        response = self.client.get(f"/api/v1/cases/{case_id}/timeline", **self.headers(username))
        assert response.status_code == 200, response.content
        return response.json()


def today():
    return timezone.localdate()


def kickoff_plan() -> dict:
    return {
        "planned_for": (timezone.now() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M"),
        "participants": "raadslid, ambtenaar, raadsadviseur",
    }


def kickoff_record() -> dict:
    return {
        "held_on": today().isoformat(),
        "participants": "raadslid, ambtenaar, raadsadviseur",
        "background": "Het raadslid wil een amendement voorbereiden.",
        "goal": KICKOFF_GOAL,
        "agreed_hours": 12,
        "due_date": (today() + timedelta(days=21)).isoformat(),
        "loyalty_concerns": "Geen: de ambtenaar werkt niet aan het collegevoorstel.",
        "member_acknowledged_rules": True,
        "civil_servant_acknowledged_rules": True,
    }


def assign_data(world, servant: str = "ambtenaar1", hours: int = 12) -> dict:
    return {"civil_servants": [world[servant].pk], "hours_estimate": hours}


def refuse_data(world) -> dict:
    return {
        "ground": world.municipality.policy.refusal_grounds[0].code,
        "reasoning": "Het verzoek gaat over de uitvoering door het college, niet over raadswerk.",
    }


def null(body: dict, *fields: str) -> None:
    shown = {name: body[name] for name in fields if body.get(name) is not None}
    assert not shown, f"should be hidden: {shown}"


def present(body: dict, *fields: str) -> None:
    missing = [name for name in fields if body.get(name) is None]
    assert not missing, f"should be shown: {missing}"


CONTENT = (
    "title",
    "question",
    "background",
    "requester",
    "answer",
    "kickoff",
    "evaluations",
    "refusal_reasoning",
)


def look(desk: Desk, case_id: int, usernames) -> dict[str, dict | None]:
    """One GET per person: their view of the case, or None where it does not exist for them."""
    views = {}
    for username in usernames:
        response = desk.get(username, case_id)
        assert response.status_code in (200, 404), response.content
        views[username] = response.json() if response.status_code == 200 else None
    return views


def actions_of(view: dict | None) -> list[str] | None:
    return None if view is None else [a["action"] for a in view["available_actions"]]


def check_step(
    desk: Desk, case_id: int, state: str, preset: str, actions: dict[str, list[str] | None]
) -> None:
    """What each person sees and may do at this point, as item 5 of the issue says."""
    officer, not_officer = OFFICER[preset], NOT_OFFICER[preset]
    people = [
        "raadslid1",
        "griffier",
        officer,
        not_officer,
        "ambtenaar1",
        "manager1",
        "wethouder1",
        "raadslid2",
        "beheerder",
        "u-griffier",
    ]
    views = look(desk, case_id, people)
    assert {name: actions_of(views[name]) for name in actions} == actions

    mine = views["raadslid1"]
    assert mine["state"] == state and mine["title"] == TITLE
    present(mine, "question", "requester", "policy_area")
    if state in ANSWERED:
        assert mine["answer"] == ANSWER
    else:
        null(mine, "answer")
    present(views["griffier"], "title", "question")

    if state not in {"submitted", "intake"}:
        seen = views[officer]
        present(seen, "title", "question", "routing_officer", "assignments")
        # The routing officer: never the startgesprek, the answer or the evaluations.
        null(seen, "kickoff", "answer", "evaluations", "hours", "files")
    else:
        assert views[officer] is None
    assert views[not_officer] is None

    if state in STARTED:
        servant = views["ambtenaar1"]
        present(servant, "title", "question", "requester")
        if state in ANSWERED:
            assert servant["answer"] == ANSWER
        boss = views["manager1"]
        # The manager: the hours claimed and the period, never subject or content.
        null(boss, *CONTENT, "policy_area", "mediations", "routing_officer")
        assert boss["assignments"] and boss["assigned_at"]
        assert all(entry["note"] is None for entry in boss["hours"])
    else:
        assert views["ambtenaar1"] is None and views["manager1"] is None

    college = views["wethouder1"]
    if COLLEGE_SEES_START[preset] and state in STARTED:
        assert college["policy_area"] == "ruimtelijke_ontwikkeling"
        null(college, *CONTENT, "assignments", "hours", "routing_officer")
    else:
        assert college is None

    # Another member: nothing of a confidential case (every preset: requester_only).
    assert views["raadslid2"] is None
    # Functional administrator: metadata only.
    admin = views["beheerder"]
    null(admin, *CONTENT, "assignments", "hours")
    assert admin["policy_area"] == "ruimtelijke_ontwikkeling"
    # Another municipality: nothing, ever.
    assert views["u-griffier"] is None


def check_actions(desk: Desk, case_id: int, expected: dict[str, list[str] | None]) -> None:
    seen = {username: desk.actions(username, case_id) for username in expected}
    assert seen == expected


@pytest.fixture
def desk(client, preset_world):
    return Desk(client, preset_world)


# The whole story once per preset on PostgreSQL too: every transition saves under a row lock
# (cases/transitions.py); the single steps below are the same saves, on SQLite only.
@pytest.mark.postgres
def test_full_lifecycle_under_each_preset(client, preset_world, other_world):
    world = preset_world
    desk = Desk(client, preset_world, other_world)
    preset = world.municipality.policy_preset
    officer, not_officer = OFFICER[preset], NOT_OFFICER[preset]

    body = desk.create("raadslid1")
    case_id = body["id"]
    assert body["state"] == "submitted"
    assert body["intake_due"] is not None
    check_step(
        desk,
        case_id,
        "submitted",
        preset,
        {
            "raadslid1": ["withdraw"],
            "griffier": ["accept", "convert", "close", "defer"],
            officer: None,
            "ambtenaar1": None,
        },
    )

    body = desk.act("griffier", case_id, "accept")
    assert body["state"] == "intake" and body["handler"] is not None
    check_step(
        desk,
        case_id,
        "intake",
        preset,
        {
            "raadslid1": ["withdraw"],
            "griffier": ["forward", "convert", "close", "defer"],
            officer: None,
        },
    )

    body = desk.act("griffier", case_id, "forward", {"note": "Graag een deskundige."})
    assert body["state"] == "forwarded" and body["decision_due"] is not None
    check_step(
        desk,
        case_id,
        "forwarded",
        preset,
        {
            "raadslid1": ["withdraw"],
            "griffier": ["defer"],
            officer: ["assign", "refuse"],
            not_officer: None,
            "ambtenaar1": None,
        },
    )

    # Only the profile's routing officer appoints; to the other one the case does not exist.
    desk.act(not_officer, case_id, "assign", assign_data(world), status=404)
    desk.act("griffier", case_id, "assign", assign_data(world), status=403)
    body = desk.act(officer, case_id, "assign", assign_data(world))
    assert body["state"] == "assigned" and body["delivery_due"] is not None
    assert body["assignments"][0]["hours_estimate"] == 12.0
    check_step(
        desk,
        case_id,
        "assigned",
        preset,
        {
            "raadslid1": ["withdraw"],
            "griffier": ["plan_kickoff"],
            officer: [],
            "ambtenaar1": [],
            "manager1": [],
        },
    )

    body = desk.act("raadsadviseur", case_id, "plan_kickoff", kickoff_plan())
    assert body["state"] == "kickoff_planned"
    assert body["kickoff"]["participants"].startswith("raadslid")
    check_step(
        desk,
        case_id,
        "kickoff_planned",
        preset,
        {"raadslid1": ["withdraw"], "griffier": ["record_kickoff"], "ambtenaar1": [], officer: []},
    )

    body = desk.act("raadsadviseur", case_id, "record_kickoff", kickoff_record())
    assert body["state"] == "in_progress"
    assert body["kickoff"]["goal"] == KICKOFF_GOAL
    assert desk.detail("ambtenaar1", case_id)["kickoff"]["goal"] == KICKOFF_GOAL
    check_step(
        desk,
        case_id,
        "in_progress",
        preset,
        {
            "raadslid1": ["request_mediation", "withdraw"],
            "griffier": ["deliver"],
            "ambtenaar1": ["log_hours", "request_mediation", "deliver"],
            officer: [],
        },
    )

    body = desk.act(
        "ambtenaar1",
        case_id,
        "log_hours",
        {"worked_on": today().isoformat(), "hours": 3.5, "note": "Cijfers verzameld."},
    )
    assert body["state"] == "in_progress"
    assert body["hours"] == [
        {
            "civil_servant": desk.people["ambtenaar1"].display_name,
            "worked_on": today().isoformat(),
            "hours": 3.5,
            "note": "Cijfers verzameld.",
            "id": body["hours"][0]["id"],
            "corrects": None,
            "reason": None,
        }
    ]
    assert [entry["hours"] for entry in desk.detail("manager1", case_id)["hours"]] == [3.5]
    # A correction is a new entry naming the one it corrects; the manager sees it as hours.
    logged = body["hours"][0]["id"]
    correction = {"entry": logged, "hours": -0.5, "reason": "Een half uur dubbel geschreven."}
    body = desk.act("ambtenaar1", case_id, "correct_hours", correction)
    assert [(e["hours"], e["corrects"]) for e in body["hours"]] == [(3.5, None), (-0.5, logged)]
    assert body["hours"][1]["reason"] == "Een half uur dubbel geschreven."
    boss = desk.detail("manager1", case_id)["hours"]
    assert [(e["hours"], e["reason"]) for e in boss] == [(3.5, None), (-0.5, None)]

    body = desk.act("ambtenaar1", case_id, "deliver", {"answer": ANSWER})
    assert body["state"] == "delivered" and body["answer"] == ANSWER
    check_step(desk, case_id, "delivered", preset, {officer: [], "manager1": []})
    for username in ("raadslid1", "ambtenaar1", "griffier"):
        assert "evaluate" in desk.actions(username, case_id)

    body = desk.act("raadslid1", case_id, "evaluate", {"score": 4, "remarks": "Snel."})
    assert body["state"] == "delivered"
    body = desk.act("ambtenaar1", case_id, "evaluate", {"score": 5, "remarks": "Heldere vraag."})
    assert body["state"] == "delivered"
    body = desk.act("griffier", case_id, "evaluate", {"score": 4})
    assert body["state"] == "evaluated"
    assert sorted(e["perspective"] for e in body["evaluations"]) == [
        "civil_servant",
        "griffie",
        "member",
    ]
    check_step(
        desk,
        case_id,
        "evaluated",
        preset,
        {"raadslid1": [], "griffier": ["close"], "ambtenaar1": ["correct_hours"], officer: []},
    )

    body = desk.act("griffier", case_id, "close", {"note": "Goed verlopen."})
    assert body["state"] == "closed"
    # The mayor no longer sees the case's dates; the griffie does.
    assert desk.detail("griffier", case_id)["closed_at"] is not None
    check_step(
        desk,
        case_id,
        "closed",
        preset,
        {"raadslid1": [], "griffier": [], "ambtenaar1": [], officer: []},
    )

    steps = [event["action"] for event in desk.timeline("raadslid1", case_id)]
    assert steps == [
        "create",
        "submit",
        "accept",
        "forward",
        "assign",
        "plan_kickoff",
        "record_kickoff",
        "log_hours",
        "correct_hours",
        "deliver",
        "evaluate",
        "evaluate",
        "evaluate",
        "close",
    ]
    # The manager's timeline holds only the hours; the routing officer's never the answer.
    assert {e["action"] for e in desk.timeline("manager1", case_id)} == {
        "log_hours",
        "correct_hours",
    }
    assert not {"deliver", "plan_kickoff", "record_kickoff", "evaluate"} & {
        e["action"] for e in desk.timeline(officer, case_id)
    }


def _to_forwarded(desk: Desk) -> int:
    case_id = desk.create("raadslid1")["id"]
    desk.act("griffier", case_id, "accept")
    desk.act("griffier", case_id, "forward")
    return case_id


def _to_in_progress(desk: Desk, world) -> int:
    case_id = _to_forwarded(desk)
    desk.act(OFFICER[world.municipality.policy_preset], case_id, "assign", assign_data(world))
    desk.act("griffier", case_id, "plan_kickoff", kickoff_plan())
    desk.act("griffier", case_id, "record_kickoff", kickoff_record())
    return case_id


def test_defer_and_resume_return_to_where_the_case_was(desk, preset_world):
    officer = OFFICER[preset_world.municipality.policy_preset]
    case_id = desk.create("raadslid1")["id"]
    desk.act("griffier", case_id, "accept")
    until = (today() + timedelta(days=14)).isoformat()
    body = desk.act(
        "griffier",
        case_id,
        "defer",
        {"until": until, "reason": "De afdeling werkt aan de begroting."},
    )
    assert body["state"] == "deferred"
    mine = desk.detail("raadslid1", case_id)
    assert mine["deferred_until"] == until
    assert mine["defer_reason"] == "De afdeling werkt aan de begroting."
    check_actions(desk, case_id, {"raadslid1": ["withdraw"], "griffier": ["resume"], officer: None})
    assert desk.act("griffier", case_id, "resume")["state"] == "intake"
    assert desk.detail("griffier", case_id)["deferred_until"] is None

    desk.act("griffier", case_id, "forward")
    assert (
        desk.act(
            "griffier", case_id, "defer", {"until": until, "reason": "Eerst de voorjaarsnota."}
        )["state"]
        == "deferred"
    )
    # The routing officer still sees the forwarded request, but cannot assign while it waits.
    assert desk.actions(officer, case_id) == []
    assert desk.act("griffier", case_id, "resume")["state"] == "forwarded"
    assert desk.actions(officer, case_id) == ["assign", "refuse"]


def test_convert_to_technical_question_and_back(desk, preset_world):
    case_id = desk.create("raadslid1")["id"]
    desk.act("griffier", case_id, "accept")
    body = desk.act("griffier", case_id, "convert", {"note": "Feitelijke informatie."})
    assert (body["instrument"], body["state"]) == ("technical_question", "intake")
    assert body["title"] == TITLE
    # The griffie answering itself comes first (model-verordening: as far as it can).
    assert desk.actions("griffier", case_id) == ["deliver", "forward", "convert", "close", "defer"]
    body = desk.act("griffier", case_id, "convert", {"note": "Toch uitwerking nodig."})
    assert (body["instrument"], body["state"]) == ("assistance", "intake")
    assert body["confidential"] is True
    assert desk.act("griffier", case_id, "forward")["state"] == "forwarded"
    assert [e["action"] for e in desk.timeline("raadslid1", case_id)][-3:] == [
        "convert",
        "convert",
        "forward",
    ]


# RULES.md "Disputes" and the presets' objection.decided_by.
DECIDED_BY = {"vng-model": "mayor", "utrecht": "mayor", "echt-susteren": "triangle"}


def driehoek_decides(desk, preset: str, case_id: int, data: dict) -> dict:
    """The driehoek's decision: the mayor's alone, or the three votes when they decide together."""
    voters = ["burgemeester"]
    if DECIDED_BY[preset] == "triangle":
        voters = ["griffier", "secretaris", "burgemeester"]
    for voter in voters:
        body = desk.act(voter, case_id, "mediate", data)
    return body


def test_refusal_objection_and_the_triangle_assigns(desk, preset_world):
    world = preset_world
    preset = world.municipality.policy_preset
    officer, not_officer = OFFICER[preset], NOT_OFFICER[preset]
    case_id = _to_forwarded(desk)

    body = desk.act(officer, case_id, "refuse", refuse_data(world))
    assert body["state"] == "refused"
    mine = desk.detail("raadslid1", case_id)
    assert mine["refusal_ground"] == refuse_data(world)["ground"]
    assert mine["refusal_reasoning"].startswith("Het verzoek gaat over")
    check_actions(
        desk,
        case_id,
        {
            "raadslid1": ["object", "close", "withdraw"],
            "griffier": ["close"],
            officer: [],
            "burgemeester": None,
        },
    )

    body = desk.act(
        "raadslid1",
        case_id,
        "object",
        {"reason": "Het gaat wel degelijk om een amendement op de begroting."},
    )
    assert body["state"] == "objected"
    assert body["objection"].startswith("Het gaat wel degelijk")
    # The mayor sees request and refusal reasoning only while the driehoek mediates.
    mayor = desk.detail("burgemeester", case_id)
    present(mayor, "title", "question", "refusal_reasoning", "objection")
    null(mayor, "answer", "kickoff", "evaluations")
    assert [a["action"] for a in mayor["available_actions"]] == ["mediate"]
    # RULES.md "Disputes": the mayor decides, unless the profile has the three vote together.
    votes = ["mediate"] if DECIDED_BY[preset] == "triangle" else []
    assert desk.actions("griffier", case_id) == votes
    # While the driehoek mediates the member may still withdraw (RULES.md: until delivery).
    assert desk.actions("raadslid1", case_id) == ["withdraw"]
    assert desk.get("wethouder1", case_id).status_code == 404
    if preset == "echt-susteren":
        # The kabinetschef routes; the secretaris sits in the driehoek.
        assert desk.actions("kabinetschef", case_id) == []
        assert desk.actions("secretaris", case_id) == votes
    else:
        assert desk.actions("secretaris", case_id) == votes
        assert desk.get(not_officer, case_id).status_code == 404

    body = driehoek_decides(
        desk,
        preset,
        case_id,
        {
            "outcome": "assign",
            "notes": "De driehoek ziet raadswerk: bijstand wordt verleend.",
            **assign_data(world, "ambtenaar2", 8),
        },
    )
    assert body["state"] == "assigned"
    assert Assignment.objects.filter(case_id=case_id, civil_servant=world["ambtenaar2"]).exists()
    mediation = Mediation.objects.get(case_id=case_id)
    assert (mediation.forum, mediation.outcome, mediation.decided_by) == (
        "triangle",
        "assign",
        world["burgemeester"],
    )
    assert desk.detail("ambtenaar2", case_id)["title"] == TITLE
    assert desk.actions("griffier", case_id) == ["plan_kickoff"]
    # Once mediation ends the mayor is college again: at most "a trajectory started".
    after = desk.get("burgemeester", case_id)
    if COLLEGE_SEES_START[preset]:
        assert after.status_code == 200
        null(after.json(), *CONTENT, "objection")
    else:
        assert after.status_code == 404


def test_mayor_who_mediates_gets_the_outcome_not_a_404(desk, preset_world):
    """The mayor decides in the driehoek; the API must not answer 'not found' to a done deed."""
    world = preset_world
    case_id = _to_forwarded(desk)
    desk.act(OFFICER[world.municipality.policy_preset], case_id, "refuse", refuse_data(world))
    desk.act("raadslid1", case_id, "object", {"reason": "Dit is wel degelijk raadswerk."})
    data = {
        "outcome": "assign",
        "notes": "De driehoek ziet raadswerk.",
        **assign_data(world, "ambtenaar2", 8),
    }
    if DECIDED_BY[world.municipality.policy_preset] == "triangle":
        # Deciding together: the mayor's is the last of the three votes.
        for voter in ("griffier", "secretaris"):
            desk.act(voter, case_id, "mediate", data)
    response = desk.client.post(
        f"/api/v1/cases/{case_id}/actions/mediate",
        {"data": data},
        content_type="application/json",
        **desk.headers("burgemeester"),
    )
    # The transition happened...
    assert Case.objects.get(pk=case_id).state == "assigned"
    assert Mediation.objects.get(case_id=case_id).decided_by == world["burgemeester"]
    # ...so the mayor is told so, not "Verzoek niet gevonden".
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "assigned"


def test_the_triangle_upholds_the_refusal(desk, preset_world):
    world = preset_world
    case_id = _to_forwarded(desk)
    desk.act(OFFICER[world.municipality.policy_preset], case_id, "refuse", refuse_data(world))
    desk.act("raadslid1", case_id, "object", {"reason": "Dit is wel degelijk raadswerk."})
    body = driehoek_decides(
        desk,
        world.municipality.policy_preset,
        case_id,
        {"outcome": "refusal_upheld", "notes": "De weigering is goed gemotiveerd."},
    )
    assert body["state"] == "closed"
    # The mayor no longer sees the case's dates; the griffie does.
    assert desk.detail("griffier", case_id)["closed_at"] is not None
    assert Mediation.objects.get(case_id=case_id).outcome == "refusal_upheld"
    assert not Assignment.objects.filter(case_id=case_id).exists()
    check_actions(desk, case_id, {"raadslid1": [], "griffier": []})


def test_mediation_by_the_griffie_during_the_work(desk, preset_world):
    case_id = _to_in_progress(desk, preset_world)
    body = desk.act(
        "ambtenaar1",
        case_id,
        "request_mediation",
        {"reason": "Het raadslid vraagt naar het standpunt van de wethouder."},
    )
    assert body["state"] == "mediation"
    check_actions(
        desk,
        case_id,
        {"raadslid1": ["withdraw"], "griffier": ["mediate"], "ambtenaar1": ["log_hours"]},
    )
    assert desk.detail("raadslid1", case_id)["mediations"][0]["forum"] == "griffie"
    null(desk.detail("manager1", case_id), "mediations", "title")
    routing = desk.detail(OFFICER[preset_world.municipality.policy_preset], case_id)
    assert not [m for m in routing["mediations"] or [] if m["forum"] == "griffie"]

    body = desk.act(
        "griffier",
        case_id,
        "mediate",
        {"notes": "Afgesproken: alleen feiten, geen standpunt van de wethouder."},
    )
    assert body["state"] == "in_progress"
    assert body["mediations"][0]["outcome"] == "resumed"
    assert (
        desk.act(
            "raadslid1",
            case_id,
            "request_mediation",
            {"reason": "De ambtenaar reageert niet meer."},
        )["state"]
        == "mediation"
    )


def test_withdraw_before_delivery_only(desk, preset_world):
    officer = OFFICER[preset_world.municipality.policy_preset]
    case_id = _to_forwarded(desk)
    body = desk.act("raadslid1", case_id, "withdraw", {"note": "Niet meer nodig."})
    assert body["state"] == "withdrawn" and body["closed_at"] is not None
    check_actions(desk, case_id, {"raadslid1": [], "griffier": [], officer: []})

    case_id = _to_in_progress(desk, preset_world)
    desk.act("ambtenaar1", case_id, "deliver", {"answer": ANSWER})
    body = desk.act("raadslid1", case_id, "withdraw", status=409)
    assert "opgeleverd" in body["detail"]
    # Only the requester withdraws.
    other = desk.create("raadslid1")["id"]
    desk.act("griffier", other, "withdraw", status=403)


def test_close_at_intake_with_advice_for_another_instrument(desk, preset_world):
    case_id = desk.create("raadslid1")["id"]
    desk.act("griffier", case_id, "accept")
    body = desk.act(
        "griffier", case_id, "close", {"advised_instrument": "written_question"}, status=422
    )
    assert "note" in body["errors"]
    body = desk.act(
        "griffier",
        case_id,
        "close",
        {
            "advised_instrument": "written_question",
            "note": "U vraagt naar de verklaring van het college: stel schriftelijke vragen.",
        },
    )
    assert body["state"] == "closed"
    mine = desk.detail("raadslid1", case_id)
    assert mine["advised_instrument"] == "written_question"
    advice = desk.timeline("raadslid1", case_id)[-1]["detail"]
    assert "schriftelijke vragen" in advice


def test_utrecht_requires_evaluation_before_close(desk, preset_world):
    preset = preset_world.municipality.policy_preset
    case_id = _to_in_progress(desk, preset_world)
    desk.act("ambtenaar1", case_id, "deliver", {"answer": ANSWER})
    before = Case.objects.get(pk=case_id).version
    if preset == "utrecht":
        body = desk.act("griffier", case_id, "close", {"note": ""}, status=409)
        assert "evaluatie" in body["detail"] and "verordening" in body["detail"]
        assert Case.objects.get(pk=case_id).version == before
    else:
        assert desk.act("griffier", case_id, "close", {"note": ""})["state"] == "closed"


def test_college_is_told_only_that_a_trajectory_started(desk, preset_world):
    preset = preset_world.municipality.policy_preset
    case_id = _to_forwarded(desk)
    assert desk.get("wethouder1", case_id).status_code == 404
    desk.act(OFFICER[preset], case_id, "assign", assign_data(preset_world))
    response = desk.get("wethouder1", case_id)
    listed = desk.client.get("/api/v1/cases", **desk.headers("wethouder1")).json()["items"]
    if preset == "utrecht":
        assert response.status_code == 200
        body = response.json()
        assert body["policy_area"] == "ruimtelijke_ontwikkeling"
        assert body["assigned_at"] is not None
        null(body, *CONTENT, "assignments", "routing_officer", "hours_estimate")
        assert [item["id"] for item in listed] == [case_id]
        assert listed[0]["title"] is None
        assert desk.actions("wethouder1", case_id) == []
    else:
        assert response.status_code == 404
        assert listed == []
    assert TITLE.encode() not in response.content


def test_capacity_above_the_threshold_needs_confirmation(desk, preset_world):
    world = preset_world
    officer = OFFICER[world.municipality.policy_preset]
    threshold = world.municipality.policy.routing.capacity_confirmation_hours
    case_id = _to_forwarded(desk)
    body = desk.act(officer, case_id, "assign", assign_data(world, hours=threshold + 1), status=422)
    assert list(body["errors"]) == ["capacity_confirmed"]
    assert "capaciteit" in body["errors"]["capacity_confirmed"][0]
    assert not Assignment.objects.filter(case_id=case_id).exists()
    assert Case.objects.get(pk=case_id).state == "forwarded"
    # At the threshold itself no confirmation is asked.
    other = _to_forwarded(desk)
    assert (
        desk.act(officer, other, "assign", assign_data(world, hours=threshold))["state"]
        == "assigned"
    )
    body = desk.act(
        officer,
        case_id,
        "assign",
        {**assign_data(world, hours=threshold + 1), "capacity_confirmed": True},
    )
    assert body["state"] == "assigned"
    assert Case.objects.get(pk=case_id).capacity_confirmed is True


def test_technical_question_answered_by_the_griffie(desk, preset_world):
    body = desk.create(
        "raadslid1", instrument="technical_question", title="Aantal laadpalen per wijk"
    )
    case_id = body["id"]
    assert body["confidential"] is False
    desk.act("griffier", case_id, "accept")
    assert desk.get("raadslid2", case_id).status_code == 404
    body = desk.act("griffier", case_id, "deliver", {"answer": "Er staan 214 laadpalen."})
    assert body["state"] == "delivered"
    # A public technical question: every member sees question and answer, not evaluations.
    other = desk.detail("raadslid2", case_id)
    assert other["answer"] == "Er staan 214 laadpalen."
    null(other, "evaluations", "kickoff", "routing_officer")
    assert desk.get("wethouder1", case_id).status_code == 404
    assert desk.actions("raadslid1", case_id) == ["close"]
    assert desk.act("raadslid1", case_id, "close")["state"] == "closed"


def test_technical_question_answered_by_an_appointed_civil_servant(desk, preset_world):
    world = preset_world
    officer = OFFICER[world.municipality.policy_preset]
    case_id = desk.create(
        "raadslid1",
        instrument="technical_question",
        confidential=True,
        title="Meldingen overlast station",
    )["id"]
    desk.act("griffier", case_id, "accept")
    desk.act("griffier", case_id, "forward", {"note": "Graag iemand van Veiligheid."})
    assert desk.actions(officer, case_id) == ["assign"]
    body = desk.act(officer, case_id, "assign", assign_data(world, hours=2))
    assert body["state"] == "assigned" and body["delivery_due"] is not None
    assert desk.actions("ambtenaar1", case_id) == ["deliver"]
    body = desk.act("ambtenaar1", case_id, "deliver", {"answer": "In 2025: 312 meldingen."})
    assert body["state"] == "delivered"
    # Confidential on request: other members and the college see nothing.
    assert desk.get("raadslid2", case_id).status_code == 404
    assert desk.get("wethouder1", case_id).status_code == 404
    assert desk.detail(officer, case_id)["answer"] is None
    assert desk.act("griffier", case_id, "close")["state"] == "closed"


def test_offered_actions_leave_out_what_the_guard_refuses(desk, preset_world):
    """A case page shows only the actions this user may take."""
    preset = preset_world.municipality.policy_preset
    case_id = _to_in_progress(desk, preset_world)
    desk.act("ambtenaar1", case_id, "deliver", {"answer": ANSWER})
    desk.act("raadslid1", case_id, "evaluate", {"score": 4})
    # Evaluated once: the member is not offered a second evaluation that would be refused.
    assert desk.actions("raadslid1", case_id) == []
    expected = ["evaluate"] if preset == "utrecht" else ["evaluate", "close"]
    assert desk.actions("griffier", case_id) == expected


def test_college_never_hears_of_a_request_that_did_not_start(desk, preset_world):
    """Utrecht: the college is told that a trajectory started — not of refused or advised-away
    requests, which never became one (SECURITY.md, the bubble)."""
    world = preset_world
    advised = desk.create("raadslid1")["id"]
    desk.act("griffier", advised, "accept")
    desk.act(
        "griffier",
        advised,
        "close",
        {"advised_instrument": "written_question", "note": "Stel schriftelijke vragen."},
    )
    refused = _to_forwarded(desk)
    desk.act(OFFICER[world.municipality.policy_preset], refused, "refuse", refuse_data(world))
    desk.act("griffier", refused, "close", {"note": "Weigering geaccepteerd."})
    assert Case.objects.get(pk=refused).state == "closed"
    for case_id in (advised, refused):
        assert desk.get("wethouder1", case_id).status_code == 404
        assert desk.get("manager1", case_id).status_code == 404
    listed = desk.client.get("/api/v1/cases", **desk.headers("wethouder1")).json()["items"]
    assert listed == []

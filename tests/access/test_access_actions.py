# SPDX-License-Identifier: EUPL-1.2
"""Who may act in which state of ambtelijke bijstand, and what the others are told.

The expected actions are the transition tables of RULES.md restated per state and relation; the refusals follow
item 5: an invisible case is 404 (CaseNotFound), a visible case with a forbidden action 403
(ActionForbidden), an action of the wrong state 409 (ActionNotAvailable).
"""

import pytest

from raadsloket.access.cases import CaseNotFound, relation_names, sections
from raadsloket.access.viewer import viewer_for
from raadsloket.assistance.models import HoursEntry
from raadsloket.cases import workflow
from raadsloket.cases.errors import ActionForbidden, ActionNotAvailable
from raadsloket.cases.transitions import perform
from tests.support.scenarios import PROFILES, STATES, Scenario, routing_username

pytestmark = pytest.mark.django_db

# RULES.md: per state, who (by relation to the case) may do what.
EXPECTED_ACTIONS = {
    "draft": {"requester": {"submit", "withdraw"}},
    "submitted": {"requester": {"withdraw"}, "griffie": {"accept", "defer", "convert", "close"}},
    "intake": {"requester": {"withdraw"}, "griffie": {"defer", "convert", "close", "forward"}},
    "deferred": {"requester": {"withdraw"}, "griffie": {"resume"}},
    "forwarded": {
        "requester": {"withdraw"},
        "griffie": {"defer"},
        "routing officer": {"assign", "refuse"},
    },
    "assigned": {"requester": {"withdraw"}, "griffie": {"plan_kickoff"}},
    "refused": {"requester": {"object", "close", "withdraw"}, "griffie": {"close"}},
    "objected": {"requester": {"withdraw"}, "triangle": {"mediate"}},
    "kickoff_planned": {"requester": {"withdraw"}, "griffie": {"record_kickoff"}},
    "in_progress": {
        "requester": {"withdraw", "request_mediation"},
        "griffie": {"deliver"},
        "assignee": {"log_hours", "correct_hours", "request_mediation", "deliver"},
    },
    "mediation": {
        "requester": {"withdraw"},
        "griffie": {"mediate"},
        "assignee": {"log_hours", "correct_hours"},
    },
    # Logged hours are corrected, never edited, until the case closes.
    "delivered": {
        "requester": {"evaluate"},
        "griffie": {"evaluate", "close"},
        "assignee": {"evaluate", "correct_hours"},
    },
    "evaluated": {"griffie": {"close"}, "assignee": {"correct_hours"}},
    "closed": {},
    "withdrawn": {},
}

# Named people: the relation(s) each holds to every matrix case.
PEOPLE = {
    "raadslid1": {"requester"},  # the member the case is for
    "raadslid2": {"requester"},  # co-requester
    "fractiemedewerker1": {"requester"},  # filed it for raadslid1
    # The griffier sits in the driehoek; whether that gives a vote is the profile's (below).
    "griffier": {"griffie"},
    "raadsadviseur": {"griffie"},
    "ambtenaar1": {"assignee"},  # from assignment on
    "burgemeester": {"triangle"},
    "raadslid7": set(),
    "ambtenaar2": set(),
    "manager1": set(),
    "wethouder1": set(),
    "beheerder": set(),
}


# RULES.md "Disputes": the mayor decides alone by default; a profile may have the driehoek of
# griffier, secretaris and burgemeester decide together.
DECIDED_BY = {"vng-model": "mayor", "utrecht": "mayor", "echt-susteren": "triangle"}


def relations_of(username: str, scenario: Scenario) -> set[str]:
    rel = set(PEOPLE.get(username, set()))
    if username == "ambtenaar1" and scenario.state not in {
        "assigned",
        "kickoff_planned",
        "in_progress",
        "mediation",
        "delivered",
        "evaluated",
        "closed",
    }:
        rel.discard("assignee")
    if username == routing_username(scenario.profile) and scenario.state in {
        "forwarded",
        "assigned",
        "refused",
        "objected",
        "kickoff_planned",
        "in_progress",
        "mediation",
        "delivered",
        "evaluated",
        "closed",
    }:
        rel.add("routing officer")
    if username in ("griffier", "secretaris") and DECIDED_BY[scenario.profile] == "triangle":
        # The three decide the objection together, each with a vote (profile objection).
        rel.add("triangle")
    return rel


def expected_actions(username: str, scenario: Scenario) -> set[str]:
    table = EXPECTED_ACTIONS[scenario.state]
    return set().union(*(table.get(rel, set()) for rel in relations_of(username, scenario)))


def confidential(bubble, profile: str, state: str) -> Scenario:
    return next(
        s
        for s in bubble.scenarios
        if (s.profile, s.confidentiality, s.state) == (profile, "confidential", state)
    )


def everyone(profile: str) -> list[str]:
    return [*PEOPLE, "secretaris", "kabinetschef"]


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("state", STATES)
def test_each_person_is_offered_exactly_the_actions_of_their_relation_in_this_state(
    small_bubble, profile, state
):
    scenario = confidential(small_bubble, profile, state)
    case = scenario.world.municipality.cases.get(pk=scenario.case_id)
    problems = []
    for username in everyone(profile):
        viewer = viewer_for(scenario.world[username])
        if not sections(viewer, case):
            continue  # invisible: no actions at all (checked below, as 404)
        offered = {
            row.action
            for row in workflow.available(case.instrument, case.state, relation_names(viewer, case))
        }
        if offered != expected_actions(username, scenario):
            problems.append(
                f"{username} is offered {sorted(offered)} in state '{state}' "
                f"({profile}), expected {sorted(expected_actions(username, scenario))}"
            )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("profile", PROFILES)
@pytest.mark.parametrize("state", STATES)
def test_the_api_offers_the_same_actions_minus_those_a_guard_refuses(
    small_bubble, client, profile, state
):
    scenario = confidential(small_bubble, profile, state)
    problems = []
    for username in everyone(profile):
        person = scenario.world[username]
        response = client.get(f"/api/v1/cases/{scenario.case_id}", **small_bubble.api(person))
        if response.status_code == 404:
            continue
        offered = {a["action"] for a in response.json()["available_actions"]}
        expected = expected_actions(username, scenario)
        if state == "delivered" and profile == "utrecht":
            # Utrecht requires the evaluation before the griffie closes (guard).
            expected.discard("close")
        if (
            state == "delivered"
            and relations_of(username, scenario) == {"requester"}
            and username != "raadslid1"
        ):
            # The member's evaluation is the requester's own, not a co-requester's (guard).
            expected.discard("evaluate")
        if not HoursEntry.objects.filter(case_id=scenario.case_id, civil_servant=person).exists():
            # Only hours one has logged can be corrected (guard).
            expected.discard("correct_hours")
        if offered != expected:
            problems.append(
                f"API offers {username} {sorted(offered)} in state '{state}' "
                f"({profile}), expected {sorted(expected)}"
            )
    assert not problems, "\n".join(problems)


# --- refusals: 404 for the invisible, 403 for the forbidden, 409 for the wrong state -------


OUTSIDERS_OF_THE_IN_PROGRESS_CASE = [
    "raadslid7",
    "ambtenaar2",
    "manager2",
    "kabinetschef",
    "wethouder1",
    "burgemeester",
    "commissielid1",
]


@pytest.mark.parametrize("username", OUTSIDERS_OF_THE_IN_PROGRESS_CASE)
def test_someone_outside_the_bubble_cannot_act_and_learns_nothing(small_bubble, client, username):
    scenario = confidential(small_bubble, "vng-model", "in_progress")
    person = scenario.world[username]
    with pytest.raises(CaseNotFound):
        perform(person, scenario.case_id, "deliver", {"answer": "Ingevuld door een buitenstaander"})
    response = client.post(
        f"/api/v1/cases/{scenario.case_id}/actions/deliver",
        {"data": {"answer": "Ingevuld door een buitenstaander"}},
        content_type="application/json",
        **small_bubble.api(person),
    )
    assert response.status_code == 404
    assert scenario.marker("TITEL") not in response.content.decode()


@pytest.mark.parametrize("profile", PROFILES)
def test_a_person_of_another_municipality_gets_404_for_every_action(small_bubble, client, profile):
    stranger = small_bubble.other["griffier"]
    for state in ("submitted", "forwarded", "in_progress", "delivered"):
        scenario = confidential(small_bubble, profile, state)
        for action in workflow.ACTIONS:
            with pytest.raises(CaseNotFound):
                perform(stranger, scenario.case_id, action, {})
        response = client.post(
            f"/api/v1/cases/{scenario.case_id}/actions/accept",
            {"data": {}},
            content_type="application/json",
            **small_bubble.api(stranger),
        )
        assert response.status_code == 404


# (state, username, action): the person sees the case, but this action is not theirs.
FORBIDDEN = [
    ("forwarded", "secretaris", "deliver"),  # routing officer answers nothing
    ("forwarded", "secretaris", "plan_kickoff"),
    ("in_progress", "manager1", "log_hours"),  # the manager sees hours, logs none
    ("in_progress", "beheerder", "deliver"),  # metadata only
    ("submitted", "beheerder", "accept"),
    ("objected", "burgemeester", "assign"),  # the mayor mediates, does not assign
    ("submitted", "raadslid1", "accept"),  # the requester does not do the intake
    ("in_progress", "raadslid1", "deliver"),
    ("in_progress", "ambtenaar1", "record_kickoff"),
    ("in_progress", "raadslid1", "log_hours"),  # hours are the civil servant's
    ("delivered", "manager1", "correct_hours"),  # the manager sees corrections, makes none
    ("delivered", "griffier", "correct_hours"),
]


@pytest.mark.parametrize(("state", "username", "action"), FORBIDDEN)
def test_a_visible_case_with_a_forbidden_action_answers_403(
    small_bubble, client, state, username, action
):
    scenario = confidential(small_bubble, "vng-model", state)
    person = scenario.world[username]
    with pytest.raises(ActionForbidden):
        perform(person, scenario.case_id, action, {})
    response = client.post(
        f"/api/v1/cases/{scenario.case_id}/actions/{action}",
        {"data": {}},
        content_type="application/json",
        **small_bubble.api(person),
    )
    assert response.status_code == 403, response.content
    assert scenario.world.municipality.cases.get(pk=scenario.case_id).state == state


# (state, username, action): theirs to do, but not in this state.
WRONG_STATE = [
    ("submitted", "griffier", "forward"),
    ("intake", "griffier", "plan_kickoff"),
    ("forwarded", "raadslid1", "object"),
    ("assigned", "ambtenaar1", "deliver"),
    ("delivered", "raadslid1", "withdraw"),
    ("closed", "griffier", "close"),
    ("in_progress", "griffier", "accept"),
    ("refused", "secretaris", "assign"),
]


@pytest.mark.parametrize(("state", "username", "action"), WRONG_STATE)
def test_an_action_of_another_state_answers_409(small_bubble, client, state, username, action):
    scenario = confidential(small_bubble, "vng-model", state)
    person = scenario.world[username]
    with pytest.raises(ActionNotAvailable):
        perform(person, scenario.case_id, action, {})
    response = client.post(
        f"/api/v1/cases/{scenario.case_id}/actions/{action}",
        {"data": {}},
        content_type="application/json",
        **small_bubble.api(person),
    )
    assert response.status_code == 409, response.content
    assert scenario.world.municipality.cases.get(pk=scenario.case_id).state == state


def test_the_routing_officer_can_assign_only_after_forwarding(small_bubble, client):
    before = confidential(small_bubble, "vng-model", "intake")
    after = confidential(small_bubble, "vng-model", "forwarded")
    secretary = before.world["secretaris"]
    data = {"civil_servants": [before.world["ambtenaar3"].pk], "hours_estimate": "8"}
    with pytest.raises(CaseNotFound):
        perform(secretary, before.case_id, "assign", data)
    response = client.post(
        f"/api/v1/cases/{after.case_id}/actions/assign",
        {"data": data},
        content_type="application/json",
        **small_bubble.api(secretary),
    )
    assert response.status_code == 200, response.content
    assert response.json()["state"] == "assigned"


def test_the_kabinetschef_routes_under_echt_susteren_and_the_secretary_does_not(small_bubble):
    scenario = confidential(small_bubble, "echt-susteren", "forwarded")
    data = {"civil_servants": [scenario.world["ambtenaar3"].pk], "hours_estimate": "8"}
    with pytest.raises(CaseNotFound):
        perform(scenario.world["secretaris"], scenario.case_id, "assign", data)
    case = perform(scenario.world["kabinetschef"], scenario.case_id, "assign", data)
    assert case.state == "assigned"


def test_the_mayor_can_mediate_in_the_triangle_and_then_loses_sight_of_the_case(small_bubble):
    scenario = confidential(small_bubble, "vng-model", "objected")
    mayor = scenario.world["burgemeester"]
    case = perform(
        mayor,
        scenario.case_id,
        "mediate",
        {"outcome": "refusal_upheld", "notes": "De driehoek handhaaft de weigering."},
    )
    assert case.state == "closed"
    with pytest.raises(CaseNotFound):
        perform(mayor, scenario.case_id, "close", {})


def test_the_assigned_servant_delivers_and_the_fractie_member_only_reads_the_shared_answer(
    small_bubble, client
):
    scenario = confidential(small_bubble, "vng-model", "in_progress")
    servant = scenario.world["ambtenaar1"]
    response = client.post(
        f"/api/v1/cases/{scenario.case_id}/actions/deliver",
        {"data": {"answer": "Het antwoord van de ambtenaar."}},
        content_type="application/json",
        **small_bubble.api(servant),
    )
    assert response.status_code == 200, response.content
    outsider = scenario.world["raadslid7"]
    assert (
        client.get(f"/api/v1/cases/{scenario.case_id}", **small_bubble.api(outsider)).status_code
        == 404
    )

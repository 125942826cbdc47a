# SPDX-License-Identifier: EUPL-1.2
"""List and detail always agree (SECURITY.md, the bubble), whatever happened to the cases.

Hypothesis plays random sequences of valid actions, by whoever may take them, on a few cases
(assistance and technical questions, some converted, some secret), then asks random readers:
- a case is in `visible_cases(viewer)` exactly when `sections(viewer, case)` is not empty;
- the ids in the API list are exactly the ids whose API detail answers 200.
"""

import contextlib
from datetime import timedelta

import pytest
from django.utils import timezone
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from raadsloket.access.cases import relation_names, sections, visible_cases
from raadsloket.access.viewer import viewer_for
from raadsloket.api.tokens import issue
from raadsloket.cases import workflow
from raadsloket.cases.errors import GuardFailed
from raadsloket.cases.models import Case
from raadsloket.cases.services import create_case
from raadsloket.cases.transitions import perform
from tests.support.examples import examples

pytestmark = pytest.mark.django_db

ACTORS = [
    "raadslid1",
    "griffier",
    "secretaris",
    "kabinetschef",
    "burgemeester",
    "ambtenaar1",
    "ambtenaar7",
]
READERS = ACTORS + [
    "raadslid2",
    "fractiemedewerker1",
    "raadsadviseur",
    "raadslid7",
    "commissielid1",
    "ambtenaar2",
    "manager1",
    "manager2",
    "wethouder1",
    "beheerder",
]


def action_data(world, case: Case, action: str, rnd) -> dict:
    """Valid input for each action (the forms' rules), with a few random choices."""
    today = timezone.localdate()
    servant = world[rnd.choice(["ambtenaar1", "ambtenaar7"])].pk
    return {
        "defer": {
            "until": (today + timedelta(days=10)).isoformat(),
            "reason": "De afdeling is even te druk.",
        },
        "forward": {"note": ""},
        "convert": {"note": "Past beter als ander instrument."},
        "assign": {"civil_servants": [servant], "hours_estimate": "6"},
        "refuse": {
            "ground": world.municipality.policy.refusal_grounds[0].code,
            "reasoning": "Dit gaat over de uitvoering door het college.",
        },
        "object": {"reason": "Het gaat wel om raadswerk."},
        "mediate": (
            {
                "outcome": rnd.choice(["assign", "refusal_upheld"]),
                "notes": "De driehoek heeft besloten.",
                "civil_servants": [servant],
                "hours_estimate": "6",
            }
            if case.state == "objected"
            else {"notes": "Nieuwe afspraken gemaakt."}
        ),
        "plan_kickoff": {
            "planned_for": (timezone.now() + timedelta(days=1)).strftime("%Y-%m-%dT%H:%M"),
            "participants": "raadslid, ambtenaar",
        },
        "record_kickoff": {
            "held_on": today.isoformat(),
            "participants": "raadslid, ambtenaar",
            "background": "Voor een amendement.",
            "goal": "Een concept.",
            "agreed_hours": "6",
            "due_date": (today + timedelta(days=7)).isoformat(),
            "member_acknowledged_rules": "on",
            "civil_servant_acknowledged_rules": "on",
        },
        "log_hours": {"worked_on": today.isoformat(), "hours": "2"},
        "deliver": {"answer": "Het antwoord.", "secret": rnd.random() < 0.3},
        "evaluate": {"score": "4", "remarks": ""},
        "close": {"note": "Afgesloten met advies."},
        "withdraw": {"note": ""},
        "request_mediation": {"reason": "Er is onenigheid over de opdracht."},
    }.get(action, {})


def options(world, case: Case) -> list[tuple[str, str]]:
    """(username, action) pairs that person may take on this case now."""
    found = []
    for username in ACTORS:
        viewer = viewer_for(world[username])
        if not sections(viewer, case):
            continue
        rows = workflow.available(case.instrument, case.state, relation_names(viewer, case))
        found += [(username, row.action) for row in rows]
    return sorted(set(found))


def new_cases(world, rnd) -> list[Case]:
    cases = []
    for number in range(rnd.randint(1, 3)):
        instrument = rnd.choice(["assistance", "assistance", "technical_question"])
        filer = rnd.choice(["raadslid1", "fractiemedewerker1"])
        data = {
            "instrument": instrument,
            "title": f"Vraag {number}",
            "question": "Hoeveel kost het onderhoud van de fietspaden?",
            "policy_area": "mobiliteit",
            "confidential": rnd.random() < 0.5,
            "co_requesters": [world["raadslid2"].pk] if rnd.random() < 0.5 else [],
        }
        if filer == "fractiemedewerker1":
            data["on_behalf_of"] = world["raadslid1"].pk
        cases.append(create_case(world[filer], data))
    return cases


def play(world, cases: list[Case], rnd) -> None:
    for _ in range(rnd.randint(0, 12 * len(cases))):
        case = Case.objects.get(pk=rnd.choice([c.pk for c in cases]))
        choices = options(world, case)
        if not choices:
            continue
        # Mostly move the case on: withdrawing or closing early would end most games at once.
        onward = [c for c in choices if c[1] not in {"withdraw", "close", "convert"}]
        if onward and rnd.random() < 0.9:
            choices = onward
        username, action = rnd.choice(choices)
        # A guard may refuse: e.g. a second evaluation, or closing before Utrecht's evaluation.
        with contextlib.suppress(GuardFailed):
            perform(world[username], case.pk, action, action_data(world, case, action, rnd))


@pytest.fixture
def open_world(preset_world):
    """Fractie employees may file for a member; answers shared with every member or not."""
    return preset_world


@settings(
    max_examples=examples(6),
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=st.data())
def test_list_and_detail_agree_after_any_sequence_of_actions(client, open_world, data):
    world = open_world
    municipality = world.municipality
    municipality.policy_overrides = {
        "requesters": {"fractie_employee": True},
        "openness": {"answers": data.draw(st.sampled_from(["requester_only", "every_member"]))},
    }
    municipality.save()
    for person in world.people.values():
        person.municipality = municipality
        if hasattr(person, "_raadsloket_viewer"):
            delattr(person, "_raadsloket_viewer")
    # One drawn seed drives the game: uniform choices reach the late states too.
    rnd = data.draw(st.randoms(use_true_random=False), label="game")
    cases = new_cases(world, rnd)
    play(world, cases, rnd)
    for case in Case.objects.filter(pk__in=[c.pk for c in cases]):
        event(f"{case.instrument}: {case.state}")

    all_ids = set(Case.objects.filter(municipality=municipality).values_list("pk", flat=True))
    for username in data.draw(
        st.lists(st.sampled_from(READERS), min_size=2, max_size=5, unique=True)
    ):
        person = world[username]
        viewer = viewer_for(person)
        listed = set(visible_cases(viewer).values_list("pk", flat=True))
        with_sections = {pk for pk in all_ids if sections(viewer, Case.objects.get(pk=pk))}
        assert listed == with_sections, (username, listed ^ with_sections)

        auth = {"HTTP_AUTHORIZATION": f"Bearer {issue(person)}"}
        api_list = client.get("/api/v1/cases?limit=100", **auth)
        assert api_list.status_code == 200
        api_ids = {item["id"] for item in api_list.json()["items"]}
        detail_ids = {
            pk for pk in all_ids if client.get(f"/api/v1/cases/{pk}", **auth).status_code == 200
        }
        assert api_ids == detail_ids == with_sections, (username, api_ids, detail_ids)

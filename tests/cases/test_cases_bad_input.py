# SPDX-License-Identifier: EUPL-1.2
"""Bad input for every action and for a new request, through the API and through `perform`.

Each refusal must give the right status, a Dutch message, name the bad field — and write
nothing: no state or version change, no timeline or audit event, no rows of the side tables.
"""

import json
from datetime import timedelta

import pytest
from django.db import transaction
from django.forms.models import model_to_dict
from django.utils import timezone

from raadsloket.access.cases import CaseNotFound
from raadsloket.api.tokens import issue
from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff, Mediation
from raadsloket.audit.models import AuditEvent
from raadsloket.cases import workflow
from raadsloket.cases.models import Assignment, Case, CaseFile, TimelineEvent
from raadsloket.cases.services import create_case
from raadsloket.cases.transitions import perform
from raadsloket.cases.workflow import ACTIONS
from raadsloket.demo.lifecycle import new_case, run_to
from raadsloket.demo.people import build_municipality
from raadsloket.lib.errors import DomainError

ENGLISH = (
    "this field",
    "enter a",
    "select a valid",
    "ensure this",
    "required",
    "invalid",
    "must be",
    "not a valid",
    "value",
)


def dutch(text: str) -> bool:
    lowered = text.lower()
    return bool(text.strip()) and not any(word in lowered for word in ENGLISH)


def today():
    return timezone.localdate()


def days(n: int) -> str:
    return (today() + timedelta(days=n)).isoformat()


def snapshot(case_id: int | None = None) -> dict:
    """Everything a failed action could have written."""
    state = {
        "cases": Case.objects.count(),
        "timeline": TimelineEvent.objects.count(),
        "audit": AuditEvent.objects.count(),
        "assignments": Assignment.objects.count(),
        "mediations": list(Mediation.objects.values_list("pk", "outcome", "notes")),
        "kickoffs": list(Kickoff.objects.values()),
        "hours": HoursEntry.objects.count(),
        "evaluations": Evaluation.objects.count(),
        "files": CaseFile.objects.count(),
    }
    if case_id is not None:
        case = Case.objects.get(pk=case_id)
        state["case"] = {k: v for k, v in model_to_dict(case).items() if k != "co_requesters"}
    return state


class Api:
    def __init__(self, client, *worlds):
        self.client = client
        self.people = {p.username: p for w in worlds for p in w.people.values()}
        self.tokens = {}

    def headers(self, username):
        if username not in self.tokens:
            self.tokens[username] = issue(self.people[username])
        return {"HTTP_AUTHORIZATION": f"Bearer {self.tokens[username]}"}

    def post(self, url, body, username):
        return self.client.post(
            url, body, content_type="application/json", **self.headers(username)
        )


def attempt(call, case_id=None):
    """Run `call` in a savepoint, compare what it wrote, then roll it back whatever happened."""
    with transaction.atomic():
        before = snapshot(case_id)
        outcome = call()
        after = snapshot(case_id)
        transaction.set_rollback(True)
    return outcome, before == after


def by_perform(person, case_id, action, data, **kwargs):
    def call():
        try:
            perform(person, case_id, action, data, **kwargs)
        except DomainError as exc:
            return exc.status, exc.message, exc.errors
        except CaseNotFound:
            return 404, "Verzoek niet gevonden.", {}
        except Exception as exc:  # noqa: BLE001 - a crash is a finding, not a test error
            return f"crash {type(exc).__name__}: {exc}", "", {}
        return 200, "", {}

    return call


def by_api(api, case_id, action, username, body):
    def call():
        response = api.post(f"/api/v1/cases/{case_id}/actions/{action}", body, username)
        payload = response.json() if response["Content-Type"].startswith("application/json") else {}
        return response.status_code, payload.get("detail", ""), payload.get("errors", {})

    return call


def check(problems, label, outcome, unchanged, status, field=None):
    code, message, errors = outcome
    if code != status:
        problems.append(f"{label}: status {code}, expected {status} ({message} {errors})")
        return
    if not unchanged:
        problems.append(f"{label}: something was written")
    if not dutch(message):
        problems.append(f"{label}: message not Dutch: {message!r}")
    if field is not None:
        if field not in errors:
            problems.append(f"{label}: field {field!r} not named in {errors}")
        elif not all(dutch(m) for m in errors[field]):
            problems.append(f"{label}: {field} message not Dutch: {errors[field]}")


OFFICER = "secretaris"
A_LIST = ["eerste deel van de tekst", "tweede deel van de tekst"]
CORRECTED = "Een uur te veel geschreven."


def bad_inputs(world, other_world):
    """action → (state to reach, actor, [(label, data, field)])."""
    servant = world["ambtenaar1"].pk
    foreign = other_world["ambtenaar1"].pk
    threshold = world.municipality.policy.routing.capacity_confirmation_hours
    good_defer = {"until": days(14), "reason": "De afdeling werkt aan de begroting."}
    good_kickoff = {
        "held_on": today().isoformat(),
        "participants": "raadslid, ambtenaar",
        "background": "Voor een amendement.",
        "goal": "Een conceptamendement.",
        "agreed_hours": 10,
        "due_date": days(21),
        "member_acknowledged_rules": True,
        "civil_servant_acknowledged_rules": True,
    }
    return {
        "defer": (
            "intake",
            "griffier",
            [
                ("empty", {}, "until"),
                ("date in the past", {**good_defer, "until": days(-1)}, "until"),
                ("today", {**good_defer, "until": days(0)}, "until"),
                ("over a year", {**good_defer, "until": days(400)}, "until"),
                ("not a date", {**good_defer, "until": "over twee weken"}, "until"),
                ("number for date", {**good_defer, "until": 20301231}, "until"),
                ("list for date", {**good_defer, "until": [days(14)]}, "until"),
                ("reason too short", {**good_defer, "reason": "druk"}, "reason"),
                ("reason too long", {**good_defer, "reason": "x" * 2001}, "reason"),
                ("list for reason", {**good_defer, "reason": A_LIST}, "reason"),
            ],
        ),
        "convert": (
            "intake",
            "griffier",
            [
                ("note too long", {"note": "x" * 2001}, "note"),
                ("list for note", {"note": A_LIST}, "note"),
            ],
        ),
        "forward": (
            "intake",
            "griffier",
            [
                ("note too long", {"note": "x" * 2001}, "note"),
                ("object for note", {"note": {"tekst": "graag snel"}}, "note"),
            ],
        ),
        "assign": (
            "forwarded",
            OFFICER,
            [
                ("empty", {}, "civil_servants"),
                ("no hours", {"civil_servants": [servant]}, "hours_estimate"),
                (
                    "string for id list",
                    {"civil_servants": "ambtenaar1", "hours_estimate": 4},
                    "civil_servants",
                ),
                ("string id", {"civil_servants": ["een"], "hours_estimate": 4}, "civil_servants"),
                (
                    "other municipality's civil servant",
                    {"civil_servants": [foreign], "hours_estimate": 4},
                    "civil_servants",
                ),
                ("unknown id", {"civil_servants": [10**8], "hours_estimate": 4}, "civil_servants"),
                (
                    "string for hours",
                    {"civil_servants": [servant], "hours_estimate": "veel"},
                    "hours_estimate",
                ),
                (
                    "zero hours",
                    {"civil_servants": [servant], "hours_estimate": 0},
                    "hours_estimate",
                ),
                (
                    "too many hours",
                    {
                        "civil_servants": [servant],
                        "hours_estimate": 1001,
                        "capacity_confirmed": True,
                    },
                    "hours_estimate",
                ),
                (
                    "list for hours",
                    {"civil_servants": [servant], "hours_estimate": [4]},
                    "hours_estimate",
                ),
                (
                    "above threshold unconfirmed",
                    {"civil_servants": [servant], "hours_estimate": threshold + 1},
                    "capacity_confirmed",
                ),
            ],
        ),
        "refuse": (
            "forwarded",
            OFFICER,
            [
                ("empty", {}, "ground"),
                ("unknown ground", {"ground": "geen_zin", "reasoning": "x" * 30}, "ground"),
                (
                    "other profile's ground",
                    {"ground": "tijdsbeslag", "reasoning": "x" * 30},
                    "ground",
                ),
                (
                    "reasoning too short",
                    {"ground": "niet_raadswerk", "reasoning": "nee"},
                    "reasoning",
                ),
                (
                    "reasoning too long",
                    {"ground": "niet_raadswerk", "reasoning": "x" * 10_001},
                    "reasoning",
                ),
                (
                    "list for reasoning",
                    {"ground": "niet_raadswerk", "reasoning": A_LIST},
                    "reasoning",
                ),
                (
                    "list for ground",
                    {"ground": ["niet_raadswerk"], "reasoning": "x" * 30},
                    "ground",
                ),
            ],
        ),
        "object": (
            "refused",
            "raadslid1",
            [
                ("empty", {}, "reason"),
                ("too short", {"reason": "oneens"}, "reason"),
                ("too long", {"reason": "x" * 5001}, "reason"),
                ("list for reason", {"reason": A_LIST}, "reason"),
            ],
        ),
        # RULES.md "Disputes": under the model-verordening the mayor decides the objection.
        "mediate": (
            "objected",
            "burgemeester",
            [
                ("empty", {}, "outcome"),
                ("unknown outcome", {"outcome": "misschien", "notes": "x" * 20}, "outcome"),
                (
                    "assign without servants",
                    {"outcome": "assign", "notes": "x" * 20},
                    "civil_servants",
                ),
                (
                    "assign without hours",
                    {"outcome": "assign", "notes": "x" * 20, "civil_servants": [servant]},
                    "hours_estimate",
                ),
                (
                    "other municipality's civil servant",
                    {
                        "outcome": "assign",
                        "notes": "x" * 20,
                        "civil_servants": [foreign],
                        "hours_estimate": 4,
                    },
                    "civil_servants",
                ),
                ("notes too short", {"outcome": "refusal_upheld", "notes": "ok"}, "notes"),
                ("list for notes", {"outcome": "refusal_upheld", "notes": A_LIST}, "notes"),
            ],
        ),
        "plan_kickoff": (
            "assigned",
            "griffier",
            [
                ("empty", {}, "planned_for"),
                (
                    "in the past",
                    {
                        "planned_for": (timezone.now() - timedelta(days=3)).isoformat(),
                        "participants": "raadslid, ambtenaar",
                    },
                    "planned_for",
                ),
                (
                    "not a date",
                    {"planned_for": "dinsdag", "participants": "raadslid"},
                    "planned_for",
                ),
                (
                    "participants too long",
                    {"planned_for": days(2), "participants": "x" * 501},
                    "participants",
                ),
                (
                    "list for participants",
                    {"planned_for": days(2), "participants": A_LIST},
                    "participants",
                ),
            ],
        ),
        "record_kickoff": (
            "kickoff_planned",
            "griffier",
            [
                ("empty", {}, "held_on"),
                (
                    "held in the future",
                    {**good_kickoff, "held_on": days(3), "due_date": days(30)},
                    "held_on",
                ),
                ("due before held", {**good_kickoff, "due_date": days(-5)}, "due_date"),
                (
                    "rules not acknowledged",
                    {**good_kickoff, "member_acknowledged_rules": False},
                    "member_acknowledged_rules",
                ),
                ("string for hours", {**good_kickoff, "agreed_hours": "twaalf"}, "agreed_hours"),
                (
                    "participants too long",
                    {**good_kickoff, "participants": "x" * 501},
                    "participants",
                ),
                ("list for goal", {**good_kickoff, "goal": A_LIST}, "goal"),
            ],
        ),
        "log_hours": (
            "in_progress",
            "ambtenaar1",
            [
                ("empty", {}, "worked_on"),
                ("in the future", {"worked_on": days(2), "hours": 2}, "worked_on"),
                ("more than a day", {"worked_on": days(0), "hours": 25}, "hours"),
                ("string for hours", {"worked_on": days(0), "hours": "drie"}, "hours"),
                ("note too long", {"worked_on": days(0), "hours": 2, "note": "x" * 501}, "note"),
                ("list for note", {"worked_on": days(0), "hours": 2, "note": A_LIST}, "note"),
            ],
        ),
        "correct_hours": (
            # Delivered: ambtenaar1 logged hours on the way (demo.lifecycle.main_path).
            "delivered",
            "ambtenaar1",
            [
                ("empty", {}, "entry"),
                ("unknown entry", {"entry": 10**6, "hours": -1, "reason": CORRECTED}, "entry"),
                ("zero hours", {"hours": 0, "reason": CORRECTED}, "hours"),
                ("string for hours", {"hours": "drie", "reason": CORRECTED}, "hours"),
                ("more than a day", {"hours": -25, "reason": CORRECTED}, "hours"),
                ("too many decimals", {"hours": "-1,25", "reason": CORRECTED}, "hours"),
                ("ambiguous hours", {"hours": "1,2,3", "reason": CORRECTED}, "hours"),
                ("no reason", {"hours": -1}, "reason"),
                ("list for reason", {"hours": -1, "reason": A_LIST}, "reason"),
            ],
        ),
        "request_mediation": (
            "in_progress",
            "ambtenaar1",
            [
                ("empty", {}, "reason"),
                ("too short", {"reason": "hulp"}, "reason"),
                ("list for reason", {"reason": A_LIST}, "reason"),
            ],
        ),
        "deliver": (
            "in_progress",
            "ambtenaar1",
            [
                ("empty", {}, "answer"),
                ("too long", {"answer": "x" * 50_001}, "answer"),
                ("list for answer", {"answer": A_LIST}, "answer"),
            ],
        ),
        "evaluate": (
            "delivered",
            "raadslid1",
            [
                ("empty", {}, "score"),
                ("score 6", {"score": 6}, "score"),
                ("score 0", {"score": 0}, "score"),
                ("string for score", {"score": "vier"}, "score"),
                ("remarks too long", {"score": 4, "remarks": "x" * 5001}, "remarks"),
                ("list for remarks", {"score": 4, "remarks": A_LIST}, "remarks"),
            ],
        ),
        "close": (
            "intake",
            "griffier",
            [
                ("empty at intake", {}, "note"),
                (
                    "unknown instrument",
                    {"advised_instrument": "petitie", "note": "x" * 20},
                    "advised_instrument",
                ),
                ("note too long", {"note": "x" * 2001}, "note"),
                ("list for note", {"note": A_LIST}, "note"),
            ],
        ),
        "withdraw": (
            "intake",
            "raadslid1",
            [
                ("note too long", {"note": "x" * 2001}, "note"),
                ("list for note", {"note": A_LIST}, "note"),
            ],
        ),
    }


def test_every_action_has_bad_input_cases():
    without_input = {"submit", "accept", "resume"}
    covered = {
        "defer",
        "convert",
        "forward",
        "assign",
        "refuse",
        "object",
        "mediate",
        "plan_kickoff",
        "record_kickoff",
        "log_hours",
        "correct_hours",
        "request_mediation",
        "deliver",
        "evaluate",
        "close",
        "withdraw",
    }
    # The written-question verbs have theirs in tests/written_questions/test_written_workflow.py.
    written = {"register", "send_back", "answer", "postpone", "publish"}
    # Confirming a direct contact needs the Utrecht profile: tests/cases/test_cases_direct_contact.py.
    direct_contact = {"confirm_contact", "reject_contact"}
    assert covered | without_input | written | direct_contact == set(ACTIONS)


@pytest.mark.parametrize(
    "action",
    [
        "defer",
        "convert",
        "forward",
        "assign",
        "refuse",
        "object",
        "mediate",
        "plan_kickoff",
        "record_kickoff",
        "log_hours",
        "correct_hours",
        "request_mediation",
        "deliver",
        "evaluate",
        "close",
        "withdraw",
    ],
)
def test_bad_input_is_refused_and_writes_nothing(action, client, world, other_world):
    state, actor, cases = bad_inputs(world, other_world)[action]
    case = run_to(world, new_case(world), state)
    api = Api(client, world)
    api.headers(actor)
    person = world[actor]
    problems: list[str] = []
    for label, data, field in cases:
        if wrong_shape(label):
            continue
        try_both(problems, api, person, actor, case.pk, action, label, data, field)
    assert not problems, "\n".join(problems)


def wrong_shape(label: str) -> bool:
    return label.startswith(("list for", "object for", "number for"))


def try_both(problems, api, person, actor, case_id, action, label, data, field):
    outcome, unchanged = attempt(by_perform(person, case_id, action, data), case_id)
    check(problems, f"perform {action} {label}", outcome, unchanged, 422, field)
    outcome, unchanged = attempt(by_api(api, case_id, action, actor, {"data": data}), case_id)
    check(problems, f"API {action} {label}", outcome, unchanged, 422, field)


def test_a_list_or_object_for_a_single_value_is_refused(client, world, other_world):
    """JSON lets a client send ["a", "b"] where one text or date is meant. That must be a 422
    naming the field — not stored as the text "['a', 'b']", and not a 500."""
    api = Api(client, world)
    problems: list[str] = []
    for action, (state, actor, cases) in bad_inputs(world, other_world).items():
        shaped = [c for c in cases if wrong_shape(c[0])]
        if not shaped:
            continue
        case = run_to(world, new_case(world), state)
        api.headers(actor)
        for label, data, field in shaped:
            try_both(problems, api, world[actor], actor, case.pk, action, label, data, field)

    def direct():
        try:
            create_case(
                world["raadslid1"],
                {**GOOD_CASE, "instrument": "assistance", "title": ["Amendement", "parkeren"]},
            )
        except DomainError as exc:
            return exc.status, exc.message, exc.errors
        return 201, "", {}

    outcome, unchanged = attempt(direct)
    check(problems, "create_case list for title", outcome, unchanged, 422, "title")
    assert not problems, "\n".join(problems)


def test_griffie_mediation_bad_input(client, world):
    case = run_to(world, new_case(world), "mediation")
    api = Api(client, world)
    api.headers("griffier")
    problems: list[str] = []
    for label, data in [
        ("empty", {}),
        ("too short", {"notes": "ok"}),
        ("too long", {"notes": "x" * 5001}),
    ]:
        outcome, unchanged = attempt(
            by_perform(world["griffier"], case.pk, "mediate", data), case.pk
        )
        check(problems, f"perform {label}", outcome, unchanged, 422, "notes")
        outcome, unchanged = attempt(
            by_api(api, case.pk, "mediate", "griffier", {"data": data}), case.pk
        )
        check(problems, f"API {label}", outcome, unchanged, 422, "notes")
    assert not problems, "\n".join(problems)


def test_close_after_delivery_cannot_advise_another_instrument(world):
    case = run_to(world, new_case(world), "delivered")
    outcome, unchanged = attempt(
        by_perform(world["griffier"], case.pk, "close", {"advised_instrument": "motion"}), case.pk
    )
    problems: list[str] = []
    check(problems, "close", outcome, unchanged, 422, "advised_instrument")
    assert not problems, "\n".join(problems)


MAIN_PATH = [
    ("accept", "griffier", {}),
    ("forward", "griffier", {}),
    ("assign", OFFICER, "assign"),
    ("plan_kickoff", "griffier", {"planned_for": days(2), "participants": "raadslid"}),
    (
        "record_kickoff",
        "griffier",
        {
            "held_on": days(0),
            "participants": "raadslid, ambtenaar",
            "background": "Achtergrond.",
            "goal": "Een amendement.",
            "agreed_hours": 8,
            "due_date": days(20),
            "member_acknowledged_rules": True,
            "civil_servant_acknowledged_rules": True,
        },
    ),
    ("log_hours", "ambtenaar1", {"worked_on": days(0), "hours": 2}),
    ("deliver", "ambtenaar1", {"answer": "Het antwoord."}),
    ("evaluate", "raadslid1", {"score": 4}),
    ("evaluate", "ambtenaar1", {"score": 4}),
    ("evaluate", "griffier", {"score": 4}),
    ("close", "griffier", {}),
]


def test_a_stale_version_is_refused_at_every_step(client, world):
    """Optimistic locking: whoever acts on an old view of the case changes nothing (409)."""
    api = Api(client, world)
    body = api.post(
        "/api/v1/cases",
        {"title": "Amendement parkeren", "question": "x" * 20, "policy_area": "mobiliteit"},
        "raadslid1",
    ).json()
    case_id = body["id"]
    steps = [("submit", "raadslid1", {})] + MAIN_PATH
    problems: list[str] = []
    for action, actor, data in steps:
        if data == "assign":
            data = {"civil_servants": [world["ambtenaar1"].pk], "hours_estimate": 8}
        api.headers(actor)
        version = Case.objects.get(pk=case_id).version
        outcome, unchanged = attempt(
            by_api(api, case_id, action, actor, {"version": version - 1, "data": data}), case_id
        )
        check(problems, f"API stale {action}", outcome, unchanged, 409)
        outcome, unchanged = attempt(
            by_perform(world[actor], case_id, action, data, expected_version=version - 1), case_id
        )
        check(problems, f"perform stale {action}", outcome, unchanged, 409)
        response = api.post(
            f"/api/v1/cases/{case_id}/actions/{action}", {"version": version, "data": data}, actor
        )
        assert response.status_code == 200, (action, response.content)
        assert response.json()["version"] == version + 1
    assert not problems, "\n".join(problems)
    assert Case.objects.get(pk=case_id).state == "closed"


ACTOR_FOR = {
    "submit": "raadslid1",
    "object": "raadslid1",
    "withdraw": "raadslid1",
    "request_mediation": "raadslid1",
    "assign": OFFICER,
    "refuse": OFFICER,
    "log_hours": "ambtenaar1",
    "correct_hours": "ambtenaar1",
}


def test_no_action_changes_a_closed_case(client, world):
    case = run_to(world, new_case(world), "closed")
    api = Api(client, world)
    problems: list[str] = []
    # Every verb of the instrument's own table; the written-question verbs are not assistance's.
    for action in dict.fromkeys(row.action for row in workflow.table(case.instrument)):
        actor = ACTOR_FOR.get(action, "griffier")
        api.headers(actor)
        outcome, unchanged = attempt(by_perform(world[actor], case.pk, action, {}), case.pk)
        check(problems, f"perform {action}", outcome, unchanged, 409)
        outcome, unchanged = attempt(by_api(api, case.pk, action, actor, {"data": {}}), case.pk)
        check(problems, f"API {action}", outcome, unchanged, 409)
        if outcome[0] == 409 and "afgesloten" not in outcome[1]:
            problems.append(f"{action}: message does not name the state: {outcome[1]}")
    assert not problems, "\n".join(problems)


def test_unknown_action_forbidden_actor_and_bad_ids(client, world, other_world):
    case = run_to(world, new_case(world), "intake")
    api = Api(client, world, other_world)
    for username in ("griffier", "raadslid2", "u-griffier"):
        api.headers(username)
    problems: list[str] = []
    cases = [
        ("unknown action", by_api(api, case.pk, "goedkeuren", "griffier", {}), 404, None),
        (
            "unknown action perform",
            by_perform(world["griffier"], case.pk, "goedkeuren", {}),
            404,
            None,
        ),
        ("another member", by_api(api, case.pk, "accept", "raadslid2", {}), 404, None),
        ("other municipality", by_api(api, case.pk, "forward", "u-griffier", {}), 404, None),
        (
            "other municipality perform",
            by_perform(other_world["griffier"], case.pk, "forward", {}),
            404,
            None,
        ),
        ("requester forwards", by_perform(world["raadslid1"], case.pk, "forward", {}), 403, None),
        ("non-existent case", by_api(api, 10**8, "accept", "griffier", {}), 404, None),
        (
            "data is a string",
            by_api(api, case.pk, "forward", "griffier", {"data": "snel"}),
            422,
            "data",
        ),
        (
            "version is a string",
            by_api(api, case.pk, "forward", "griffier", {"version": "oud", "data": {}}),
            422,
            "version",
        ),
    ]
    for label, call, status, field in cases:
        try:
            outcome, unchanged = attempt(call, case.pk)
        except Exception as exc:  # noqa: BLE001
            outcome, unchanged = (f"crash {type(exc).__name__}", str(exc), {}), True
        check(problems, label, outcome, unchanged, status, field)
    for url in ("/api/v1/cases/abc", "/api/v1/cases/1.5"):
        response = client.get(url, **api.headers("griffier"))
        assert response.status_code == 422
        assert "case_id" in response.json()["errors"]
        assert dutch(response.json()["detail"])
    before = snapshot()
    response = api.post("/api/v1/cases/abc/actions/accept", {"data": {}}, "griffier")
    assert response.status_code == 422 and "case_id" in response.json()["errors"]
    response = client.post(
        f"/api/v1/cases/{case.pk}/actions/forward",
        "{niet: json",
        content_type="application/json",
        **api.headers("griffier"),
    )
    assert response.status_code in (400, 422)
    assert dutch(response.json()["detail"])
    assert snapshot() == before
    assert not problems, "\n".join(problems)


GOOD_CASE = {
    "title": "Amendement parkeren",
    "policy_area": "mobiliteit",
    "question": "Kunt u helpen met een amendement over parkeren?",
}


def test_bad_new_requests_write_nothing(client, world, other_world):
    api = Api(client, world)
    api.headers("raadslid1")
    foreign_member = other_world["raadslid1"].pk
    cases = [
        ("empty", {}, "title"),
        ("empty title", {**GOOD_CASE, "title": ""}, "title"),
        ("title too long", {**GOOD_CASE, "title": "x" * 201}, "title"),
        ("question too short", {**GOOD_CASE, "question": "Hoezo?"}, "question"),
        ("question too long", {**GOOD_CASE, "question": "x" * 10_001}, "question"),
        ("background too long", {**GOOD_CASE, "background": "x" * 10_001}, "background"),
        ("unknown policy area", {**GOOD_CASE, "policy_area": "ruimtevaart"}, "policy_area"),
        ("unknown instrument", {**GOOD_CASE, "instrument": "motie"}, "instrument"),
        (
            "co-requester of another municipality",
            {**GOOD_CASE, "co_requesters": [foreign_member]},
            "co_requesters",
        ),
        ("unknown co-requester", {**GOOD_CASE, "co_requesters": [10**8]}, "co_requesters"),
        (
            "member files on behalf",
            {**GOOD_CASE, "on_behalf_of": world["raadslid2"].pk},
            "on_behalf_of",
        ),
    ]
    api_only = [
        (
            "string for co-requester id",
            {**GOOD_CASE, "co_requesters": ["raadslid2"]},
            "co_requesters.0",
        ),
        ("string for on_behalf_of", {**GOOD_CASE, "on_behalf_of": "raadslid2"}, "on_behalf_of"),
        ("string for submit", {**GOOD_CASE, "submit": "graag"}, "submit"),
        ("number for question", {**GOOD_CASE, "question": 1234567890123}, "question"),
        ("list for title", {**GOOD_CASE, "title": ["Amendement", "parkeren"]}, "title"),
    ]
    problems: list[str] = []
    for label, data, field in cases + api_only:

        def call(data=data):
            response = api.post("/api/v1/cases", data, "raadslid1")
            body = response.json()
            return response.status_code, body.get("detail", ""), body.get("errors", {})

        outcome, unchanged = attempt(call)
        check(problems, f"API {label}", outcome, unchanged, 422, field)
    for label, data, field in cases:

        def direct(data=data):
            try:
                create_case(world["raadslid1"], {"instrument": "assistance", **data}, submit=True)
            except DomainError as exc:
                return exc.status, exc.message, exc.errors
            return 201, "", {}

        outcome, unchanged = attempt(direct)
        check(problems, f"create_case {label}", outcome, unchanged, 422, field)
    assert not problems, "\n".join(problems)


def test_who_may_file_follows_the_verordening(client, db):
    """Model-verordening art. 2 and its variants; services.create_case has the rules."""
    strict = build_municipality("Gemeente Streng", "streng", prefix="s-")
    loose = build_municipality(
        "Gemeente Ruim",
        "ruim",
        prefix="r-",
        overrides={"requesters": {"committee_member": True, "fractie_employee": True}},
    )
    api = Api(client, strict, loose)
    problems: list[str] = []

    def new(username, data, status, field=None, label=""):
        api.headers(username)

        def call():
            response = api.post("/api/v1/cases", {**GOOD_CASE, **data}, username)
            body = response.json()
            return response.status_code, body.get("detail", ""), body.get("errors", {})

        outcome, unchanged = attempt(call)
        if status == 201:
            if outcome[0] != 201:
                problems.append(f"{label}: {outcome}")
        else:
            check(problems, label, outcome, unchanged, status, field)

    # VNG model: committee members and fractie employees do not file.
    new("s-commissielid1", {}, 403, label="committee member, strict profile")
    new(
        "s-fractiemedewerker1",
        {"on_behalf_of": strict["raadslid2"].pk},
        403,
        label="fractie employee, strict profile",
    )
    new("s-wethouder1", {}, 403, label="alderman")
    new("s-ambtenaar1", {}, 403, label="civil servant")
    # A profile that allows both.
    new("r-commissielid1", {}, 201, label="committee member, loose profile")
    new("r-fractiemedewerker1", {}, 422, "on_behalf_of", label="employee without member")
    new(
        "r-fractiemedewerker1",
        {"on_behalf_of": loose["raadslid7"].pk},
        422,
        "on_behalf_of",
        label="employee for another fractie's member",
    )
    new(
        "r-raadslid1",
        {"on_behalf_of": loose["raadslid2"].pk},
        422,
        "on_behalf_of",
        label="member on behalf of a member",
    )
    assert not problems, "\n".join(problems)

    response = api.post(
        "/api/v1/cases",
        {**GOOD_CASE, "on_behalf_of": loose["raadslid2"].pk, "submit": True},
        "r-fractiemedewerker1",
    )
    assert response.status_code == 201, response.content
    case = Case.objects.get(pk=response.json()["id"])
    assert (case.requester, case.filed_by, case.state) == (
        loose["raadslid2"],
        loose["fractiemedewerker1"],
        "submitted",
    )
    # The member it was filed for sees it as their own.
    mine = client.get(f"/api/v1/cases/{case.pk}", **api.headers("r-raadslid2")).json()
    assert mine["title"] == GOOD_CASE["title"]


def test_a_crash_mid_transition_rolls_everything_back(client, world, monkeypatch):
    """perform is one transaction: if the audit write fails, the assignment is not kept."""
    case = run_to(world, new_case(world), "forwarded")
    api = Api(client, world)
    api.headers(OFFICER)
    before = snapshot(case.pk)

    def broken(*args, **kwargs):
        raise RuntimeError("schijf vol")

    monkeypatch.setattr("raadsloket.cases.transitions.chain.record", broken)
    response = api.post(
        f"/api/v1/cases/{case.pk}/actions/assign",
        {"data": {"civil_servants": [world["ambtenaar1"].pk], "hours_estimate": 8}},
        OFFICER,
    )
    assert response.status_code == 500
    assert json.loads(response.content)["detail"] == "Er ging iets mis; er is niets opgeslagen."
    assert snapshot(case.pk) == before

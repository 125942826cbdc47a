# SPDX-License-Identifier: EUPL-1.2
"""Who sees what of a written question, per state and role (Reglement van Orde; art. 25).

The expectation is written here from the rules in plain words, independently of the access
layer: once registered, the question (not the griffie's routing notes) goes to every member and
to the college, and stays known to them if withdrawn later; the college sees the answer once
given, every member once the griffie publishes it; never another municipality, never a civil
servant, manager or the routing officer.
"""

import pytest
from django.test import Client

from raadsloket.access.cases import sections, visible_cases
from raadsloket.access.viewer import viewer_for
from raadsloket.api.tokens import issue
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_written_question, run_written_to

pytestmark = pytest.mark.django_db

STATES = (
    "draft",
    "submitted",
    "registered",
    "postponed",
    "answered",
    "published",
    "withdrawn",
    "withdrawn after registration",
)
ALL = {
    "trajectory",
    "hours",
    "metadata",
    "request",
    "routing",
    "kickoff",
    "answer",
    "evaluation",
    "mediation",
}
PUBLIC = {"metadata", "request"}

READERS = {
    "requester": "raadslid1",
    "co-signer": "raadslid2",
    "member of another fractie": "raadslid7",
    "committee member": "commissielid1",
    "fractie employee": "fractiemedewerker1",
    "griffier": "griffier",
    "council advisor": "raadsadviseur",
    "college contact": "collegecontact",
    "mayor": "burgemeester",
    "alderman": "wethouder2",
    "secretary": "secretaris",
    "civil servant": "ambtenaar1",
    "manager": "manager1",
    "administrator": "beheerder",
    "griffier elsewhere": "other:griffier",
    "member elsewhere": "other:raadslid1",
    "college contact elsewhere": "other:collegecontact",
}
MEMBER_SIDE = {"member of another fractie", "committee member", "fractie employee"}
COLLEGE_SIDE = {"college contact", "mayor", "alderman"}
REGISTERED_ON = {"registered", "postponed", "answered", "published", "withdrawn after registration"}


def expected(reader: str, state: str) -> set[str]:
    if reader.endswith("elsewhere"):
        return set()
    if reader in {"requester", "co-signer"}:
        return ALL
    if state == "draft":
        return set()
    if reader in {"griffier", "council advisor"}:
        return ALL
    if reader == "administrator":
        return {"metadata"}
    if state not in REGISTERED_ON:
        return set()
    if reader in MEMBER_SIDE:
        return PUBLIC | ({"answer"} if state == "published" else set())
    if reader in COLLEGE_SIDE:
        return PUBLIC | ({"answer"} if state in {"answered", "published"} else set())
    return set()


def person(world, other_world, username):
    if username.startswith("other:"):
        return other_world[username.removeprefix("other:")]
    return world[username]


@pytest.fixture
def questions(world, other_world):
    cases = {}
    for state in STATES:
        case = new_written_question(
            world, title=f"Vraag {state}", co_requesters=[world["raadslid2"].pk]
        )
        if state == "withdrawn after registration":
            case = run_written_to(world, case, State.REGISTERED)
            cases[state] = act(world, case, "withdraw", "raadslid1", {"note": "Niet meer nodig."})
        else:
            cases[state] = run_written_to(world, case, state)
    return cases


def test_each_reader_sees_exactly_what_the_rules_allow(world, other_world, questions):
    problems = []
    for reader, username in READERS.items():
        viewer = viewer_for(person(world, other_world, username))
        listed = set(visible_cases(viewer).values_list("pk", flat=True))
        for state, case in questions.items():
            got = {str(s) for s in sections(viewer, case)}
            want = expected(reader, state)
            if got != want:
                problems.append(f"{reader} / {state}: got {sorted(got)}, want {sorted(want)}")
            if (case.pk in listed) != bool(want):
                problems.append(f"{reader} / {state}: listed={case.pk in listed}")
    assert not problems, "\n".join(problems)


def test_the_answer_reaches_other_members_only_when_published(client, world, questions):
    answered = questions["answered"]
    published = questions["published"]
    token = issue(world["raadslid7"])
    api = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {token}"}
    body = api.get(f"/api/v1/cases/{answered.pk}", **headers).json()
    assert body.get("answer") in (None, "")
    assert "Het college antwoordt" not in str(body)
    body = api.get(f"/api/v1/cases/{published.pk}", **headers).json()
    assert "Het college antwoordt als volgt." in str(body)


def test_a_secret_college_answer_goes_to_council_members_not_committee_members(world):
    case = run_written_to(world, new_written_question(world), State.REGISTERED)
    case = act(
        world,
        case,
        "answer",
        "collegecontact",
        {"answer": "Geheim antwoord GEHEIM-77", "secret": "on"},
    )
    # Art. 25: not even the member who asked holds it before the whole council does.
    assert "answer" not in sections(viewer_for(world["raadslid1"]), case)
    assert "answer" in sections(viewer_for(world["griffier"]), case)
    case = act(world, case, "publish", "griffier", {})
    assert "answer" in sections(viewer_for(world["raadslid1"]), case)
    council_member = sections(viewer_for(world["raadslid7"]), case)
    committee_member = sections(viewer_for(world["commissielid1"]), case)
    college = sections(viewer_for(world["collegecontact"]), case)
    assert "answer" in council_member and "answer" in college
    assert "answer" not in committee_member and "request" in committee_member

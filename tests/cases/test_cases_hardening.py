# SPDX-License-Identifier: EUPL-1.2
"""Regression tests from the security review of the bubble (one per finding)."""

from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from raadsloket.api.tokens import issue
from raadsloket.assistance.models import Mediation
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.errors import GuardFailed
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, run_to
from raadsloket.env import local_secret_key
from raadsloket.policy.deadlines import add_term
from raadsloket.policy.schema import Term
from tests.support.world import build_domstede

pytestmark = pytest.mark.django_db


def api(client, person, url, body=None):
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue(person)}"}
    if body is None:
        return client.get(url, **headers)
    return client.post(url, body, content_type="application/json", **headers)


@pytest.fixture
def domstede(db):
    return build_domstede()


def test_mayor_outside_the_driehoek_gets_no_ranking_and_no_state(client, domstede):
    case = run_to(
        domstede, new_case(domstede, title="Leerlingenvervoer met vrijwilligers"), State.IN_PROGRESS
    )
    client.force_login(domstede["burgemeester"])
    response = client.post(
        reverse("case_action", args=[case.pk, "mediate"]), {"outcome": "assign", "notes": "x"}
    )
    body = response.content.decode()
    assert response.status_code == 403
    assert "leerlingenvervoer" not in body.lower() and "in uitvoering" not in body


def test_api_gives_college_and_manager_no_state(client, domstede):
    case = run_to(domstede, new_case(domstede), State.MEDIATION)
    for username in ("wethouder1", "manager1"):
        body = api(client, domstede[username], f"/api/v1/cases/{case.pk}").json()
        assert body["sections"] in (["trajectory"], ["hours"])
        assert body["state"] is None and body["version"] is None


def test_the_action_page_that_shows_the_request_is_audited(client, world):
    case = run_to(world, new_case(world), State.FORWARDED)
    client.force_login(world["secretaris"])
    before = AuditEvent.objects.last().pk
    assert client.get(reverse("case_action", args=[case.pk, "assign"])).status_code == 200
    assert AuditEvent.objects.filter(action="case.read", case_ref=case.pk, pk__gt=before).exists()


def test_terms_count_from_the_day_in_amsterdam_not_in_utc():
    # Friday 23:30 UTC is Saturday 00:30 in Amsterdam: a Saturday request.
    start = datetime(2025, 3, 7, 23, 30, tzinfo=UTC)
    assert add_term(start, Term(days=5, kind="working")).isoformat() == "2025-03-17"
    assert add_term(start, Term(days=20, kind="calendar")).isoformat() == "2025-03-28"


def test_resuming_a_deferred_request_restarts_its_term(world):
    case = run_to(world, new_case(world), State.DEFERRED)
    old_due = case.intake_due
    later = timezone.now() + timedelta(days=30)
    Case.objects.filter(pk=case.pk).update(deferred_until=later.date())

    with time_machine.travel(later, tick=False):
        case = act(world, case, "resume", "griffier")
    assert case.state == State.INTAKE
    assert case.intake_due > old_due
    assert case.intake_due >= later.date()


def test_an_id_no_database_holds_is_a_dutch_422_not_a_crash(client, world):
    response = api(
        client,
        world["raadslid1"],
        "/api/v1/cases",
        {
            "title": "Parkeren",
            "question": "Kunt u helpen met een amendement?",
            "policy_area": "mobiliteit",
            "co_requesters": [99999999999999999999],
        },
    )
    assert response.status_code == 422
    assert "co_requesters" in response.json()["errors"]
    case = run_to(world, new_case(world), State.FORWARDED)
    response = api(
        client,
        world["secretaris"],
        f"/api/v1/cases/{case.pk}/actions/assign",
        {"data": {"civil_servants": [99999999999999999999], "hours_estimate": 5}},
    )
    assert response.status_code == 422
    assert "civil_servants" in response.json()["errors"]


def test_the_embedded_secret_key_is_random_and_kept(tmp_path):
    first = local_secret_key(tmp_path / "var" / "secret_key")
    assert len(first) >= 50 and "insecure" not in first
    assert local_secret_key(tmp_path / "var" / "secret_key") == first
    assert local_secret_key(tmp_path / "other" / "secret_key") != first


def test_member_may_withdraw_during_the_driehoek_and_the_mediation_ends(world):
    case = run_to(world, new_case(world), State.OBJECTED)
    case = act(world, case, "withdraw", "raadslid1", {"note": "Ik dien een motie in."})
    assert case.state == State.WITHDRAWN
    assert Mediation.objects.get(case=case).outcome == Mediation.Outcome.WITHDRAWN


def test_a_co_requester_does_not_give_the_members_evaluation(world):
    case = new_case(world, co_requesters=[world["raadslid2"].pk])
    case = run_to(world, case, State.DELIVERED)
    with pytest.raises(GuardFailed):
        act(world, case, "evaluate", "raadslid2", {"score": "1"})
    case = act(world, case, "evaluate", "raadslid1", {"score": "4"})
    assert case.evaluations.get().person == world["raadslid1"]


def test_a_manager_sees_only_the_hours_of_their_own_staff(client, world):
    case = run_to(world, new_case(world), State.FORWARDED)
    case = act(
        world,
        case,
        "assign",
        "secretaris",
        {
            "civil_servants": [world["ambtenaar1"].pk, world["ambtenaar6"].pk],
            "hours_estimate": "10",
        },
    )
    body = api(client, world["manager1"], f"/api/v1/cases/{case.pk}").json()
    names = [a["civil_servant"] for a in body["assignments"]]
    assert names == [world["ambtenaar1"].display_name]
    client.force_login(world["manager1"])
    page = client.get(reverse("case_detail", args=[case.pk])).content.decode()
    assert world["ambtenaar1"].display_name in page
    assert world["ambtenaar6"].display_name not in page

# SPDX-License-Identifier: EUPL-1.2
"""The API for written questions, the advisor and the knowledge base, on the same access layer."""

import pytest
from django.test import Client

from raadsloket.api.tokens import issue
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import new_written_question, run_written_to

pytestmark = pytest.mark.django_db


def api_for(person):
    client = Client()
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue(person)}"}
    return client, headers


def test_a_written_question_runs_through_the_api(world):
    member, member_h = api_for(world["raadslid1"])
    body = member.post(
        "/api/v1/cases",
        {
            "instrument": "written_question",
            "title": "Bomenkap Centrum",
            "question": "Waarom zijn de bomen aan de Lange Laan gekapt zonder inspraak?",
            "policy_area": "duurzaamheid",
            "submit": True,
        },
        content_type="application/json",
        **member_h,
    ).json()
    case_id = body["id"]
    assert body["state"] == "submitted"
    griffie, griffie_h = api_for(world["griffier"])
    body = griffie.post(
        f"/api/v1/cases/{case_id}/actions/register",
        {"data": {"portfolio_holder": world["wethouder3"].pk}},
        content_type="application/json",
        **griffie_h,
    ).json()
    assert body["state"] == "registered" and body["answer_due"]
    assert body["running_deadline"]["rule"].startswith("termijn 30 kalenderdagen")
    college, college_h = api_for(world["collegecontact"])
    listed = college.get("/api/v1/cases?instrument=written_question", **college_h).json()
    assert [item["id"] for item in listed["items"]] == [case_id]
    response = college.post(
        f"/api/v1/cases/{case_id}/actions/postpone",
        {"data": {"reason": "kort", "new_date": "gisteren"}},
        content_type="application/json",
        **college_h,
    )
    assert response.status_code == 422
    assert set(response.json()["errors"]) == {"reason", "new_date"}
    body = college.post(
        f"/api/v1/cases/{case_id}/actions/answer",
        {"data": {"answer": "De bomen waren ziek."}},
        content_type="application/json",
        **college_h,
    ).json()
    assert body["state"] == "answered" and body["portfolio_holder"]


def test_the_advice_endpoint_returns_the_specified_shape(world):
    client, headers = api_for(world["raadslid1"])
    body = client.post(
        "/api/v1/advice",
        {"text": "Hoeveel kinderen maken gebruik van het leerlingenvervoer?"},
        content_type="application/json",
        **headers,
    ).json()
    assert set(body) == {"instrument", "alternatives", "signals", "warnings"}
    assert body["instrument"] == "technical_question"
    response = client.post(
        "/api/v1/advice", {"text": "x" * 10_001}, content_type="application/json", **headers
    )
    assert response.status_code == 422


def test_the_overview_is_for_griffie_and_presidium_only(world):
    run_written_to(world, new_written_question(world), State.REGISTERED)
    client, headers = api_for(world["griffier"])
    body = client.get("/api/v1/written-questions/overview", **headers).json()
    assert body["overdue"] == [] and body["on_time"][0]["registered"] == 1
    client, headers = api_for(world["raadslid8"])
    assert client.get("/api/v1/written-questions/overview", **headers).status_code == 403
    client, headers = api_for(world["wethouder1"])
    assert client.get("/api/v1/written-questions/overview", **headers).status_code == 403
    client, headers = api_for(world["griffier"])
    response = client.get(
        "/api/v1/written-questions/overview?start=2026-12-01&end=2026-01-01", **headers
    )
    assert response.status_code == 422


def test_similar_questions_respect_the_bubble(world, other_world):
    run_written_to(
        world, new_written_question(world, title="Wachttijden jeugdzorg"), State.PUBLISHED
    )
    text = "Waarom zijn de wachttijden in de jeugdzorg opgelopen?"
    client, headers = api_for(world["raadslid8"])
    found = client.get("/api/v1/similar", {"text": text}, **headers).json()
    assert [item["title"] for item in found] == ["Wachttijden jeugdzorg"]
    client, headers = api_for(other_world["raadslid1"])
    assert client.get("/api/v1/similar", {"text": text}, **headers).json() == []


def test_similar_asks_for_text_in_dutch_and_limits_its_length(world):
    client, headers = api_for(world["raadslid1"])
    response = client.get("/api/v1/similar", **headers)
    assert response.status_code == 422 and "text" in response.json()["errors"]
    response = client.get("/api/v1/similar", {"text": "x" * 10_001}, **headers)
    assert response.status_code == 422


def test_a_period_at_the_edge_of_the_calendar_is_answered_not_a_crash(world):
    client, headers = api_for(world["griffier"])
    response = client.get("/api/v1/written-questions/overview?end=0001-01-01", **headers)
    assert response.status_code == 200 and response.json()["on_time"] == []
    response = client.get("/api/v1/written-questions/overview?end=gisteren", **headers)
    assert response.status_code == 422

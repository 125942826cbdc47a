# SPDX-License-Identifier: EUPL-1.2
"""The registers in the API: the schema names every valid status and payload, lists and items
follow the access layer, actions take typed bodies."""

import json

import pytest
from django.test import Client

from raadsloket.api.root import api
from raadsloket.registers.models import Commitment, InitiativeProposal, Motion, Outcome, Vote

pytestmark = pytest.mark.django_db


def _client(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def _post(client, url, body):
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_schema_lists_the_valid_values_from_the_model_choices():
    schemas = api.get_openapi_schema()["components"]["schemas"]
    assert schemas["MotionOut"]["properties"]["outcome"]["enum"] == Outcome.values
    execution = schemas["MotionOut"]["properties"]["execution"]["anyOf"][0]
    assert execution["enum"] == [value for value in Motion.Execution.values if value]
    assert schemas["CommitmentOut"]["properties"]["status"]["enum"] == Commitment.Status.values
    assert (
        schemas["InitiativeOut"]["properties"]["status"]["enum"] == InitiativeProposal.Status.values
    )
    assert schemas["VoteIn"]["properties"]["choice"]["enum"] == Vote.Choice.values
    assert schemas["DecideInitiativeIn"]["properties"]["outcome"]["enum"] == [
        "adopted",
        "rejected",
    ]
    assert set(schemas["DecideDoneIn"]["properties"]) == {"accept", "reference", "reason"}
    parameters = api.get_openapi_schema()["paths"]["/api/v1/registers/motions"]["get"]["parameters"]
    status = next(p for p in parameters if p["name"] == "status")["schema"]["anyOf"][0]
    assert status["enum"] == [*Outcome.values, "in_progress", "done"]
    assert schemas["CommitmentOut"]["properties"]["kind"]["enum"] == [
        "motion",
        "amendment",
        "commitment",
        "initiative_proposal",
    ]


def test_lists_and_items_follow_the_access_layer(scene):
    member = _client(scene.main["raadslid5"])
    motions = member.get("/api/v1/registers/motions?overdue=true").json()
    assert [(m["number"], m["overdue"], m["kind"]) for m in motions] == [("M-1", True, "motion")]
    titles = [i["title"] for i in member.get("/api/v1/registers/initiatives").json()]
    assert titles == ["Initiatiefvoorstel Bomenplan"]
    concept = scene["concept"].pk
    assert member.get(f"/api/v1/registers/initiatives/{concept}").status_code == 404
    other = _client(scene.other["griffier"])
    motion = scene["late_motion"].pk
    assert other.get(f"/api/v1/registers/motions/{motion}").status_code == 404
    assert member.get("/api/v1/registers/motions?status=kwijt").status_code == 422
    assert Client().get("/api/v1/registers/motions").status_code == 401


def test_actions_take_typed_bodies_and_refuse_in_dutch(scene):
    commitment = scene["open_commitment"].pk
    url = f"/api/v1/registers/commitments/{commitment}"
    college = _client(scene.main["collegecontact"])
    response = _post(college, f"{url}/propose-done", {"note": "De notitie is verstuurd."})
    assert response.status_code == 200 and response.json()["status"] == "proposed_done"
    griffie = _client(scene.main["griffier"])
    response = _post(griffie, f"{url}/decide", {"accept": True})
    assert response.status_code == 422
    assert "Noem het besluit van de raad of commissie" in response.json()["detail"]
    response = _post(griffie, f"{url}/decide", {"accept": True, "reference": "Raad 5-5"})
    assert response.json()["status"] == "done"
    response = _post(college, f"{url}/propose-done", {"note": "Nog een keer voorgesteld."})
    assert response.status_code == 409
    initiative = scene["submitted"].pk
    response = _post(
        griffie, f"/api/v1/registers/initiatives/{initiative}/decide", {"outcome": "gewonnen"}
    )
    assert response.status_code == 422


def test_the_griffie_records_a_motion_with_votes(scene):
    griffie = _client(scene.main["griffier"])
    fractie = scene.main["raadslid1"].fractie
    response = _post(
        griffie,
        "/api/v1/registers/motions",
        {
            "number": "M-50",
            "title": "Motie over de markt",
            "meeting_date": "2026-03-12",
            "outcome": "adopted",
            "submitter_ids": [scene.main["raadslid1"].pk],
            "votes": [{"fractie_id": fractie.pk, "choice": "for"}],
            "portfolio_holder_id": scene.main["wethouder3"].pk,
            "due_date": "2026-09-01",
        },
    )
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["execution"] == "in_progress"
    assert body["votes"] == [{"fractie": fractie.name, "choice": "for"}]
    assert body["url"] == f"/registers/moties/{body['id']}"

# SPDX-License-Identifier: EUPL-1.2
"""The rekenkamer in the API: the same rules and the same Dutch errors as the pages."""

import json

import pytest

from raadsloket.audit_office.models import RequestStatus, StudyRequest

pytestmark = pytest.mark.django_db

BASE = "/api/v1/audit-office"


def _post(client, url, body, headers):
    return client.post(url, json.dumps(body), content_type="application/json", **headers)


def test_a_raadslid_lists_the_requests_of_the_own_municipality(scene):
    response = scene.web(None).get(f"{BASE}/requests", **scene.api("raadslid1"))
    assert response.status_code == 200
    subjects = {row["subject"] for row in response.json()}
    assert "Jeugdzorg TAAKMARKER" in subjects
    assert not any("DOMSTEDEMARKER" in s for s in subjects)


def test_an_outsider_lists_nothing_and_opens_nothing(scene):
    client, headers = scene.web(None), scene.api("wethouder1")
    assert client.get(f"{BASE}/requests", **headers).json() == []
    taken = scene.requests["TAKEN"].pk
    assert client.get(f"{BASE}/requests/{taken}", **headers).status_code == 404
    other = scene.api("u-raadslid1")
    assert client.get(f"{BASE}/requests/{taken}", **other).status_code == 404
    assert client.get(f"{BASE}/requests/{2**70}", **other).status_code == 404


def test_the_detail_names_the_next_steps(scene):
    response = scene.web(None).get(
        f"{BASE}/requests/{scene.requests['FILED'].pk}", **scene.api("raadslid1")
    )
    body = response.json()
    assert body["status"] == RequestStatus.FILED
    assert body["motion"] == "M-1"
    assert body["next_actions"] == ["in_behandeling", "afwijzen"]


def test_the_griffie_files_and_records_through_the_api(scene):
    client, headers = scene.web(None), scene.api("griffier")
    filed = _post(
        client,
        f"{BASE}/requests",
        {"subject": "Afvalinzameling", "question": "Werkt het?", "reason": "Klachten."},
        headers,
    )
    assert filed.status_code == 201, filed.content
    pk = filed.json()["id"]
    day = filed.json()["filed_on"]
    taken = _post(
        client,
        f"{BASE}/requests/{pk}/actions/in_behandeling",
        {"data": {"decided_on": day}},
        headers,
    )
    assert taken.status_code == 200, taken.content
    assert taken.json()["status"] == RequestStatus.TAKEN_UP


def test_bad_input_is_a_dutch_422_and_files_nothing(scene):
    before = StudyRequest.objects.count()
    response = _post(
        scene.web(None),
        f"{BASE}/requests",
        {"subject": "", "question": "", "reason": ""},
        scene.api("griffier"),
    )
    assert response.status_code == 422
    assert response.json()["errors"]["subject"] == ["Vul het onderwerp in."]
    assert StudyRequest.objects.count() == before


def test_a_step_out_of_order_is_a_409_and_an_unknown_step_a_422(scene):
    client, headers = scene.web(None), scene.api("griffier")
    pk = scene.requests["FILED"].pk
    late = _post(
        client,
        f"{BASE}/requests/{pk}/actions/besproken",
        {"data": {"discussed_on": "2026-12-31"}},
        headers,
    )
    assert late.status_code == 409
    assert "Dit kan niet" in late.json()["detail"]
    unknown = _post(client, f"{BASE}/requests/{pk}/actions/verbranden", {"data": {}}, headers)
    assert unknown.status_code == 422
    assert StudyRequest.objects.get(pk=pk).status == RequestStatus.FILED


def test_a_raadslid_may_not_record_a_decision(scene):
    pk = scene.requests["FILED"].pk
    response = _post(
        scene.web(None),
        f"{BASE}/requests/{pk}/actions/in_behandeling",
        {"data": {"decided_on": "2026-12-31"}},
        scene.api("raadslid1"),
    )
    assert response.status_code == 403
    assert "Alleen de griffie" in response.json()["detail"]


def test_the_cycle_and_the_programme(scene):
    client, headers = scene.web(None), scene.api("raadslid1")
    cycle = client.get(f"{BASE}/cycle?year=2027", **headers).json()
    assert cycle["adoption_deadline"] == "2028-07-15"
    assert [d["date"] for d in cycle["dates"] if d["legal"]] == ["2028-07-15"]
    programme = client.get(f"{BASE}/programme?year=2027", **headers).json()
    assert [p["title"] for p in programme] == ["Programmaonderzoek PROGRAMMAMARKER"]
    other = client.get(f"{BASE}/programme?year=2027", **scene.api("u-raadslid1")).json()
    assert other == []

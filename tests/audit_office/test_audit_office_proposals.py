# SPDX-License-Identifier: EUPL-1.2
"""A member proposes a study to the rekenkamer; the griffie files it on behalf of the council
with its raadsbesluit or motion (Gemeentewet art. 182), or closes it with reasons. The college,
the civil service and another municipality cannot propose; bad input is a Dutch error and writes
nothing."""

import json

import pytest
from django.utils import timezone

from raadsloket.audit.models import AuditEvent
from raadsloket.audit_office import services
from raadsloket.audit_office.models import RequestStatus, StudyRequest
from raadsloket.lib.errors import DomainError, Forbidden
from tests.audit_office.conftest import request_data

pytestmark = pytest.mark.django_db

API = "/api/v1/audit-office"
PROPOSAL = {
    "subject": "Armoedebeleid VOORSTELMARKER",
    "question": "Bereikt het armoedebeleid de juiste mensen?",
    "reason": "Inwoners melden dat zij de regelingen niet vinden.",
}


def _propose(scene, username: str = "raadslid1") -> StudyRequest:
    return services.propose_study(scene.people[username], dict(PROPOSAL))


def _post_api(scene, url: str, body: dict, username: str):
    return scene.web(None).post(
        url, json.dumps(body), content_type="application/json", **scene.api(username)
    )


def test_a_raadslid_proposes_and_the_griffie_sees_it_first(scene):
    client = scene.web("raadslid1")
    response = client.post("/rekenkamer/voorstellen", PROPOSAL)
    assert response.status_code == 302
    proposal = StudyRequest.objects.get(subject=PROPOSAL["subject"])
    assert proposal.status == RequestStatus.PROPOSED
    assert proposal.proposed_by == scene.main["raadslid1"]
    assert proposal.filed_on is None and proposal.filed_by is None
    assert AuditEvent.objects.filter(action="audit_office.request_proposed").exists()
    page = scene.web("griffier").get("/rekenkamer/").content.decode()
    assert page.index("VOORSTELMARKER") < page.index("TAAKMARKER")
    assert "Voorstellen van raadsleden" in page
    detail = scene.web("griffier").get(response["Location"]).content.decode()
    assert "Vastleggen: ingediend namens de raad" in detail
    assert "Vastleggen: niet ingediend" in detail


def test_members_see_the_proposal_form_and_the_griffie_does_not(scene):
    for username in ("raadslid1", "commissielid1", "fractiemedewerker1"):
        page = scene.web(username).get("/rekenkamer/").content.decode()
        assert "Onderzoek voorstellen" in page, username
    assert "Onderzoek voorstellen" not in scene.web("griffier").get("/rekenkamer/").content.decode()


def test_the_griffie_files_a_proposal_with_the_motion(scene):
    proposal = _propose(scene)
    response = scene.web("griffier").post(
        f"/rekenkamer/verzoeken/{proposal.pk}/indienen", {"motion_number": "M-1"}
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.FILED
    assert proposal.motion.number == "M-1"
    assert proposal.filed_by == scene.main["griffier"]
    assert proposal.filed_on == timezone.localdate()
    assert services.allowed_actions(proposal) == ["in_behandeling", "afwijzen"]


def test_filing_without_raadsbesluit_or_motion_is_a_dutch_error_and_writes_nothing(scene):
    proposal = _propose(scene)
    client = scene.web("griffier")
    response = client.post(f"/rekenkamer/verzoeken/{proposal.pk}/indienen", {})
    assert response.status_code == 400
    assert "Vul het raadsbesluit of het nummer van de motie in" in response.content.decode()
    unknown = client.post(
        f"/rekenkamer/verzoeken/{proposal.pk}/indienen", {"motion_number": "M-99"}
    )
    assert unknown.status_code == 400
    assert "Er is geen motie met nummer M-99" in unknown.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.PROPOSED
    assert proposal.filed_on is None
    assert not AuditEvent.objects.filter(action="audit_office.request_indienen").exists()


def test_the_griffie_closes_a_proposal_with_reasons(scene):
    proposal = _propose(scene)
    client = scene.web("griffier")
    empty = client.post(f"/rekenkamer/verzoeken/{proposal.pk}/niet_indienen", {"reasons": " "})
    assert empty.status_code == 400
    assert "Schrijf waarom het voorstel niet wordt ingediend." in empty.content.decode()
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.PROPOSED
    closed = client.post(
        f"/rekenkamer/verzoeken/{proposal.pk}/niet_indienen",
        {"reasons": "De raad stemde tegen de motie."},
    )
    assert closed.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.NOT_FILED
    page = scene.web("raadslid1").get(f"/rekenkamer/verzoeken/{proposal.pk}").content.decode()
    assert "De raad stemde tegen de motie." in page


def test_the_member_does_not_file_the_own_proposal(scene):
    proposal = _propose(scene)
    response = scene.web("raadslid1").post(
        f"/rekenkamer/verzoeken/{proposal.pk}/indienen", {"motion_number": "M-1"}
    )
    assert response.status_code == 404
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.PROPOSED


@pytest.mark.parametrize("username", ["wethouder1", "burgemeester", "ambtenaar1", "griffier"])
def test_the_college_the_civil_service_and_the_griffie_do_not_propose(scene, username):
    before = StudyRequest.objects.count()
    assert scene.web(username).post("/rekenkamer/voorstellen", PROPOSAL).status_code == 404
    with pytest.raises(Forbidden):
        _propose(scene, username)
    assert StudyRequest.objects.count() == before


def test_another_municipality_neither_sees_nor_files_our_proposal(scene):
    proposal = _propose(scene)
    assert "VOORSTELMARKER" not in scene.web("u-raadslid1").get("/rekenkamer/").content.decode()
    response = scene.web("u-griffier").post(
        f"/rekenkamer/verzoeken/{proposal.pk}/indienen", {"motion_number": "M-1"}
    )
    assert response.status_code == 404
    own = _propose(scene, "u-raadslid1")
    assert own.municipality == scene.other.municipality
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.PROPOSED


def test_bad_input_on_the_page_is_a_dutch_error_and_writes_nothing(scene):
    before = StudyRequest.objects.count()
    response = scene.web("raadslid1").post(
        "/rekenkamer/voorstellen", {"subject": "", "question": "x", "reason": ""}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul het onderwerp in." in page
    assert "Schrijf waarom de raad dit onderzoek vraagt." in page
    assert StudyRequest.objects.count() == before


def test_the_api_takes_a_proposal_from_a_member_only(scene):
    made = _post_api(scene, f"{API}/proposals", PROPOSAL, "raadslid1")
    assert made.status_code == 201, made.content
    body = made.json()
    assert body["status"] == RequestStatus.PROPOSED
    assert body["filed_on"] is None
    assert body["proposed_by"] == scene.main["raadslid1"].display_name
    assert body["next_actions"] == ["indienen", "niet_indienen"]
    before = StudyRequest.objects.count()
    refused = _post_api(scene, f"{API}/proposals", PROPOSAL, "wethouder1")
    assert refused.status_code == 403
    griffie = _post_api(scene, f"{API}/proposals", PROPOSAL, "griffier")
    assert griffie.status_code == 403
    bad = _post_api(scene, f"{API}/proposals", {**PROPOSAL, "subject": ""}, "raadslid1")
    assert bad.status_code == 422
    assert bad.json()["errors"]["subject"] == ["Vul het onderwerp in."]
    assert StudyRequest.objects.count() == before
    filed = _post_api(
        scene,
        f"{API}/requests/{body['id']}/actions/indienen",
        {"data": {"council_decision": "RB-2026-12"}},
        "griffier",
    )
    assert filed.status_code == 200, filed.content
    assert filed.json()["status"] == RequestStatus.FILED


def test_a_request_the_griffie_files_at_once_has_no_proposer(scene):
    filed = services.file_request(scene.main["griffier"], request_data("Direct"))
    assert filed.proposed_by is None
    assert filed.status == RequestStatus.FILED


def test_the_service_refuses_to_close_a_proposal_without_reasons(scene):
    proposal = _propose(scene)
    with pytest.raises(DomainError) as refused:
        services.act(scene.main["griffier"], proposal, "niet_indienen", {"reasons": ""})
    assert refused.value.errors == {
        "reasons": ["Schrijf waarom het voorstel niet wordt ingediend."]
    }
    proposal.refresh_from_db()
    assert proposal.status == RequestStatus.PROPOSED

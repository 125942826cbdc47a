# SPDX-License-Identifier: EUPL-1.2
"""Requests of the council to the rekenkamer (Gemeentewet art. 182): the griffie files them and
records what the rekenkamer decided; a step that does not follow is refused in Dutch and writes
nothing."""

from datetime import timedelta

import pytest

from raadsloket.audit.models import AuditEvent
from raadsloket.audit_office import services
from raadsloket.audit_office.models import RequestStatus, StudyRequest
from raadsloket.lib.errors import Conflict, DomainError, Forbidden, NotFound
from tests.audit_office.conftest import request_data

pytestmark = pytest.mark.django_db


def _events(action: str) -> int:
    return AuditEvent.objects.filter(action=action).count()


def test_the_griffie_files_a_request_linked_to_the_motion(scene):
    filed = scene.requests["FILED"]
    assert filed.status == RequestStatus.FILED
    assert filed.motion.number == "M-1"
    assert filed.filed_by == scene.main["griffier"]


def test_a_motion_that_is_not_in_the_register_is_refused_in_dutch(scene):
    before = StudyRequest.objects.count()
    with pytest.raises(DomainError) as refused:
        services.file_request(scene.main["griffier"], request_data("X", motion_number="M-99"))
    assert refused.value.errors == {
        "motion_number": ["Er is geen motie met nummer M-99 in het motieregister."]
    }
    assert StudyRequest.objects.count() == before


def test_a_raadslid_does_not_file_on_behalf_of_the_council(scene):
    with pytest.raises(Forbidden, match="Alleen de griffie"):
        services.file_request(scene.main["raadslid1"], request_data("Eigen onderzoek"))


def test_the_whole_way_from_filed_to_discussed(scene):
    griffier = scene.main["griffier"]
    study = services.file_request(griffier, request_data("Parkeerbeleid"))
    day = study.filed_on
    study = services.act(griffier, study, "in_behandeling", {"decided_on": day, "reasons": ""})
    study = services.act(griffier, study, "starten", {})
    assert study.status == RequestStatus.RUNNING
    study = services.act(
        griffier,
        study,
        "rapport",
        {"report_title": "Parkeren", "report_date": day, "report_url": "https://x.nl/r.pdf"},
    )
    study = services.act(griffier, study, "besproken", {"discussed_on": day + timedelta(days=30)})
    study.refresh_from_db()
    assert study.status == RequestStatus.DISCUSSED
    assert (study.report_title, study.report_url) == ("Parkeren", "https://x.nl/r.pdf")
    assert _events("audit_office.request_besproken") >= 1


def test_the_rekenkamer_refuses_with_reasons(scene):
    griffier = scene.main["griffier"]
    study = services.file_request(griffier, request_data("Subsidies"))
    with pytest.raises(DomainError) as refused:
        services.act(griffier, study, "afwijzen", {"decided_on": study.filed_on, "reasons": " "})
    assert refused.value.errors == {"reasons": ["Vul de motivering van de rekenkamer in."]}
    study.refresh_from_db()
    assert study.status == RequestStatus.FILED
    study = services.act(
        griffier,
        study,
        "afwijzen",
        {"decided_on": study.filed_on, "reasons": "Valt buiten het programma van dit jaar."},
    )
    assert study.status == RequestStatus.REFUSED
    assert study.decision_reasons == "Valt buiten het programma van dit jaar."
    assert services.allowed_actions(study) == []


def test_a_step_that_does_not_follow_is_refused_and_writes_nothing(scene):
    study = scene.requests["FILED"]
    before = AuditEvent.objects.count()
    with pytest.raises(Conflict) as refused:
        services.act(scene.main["griffier"], study, "besproken", {"discussed_on": study.filed_on})
    assert "Dit kan niet bij een verzoek met status 'ingediend'" in refused.value.message
    assert "'rapport aangeboden'" in refused.value.message
    study.refresh_from_db()
    assert study.status == RequestStatus.FILED
    assert study.discussed_on is None
    assert AuditEvent.objects.count() == before


def test_a_decision_before_the_request_was_filed_is_refused(scene):
    study = scene.requests["FILED"]
    with pytest.raises(DomainError) as refused:
        services.act(
            scene.main["griffier"],
            study,
            "in_behandeling",
            {"decided_on": study.filed_on - timedelta(days=1), "reasons": ""},
        )
    assert "decided_on" in refused.value.errors
    study.refresh_from_db()
    assert study.status == RequestStatus.FILED


def test_only_the_griffie_records_the_decision(scene):
    study = scene.requests["FILED"]
    with pytest.raises(Forbidden):
        services.act(
            scene.main["raadslid1"], study, "in_behandeling", {"decided_on": study.filed_on}
        )
    with pytest.raises(NotFound):
        services.act(
            scene.other["griffier"], study, "in_behandeling", {"decided_on": study.filed_on}
        )
    study.refresh_from_db()
    assert study.status == RequestStatus.FILED


def test_the_page_form_gives_dutch_errors_and_files_nothing(scene):
    before = StudyRequest.objects.count()
    response = scene.web("griffier").post(
        "/rekenkamer/verzoeken", {"subject": "", "question": "", "reason": "", "motion_number": ""}
    )
    assert response.status_code == 400
    page = response.content.decode()
    for message in (
        "Vul het onderwerp in.",
        "Vul de onderzoeksvraag in.",
        "Schrijf waarom de raad dit onderzoek vraagt.",
    ):
        assert message in page
    assert StudyRequest.objects.count() == before


def test_the_page_records_a_report_with_a_bad_link_as_a_dutch_error(scene):
    study = scene.requests["TAKEN"]
    response = scene.web("griffier").post(
        f"/rekenkamer/verzoeken/{study.pk}/rapport",
        {"report_title": "", "report_date": "gisteren", "report_url": "geen link"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul de titel van het rapport in." in page
    assert "Vul een geldige datum in" in page
    assert "Vul een geldige link in" in page
    study.refresh_from_db()
    assert study.status == RequestStatus.TAKEN_UP


def test_the_page_files_a_request_and_shows_it(scene):
    client = scene.web("raadsadviseur")
    response = client.post(
        "/rekenkamer/verzoeken", request_data("Grondbeleid", motion_number="M-1")
    )
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Grondbeleid" in page
    assert "M-1" in page
    assert "In behandeling genomen" in page

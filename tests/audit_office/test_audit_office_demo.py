# SPDX-License-Identifier: EUPL-1.2
"""The demo's rekenkamer: a request with its report, one waiting, a programme and this year's
cycle, each made through the domain functions (so the audit chain holds them)."""

import pytest
from django.utils import timezone

from raadsloket.audit.models import AuditEvent
from raadsloket.audit_office.cycle import adoption_deadline
from raadsloket.audit_office.models import CycleDate, ProgrammeStudy, RequestStatus, StudyRequest
from raadsloket.demo.audit_office import load_audit_office

pytestmark = pytest.mark.django_db


def test_the_demo_has_a_report_a_pending_request_a_programme_and_the_cycle(scene):
    municipality = scene.main.municipality
    year = timezone.localdate().year
    line = load_audit_office(scene.main)
    assert line.startswith("Rekenkamer: 2 verzoeken")
    reported = StudyRequest.objects.get(municipality=municipality, subject__startswith="Effect")
    assert reported.status == RequestStatus.REPORTED
    assert reported.report_title and reported.motion is not None
    pending = StudyRequest.objects.get(municipality=municipality, subject__startswith="Sturing")
    assert pending.status == RequestStatus.FILED
    assert ProgrammeStudy.objects.filter(municipality=municipality, year=year).count() == 3
    legal = CycleDate.objects.get(municipality=municipality, budget_year=year, legal=True)
    assert legal.date == adoption_deadline(year)
    assert CycleDate.objects.filter(municipality=municipality, kind="auditcommissie").exists()
    assert AuditEvent.objects.filter(action="audit_office.request_rapport").exists()
    # The demo's dates land in the page a raadslid opens.
    page = scene.web("raadslid1").get(f"/rekenkamer/verzoeken/{reported.pk}").content.decode()
    assert "Bereik en kosten van het armoedebeleid" in page

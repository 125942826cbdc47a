# SPDX-License-Identifier: EUPL-1.2
"""Who hears what became of a request to the rekenkamer: the member who proposed it and the
council's readers of the municipality; never the college, the civil service, another
municipality or the one who recorded the step."""

import pytest

from raadsloket.audit_office import services
from raadsloket.notify.models import Notification

pytestmark = pytest.mark.django_db

TOLD = {"raadslid1", "commissielid1", "fractiemedewerker1", "raadsadviseur"}
NEVER = {"griffier", "wethouder1", "burgemeester", "secretaris", "ambtenaar1", "beheerder"}


def _told(event: str) -> dict[str, Notification]:
    rows = Notification.objects.filter(event=event).select_related("recipient")
    return {row.recipient.username: row for row in rows}


def _proposal(scene):
    return services.propose_study(
        scene.main["raadslid1"],
        {"subject": "Sportparken", "question": "Wat kost het?", "reason": "Zorgen."},
    )


def test_filing_a_proposal_tells_the_proposer_and_the_council_not_the_college(scene):
    proposal = _proposal(scene)
    services.act(scene.main["griffier"], proposal, "indienen", {"motion_number": "M-1"})
    told = _told("audit_office_request_indienen")
    assert set(told) >= TOLD
    assert not NEVER & set(told)
    assert not any(name.startswith("u-") for name in told)
    notice = told["raadslid1"]
    assert notice.link == f"/rekenkamer/verzoeken/{proposal.pk}"
    assert "ingediend namens de raad" in notice.title
    assert "Sportparken" in notice.title
    assert "Sportparken" not in notice.headline


def test_closing_a_proposal_tells_the_proposer_once(scene):
    proposal = _proposal(scene)
    services.act(scene.main["griffier"], proposal, "niet_indienen", {"reasons": "Geen steun."})
    rows = Notification.objects.filter(
        event="audit_office_request_niet_indienen", recipient=scene.main["raadslid1"]
    )
    assert rows.count() == 1
    assert "niet ingediend" in rows.get().title


@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("in_behandeling", {"reasons": ""}, "in behandeling"),
        ("afwijzen", {"reasons": "Past niet in het programma."}, "afgewezen"),
    ],
)
def test_the_rekenkamer_decision_tells_the_council(scene, name, data, words):
    filed = scene.requests["FILED"]
    services.act(scene.main["griffier"], filed, name, {"decided_on": filed.filed_on, **data})
    told = _told("audit_office_request_" + name)
    assert set(told) >= TOLD
    assert not NEVER & set(told)
    assert words in told["commissielid1"].title


def test_the_report_tells_the_council_and_the_raadsadviseur_not_the_griffier_who_recorded_it(
    scene,
):
    taken = scene.requests["TAKEN"]
    services.act(
        scene.main["griffier"],
        taken,
        "rapport",
        {"report_title": "Jeugdzorg", "report_date": taken.filed_on, "report_url": ""},
    )
    told = _told("audit_office_request_rapport")
    assert set(told) >= TOLD
    assert "griffier" not in told
    assert "wethouder1" not in told


def test_starting_the_study_tells_nobody(scene):
    before = Notification.objects.count()
    services.act(scene.main["griffier"], scene.requests["TAKEN"], "starten", {})
    assert Notification.objects.count() == before

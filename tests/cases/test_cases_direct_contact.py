# SPDX-License-Identifier: EUPL-1.2
"""Direct contact for small factual information: allowed by the Utrecht profile, logged."""

import pytest

from raadsloket.access.cases import sections, visible_cases
from raadsloket.access.viewer import viewer_for
from raadsloket.api.tokens import issue
from raadsloket.cases.instruments import Channel
from raadsloket.cases.models import Case
from raadsloket.cases.states import State


def post(client, person, body):
    return client.post(
        "/api/v1/direct-contacts",
        body,
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issue(person)}",
    )


def contact(world, member="raadslid1"):
    return {
        "member": world[member].pk,
        "title": "Openingstijden milieustraat",
        "question": "Wat zijn de openingstijden van de milieustraat op zaterdag?",
        "answer": "Op zaterdag van 9.00 tot 16.00 uur.",
        "policy_area": "duurzaamheid",
    }


@pytest.mark.django_db
def test_under_utrecht_profile_a_civil_servant_logs_a_direct_contact(client, other_world):
    world = other_world
    response = post(client, world["ambtenaar1"], contact(world))
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["state"] == State.DELIVERED
    assert body["channel"] == Channel.DIRECT_CONTACT

    case = Case.objects.get(pk=body["id"])
    assert case.requester == world["raadslid1"] and case.filed_by == world["ambtenaar1"]
    assert (
        case.timeline.filter(action="deliver")
        .get()
        .detail.startswith("Rechtstreeks contact vastgelegd")
    )
    # The member and the griffie see it; the author keeps it; no manager or college does.
    for username in ("raadslid1", "griffier", "ambtenaar1"):
        assert case in visible_cases(viewer_for(world[username]))
    for username in ("manager1", "wethouder1"):
        assert not sections(viewer_for(world[username]), case)


@pytest.mark.django_db
def test_vng_model_has_no_direct_contact_and_writes_nothing(client, world):
    before = Case.objects.count()
    response = post(client, world["ambtenaar1"], contact(world))
    assert response.status_code == 403
    assert "via de griffie" in response.json()["detail"]
    assert Case.objects.count() == before


@pytest.mark.django_db
def test_only_civil_servants_log_direct_contacts_and_bad_input_names_the_field(client, other_world):
    world = other_world
    assert post(client, world["raadslid2"], contact(world)).status_code == 403
    bad = {**contact(world), "answer": ""}
    response = post(client, world["ambtenaar1"], bad)
    assert response.status_code == 422
    assert "answer" in response.json()["errors"]
    assert not Case.objects.filter(channel=Channel.DIRECT_CONTACT).exists()

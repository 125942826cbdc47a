# SPDX-License-Identifier: EUPL-1.2
"""Direct contact for small factual information: allowed by the Utrecht profile, logged."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from raadsloket.access.cases import sections, visible_cases
from raadsloket.access.viewer import viewer_for
from raadsloket.api.tokens import issue
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.instruments import Channel
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.notify.models import Notification
from raadsloket.organisation.models import Municipality, Person
from raadsloket.records.retention import add_years, retention_for


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


def act(client, person, case_id, action, data=None):
    return client.post(
        f"/api/v1/cases/{case_id}/actions/{action}",
        {"data": data or {}},
        content_type="application/json",
        HTTP_AUTHORIZATION=f"Bearer {issue(person)}",
    )


def seen_by(world, case) -> set[str]:
    """Who of `world` has the case in a list or may open it (the two always agree)."""
    names = set()
    for name, person in world.people.items():
        viewer = viewer_for(Person.objects.get(pk=person.pk))
        listed = visible_cases(viewer).filter(pk=case.pk).exists()
        assert listed == bool(sections(viewer, Case.objects.get(pk=case.pk))), name
        if listed:
            names.add(name)
    return names


INSIDE = {"raadslid1", "ambtenaar1", "griffier", "raadsadviseur", "raadsadviseur2"}


@pytest.mark.django_db
def test_under_utrecht_profile_a_civil_servant_logs_a_direct_contact(client, other_world):
    world = other_world
    response = post(client, world["ambtenaar1"], contact(world))
    assert response.status_code == 201, response.content
    body = response.json()
    # Logged, not yet an answer: the member confirms first (profile channel).
    assert body["state"] == State.CONTACT_LOGGED
    assert body["channel"] == Channel.DIRECT_CONTACT

    case = Case.objects.get(pk=body["id"])
    assert case.requester == world["raadslid1"] and case.filed_by == world["ambtenaar1"]
    assert (
        case.timeline.filter(action="deliver")
        .get()
        .detail.startswith("Rechtstreeks contact vastgelegd")
    )
    # Only the author, the member and the griffie; no other member, manager, college or
    # administrator (not even as metadata), and it is not counted.
    assert seen_by(world, case) == INSIDE
    assert case.submitted_at is None and case.delivered_at is None
    assert not AuditEvent.objects.filter(action="case.confirm_contact").exists()


@pytest.mark.django_db
def test_the_member_is_asked_to_confirm_and_then_it_counts(client, other_world):
    world = other_world
    case_id = post(client, world["ambtenaar1"], contact(world)).json()["id"]
    [notice] = Notification.objects.filter(event="log_contact")
    assert (
        notice.recipient == world["raadslid1"] and notice.link == f"/verzoeken/{case_id}#antwoord"
    )
    assert "Bevestig in raadsloket" in notice.body and "wijs het af" in notice.body
    # The author cannot confirm their own log, nor can the griffie under this profile.
    for person in ("ambtenaar1", "griffier", "raadslid2"):
        assert act(client, world[person], case_id, "confirm_contact").status_code in (403, 404)
    response = act(client, world["raadslid1"], case_id, "confirm_contact")
    assert response.status_code == 200, response.content
    case = Case.objects.get(pk=case_id)
    assert case.state == State.DELIVERED and case.submitted_at and case.delivered_at
    assert AuditEvent.objects.filter(action="case.confirm_contact", case_ref=case_id).exists()
    # Now an answered, public technical question: every member sees it (openness).
    assert {"raadslid2", "raadslid3"} <= seen_by(world, case)
    assert Notification.objects.filter(event="confirm_contact", recipient=world["ambtenaar1"])


@pytest.mark.django_db
def test_a_rejected_contact_stays_with_author_member_and_griffie(client, other_world):
    world = other_world
    case_id = post(client, world["ambtenaar1"], contact(world)).json()["id"]
    response = act(
        client, world["raadslid1"], case_id, "reject_contact", {"note": "Zo is het niet gezegd."}
    )
    assert response.status_code == 200, response.content
    case = Case.objects.get(pk=case_id)
    assert case.state == State.CONTACT_REJECTED and case.submitted_at is None
    assert seen_by(world, case) == INSIDE
    assert AuditEvent.objects.filter(action="case.reject_contact", case_ref=case_id).exists()
    assert Notification.objects.filter(event="reject_contact", recipient=world["ambtenaar1"])
    assert act(client, world["raadslid1"], case_id, "confirm_contact").status_code in (403, 409)
    assert Case.objects.get(pk=case_id).state == State.CONTACT_REJECTED
    # The rejection ends it: its retention period runs from that day (Archiefwet art. 5).
    retention = retention_for(case, world.municipality.policy)
    assert retention is not None and retention.ended_on == timezone.localdate(case.closed_at)
    years = world.municipality.policy.records.retention_years.technical_question
    assert not retention.is_due(add_years(retention.ended_on, years) - timedelta(days=1))
    assert retention.is_due(add_years(retention.ended_on, years))


@pytest.mark.django_db
def test_a_profile_may_let_the_griffie_confirm(client, other_world):
    world = other_world
    Municipality.objects.filter(pk=world.municipality.pk).update(
        policy_overrides={"channel": {"direct_contact_confirmed_by": "griffie"}}
    )
    case_id = post(client, world["ambtenaar1"], contact(world)).json()["id"]
    told = set(
        Notification.objects.filter(event="log_contact").values_list(
            "recipient__username", flat=True
        )
    )
    assert told == {
        world[name].username for name in ("griffier", "raadsadviseur", "raadsadviseur2")
    }
    assert act(client, world["raadslid1"], case_id, "confirm_contact").status_code in (403, 404)
    assert act(client, world["griffier"], case_id, "confirm_contact").status_code == 200
    assert Case.objects.get(pk=case_id).state == State.DELIVERED


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


@pytest.mark.django_db
@pytest.mark.parametrize("action", ["confirm_contact", "reject_contact"])
@pytest.mark.parametrize("note", ["x" * 2001, ["a", "b"]], ids=["note too long", "list for note"])
def test_a_bad_note_on_confirming_or_rejecting_is_refused_and_changes_nothing(
    client, other_world, action, note
):
    world = other_world
    case_id = post(client, world["ambtenaar1"], contact(world)).json()["id"]
    # Issuing the API token is audited too; count what is written about the case.
    case_events = AuditEvent.objects.filter(case_ref=case_id)
    events = (Case.objects.get(pk=case_id).timeline.count(), case_events.count())
    response = act(client, world["raadslid1"], case_id, action, {"note": note})
    assert response.status_code == 422, response.content
    body = response.json()
    assert "note" in json.dumps(body) and "this field" not in json.dumps(body).lower()
    case = Case.objects.get(pk=case_id)
    assert case.state == State.CONTACT_LOGGED
    assert (case.timeline.count(), case_events.count()) == events

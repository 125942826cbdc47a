# SPDX-License-Identifier: EUPL-1.2
"""GET /api/v1/notifications and POST /api/v1/notifications/{id}/read: the caller's own only."""

import pytest

from raadsloket.api.tokens import issue
from raadsloket.cases.states import State
from raadsloket.notify.models import Notification
from tests.notify.notify_helpers import SITE_URL

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered(desk):
    return desk.run_to(desk.new(), State.DELIVERED)


def bearer(person) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue(person)}"}


def test_list_my_notifications_newest_first(client, world, delivered):
    response = client.get("/api/v1/notifications", **bearer(world["raadslid1"]))
    assert response.status_code == 200, response.content
    body = response.json()
    # The startgesprek's invitation was settled once the startgesprek was recorded (events.TURN).
    assert body["unread"] == 2 and body["next_after"] is None
    assert [item["event"] for item in body["items"]] == ["deliver", "plan_kickoff", "assign"]
    item = body["items"][0]
    assert item["case_id"] == delivered.pk
    assert item["url"] == f"{SITE_URL}/verzoeken/{delivered.pk}#antwoord"
    assert item["title"].startswith(f"{delivered.reference} (ambtelijke bijstand): opgeleverd")
    assert item["read_at"] is None and item["legally_required"] is False


def test_pages_and_unread_filter(client, world, delivered):
    headers = bearer(world["raadslid1"])
    first = client.get("/api/v1/notifications?limit=2", **headers).json()
    assert len(first["items"]) == 2 and first["next_after"] is not None
    rest = client.get(f"/api/v1/notifications?limit=2&after={first['next_after']}", **headers)
    assert [item["event"] for item in rest.json()["items"]] == ["assign"]
    newest = first["items"][0]["id"]
    client.post(f"/api/v1/notifications/{newest}/read", **headers)
    unread = client.get("/api/v1/notifications?unread=true", **headers).json()
    assert unread["unread"] == 1 and newest not in [item["id"] for item in unread["items"]]
    huge = client.get(f"/api/v1/notifications?after={2**70}", **headers)
    # An id no database can hold is past the end, not a crash.
    assert huge.status_code == 200 and huge.json()["unread"] == 1


def test_mark_read_only_my_own(client, world, desk, delivered):
    mine = Notification.objects.filter(recipient=world["raadslid1"]).first()
    # A new request the griffie has not taken into intake yet: its notice is still unread.
    waiting = desk.run_to(desk.new(), State.SUBMITTED)
    theirs = Notification.objects.get(recipient=world["griffier"], case=waiting, read_at=None)
    headers = bearer(world["raadslid1"])
    response = client.post(f"/api/v1/notifications/{mine.pk}/read", **headers)
    assert response.status_code == 200 and response.json()["read_at"] is not None
    response = client.post(f"/api/v1/notifications/{theirs.pk}/read", **headers)
    assert response.status_code == 404
    assert response.json()["detail"] == "Melding niet gevonden."
    theirs.refresh_from_db()
    assert theirs.read_at is None


def test_session_login_works_too(client, world, delivered):
    client.force_login(world["griffier"])
    response = client.get("/api/v1/notifications")
    assert response.status_code == 200
    assert {item["event"] for item in response.json()["items"]} == {"submit", "plan_kickoff"}


def test_anonymous_gets_a_dutch_401(client, db):
    response = client.get("/api/v1/notifications")
    assert response.status_code == 401
    assert response.json()["detail"] == "Niet ingelogd of ongeldige API-sleutel."

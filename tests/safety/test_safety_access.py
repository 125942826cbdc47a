# SPDX-License-Identifier: EUPL-1.2
"""Who reads an incident (raadsloket.access.safety): every role of the world × every way in.

Only the reporter, the griffier, the burgemeester and the reader the burgemeester added open an
incident, its evidence and its API detail; for everyone else it does not exist: the same 404 as
an id that was never used. The handlers' list is the griffier's and the burgemeester's only.
"""

import pytest

from raadsloket.audit.models import AuditEvent
from tests.support.crawl import page_without_csrf
from tests.support.safety import MARKERS, ROLES

pytestmark = pytest.mark.django_db

UNKNOWN_ID = 987654321
PEOPLE = [*ROLES.values(), None]  # None: anonymous
IDS = {None: "anonymous", **{username: label for label, username in ROLES.items()}}


def _ids(username):
    return IDS[username]


@pytest.mark.parametrize("username", PEOPLE, ids=_ids)
def test_the_incident_page_opens_only_for_its_readers(scene, username):
    incident = scene.incidents["A"]
    client = scene.web(username)
    response = client.get(f"/veiligheid/meldingen/{incident.pk}")
    unknown = client.get(f"/veiligheid/meldingen/{UNKNOWN_ID}")
    if username is None:
        assert response.status_code == unknown.status_code == 302
        assert response["Location"].startswith("/inloggen/")
    elif scene.sees(username, "A"):
        assert response.status_code == 200
        assert "ZWAVELSTOKTEKST" in response.content.decode()
    else:
        assert response.status_code == 404
        assert page_without_csrf(response) == page_without_csrf(unknown)


@pytest.mark.parametrize("username", PEOPLE, ids=_ids)
def test_the_evidence_downloads_only_for_its_readers(scene_files, username):
    scene = scene_files
    incident = scene.incidents["A"]
    evidence = incident.evidence.get()
    response = scene.web(username).get(
        f"/veiligheid/meldingen/{incident.pk}/bewijs/{evidence.token}"
    )
    if username is None:
        assert response.status_code == 302
    elif scene.sees(username, "A"):
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith("attachment")
        assert "bewijs-LAVENDELBOOG.png" in response["Content-Disposition"]
        assert response["Content-Type"] == "image/png"
        assert response["X-Content-Type-Options"] == "nosniff"
    else:
        assert response.status_code == 404
        assert "LAVENDELBOOG" not in response.content.decode()


@pytest.mark.parametrize("username", PEOPLE, ids=_ids)
def test_the_api_detail_answers_only_its_readers(scene, username):
    client, auth = scene.web(None), scene.api(username)
    for key, incident in scene.incidents.items():
        response = client.get(f"/api/v1/safety/incidents/{incident.pk}", **auth)
        unknown = client.get(f"/api/v1/safety/incidents/{UNKNOWN_ID}", **auth)
        if username is None:
            assert response.status_code == unknown.status_code == 401
        elif scene.sees(username, key):
            assert response.status_code == 200, (key, response.content)
            assert response.json()["id"] == incident.pk
        else:
            assert response.status_code == 404, key
            assert response.json() == unknown.json()


@pytest.mark.parametrize("username", PEOPLE, ids=_ids)
def test_the_api_lists_show_own_incidents_and_the_handlers_all(scene, username):
    client, auth = scene.web(None), scene.api(username)
    own = client.get("/api/v1/safety/incidents", **auth)
    handling = client.get("/api/v1/safety/handling", **auth)
    if username is None:
        assert own.status_code == handling.status_code == 401
        return
    reported = {k for k, i in scene.incidents.items() if i.reporter.username == username}
    assert own.status_code == 200, own.content
    assert {item["id"] for item in own.json()["items"]} == {scene.incidents[k].pk for k in reported}
    if username in ("griffier", "burgemeester", "u-griffier", "u-burgemeester"):
        keys = {"A", "B"} if not username.startswith("u-") else {"D"}
        assert {item["id"] for item in handling.json()["items"]} == {
            scene.incidents[k].pk for k in keys
        }
    else:
        assert handling.status_code == 404
    for marker, (key, _) in MARKERS.items():
        if not scene.sees(username, key):
            assert marker not in own.content.decode() + handling.content.decode()


@pytest.mark.parametrize("username", PEOPLE, ids=_ids)
def test_the_handlers_list_is_the_griffiers_and_the_burgemeesters(scene, username):
    response = scene.web(username).get("/veiligheid/behandeling")
    if username is None:
        assert response.status_code == 302
    elif username in ("griffier", "burgemeester", "u-griffier", "u-burgemeester"):
        assert response.status_code == 200
        text = response.content.decode()
        mine = "D" if username.startswith("u-") else "A"
        assert f"/veiligheid/meldingen/{scene.incidents[mine].pk}" in text
    else:
        assert response.status_code == 404


def test_break_glass_does_not_reach_an_incident(scene):
    """The administrator's grant is on a case; it opens that case, never an incident."""
    admin = scene.person("beheerder-nood")
    from raadsloket.access.viewer import viewer_for

    assert viewer_for(admin).break_glass_cases
    incident = scene.incidents["A"]
    client = scene.web("beheerder-nood")
    assert client.get(f"/veiligheid/meldingen/{incident.pk}").status_code == 404
    assert client.get("/api/v1/safety/handling", **scene.api("beheerder-nood")).status_code == 404


def test_every_read_of_an_incident_leaves_an_audit_event(scene):
    incident = scene.incidents["A"]
    before = AuditEvent.objects.filter(action="safety.incident_read").count()
    scene.web("griffier").get(f"/veiligheid/meldingen/{incident.pk}")
    scene.web(None).get(f"/api/v1/safety/incidents/{incident.pk}", **scene.api("burgemeester"))
    events = list(AuditEvent.objects.filter(action="safety.incident_read").order_by("seq")[before:])
    assert [(e.actor_ref, e.detail["incident"]) for e in events] == [
        ("griffier", incident.pk),
        ("burgemeester", incident.pk),
    ]
    # An outsider's attempt reads nothing and so records no read.
    scene.web("wethouder1").get(f"/veiligheid/meldingen/{incident.pk}")
    assert AuditEvent.objects.filter(action="safety.incident_read").count() == before + 2

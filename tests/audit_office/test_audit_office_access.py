# SPDX-License-Identifier: EUPL-1.2
"""Who reads and changes the rekenkamer pages (raadsloket.access.audit_office): every member
and the griffie of the municipality read; only the griffie changes; another municipality, the
college, the civil service and the functional administrator get 404, as for an unknown id."""

import pytest

from tests.support.crawl import page_without_csrf

pytestmark = pytest.mark.django_db

READERS = ["raadslid1", "commissielid1", "fractiemedewerker1", "griffier", "raadsadviseur"]
OUTSIDERS = ["wethouder1", "burgemeester", "secretaris", "ambtenaar1", "beheerder"]
UNKNOWN_ID = 987654321


@pytest.mark.parametrize("username", READERS)
def test_a_reader_of_the_municipality_sees_requests_programme_and_cycle(scene, username):
    client = scene.web(username)
    index = client.get("/rekenkamer/?jaar=2027").content.decode()
    assert "TAAKMARKER" in index
    assert "PROGRAMMAMARKER" in index
    assert "DOMSTEDEMARKER" not in index
    detail = client.get(f"/rekenkamer/verzoeken/{scene.requests['TAKEN'].pk}")
    assert detail.status_code == 200
    assert client.get("/rekenkamer/cyclus/?jaar=2027").status_code == 200


@pytest.mark.parametrize("username", OUTSIDERS)
def test_an_outsider_gets_404_as_for_an_unknown_id(scene, username):
    client = scene.web(username)
    for url in ("/rekenkamer/", "/rekenkamer/cyclus/", "/rekenkamer/cyclus.ics"):
        assert client.get(url).status_code == 404, url
    seen = client.get(f"/rekenkamer/verzoeken/{scene.requests['TAKEN'].pk}")
    unknown = client.get(f"/rekenkamer/verzoeken/{UNKNOWN_ID}")
    assert seen.status_code == unknown.status_code == 404
    assert page_without_csrf(seen) == page_without_csrf(unknown)


def test_a_raadslid_of_another_municipality_does_not_see_our_request(scene):
    response = scene.web("u-raadslid1").get(f"/rekenkamer/verzoeken/{scene.requests['TAKEN'].pk}")
    assert response.status_code == 404
    own = scene.web("u-raadslid1").get(f"/rekenkamer/verzoeken/{scene.requests['OTHER'].pk}")
    assert own.status_code == 200
    index = scene.web("u-raadslid1").get("/rekenkamer/?jaar=2027").content.decode()
    assert "DOMSTEDEMARKER" in index
    assert "TAAKMARKER" not in index
    assert "PROGRAMMAMARKER" not in index


@pytest.mark.parametrize("username", ["raadslid1", "fractiemedewerker1"])
def test_a_member_reads_but_gets_no_forms_and_may_not_post(scene, username):
    client = scene.web(username)
    study = scene.requests["FILED"]
    page = client.get(f"/rekenkamer/verzoeken/{study.pk}").content.decode()
    assert "Vastleggen:" not in page
    assert "Verzoek vastleggen" not in client.get("/rekenkamer/").content.decode()
    posted = client.post(
        f"/rekenkamer/verzoeken/{study.pk}/in_behandeling", {"decided_on": "2026-12-01"}
    )
    assert posted.status_code == 404
    assert client.post("/rekenkamer/verzoeken", {"subject": "x"}).status_code == 404
    assert (
        client.post("/rekenkamer/cyclus/standaarddata", {"budget_year": "2030"}).status_code == 404
    )
    study.refresh_from_db()
    assert study.status == "ingediend"


def test_the_griffie_of_another_municipality_cannot_act_on_ours(scene):
    study = scene.requests["FILED"]
    response = scene.web("u-griffier").post(
        f"/rekenkamer/verzoeken/{study.pk}/in_behandeling", {"decided_on": "2026-12-01"}
    )
    assert response.status_code == 404
    study.refresh_from_db()
    assert study.status == "ingediend"


def test_anonymous_goes_to_the_login(scene):
    response = scene.web(None).get("/rekenkamer/")
    assert response.status_code == 302
    assert response["Location"].startswith("/inloggen/")


def test_the_start_pages_link_to_the_rekenkamer(scene):
    for username in ("raadslid1", "griffier"):
        assert "/rekenkamer/" in scene.web(username).get("/").content.decode(), username


NAV_ITEM = 'rl-nav__link" href="/rekenkamer/"'


@pytest.mark.parametrize("username", READERS)
def test_a_reader_finds_the_rekenkamer_in_the_menu(scene, username):
    assert NAV_ITEM in scene.web(username).get("/").content.decode()


@pytest.mark.parametrize("username", OUTSIDERS)
def test_an_outsider_has_no_rekenkamer_in_the_menu(scene, username):
    assert NAV_ITEM not in scene.web(username).get("/").content.decode()

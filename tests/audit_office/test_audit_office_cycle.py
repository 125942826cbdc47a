# SPDX-License-Identifier: EUPL-1.2
"""The accountant cycle: the legal date (Gemeentewet art. 198 lid 1 and 200; seed: "uiterlijk
op 15 juli in het jaar volgend op het boekjaar"), the standard dates, the page and the feed."""

from datetime import date

import pytest
from icalendar import Calendar

from raadsloket.audit_office import services
from raadsloket.audit_office.cycle import STANDARD_DATES, adoption_deadline
from raadsloket.audit_office.models import CycleDate, CycleKind
from raadsloket.lib.errors import Conflict, Forbidden


@pytest.mark.parametrize("year", [2000, 2024, 2026, 2027, 2099])
def test_the_council_adopts_the_jaarrekening_by_15_july_of_the_following_year(year):
    assert adoption_deadline(year) == date(year + 1, 7, 15)


def test_the_jaarrekening_2027_is_due_on_15_july_2028():
    assert adoption_deadline(2027) == date(2028, 7, 15)


def test_only_the_adoption_is_law_and_it_is_the_last_standard_date():
    legal = [row for row in STANDARD_DATES if row.legal]
    assert [row.kind for row in legal] == [CycleKind.ADOPTION]
    assert STANDARD_DATES[-1].legal


@pytest.mark.django_db
def test_generating_the_cycle_makes_each_standard_date_once(scene):
    dates = CycleDate.objects.filter(municipality=scene.main.municipality, budget_year=2027)
    assert dates.count() == len(STANDARD_DATES)
    assert dates.get(legal=True).date == date(2028, 7, 15)
    assert services.generate_cycle(scene.main["griffier"], 2027) == []
    assert dates.count() == len(STANDARD_DATES)


@pytest.mark.django_db
def test_a_raadslid_cannot_generate_or_move_dates(scene):
    with pytest.raises(Forbidden):
        services.generate_cycle(scene.main["raadslid1"], 2028)
    entry = CycleDate.objects.filter(municipality=scene.main.municipality, legal=False).first()
    with pytest.raises(Forbidden):
        services.move_cycle_date(scene.main["raadslid1"], entry, date(2027, 9, 1))
    assert not CycleDate.objects.filter(municipality=scene.main.municipality, budget_year=2028)


@pytest.mark.django_db
def test_the_legal_date_does_not_move(scene):
    entry = CycleDate.objects.get(
        municipality=scene.main.municipality, budget_year=2027, legal=True
    )
    with pytest.raises(Conflict, match="Gemeentewet art. 200"):
        services.move_cycle_date(scene.main["griffier"], entry, date(2028, 9, 1))
    entry.refresh_from_db()
    assert entry.date == date(2028, 7, 15)


@pytest.mark.django_db
def test_the_griffie_moves_a_date_and_adds_an_auditcommissie_meeting(scene):
    client = scene.web("griffier")
    entry = CycleDate.objects.get(
        municipality=scene.main.municipality, budget_year=2027, kind=CycleKind.INTERIM
    )
    response = client.post(f"/rekenkamer/cyclus/data/{entry.pk}", {"date": "2027-11-20"})
    assert response.status_code == 302
    entry.refresh_from_db()
    assert entry.date == date(2027, 11, 20)
    response = client.post(
        "/rekenkamer/cyclus/datum",
        {"budget_year": "2027", "kind": "auditcommissie", "date": "2028-06-03", "title": "AC juni"},
    )
    assert response.status_code == 302
    assert CycleDate.objects.filter(title="AC juni", kind=CycleKind.COMMITTEE).exists()


@pytest.mark.django_db
def test_the_cycle_page_highlights_15_july_with_the_days_to_go(scene, time_machine):
    time_machine.move_to("2028-06-15 12:00", tick=False)
    page = scene.web("raadslid1").get("/rekenkamer/cyclus/?jaar=2027").content.decode()
    assert "Uiterlijk 15 juli 2028" in page
    assert "nog 30 dagen" in page
    assert "wettelijke uiterste datum" in page


@pytest.mark.django_db
def test_the_cycle_page_by_default_shows_the_jaarrekening_due_next(scene, time_machine):
    time_machine.move_to("2028-03-01 12:00", tick=False)
    page = scene.web("raadslid1").get("/rekenkamer/cyclus/").content.decode()
    assert "begrotingsjaar 2027" in page


@pytest.mark.django_db
def test_bad_cycle_input_gives_dutch_errors_and_writes_nothing(scene):
    before = CycleDate.objects.count()
    response = scene.web("griffier").post(
        "/rekenkamer/cyclus/datum",
        {"budget_year": "twintig", "kind": "vaststelling", "date": "31-02-2027", "title": ""},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Vul een jaar in, bijvoorbeeld 2027." in page
    assert "Kies vergadering auditcommissie of overig." in page
    assert "Vul een geldige datum in" in page
    assert "Vul een omschrijving in." in page
    assert CycleDate.objects.count() == before


@pytest.mark.django_db
def test_the_feed_parses_and_holds_the_dates_of_the_own_municipality_only(scene):
    services.generate_cycle(scene.other["griffier"], 2027)
    response = scene.web("raadslid1").get("/rekenkamer/cyclus.ics")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    calendar = Calendar.from_ical(response.content)
    events = calendar.walk("VEVENT")
    own = CycleDate.objects.filter(municipality=scene.main.municipality)
    assert len(events) == own.count()
    assert {e.decoded("DTSTART") for e in events} == set(own.values_list("date", flat=True))
    legal = [e for e in events if e.decoded("DTSTART") == date(2028, 7, 15)]
    assert str(legal[0]["SUMMARY"]).startswith("Wettelijk: ")
    uids = {str(e["UID"]) for e in events}
    for entry in CycleDate.objects.filter(municipality=scene.other.municipality):
        assert not any(uid.startswith(f"accountantscyclus-{entry.pk}@") for uid in uids)


@pytest.mark.django_db
@pytest.mark.parametrize("username", [None, "wethouder1", "ambtenaar1", "beheerder"])
def test_the_feed_is_not_for_outsiders(scene, username):
    response = scene.web(username).get("/rekenkamer/cyclus.ics")
    assert response.status_code == (302 if username is None else 404)

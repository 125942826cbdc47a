# SPDX-License-Identifier: EUPL-1.2
"""The public year report: the aggregate reflection report (no figures per fractie), over a
closed calendar year only, where the council members receive it (SECURITY.md "Rapportages")."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import new_case, new_written_question, run_to, run_written_to

pytestmark = pytest.mark.django_db
AMS = ZoneInfo("Europe/Amsterdam")


@pytest.fixture
def last_year(world):
    """Requests of three fracties in the past year: bijstand, a technical and a written question."""
    year = timezone.localdate().year - 1
    with time_machine.travel(datetime(year, 3, 2, 10, tzinfo=AMS), tick=False):
        run_to(world, new_case(world, member="raadslid1"), State.CLOSED, member="raadslid1")
        run_to(world, new_case(world, member="raadslid7"), State.REFUSED, member="raadslid7")
        run_written_to(
            world, new_written_question(world, "raadslid12"), State.PUBLISHED, "raadslid12"
        )
    return year


def test_the_report_of_a_closed_year_is_public_without_figures_per_fractie(
    client, world, last_year
):
    listing = client.get("/openbaar/voorbeeld/").content.decode()
    url = f"/openbaar/voorbeeld/jaarverslag/{last_year}/"
    assert f'href="{url}"' in listing
    response = client.get(url)
    text = response.content.decode()
    assert response.status_code == 200
    assert f"Jaarverslag ambtelijke bijstand en informatievoorziening {last_year}" in text
    assert "Kerncijfers" in text and "Verzoeken per instrument" in text
    assert "Gebruik per fractie" not in text
    for fractie in world.municipality.fracties.all():
        assert f'scope="row">{fractie.name}<' not in text, fractie.name  # no row per fractie
    assert "public" in response["Cache-Control"]


def test_a_running_year_has_no_public_report(client, world, last_year):
    this_year = timezone.localdate().year
    assert client.get(f"/openbaar/voorbeeld/jaarverslag/{this_year}/").status_code == 404
    assert client.get(f"/openbaar/voorbeeld/jaarverslag/{last_year - 1}/").status_code == 404


def test_where_the_members_get_no_report_the_public_gets_none(client, world, last_year):
    world.municipality.policy_overrides = {"reporting": {"members_see_aggregate": False}}
    world.municipality.save()
    assert client.get(f"/openbaar/voorbeeld/jaarverslag/{last_year}/").status_code == 404
    assert "jaarverslag/" not in client.get("/openbaar/voorbeeld/").content.decode()


def test_the_report_is_in_the_feed_and_its_sitemap_as_a_jaarverslag(client, world, last_year):
    world.municipality.cbs_code = "9999"
    world.municipality.save()
    items = client.get("/api/v1/public/voorbeeld/feed").json()["items"]
    report = next(i for i in items if i["identifier"] == f"jaarverslag-{last_year}")
    assert report["informatiecategorie"]["@id"].endswith("/c_c6cd1213")
    sitemap = client.get("/openbaar/voorbeeld/sitemaps/sitemap-diwoo-infocat012-1.xml")
    assert sitemap.status_code == 200
    assert f"/openbaar/voorbeeld/jaarverslag/{last_year}/</loc>" in sitemap.content.decode()

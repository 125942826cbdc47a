# SPDX-License-Identifier: EUPL-1.2
"""The tijdsbesteding pages as the member fills them in, and their privacy: only the member
sees their planner (raadsloket.access.time_planner); everyone else gets 404 and no data."""

from datetime import date

import pytest
from django.urls import reverse

from raadsloket.access.time_planner import planner_users_count
from raadsloket.access.viewer import viewer_for
from raadsloket.time_planner import services
from raadsloket.time_planner.models import PlannerWeek
from raadsloket.time_planner.planner import grid_from_json

pytestmark = pytest.mark.django_db

INDEX = reverse("time_planner:index")
IDEAL = reverse("time_planner:ideal")
WEEK = reverse("time_planner:week", args=[2026, 10])
SECRET = "GEHEIM-PLANNER-ANTWOORD"


def text(response) -> str:
    return response.content.decode()


def cells(**typed) -> dict:
    """Form data: every cell empty except the typed ones (name: h_<activity>_<day>)."""
    return {f"h_{name}": value for name, value in typed.items()}


@pytest.fixture
def planned(world):
    member = world["raadslid2"]
    viewer = viewer_for(member)
    ideal = grid_from_json({"reading": ["2", "2", "2", "2", "2", "0", "0"]})
    services.save_week(viewer, member, monday=None, hours=ideal)
    real = grid_from_json({"reading": ["3", "0", "0", "0", "0", "0", "0"]})
    week = services.save_week(
        viewer, member, monday=date(2026, 3, 2), hours=real, answers={"noticed": SECRET}
    )
    return member, week


def test_a_member_types_hours_with_a_decimal_comma_and_sees_the_totals(world, login):
    client = login(world["raadslid2"])
    response = client.post(
        WEEK,
        cells(reading_0="1,5", reading_1="2,25", meetings_0="3", social_media_6="0,5")
        | {"noticed": "Veel lezen op maandag"},
    )
    assert response.status_code == 302
    saved = PlannerWeek.objects.get(person=world["raadslid2"], kind="real")
    assert saved.monday == date(2026, 3, 2)
    assert saved.hours["reading"][:2] == ["1.50", "2.25"]
    page = text(client.get(WEEK))
    assert 'value="1,5"' in page and 'value="2,25"' in page
    assert '<td class="utrecht-table__cell utrecht-table__cell--numeric-data">3,8</td>' in page
    assert 'id="week-totaal">7,3<' in page
    assert "Veel lezen op maandag" in page
    assert "Vul eerst uw" in page  # no ideal week yet: no difference


def test_a_bad_cell_is_refused_in_dutch_and_keeps_every_typed_value(world, login):
    client = login(world["raadslid2"])
    response = client.post(WEEK, cells(reading_0="1,5", meetings_2="veel"))
    assert response.status_code == 400
    page = text(response)
    assert "Vergaderen, woensdag: Vul een aantal uren in, bijvoorbeeld 1,5." in page
    assert 'value="1,5"' in page and 'value="veel"' in page
    assert not PlannerWeek.objects.exists()


def test_a_day_of_more_than_24_hours_is_refused(world, login):
    response = login(world["raadslid2"]).post(IDEAL, cells(reading_0="20", media_0="5"))
    assert response.status_code == 400
    assert "Op maandag staat 25 uur: een dag heeft hoogstens 24 uur." in text(response)
    assert not PlannerWeek.objects.exists()


def test_the_difference_with_the_ideal_week_is_a_chart_with_its_table(planned, login):
    member, _ = planned
    page = text(login(member).get(WEEK))
    assert 'src="data:image/svg+xml;base64,' in page
    assert "Verschil (uur)" in page
    assert "-7,0" in page  # 3 real hours against 10 ideal


def test_the_history_lists_the_weeks_from_the_start_page(planned, login):
    member, _ = planned
    client = login(member)
    assert f'href="{INDEX}"' in text(client.get("/"))
    page = text(client.get(INDEX))
    assert f'href="{WEEK}"' in page
    assert "week 10 van 2026" in page
    assert "Uw ideale week telt 10,0 uur." in page


@pytest.mark.parametrize(
    "name", ["raadslid3", "griffier", "wethouder1", "burgemeester", "beheerder", "ambtenaar1"]
)
def test_nobody_else_sees_anything_of_a_members_planner(planned, world, login, name):
    _, week = planned
    client = login(world[name])
    for url in (INDEX, IDEAL, WEEK, f"/api/v1/planner/weeks/{week.pk}", "/api/v1/planner/weeks"):
        response = client.get(url)
        assert SECRET not in text(response), url
        assert response.status_code in (200, 404), url
        if url.endswith(str(week.pk)):
            assert response.status_code == 404
            missing = client.get("/api/v1/planner/weeks/999999")
            assert missing.status_code == 404 and missing.json() == response.json()
    start = text(client.get("/"))
    assert (f'href="{INDEX}"' in start) == (name == "raadslid3")


def test_the_member_reads_and_writes_the_planner_through_the_api(planned, login):
    member, week = planned
    client = login(member)
    data = client.get(f"/api/v1/planner/weeks/{week.pk}").json()
    assert data["row_totals"]["reading"] == "3.00" and data["total"] == "3.00"
    assert data["answers"] == {"noticed": SECRET}
    hours = {"media": ["1,5", "0", "0", "0", "0", "0", "0"]}
    saved = client.put(
        "/api/v1/planner/weeks/2026/11", {"hours": hours}, content_type="application/json"
    )
    assert saved.status_code == 200, saved.content
    assert saved.json()["total"] == "1.50"
    wrong = client.put(
        "/api/v1/planner/weeks/2026/11",
        {"hours": {"media": ["veel"] * 7}},
        content_type="application/json",
    )
    assert wrong.status_code == 400 and "Media" in wrong.json()["detail"]


def test_the_report_may_count_only_users_above_the_small_cell_threshold(planned, world):
    municipality_id = world.municipality.pk
    assert planner_users_count(municipality_id, 3) is None
    assert planner_users_count(municipality_id, 1) == 1

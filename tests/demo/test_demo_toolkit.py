# SPDX-License-Identifier: EUPL-1.2
"""The demo's new member: their vergoeding and a planned and a real week, from the start page."""

import pytest

from raadsloket.demo.toolkit import USERNAME, load_toolkit
from raadsloket.time_planner.models import PlannerWeek

pytestmark = pytest.mark.django_db


def test_the_new_member_sees_their_vergoeding_and_the_difference_of_last_week(world, login):
    assert USERNAME in load_toolkit(world)
    member = world[USERNAME]
    client = login(member)
    assert "Mijn vergoeding" in client.get("/").content.decode()
    page = client.get("/vergoeding/").content.decode()
    assert "€ 1.324,40 per maand" in page and "Onderzoekscommissie jeugdzorg" in page
    real = PlannerWeek.objects.get(person=member, kind="real")
    year, week, _ = real.monday.isocalendar()
    page = client.get(f"/tijdsbesteding/week/{year}/{week}").content.decode()
    assert 'src="data:image/svg+xml;base64,' in page
    assert "Ik lees veel meer stukken" in page

# SPDX-License-Identifier: EUPL-1.2
"""Stored reports (reflection.stored): the second reading is free, a late change in a closed
period shows on the next request, and a report is never shown to an audience it was not built
for (SECURITY.md, "Rapportages")."""

from datetime import date
from decimal import Decimal

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from raadsloket.access.viewer import viewer_for
from raadsloket.assistance.models import HoursEntry
from raadsloket.demo.lifecycle import new_case
from raadsloket.organisation.models import CoalitionMembership, Fractie
from raadsloket.reflection import coalition, periods
from raadsloket.reflection.figures import build_report

pytestmark = pytest.mark.django_db

LAST_YEAR = date.today().year - 1
REPORT = f"/reflectie/?periode={LAST_YEAR}"
HOURS = "Bestede uren ambtelijke bijstand"


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def key_figure(client: Client, label: str) -> float:
    response = client.get(REPORT)
    assert response.status_code == 200
    row = next(r for r in response.context["report"].table("kerncijfers").rows if r.label == label)
    return row.cells[0].number


def test_the_second_reading_counts_nothing_again(world):
    client = signed_in(world["griffier"])
    client.get(REPORT)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(REPORT).status_code == 200
    read = " ".join(query["sql"] for query in queries.captured_queries)
    assert "assistance_hoursentry" not in read
    assert "cases_timelineevent" not in read


def test_hours_logged_late_for_a_closed_year_show_on_the_next_request(world):
    client = signed_in(world["griffier"])
    before = key_figure(client, HOURS)
    assert key_figure(client, HOURS) == before  # stored
    case = new_case(world)
    HoursEntry.objects.create(
        case=case,
        civil_servant=world["ambtenaar1"],
        worked_on=date(LAST_YEAR, 6, 1),
        hours=Decimal("2.5"),
    )
    assert key_figure(client, HOURS) == before + 2.5


def test_a_coalition_ended_in_a_closed_year_shows_on_the_next_request(world):
    # Ending goes through an update(), which sends no signal: coalition.end says so itself.
    clerk = world["griffier"]
    client = signed_in(clerk)
    fractie = Fractie.objects.filter(municipality=world.municipality).order_by("pk").first()
    membership = CoalitionMembership.objects.create(
        fractie=fractie, start=date(LAST_YEAR - 4, 1, 1)
    )
    first = client.get(REPORT).context["report"]
    coalition.end(viewer_for(clerk), clerk, membership, date(LAST_YEAR, 1, 31))
    now = build_report(world.municipality, periods.year(LAST_YEAR), date.today())
    assert now.sections != first.sections  # the change shows in the figures
    assert client.get(REPORT).context["report"].sections == now.sections


@pytest.mark.parametrize("first", ["raadslid1", "raadslid2"])
def test_a_report_is_only_shown_to_the_audience_it_was_built_for(world, first):
    # raadslid1 chairs a fractie (presidium): the full report with figures per fractie;
    # raadslid2 gets the aggregate report without them (access.reflection).
    audiences = {"raadslid1": "full", "raadslid2": "aggregate"}
    order = [first, *(name for name in audiences if name != first)]
    for username in order:
        report = signed_in(world[username]).get(REPORT).context["report"]
        assert report.audience == audiences[username]
        titles = [section.title for section in report.sections]
        assert ("Gebruik per fractie" in titles) == (audiences[username] == "full")

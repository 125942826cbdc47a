# SPDX-License-Identifier: EUPL-1.2
"""The toolkit in the year report: only how many members keep a planner and how many incidents
were reported per year, each hidden below the small-cell threshold, zero included
(reflection.suppression.single_count; access.time_planner; safety.services)."""

from datetime import UTC, date, datetime

import pytest
from django.test import Client

from raadsloket.access.viewer import viewer_for
from raadsloket.reflection import periods
from raadsloket.reflection.exports import report_csv
from raadsloket.reflection.figures import build_report
from raadsloket.reflection.suppression import single_count
from raadsloket.reflection.yearreport import render_html
from raadsloket.safety.models import Channel, Handler, Incident, Severity
from raadsloket.time_planner import services as planner
from raadsloket.time_planner.planner import grid_from_json

pytestmark = pytest.mark.django_db

YEAR = date.today().year - 1
PLANNER_ROW = "Raadsleden en commissieleden die de tijdsbesteding bijhouden"
INCIDENT_ROW = f"Meldingen van bedreiging of intimidatie in {YEAR}"
# Unique texts of the incidents: they may show in no report.
DESCRIPTION = "KORENBLOEMDREIGING"
PLACE = "HEIDESTRUIKPLEIN"


def keep_planners(world, usernames) -> None:
    for username in usernames:
        member = world[username]
        hours = grid_from_json({"reading": ["1", "0", "0", "0", "0", "0", "0"]})
        planner.save_week(viewer_for(member), member, monday=None, hours=hours)


def report_incidents(world, count: int, year: int = YEAR) -> None:
    for number in range(count):
        incident = Incident.objects.create(
            municipality=world.municipality,
            reporter=world["raadslid1"],
            happened_on=date(year, 3, 1),
            place=f"{PLACE} {number}",
            description=f"{DESCRIPTION} {number}",
            channel=Channel.values[0],
            severity=Severity.values[0],
            handler=Handler.CLERK,
        )
        # created_at is set on create; the count is by the year the report was made in.
        Incident.objects.filter(pk=incident.pk).update(created_at=datetime(year, 3, 2, tzinfo=UTC))


def toolkit(world):
    report = build_report(world.municipality, periods.year(YEAR), date.today())
    return report, report.table("toolkit")


def shown(table, label: str) -> str:
    return table.cell(label, "aantal").shown


def test_below_the_threshold_both_counts_show_the_suppressed_marker(world):
    keep_planners(world, ["raadslid1", "raadslid2"])
    report_incidents(world, 2)
    report, table = toolkit(world)
    assert shown(table, PLANNER_ROW) == "<3"
    assert shown(table, INCIDENT_ROW) == "<3"
    assert table.cell(INCIDENT_ROW, "aantal").number is None


def test_at_the_threshold_and_above_the_numbers_show(world):
    keep_planners(world, ["raadslid1", "raadslid2", "raadslid3", "commissielid1"])
    report_incidents(world, 3)
    report, table = toolkit(world)
    assert shown(table, PLANNER_ROW) == "4"
    assert shown(table, INCIDENT_ROW) == "3"


def test_zero_is_suppressed_too_so_the_marker_never_tells_there_was_one(world):
    report, table = toolkit(world)
    assert shown(table, PLANNER_ROW) == "<3"
    assert shown(table, INCIDENT_ROW) == "<3"


def test_an_incident_of_another_year_does_not_count(world):
    report_incidents(world, 3, year=YEAR - 1)
    report, table = toolkit(world)
    assert shown(table, INCIDENT_ROW) == "<3"


def test_the_page_the_files_and_the_pdf_show_the_count_and_never_the_incident(world):
    report_incidents(world, 3)
    report, table = toolkit(world)
    client = Client()
    client.force_login(world["griffier"])
    page = client.get(f"/reflectie/?periode={YEAR}").content.decode()
    files = {
        "page": page,
        "csv": report_csv(report),
        "pdf html": render_html(report),
    }
    for name, text in files.items():
        assert INCIDENT_ROW in text, name
        assert DESCRIPTION not in text, name
        assert PLACE not in text, name
    line = next(line for line in report_csv(report).splitlines() if INCIDENT_ROW in line)
    assert ";aantal;3;" in line


@pytest.mark.parametrize(
    ("count", "zero_shown", "expected"),
    [
        (None, False, "<3"),
        (None, True, "<3"),
        (0, False, "<3"),
        (0, True, "0"),
        (2, True, "<3"),
        (3, False, "3"),
        (17, False, "17"),
    ],
)
def test_one_count_is_hidden_below_the_threshold_and_zero_by_its_rule(count, zero_shown, expected):
    cell = single_count(count, 3, zero_shown=zero_shown)
    assert cell.shown == expected
    assert (cell.number is None) == (expected == "<3")


def test_a_higher_threshold_of_the_profile_is_used():
    assert single_count(4, 5).shown == "<5"
    assert single_count(5, 5).shown == "5"

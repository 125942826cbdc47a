# SPDX-License-Identifier: EUPL-1.2
"""The reflection report in the API: the access rules of the page, hidden cells without values,
Dutch errors, and the operation in the OpenAPI schema."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.test import Client

from raadsloket.api.tokens import issue
from raadsloket.demo.lifecycle import act, new_case

URL = "/api/v1/reflection/report"
AMS = ZoneInfo("Europe/Amsterdam")


def get(person, **params):
    return Client().get(URL, params, HTTP_AUTHORIZATION=f"Bearer {issue(person)}")


def get_in_2027(person, **params):
    # Figures per fractie come with a closed year: 2026 is closed from 1 January 2027.
    with time_machine.travel(datetime(2027, 1, 4, 10, tzinfo=AMS)):
        return get(person, **params)


@pytest.fixture
def asked(world):
    # Lokaal Belang (raadslid1..6) asks three times, VVD (raadslid7) once: VVD's cell is "<3".
    with time_machine.travel(datetime(2026, 5, 4, 10, tzinfo=AMS), tick=True):
        for member in ("raadslid3", "raadslid4", "raadslid5", "raadslid7"):
            act(world, new_case(world, member), "submit", member)
    return world


def table(payload, key):
    return next(t for t in payload["tables"] if t["key"] == key)


def test_the_griffie_gets_the_full_report_with_hidden_cells_as_null(asked):
    response = get_in_2027(asked["griffier"], periode="2026")
    assert response.status_code == 200
    payload = response.json()
    assert payload["audience"] == "full"
    assert payload["title"] == "Jaarverslag ambtelijke bijstand en informatievoorziening 2026"
    assert (payload["period"], payload["previous"]) == ("2026", "2025")
    per_instrument = table(payload, "per_instrument")
    assistance = next(r for r in per_instrument["rows"] if r["label"] == "ambtelijke bijstand")
    assert [c["value"] for c in assistance["cells"]] == [4, 0, 4]
    per_fractie = table(payload, "per_fractie")
    column = per_fractie["columns"].index("ambtelijke bijstand")
    cells = {row["label"]: row["cells"][column] for row in per_fractie["rows"]}
    assert cells["Lokaal Belang (oppositie)"]["value"] == 3
    vvd = cells["VVD (oppositie)"]
    assert (vvd["value"], vvd["shown"], vvd["hidden"]) == (None, "<3", "small")
    assert [theme["title"] for theme in payload["themes"]][0] == (
        "Reflectie op de bruikbaarheid van de actuele verordening"
    )


def test_no_figures_per_fractie_over_a_running_year(asked):
    with time_machine.travel(datetime(2026, 11, 23, 10, tzinfo=AMS)):
        payload = get(asked["griffier"], periode="2026").json()
    assert payload["audience"] == "full"
    assert "per_fractie" not in [t["key"] for t in payload["tables"]]
    # Not silently absent: the API says why (raadsloket.reflection.fractie_periods).
    assert "2026 loopt nog" in payload["withheld"]


def test_no_figures_per_fractie_over_a_closed_council_term_and_the_reason_why(asked):
    # The term 2022–2026 has ended, but it overlaps five calendar years: the term minus the
    # years would give a quarter per fractie (SECURITY.md, "verschillen tussen perioden").
    payload = get_in_2027(asked["griffier"], periode="raadsperiode-2022").json()
    assert payload["audience"] == "full"
    assert not {"per_fractie", "coalitie_oppositie", "klein_groot"} & {
        t["key"] for t in payload["tables"]
    }
    assert "afgesloten kalenderjaar" in payload["withheld"]
    assert "overlapt dus vijf kalenderjaren" in payload["withheld"]
    # A closed year has its figures per fractie and nothing withheld.
    assert get_in_2027(asked["griffier"], periode="2026").json()["withheld"] is None


def test_a_period_out_of_range_is_a_dutch_400_not_a_crash(asked):
    for text in ("0000", "0000-k3", "raadsperiode-9998", "2099"):
        response = get(asked["griffier"], periode=text)
        assert response.status_code == 400, text
        assert response.json()["detail"]


def test_a_member_gets_the_aggregate_report(asked):
    payload = get(asked["raadslid3"], periode="2026-k2").json()
    assert payload["audience"] == "aggregate"
    assert payload["withheld"] is None
    assert all(t["key"] not in ("per_fractie", "coalitie_oppositie") for t in payload["tables"])


@pytest.mark.parametrize("username", ["wethouder1", "ambtenaar1", "manager1", "beheerder"])
def test_no_report_is_a_404(asked, username):
    response = get(asked[username])
    assert response.status_code == 404
    assert "tables" not in response.json()


def test_a_bad_period_is_a_dutch_400(asked):
    response = get(asked["griffier"], periode="2026-k9")
    assert response.status_code == 400
    assert "is geen periode" in response.json()["detail"]


def test_without_a_key_nothing(asked):
    assert Client().get(URL).status_code == 401


def test_the_operation_is_in_the_schema(world, login):
    schema = login(world["griffier"]).get("/api/v1/openapi.json").json()
    assert "/api/v1/reflection/report" in schema["paths"]

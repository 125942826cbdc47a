# SPDX-License-Identifier: EUPL-1.2
"""Hours as the civil servant types them and as everyone who sees hours reads them back."""

import re
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsloket.assistance.models import HoursEntry
from raadsloket.demo.lifecycle import act, new_case, run_to
from tests.support.pages import page

pytestmark = pytest.mark.django_db


def log_url(case):
    return reverse("case_action", args=[case.pk, "log_hours"])


def typed(hours: str, case=None) -> dict:
    data = {"worked_on": timezone.localdate().isoformat(), "hours": hours, "note": ""}
    if case is not None:
        data["version"] = case.version  # what the page's form sends back
    return data


@pytest.fixture
def working(world):
    return run_to(world, new_case(world, "raadslid1"), "in_progress")


def test_hours_with_a_decimal_comma_are_stored_as_typed_and_shown_the_dutch_way(
    world, login, working
):
    client = login(world["ambtenaar1"])
    form = page(client, log_url(working))
    assert 'inputmode="decimal"' in form and 'type="number"' not in form
    response = client.post(log_url(working), typed("1,5", working))
    assert response.status_code == 302
    assert HoursEntry.objects.get(case=working).hours == Decimal("1.5")
    html = page(client, reverse("case_detail", args=[working.pk]))
    assert "Geschreven: 1,5 uur." in html and "1,5 uur op" in html
    # The machine-readable timestamps (datetime="…41.570059…") may hold any digits; the text may not.
    shown = re.sub(r'datetime="[^"]*"', "", html)
    assert "15,0" not in shown and "1.5" not in shown


@pytest.mark.parametrize(("hours", "stored"), [("3,5", "3.5"), ("3.5", "3.5"), ("2,50", "2.5")])
def test_every_way_of_writing_the_hours_stores_the_same_value(world, login, working, hours, stored):
    response = login(world["ambtenaar1"]).post(log_url(working), typed(hours, working))
    assert response.status_code == 302
    assert HoursEntry.objects.get(case=working).hours == Decimal(stored)


@pytest.mark.parametrize(
    ("hours", "message"),
    [
        ("1,2,3", "Vul een getal in zoals 1,5 of 1.234,56."),
        ("anderhalf", "Vul een getal in zoals 1,5 of 1.234,56."),
        ("1,25", "Vul hoogstens één cijfer achter de komma in."),
        ("35", "Vul hoogstens 24 uur in."),
        ("-2", "Vul een getal in zonder minteken."),
    ],
)
def test_unreadable_hours_get_a_dutch_error_and_nothing_is_stored(
    world, login, working, hours, message
):
    response = login(world["ambtenaar1"]).post(log_url(working), typed(hours, working))
    html = response.content.decode()
    assert response.status_code == 422 and message in html
    assert f'value="{hours}"' in html  # the input is kept
    assert not HoursEntry.objects.filter(case=working).exists()


def test_start_pages_show_hours_totals_with_one_decimal(world, login, working):
    # Three entries whose sum SQLite returns as a float: 22.4000000000000 before the fix.
    for hours in ("7,3", "7,5", "7,6"):
        act(world, working, "log_hours", "ambtenaar1", typed(hours))
    servant = page(login(world["ambtenaar1"]), "/")
    assert "Totaal geregistreerd: 22,4 uur." in servant and "7,3" in servant
    manager = page(login(world["manager1"]), "/")
    assert ">22,4<" in manager and ">12,0<" in manager  # written and estimated
    for html in (servant, manager):
        assert "22,400" not in html and "22.4" not in html

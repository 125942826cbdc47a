# SPDX-License-Identifier: EUPL-1.2
"""Reminders to the griffie before each date of the accountant cycle: once, to the griffie of
the municipality only, through notify.send."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command

from raadsloket.audit_office.models import CycleDate
from raadsloket.audit_office.reminders import NEAR_DAYS, remind_cycle
from raadsloket.notify.models import Notification

pytestmark = pytest.mark.django_db

EVENT = "audit_office_cycle_near"
GRIFFIE = {"griffier", "raadsadviseur", "raadsadviseur2"}


def _told():
    return sorted(
        Notification.objects.filter(event=EVENT).values_list("recipient__username", "title")
    )


def test_two_weeks_before_15_july_the_griffie_is_told_once(scene):
    today = date(2028, 7, 15) - timedelta(days=NEAR_DAYS)
    counts = remind_cycle(today)
    assert counts.dates == 1
    told = _told()
    assert {username for username, _ in told} == GRIFFIE
    assert all("15-07-2028" in title for _, title in told)
    body = Notification.objects.filter(event=EVENT).first().body
    assert "over 14 dagen" in body and "Gemeentewet art. 200" in body
    assert remind_cycle(today).dates == 0
    assert len(_told()) == len(told)


def test_nothing_before_the_window_and_nothing_for_past_dates(scene):
    assert remind_cycle(date(2028, 4, 20)).dates == 0
    assert remind_cycle(date(2028, 7, 16)).dates == 0
    assert _told() == []


def test_a_moved_date_reminds_again(scene):
    entry = CycleDate.objects.get(
        municipality=scene.main.municipality, budget_year=2027, kind="accountantsverslag"
    )
    remind_cycle(entry.date)
    first = len(_told())
    assert first == len(GRIFFIE)
    entry.date = date(2028, 6, 8)
    entry.save()
    remind_cycle(date(2028, 6, 1))
    assert len(_told()) == first + len(GRIFFIE)


def test_the_daily_command_runs_the_cycle_reminders(scene, capsys):
    call_command("reminders", "--date", "2028-07-01")
    assert "Accountantscyclus: 1 datum binnenkort" in capsys.readouterr().out
    assert {username for username, _ in _told()} == GRIFFIE

# SPDX-License-Identifier: EUPL-1.2
"""Reminders on moties and toezeggingen: before the date to the college contact and the
portefeuillehouder, after it to the griffie; once per item, date and threshold."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command

from raadsloket.notify.models import Notification
from raadsloket.registers.reminders import remind_registers

pytestmark = pytest.mark.django_db


def _told(scene, event):
    return sorted(
        Notification.objects.filter(event=event, municipality=scene.main.municipality).values_list(
            "recipient__username", "title"
        )
    )


def test_before_the_date_the_college_hears_and_after_it_the_griffie(scene):
    counts = remind_registers(scene.today)
    # Per town: the toezegging due in 10 days is near, the one 5 days late is overdue; the
    # motie due in 30 days is not near yet and the one 10 days late is past the overdue window.
    assert (counts.near, counts.overdue) == (2, 2)
    open_commitment = scene["open_commitment"]
    due = f"{open_commitment.due_date:%d-%m-%Y}"
    assert _told(scene, "register_near") == [
        ("collegecontact", f"toezegging {open_commitment.number}: uiterlijk {due}"),
        ("wethouder2", f"toezegging {open_commitment.number}: uiterlijk {due}"),
    ]
    late = _told(scene, "register_overdue")
    assert {user for user, _ in late} == {"griffier", "raadsadviseur", "raadsadviseur2"}
    assert {title.split(":")[0] for _, title in late} == {
        f"toezegging {scene['late_commitment'].number}"
    }
    body = Notification.objects.filter(event="register_overdue").first().body
    assert "nog niet" in body


def test_a_second_pass_sends_nothing_and_old_items_are_not_chased(scene):
    remind_registers(scene.today)
    before = Notification.objects.count()
    again = remind_registers(scene.today)
    assert (again.near, again.overdue, again.notifications) == (0, 0, 0)
    assert Notification.objects.count() == before
    # Three days after the motie M-2's date, in both towns: only M-2 is within the window.
    later = remind_registers(scene.today + timedelta(days=33))
    assert (later.near, later.overdue) == (0, 2)
    assert Notification.objects.filter(title__startswith="motie M-2:").exists()


def test_the_daily_command_reports_the_register_reminders(scene):
    out = StringIO()
    call_command("reminders", "--date", scene.today.isoformat(), stdout=out)
    assert "Moties en toezeggingen: 2 herinneringen voor de uiterste datum, 2 erna" in (
        out.getvalue()
    )

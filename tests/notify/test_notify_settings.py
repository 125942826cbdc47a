# SPDX-License-Identifier: EUPL-1.2
"""Each person chooses e-mail direct, as a daily summary or not at all; legally required notices
go at once regardless, and in the app every notification appears."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from icalendar import Calendar

from raadsloket.cases.states import State
from raadsloket.notify.delivery import choose_delivery
from raadsloket.notify.digest import send_digests
from raadsloket.notify.events import EVENTS
from raadsloket.notify.models import Delivery, Notification
from tests.notify.notify_helpers import mailed, recipients

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")


def at(*args) -> datetime:
    return datetime(*args, tzinfo=AMSTERDAM)


def test_daily_digest_collects_the_days_notifications_in_one_mail(desk, world, mailoutbox):
    choose_delivery(world["raadslid1"], Delivery.DAILY_DIGEST)
    with time_machine.travel(at(2025, 3, 4, 9, 0), tick=False):
        case = desk.run_to(desk.new(), State.DELIVERED)
    assert "raadslid1" not in mailed(mailoutbox, world)
    rows = Notification.objects.filter(recipient=world["raadslid1"])
    assert {row.event for row in rows} == {"assign", "plan_kickoff", "deliver"}
    assert all(row.delivery == Delivery.DAILY_DIGEST and row.emailed_at is None for row in rows)

    counts = send_digests(date(2025, 3, 4))
    assert (counts.mails, counts.notifications) == (1, 3)
    (digest,) = mailed(mailoutbox, world)["raadslid1"]
    assert digest.subject == "[raadsloket] Dagelijkse samenvatting 04-03-2025: 3 meldingen"
    for row in rows:
        assert row.headline in digest.body
    # The startgesprek invitation travels with the summary.
    (attachment,) = digest.attachments
    event = Calendar.from_ical(attachment[1]).events[0]
    assert str(event["SUMMARY"]) == f"Startgesprek {case.reference}"
    assert not Notification.objects.filter(recipient=world["raadslid1"], emailed_at=None).exists()

    # A second pass the same day sends nothing.
    assert send_digests(date(2025, 3, 4)).mails == 0
    assert len(mailed(mailoutbox, world)["raadslid1"]) == 1


def test_digest_waits_for_its_day_and_misses_nothing_between_runs(desk, world, mailoutbox):
    choose_delivery(world["raadslid1"], Delivery.DAILY_DIGEST)
    with time_machine.travel(at(2025, 3, 4, 23, 30), tick=False):
        desk.run_to(desk.new(), State.ASSIGNED)
    assert send_digests(date(2025, 3, 3)).mails == 0
    # Run the next morning: yesterday's late notification is still in.
    assert send_digests(date(2025, 3, 5)).notifications == 1


def test_off_means_in_the_app_only(desk, world, mailoutbox):
    choose_delivery(world["raadslid1"], Delivery.OFF)
    desk.run_to(desk.new(), State.DELIVERED)
    assert "raadslid1" in recipients("deliver")
    assert "raadslid1" not in mailed(mailoutbox, world)
    assert send_digests(date.today()).mails == 0
    assert "raadslid1" not in mailed(mailoutbox, world)


def test_a_refusal_is_mailed_at_once_whatever_was_chosen(desk, world, mailoutbox):
    choose_delivery(world["raadslid1"], Delivery.OFF)
    choose_delivery(world["raadslid2"], Delivery.DAILY_DIGEST)
    desk.run_to(desk.new(co_requesters=[world["raadslid2"].pk]), State.REFUSED)
    mails = mailed(mailoutbox, world)
    for name in ("raadslid1", "raadslid2"):
        (message,) = mails[name]
        assert "geweigerd" in message.subject
        assert "altijd direct" in message.body and EVENTS["refuse"].rule in message.body
        row = Notification.objects.get(recipient=world[name], event="refuse")
        assert row.legally_required and row.delivery == Delivery.IMMEDIATELY
        assert row.emailed_at is not None
    # What is not required still follows the choice: the submission confirmation was not mailed.
    assert Notification.objects.get(recipient=world["raadslid2"], event="submit").emailed_at is None


def test_without_an_email_address_in_the_app_only(desk, world, mailoutbox):
    member = world["raadslid1"]
    member.email = ""
    member.save(update_fields=["email"])
    desk.run_to(desk.new(), State.REFUSED)
    row = Notification.objects.get(recipient=member, event="refuse")
    assert row.delivery == Delivery.OFF and row.emailed_at is None
    assert all(message.to != [""] for message in mailoutbox)


def test_switching_to_off_keeps_pending_summaries_unsent(desk, world, mailoutbox):
    choose_delivery(world["raadslid1"], Delivery.DAILY_DIGEST)
    desk.run_to(desk.new(), State.ASSIGNED)
    choose_delivery(world["raadslid1"], Delivery.OFF)
    assert send_digests(date.today()).mails == 0
    assert "raadslid1" not in mailed(mailoutbox, world)

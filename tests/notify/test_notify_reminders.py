# SPDX-License-Identifier: EUPL-1.2
"""Reminders before a term ends and escalation after, once per case, term, date and status."""

from dataclasses import asdict
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command

from raadsloket.cases.states import State
from raadsloket.notify.delivery import choose_delivery
from raadsloket.notify.digest import send_digests
from raadsloket.notify.models import Delivery, Notification, ReminderLog
from raadsloket.notify.reminders import remind
from tests.notify.notify_helpers import mailed, recipients

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
GRIFFIE = {"griffier", "raadsadviseur", "raadsadviseur2"}
# Wednesday before Easter 2025: Good Friday (18 April) and Easter Monday (21 April) are public
# holidays, so five working days of intake end on Friday 25 April, the day before King's Day.
SUBMITTED = datetime(2025, 4, 16, 10, 0, tzinfo=AMSTERDAM)
INTAKE_DUE = date(2025, 4, 25)


@pytest.fixture
def submitted(desk):
    with time_machine.travel(SUBMITTED, tick=False):
        return desk.run_to(desk.new(), State.SUBMITTED)


def test_intake_term_runs_over_easter(submitted):
    assert submitted.intake_due == INTAKE_DUE


def test_reminder_comes_two_working_days_before_and_only_once(submitted, world):
    # Thursday 17 and Tuesday 22 April: still three or more working days (Easter skipped).
    for day in (date(2025, 4, 17), date(2025, 4, 18), date(2025, 4, 21), date(2025, 4, 22)):
        assert remind(day).notifications == 0, day
    counts = remind(date(2025, 4, 23))
    assert (counts.near, counts.overdue) == (1, 0)
    assert recipients("deadline_near") == GRIFFIE
    row = Notification.objects.get(recipient=world["griffier"], event="deadline_near")
    assert row.title.startswith(f"{submitted.reference} (ambtelijke bijstand): termijn nadert")
    assert "intake door de griffie" in row.body and "25-04-2025" in row.body
    assert "werkdagen" in row.body and not row.legally_required
    # Idempotent: the same pass again, and the next days while it stays near, send nothing new.
    for day in (date(2025, 4, 23), date(2025, 4, 24), date(2025, 4, 25)):
        assert remind(day).notifications == 0, day
    assert Notification.objects.filter(event="deadline_near").count() == 3


def test_a_passed_term_escalates_to_the_griffie_as_a_legal_notice(
    submitted, world, desk, mailoutbox
):
    choose_delivery(world["griffier"], Delivery.DAILY_DIGEST)
    # Saturday 26 April (King's Day): the term ended on Friday.
    with desk.committed():
        counts = remind(date(2025, 4, 26))
    assert (counts.near, counts.overdue) == (0, 1)
    rows = Notification.objects.filter(event="deadline_overdue")
    assert {row.recipient.username for row in rows} == GRIFFIE
    assert all(row.legally_required and row.delivery == Delivery.IMMEDIATELY for row in rows)
    message = mailed(mailoutbox, world)["griffier"][-1]
    assert "termijn verlopen" in message.subject and "bewaakt de termijnen" in message.body
    with desk.committed():
        assert remind(date(2025, 4, 28)).notifications == 0
    assert ReminderLog.objects.filter(case=submitted).count() == 1


def test_whoever_must_act_is_reminded(desk, world):
    forwarded = desk.run_to(desk.new(), State.FORWARDED)
    assigned = desk.run_to(desk.new("raadslid2"), State.ASSIGNED, member="raadslid2")
    remind(forwarded.decision_due)
    remind(assigned.delivery_due)
    # Model-verordening: the secretaris decides; the griffie handler is told only when it passed.
    assert recipients("deadline_near", forwarded) == {"secretaris"}
    # The civil servant delivers, and the griffie's handler of the case follows it.
    assert recipients("deadline_near", assigned) == {"ambtenaar1", "griffier"}
    assert "raadslid2" not in recipients("deadline_near")


def test_reminders_respect_the_choice_unless_the_term_passed(desk, world, mailoutbox):
    choose_delivery(world["secretaris"], Delivery.DAILY_DIGEST)
    case = desk.run_to(desk.new(), State.FORWARDED)
    with desk.committed():
        remind(case.decision_due)
    assert "secretaris" not in mailed(mailoutbox, world)
    assert Notification.objects.get(event="deadline_near").delivery == Delivery.DAILY_DIGEST


def test_a_new_due_date_is_a_new_reminder(desk, world):
    case = desk.run_to(desk.new(), State.SUBMITTED)
    remind(case.intake_due)
    # As after aanhouden and hervatten: the term runs again, to a later date, and nears again.
    later = case.intake_due + timedelta(days=14)
    type(case).objects.filter(pk=case.pk).update(intake_due=later)
    remind(later)
    rows = Notification.objects.filter(event="deadline_near", recipient=world["griffier"])
    assert rows.count() == 2


def test_drafts_deferred_and_closed_cases_are_not_watched(desk, world):
    draft = desk.new()
    deferred = desk.run_to(desk.new(), State.DEFERRED)
    closed = desk.run_to(desk.new(), State.CLOSED)
    type(draft).objects.filter(pk__in=[draft.pk, deferred.pk, closed.pk]).update(
        intake_due=date(2000, 1, 1), delivery_due=date(2000, 1, 1)
    )
    assert remind(date(2025, 1, 1)).notifications == 0


def test_the_command_runs_one_pass_and_reports_in_dutch(submitted, capsys):
    call_command("reminders", "--date", "2025-04-23")
    out = capsys.readouterr().out
    assert "Herinneringen 23-04-2025: 1 verzoek met naderende termijn, 0 met verlopen" in out
    assert "3 meldingen gemaakt" in out
    assert "Dagelijkse samenvatting: 0 e-mails met 0 meldingen verstuurd" in out
    call_command("reminders", "--date", "2025-04-23")
    assert "0 meldingen gemaakt" in capsys.readouterr().out


def test_the_command_refuses_a_bad_date_in_dutch(db):
    with pytest.raises(CommandError, match="Ongeldige datum '23-04-2025': gebruik JJJJ-MM-DD"):
        call_command("reminders", "--date", "23-04-2025")


def test_both_passes_of_one_day_count_what_they_did(submitted, world, mailoutbox):
    choose_delivery(world["griffier"], Delivery.DAILY_DIGEST)
    with time_machine.travel(datetime(2025, 4, 23, 7, 0, tzinfo=AMSTERDAM), tick=False):
        result = remind(date(2025, 4, 23))
    assert asdict(result) == {"near": 1, "overdue": 0, "notifications": 3}
    result = send_digests(date(2025, 4, 23))
    assert asdict(result) == {"mails": 1, "notifications": 1}
    assert mailed(mailoutbox, world)["griffier"][-1].subject.startswith(
        "[raadsloket] Dagelijkse samenvatting 23-04-2025"
    )


def test_the_pass_does_not_load_every_case(desk, world, django_assert_max_num_queries):
    for _ in range(3):
        desk.run_to(desk.new(), State.SUBMITTED)
    # Municipalities, the watched cases, the reminders sent before: nothing per case while no
    # term is near.
    with django_assert_max_num_queries(3):
        remind(date(2000, 1, 1))

# SPDX-License-Identifier: EUPL-1.2
"""Every running term names its rule and says when it is near or past (profile reminder)."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from raadsloket.cases.deadlines import NEAR, OK, OVERDUE, running_deadline
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, run_to

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db
def test_intake_term_is_ok_then_near_then_overdue(world):
    profile = world.municipality.policy
    case = run_to(world, new_case(world), State.SUBMITTED)
    due = case.intake_due
    far = running_deadline(case, profile, due - timedelta(days=14))
    assert far.status == OK and far.name == "intake door de griffie"
    assert "5 werkdagen" in far.rule and far.rule.startswith("streeftermijn")
    assert running_deadline(case, profile, due).status == NEAR
    assert running_deadline(case, profile, due + timedelta(days=1)).status == OVERDUE


@pytest.mark.django_db
def test_after_the_kickoff_the_agreed_date_counts(world):
    case = run_to(world, new_case(world), State.IN_PROGRESS)
    deadline = running_deadline(case, world.municipality.policy, date.today())
    assert deadline.name == "oplevering"
    assert deadline.rule == "opleverdatum afgesproken in het startgesprek"
    assert deadline.due == case.delivery_due


@pytest.mark.django_db
def test_answered_or_deferred_cases_run_against_no_term(world):
    profile = world.municipality.policy
    deferred = run_to(world, new_case(world), State.DEFERRED)
    assert running_deadline(deferred, profile, date.today()) is None
    case = run_to(world, new_case(world), State.IN_PROGRESS)
    case = act(world, case, "deliver", "ambtenaar1", {"answer": "Zie bijlage."})
    assert running_deadline(case, profile, date.today()) is None


@pytest.mark.django_db
def test_deadlines_command_lists_overdue_cases_without_content(world, capsys):
    case = run_to(world, new_case(world, title="Geheim onderwerp XYZ"), State.SUBMITTED)
    type(case).objects.filter(pk=case.pk).update(intake_due=date.today() - timedelta(days=3))
    call_command("deadlines", "--gemeente", "voorbeeld")
    out = capsys.readouterr().out
    assert case.reference in out and "termijn verlopen" in out
    assert "Geheim onderwerp XYZ" not in out


@pytest.mark.django_db
def test_intake_term_skips_5_may_and_the_municipalitys_own_days(world):
    # Submitted Monday 4 May 2026, 5 working days of intake. Bevrijdingsdag 5 May counts as a
    # feestdag in every year (Algemene termijnenwet art. 3 lid 1), and the profile makes Monday
    # 11 May a day of its own: 6, 7, 8, 12 and 13 May are the five working days.
    world.municipality.policy_overrides = {"terms": {"local_holidays": ["2026-05-11"]}}
    world.municipality.save()
    with time_machine.travel(datetime(2026, 5, 4, 10, 0, tzinfo=AMS), tick=False):
        case = run_to(world, new_case(world), State.SUBMITTED)

    assert case.intake_due == date(2026, 5, 13)
    # On Friday 8 May two working days are left (12 and 13 May): within the profile's reminder.
    assert running_deadline(case, world.municipality.policy, date(2026, 5, 8)).status == NEAR

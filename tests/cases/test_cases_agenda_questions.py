# SPDX-License-Identifier: EUPL-1.2
"""Technical questions about an agenda item: in by Tuesday 12:00, answered by Friday 16:00."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.utils import timezone

from raadsloket.cases.deadlines import running_deadline
from raadsloket.cases.errors import InvalidInput
from raadsloket.cases.models import TimelineEvent
from raadsloket.demo.lifecycle import act, new_case

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db
MEETING = "2026-12-14"  # a Monday


def agenda_question(world):
    return new_case(
        world,
        instrument="technical_question",
        title="Kosten sporthal",
        question="Wat zijn de jaarlijkse exploitatiekosten van de nieuwe sporthal?",
        agenda_item="Raadsvoorstel nieuwe sporthal",
        meeting_date=MEETING,
    )


def test_in_before_the_cut_off_it_is_answered_before_the_meeting(world):
    with time_machine.travel(datetime(2026, 12, 8, 11, 59, tzinfo=AMS), tick=False):
        case = act(world, agenda_question(world), "submit", "raadslid1")
    answer_by = timezone.localtime(case.answer_before)
    assert (answer_by.date(), answer_by.hour) == (date(2026, 12, 11), 16)
    deadline = running_deadline(case, world.municipality.policy, date(2026, 12, 9))
    assert deadline.due == date(2026, 12, 11) and "vrijdag 16:00" in deadline.rule
    detail = TimelineEvent.objects.get(case=case, action="submit").detail
    assert "op tijd binnen" in detail and "11-12-2026 16:00" in detail


def test_after_the_cut_off_the_member_is_told_it_may_not_be_in_time(world):
    with time_machine.travel(datetime(2026, 12, 8, 12, 1, tzinfo=AMS), tick=False):
        case = act(world, agenda_question(world), "submit", "raadslid1")
    assert case.answer_before is None
    detail = TimelineEvent.objects.get(case=case, action="submit").detail
    assert "niet gegarandeerd" in detail


def test_the_profile_sets_the_cut_off(world):
    world.municipality.policy_overrides = {
        "agenda_questions": {"submit_by": {"weekday": "wednesday", "time": "17:00"}}
    }
    world.municipality.save()
    with time_machine.travel(datetime(2026, 12, 9, 16, 0, tzinfo=AMS), tick=False):
        case = act(world, agenda_question(world), "submit", "raadslid1")
    assert case.answer_before is not None


def test_an_agenda_item_needs_a_meeting_date_and_only_fits_a_technical_question(world):
    with pytest.raises(InvalidInput) as error:
        new_case(
            world,
            instrument="technical_question",
            title="Sporthal",
            question="Wat kost de sporthal per jaar aan onderhoud?",
            agenda_item="Raadsvoorstel sporthal",
        )
    assert "meeting_date" in error.value.errors
    with pytest.raises(InvalidInput) as error:
        new_case(
            world,
            title="Sporthal",
            question="Kunt u helpen met een amendement?",
            agenda_item="Raadsvoorstel sporthal",
            meeting_date="2099-01-05",
        )
    assert "agenda_item" in error.value.errors

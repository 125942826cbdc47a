# SPDX-License-Identifier: EUPL-1.2
"""Schriftelijke vragen run draft → submitted → registered → answered/postponed → published.

Terms are fixed dates: the Reglement van Orde's 30 days from registration, moved past weekends
and holidays (Algemene termijnenwet art. 1), and a postponement notice counts as the answer.
"""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine

from raadsloket.access.cases import sections
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.deadlines import NEAR, OK, OVERDUE, running_deadline
from raadsloket.cases.errors import ActionForbidden, GuardFailed, InvalidInput
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import TimelineEvent
from raadsloket.cases.states import State
from raadsloket.cases.transitions import perform
from raadsloket.demo.lifecycle import act, new_case, new_written_question, run_to, run_written_to

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def at(year, month, day, hour=10):
    return time_machine.travel(datetime(year, month, day, hour, tzinfo=AMS), tick=False)


def test_the_full_path_from_draft_to_published(world):
    case = new_written_question(world)
    assert case.instrument == Instrument.WRITTEN_QUESTION and not case.confidential
    case = run_written_to(world, case, State.PUBLISHED)
    events = list(TimelineEvent.objects.filter(case=case).values_list("action", flat=True))
    assert events == ["create", "submit", "register", "answer", "publish"]
    assert case.portfolio_holder == world["wethouder1"]
    assert case.answer == "Het college antwoordt als volgt."
    assert case.published_at is not None and case.closed_at is not None


def test_registration_sets_the_term_of_30_days_and_names_its_rule(world):
    # Thursday 1 October 2026 + 30 days = Saturday 31 October: the term runs on to Monday 2 Nov.
    with at(2026, 10, 1):
        case = run_written_to(world, new_written_question(world), State.REGISTERED)
    assert case.answer_due == date(2026, 11, 2)
    register = TimelineEvent.objects.get(case=case, action="register")
    assert "30 kalenderdagen" in register.detail and "02-11-2026" in register.detail
    deadline = running_deadline(case, world.municipality.policy, date(2026, 10, 5))
    assert deadline.status == OK and deadline.due == date(2026, 11, 2)
    assert deadline.rule.startswith("termijn 30 kalenderdagen")
    assert "Reglement van Orde" in deadline.rule
    assert running_deadline(case, world.municipality.policy, date(2026, 10, 31)).status == NEAR
    assert running_deadline(case, world.municipality.policy, date(2026, 11, 3)).status == OVERDUE


def test_a_term_ending_at_christmas_runs_on_to_the_next_working_day(world):
    # Registered Wednesday 26 November 2025: day 30 is Friday 26 December (Tweede Kerstdag),
    # then the weekend, so Monday 29 December.
    with at(2025, 11, 26):
        case = run_written_to(world, new_written_question(world), State.REGISTERED)
    assert case.answer_due == date(2025, 12, 29)


def test_the_term_follows_the_profile(world):
    world.municipality.policy_overrides = {"terms": {"written_question": {"days": 21}}}
    world.municipality.save()
    # Monday 2 March 2026 + 21 days = Monday 23 March.
    with at(2026, 3, 2):
        case = run_written_to(world, new_written_question(world), State.REGISTERED)
    assert case.answer_due == date(2026, 3, 23)


def test_a_postponement_notice_counts_as_the_answer_and_sets_a_new_date(world):
    with at(2026, 10, 1):
        case = run_written_to(world, new_written_question(world), State.REGISTERED)
    with at(2026, 10, 28):
        case = act(
            world,
            case,
            "postpone",
            "collegecontact",
            {"reason": "Overleg met de regio is nodig.", "new_date": "2026-11-20"},
        )
    assert case.state == State.POSTPONED and case.postponed_to == date(2026, 11, 20)
    # The term of 2 November has been met by the notice; now the new date is watched.
    deadline = running_deadline(case, world.municipality.policy, date(2026, 11, 10))
    assert deadline.due == date(2026, 11, 20) and deadline.status == OK
    assert "uitstelbericht" in deadline.name
    assert running_deadline(case, world.municipality.policy, date(2026, 11, 21)).status == OVERDUE
    with at(2026, 11, 19):
        case = act(world, case, "answer", "collegecontact", {"answer": "Het antwoord."})
    assert case.state == State.ANSWERED
    detail = TimelineEvent.objects.get(case=case, action="answer").detail
    assert "binnen de termijn" in detail


def test_an_answer_after_the_term_is_recorded_as_late(world):
    with at(2026, 10, 1):
        case = run_written_to(world, new_written_question(world), State.REGISTERED)
    with at(2026, 11, 4):
        case = act(world, case, "answer", "collegecontact", {"answer": "Laat antwoord."})
    assert "na de termijn" in TimelineEvent.objects.get(case=case, action="answer").detail


def test_a_second_postponement_must_name_a_later_date(world):
    case = run_written_to(world, new_written_question(world), State.POSTPONED)
    with pytest.raises(InvalidInput) as error:
        act(
            world,
            case,
            "postpone",
            "collegecontact",
            {"reason": "Nog meer tijd nodig.", "new_date": case.postponed_to.isoformat()},
        )
    assert "latere datum" in str(error.value.errors["new_date"])


def test_the_griffie_may_record_the_answer_that_reached_it_on_paper(world):
    case = run_written_to(world, new_written_question(world), State.REGISTERED)
    case = act(world, case, "answer", "griffier", {"answer": "Per brief ontvangen antwoord."})
    assert case.state == State.ANSWERED


def test_only_a_council_member_puts_written_questions(world):
    # Art. 155 Gemeentewet: "een lid van de raad"; a committee member may not, even where the
    # verordening lets committee members ask for ambtelijke bijstand.
    world.municipality.policy_overrides = {"requesters": {"committee_member": True}}
    world.municipality.save()
    case = new_written_question(world, "commissielid1")
    with pytest.raises(GuardFailed) as error:
        perform(world["commissielid1"], case.pk, "submit")
    assert "art. 155" in str(error.value)


def test_the_griffie_sends_a_question_back_to_be_reworded(world):
    case = run_written_to(world, new_written_question(world), State.SUBMITTED)
    case = act(
        world, case, "send_back", "griffier", {"note": "Maak de vragen korter en genummerd."}
    )
    assert case.state == State.DRAFT and case.submitted_at is None
    case = act(world, case, "submit", "raadslid1")
    assert case.state == State.SUBMITTED


def test_nobody_else_answers_for_the_college(world):
    case = run_written_to(world, new_written_question(world), State.REGISTERED)
    for username in ("raadslid1", "raadslid2", "ambtenaar1", "secretaris", "beheerder"):
        with pytest.raises(Exception) as error:
            perform(world[username], case.pk, "answer", {"answer": "Onbevoegd antwoord."})
        assert type(error.value).__name__ in {"ActionForbidden", "CaseNotFound"}, username
    case.refresh_from_db()
    assert case.state == State.REGISTERED and case.answer == ""


def test_the_griffie_converts_a_factual_written_question_to_a_technical_question(world):
    case = run_written_to(world, new_written_question(world), State.SUBMITTED)
    case = act(
        world,
        case,
        "convert",
        "griffier",
        {"target": "technical_question", "note": "Alleen feiten gevraagd."},
    )
    assert case.instrument == Instrument.TECHNICAL_QUESTION and case.state == State.INTAKE


def test_an_assistance_request_becomes_a_written_question_only_when_the_member_submits_it(world):
    # Written questions go to every member and the college: converting a confidential request
    # hands it back to the member, who decides to put the questions (or withdraws).
    case = run_to(world, new_case(world, confidential=True), State.INTAKE)
    case = act(
        world,
        case,
        "convert",
        "griffier",
        {"target": "written_question", "note": "U vraagt de opvatting van het college."},
    )
    assert case.instrument == Instrument.WRITTEN_QUESTION and case.state == State.DRAFT
    for outsider in ("raadslid8", "wethouder1", "collegecontact"):
        assert not sections(viewer_for(world[outsider]), case), outsider
    detail = TimelineEvent.objects.filter(case=case, action="convert").get().detail
    assert "dient ze zelf in" in detail
    case = act(world, case, "submit", "raadslid1")
    case = act(world, case, "register", "griffier", {})
    assert case.state == State.REGISTERED and case.answer_due is not None
    assert not case.confidential


def test_converting_away_from_an_agenda_question_drops_its_cut_off(world):
    case = new_case(
        world,
        instrument="technical_question",
        title="Sporthal",
        question="Wat kost de sporthal per jaar aan onderhoud?",
        agenda_item="Raadsvoorstel sporthal",
        meeting_date="2099-01-05",
    )
    case = act(world, case, "submit", "raadslid1")
    case = act(world, case, "accept", "griffier")
    case = act(world, case, "convert", "griffier", {"target": "assistance"})
    assert (case.agenda_item, case.meeting_date, case.answer_before) == ("", None, None)


def test_the_griffies_notes_before_registration_stay_out_of_public_view(world):
    case = run_written_to(world, new_written_question(world), State.SUBMITTED)
    case = act(
        world,
        case,
        "send_back",
        "griffier",
        {"note": "Vraag 2 is te suggestief geformuleerd, NOTITIE-5521."},
    )
    case = act(world, case, "submit", "raadslid1")
    case = act(world, case, "register", "griffier", {})
    for reader in ("raadslid8", "wethouder1", "collegecontact"):
        seen = sections(viewer_for(world[reader]), case)
        events = case.timeline.filter(section__in=[str(s) for s in seen])
        assert not any("NOTITIE-5521" in event.detail for event in events), reader


def test_a_postponement_names_a_date_after_the_term(world):
    case = run_written_to(world, new_written_question(world), State.REGISTERED)
    with pytest.raises(InvalidInput) as error:
        act(
            world,
            case,
            "postpone",
            "collegecontact",
            {
                "reason": "Overleg met de regio.",
                "new_date": (case.answer_due - timedelta(days=1)).isoformat(),
            },
        )
    assert "termijn loopt al tot" in str(error.value.errors["new_date"])


def test_a_committee_members_request_cannot_become_a_written_question(world):
    world.municipality.policy_overrides = {"requesters": {"committee_member": True}}
    world.municipality.save()
    case = new_case(world, "commissielid1")
    case = act(world, case, "submit", "commissielid1")
    case = act(world, case, "accept", "griffier")
    with pytest.raises(InvalidInput) as error:
        act(world, case, "convert", "griffier", {"target": "written_question"})
    assert "art. 155" in str(error.value.errors["target"])


def test_withdrawal_is_possible_until_the_answer(world):
    case = run_written_to(world, new_written_question(world), State.POSTPONED)
    case = act(world, case, "withdraw", "raadslid1", {"note": "Beantwoord in de commissie."})
    assert case.state == State.WITHDRAWN
    answered = run_written_to(world, new_written_question(world), State.ANSWERED)
    with pytest.raises(Exception) as error:
        act(world, answered, "withdraw", "raadslid1", {"note": "Te laat."})
    assert type(error.value).__name__ == "ActionNotAvailable"


@pytest.mark.parametrize(
    ("action", "state", "actor", "data", "field"),
    [
        (
            "register",
            State.SUBMITTED,
            "griffier",
            {"portfolio_holder": "999999"},
            "portfolio_holder",
        ),
        ("register", State.SUBMITTED, "griffier", {"note": "x" * 2001}, "note"),
        ("send_back", State.SUBMITTED, "griffier", {"note": "kort"}, "note"),
        ("send_back", State.SUBMITTED, "griffier", {}, "note"),
        ("answer", State.REGISTERED, "collegecontact", {"answer": ""}, "answer"),
        ("answer", State.REGISTERED, "collegecontact", {"answer": ["a", "b"]}, "answer"),
        (
            "postpone",
            State.REGISTERED,
            "collegecontact",
            {"reason": "Overleg nodig met partners.", "new_date": "2020-01-01"},
            "new_date",
        ),
        (
            "postpone",
            State.REGISTERED,
            "collegecontact",
            {"reason": "Overleg nodig met partners.", "new_date": "morgen"},
            "new_date",
        ),
        (
            "postpone",
            State.REGISTERED,
            "collegecontact",
            {"reason": "", "new_date": "2099-01-01"},
            "reason",
        ),
        ("publish", State.ANSWERED, "griffier", {"meeting_date": "2001-01-01"}, "meeting_date"),
        ("publish", State.ANSWERED, "griffier", {"meeting_date": "31-02-2027"}, "meeting_date"),
    ],
)
def test_bad_input_gets_a_dutch_error_and_changes_nothing(world, action, state, actor, data, field):
    case = run_written_to(world, new_written_question(world), state)
    version = case.version
    with pytest.raises(InvalidInput) as error:
        act(world, case, action, actor, data)
    assert field in error.value.errors
    message = " ".join(error.value.errors[field])
    assert message and not any(word in message for word in ("Traceback", "Exception"))
    case.refresh_from_db()
    assert case.state == state and case.version == version


def test_a_wrong_actor_is_forbidden_not_ignored(world):
    case = run_written_to(world, new_written_question(world), State.SUBMITTED)
    with pytest.raises(ActionForbidden):
        perform(world["raadslid1"], case.pk, "register", {})


def test_the_college_inbox_hears_of_a_withdrawal_after_registration(world):
    from raadsloket.notify.models import Notification

    case = run_written_to(world, new_written_question(world), State.REGISTERED)
    act(world, case, "withdraw", "raadslid1", {"note": "Al beantwoord in de commissie."})
    told = set(
        Notification.objects.filter(event="withdraw").values_list("recipient__username", flat=True)
    )
    assert told == {"griffier", "collegecontact"}

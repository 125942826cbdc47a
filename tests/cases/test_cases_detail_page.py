# SPDX-License-Identifier: EUPL-1.2
"""The case page: what happens now, the stepper, the answer first and the rest folded."""

import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsloket.cases.models import Case
from raadsloket.demo.lifecycle import new_case, new_written_question, run_to, run_written_to
from tests.support.pages import page
from tests.support.world import build_college_told_of_start

pytestmark = pytest.mark.django_db

ANSWER = "Conceptamendement met doorrekening"
QUESTION = "Hoe kunnen we ouders en vrijwilligers inschakelen"
BOX = "Wat gebeurt er nu en wie is aan zet"


def detail(case):
    return reverse("case_detail", args=[case.pk])


def box(html: str) -> str:
    match = re.search(r'<section class="rl-now".*?</section>', html, re.S)
    assert match, "no 'what happens now' box"
    return match.group(0)


def test_answer_comes_before_the_request_and_the_rest_is_folded(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "delivered")
    html = page(login(world["raadslid1"]), detail(case))
    assert html.index('id="antwoord"') < html.index('id="verzoek"')
    assert html.index(ANSWER) < html.index(QUESTION)
    # Timeline, hours and startgesprek are folded: readable without JavaScript, out of the way.
    for anchor in ("tijdlijn", "uren", "startgesprek"):
        assert f'<details class="rl-fold" id="{anchor}">' in html
    assert html.index(QUESTION) < html.index('id="tijdlijn"')


def test_every_timeline_entry_has_its_own_anchor(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    html = page(login(world["raadslid1"]), detail(case))
    ids = list(case.timeline.values_list("pk", flat=True))
    assert ids
    for pk in ids:
        assert f'id="tijdlijn-{pk}"' in html


def test_the_box_says_who_is_at_turn_and_the_running_term(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "forwarded")
    text = box(page(login(world["secretaris"]), detail(case)))
    assert "Aan zet: <strong>de gemeentesecretaris</strong> (dat bent u)" in text
    assert "Volgende stap: ambtenaar toewijzen." in text
    assert "besluit toewijzen of weigeren, uiterlijk" in text
    # The member is told the same, without "that is you".
    text = box(page(login(world["raadslid1"]), detail(case)))
    assert "Aan zet: <strong>de gemeentesecretaris</strong>." in text


def test_the_box_says_when_the_term_has_passed(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    Case.objects.filter(pk=case.pk).update(delivery_due=timezone.localdate() - timedelta(days=3))
    text = box(page(login(world["ambtenaar1"]), detail(case)))
    assert "termijn verlopen" in text
    assert "Aan zet: <strong>de ambtenaar of de griffie</strong> (dat bent u)" in text


def test_stepper_marks_the_current_step_once_and_done_steps_in_text(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "refused")
    html = page(login(world["raadslid1"]), detail(case))
    stepper = re.search(r'<ol class="rl-stepper".*?</ol>', html, re.S).group(0)
    assert stepper.count('aria-current="step"') == 1
    current = re.search(r'<li[^>]*aria-current="step"[^>]*>(.*?)</li>', stepper, re.S).group(1)
    assert "Geweigerd" in current and "(nu)" in current
    assert stepper.count("(gereed)") == 3  # ingediend, intake, doorgeleid
    assert "Aan zet: <strong>het raadslid</strong> (dat bent u)" in box(html)


def test_a_closed_case_says_nothing_follows(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "closed")
    text = box(page(login(world["raadslid1"]), detail(case)))
    assert "Dit verzoek is afgesloten; er volgt geen stap meer." in text


def test_a_viewer_without_the_answer_gets_no_answer_and_no_hint_of_it(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "delivered")
    # The routing officer sees request and routing, never the answer (access/cases.py).
    html = page(login(world["secretaris"]), detail(case))
    assert ANSWER not in html and 'id="antwoord"' not in html
    assert "Antwoord opleveren" not in box(html)
    assert ANSWER not in box(html)


def test_manager_sees_no_box_no_stepper_and_no_answer(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "delivered")
    html = page(login(world["manager1"]), detail(case))
    assert BOX not in html and "rl-stepper" not in html
    assert ANSWER not in html and 'id="antwoord"' not in html and 'id="verzoek"' not in html
    # The state is metadata: the manager does not learn that the answer is delivered.
    assert "opgeleverd" not in html and "Evalueren" not in html


def test_college_told_of_the_start_sees_no_box_and_no_answer(db, client):
    world = build_college_told_of_start()
    case = run_to(world, new_case(world, "raadslid1"), "delivered")
    client.force_login(world["wethouder1"])
    html = page(client, detail(case))
    assert BOX not in html and ANSWER not in html and "opgeleverd" not in html


def test_other_member_sees_an_answered_written_question_without_its_answer(world, login):
    case = run_written_to(world, new_written_question(world, "raadslid1"), "answered")
    html = page(login(world["raadslid2"]), detail(case))
    assert "Het college antwoordt als volgt." not in html and 'id="antwoord"' not in html
    assert "Aan zet: <strong>de griffie</strong>." in box(html)
    # The griffie, who publishes it, sees the answer above the question.
    html = page(login(world["griffier"]), detail(case))
    assert html.index('id="antwoord"') < html.index('id="verzoek"')
    assert "(dat bent u)" in box(html)

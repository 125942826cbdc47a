# SPDX-License-Identifier: EUPL-1.2
"""What each person sees on the start page and the login, and what they must not see."""

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from raadsloket.cases.models import Case
from raadsloket.demo.lifecycle import act, new_case, run_to
from raadsloket.demo.people import build_municipality
from tests.support.pages import page

pytestmark = pytest.mark.django_db

TITLE = "Leerlingenvervoer met vrijwilligers"


def test_anonymous_is_sent_to_the_dutch_login(client):
    response = client.get("/")
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    html = page(client, reverse("login"))
    assert '<html lang="nl"' in html and "Inloggen" in html and "Naar de inhoud" in html


def test_login_with_wrong_password_says_so_in_dutch(client, world):
    response = client.post(reverse("login"), {"username": "griffier", "password": "fout"})
    assert response.status_code == 200
    assert "wachtwoord" in response.content.decode()


def test_member_sees_own_cases_and_new_request_button(world, login):
    new_case(world, "raadslid1")
    html = page(login(world["raadslid1"]), "/")
    assert TITLE in html and "Nieuw verzoek" in html and "concept" in html
    assert "raadslid" in html and "Gemeente Voorbeeld" in html
    other = page(login(world["raadslid2"]), "/")
    assert TITLE not in other


def test_shared_answer_appears_for_other_members_when_openness_is_every_member(db, client):
    world = build_municipality(
        "Gemeente Open", "open", overrides={"openness": {"answers": "every_member"}}
    )
    case = new_case(world, "raadslid1")
    run_to(world, case, "delivered")
    client.force_login(world["raadslid2"])
    html = page(client, "/")
    assert "Gedeelde antwoorden" in html and TITLE in html


def test_griffie_intake_queue_marks_overdue_terms(world, login):
    case = new_case(world, "raadslid1")
    act(world, case, "submit", "raadslid1")
    Case.objects.filter(pk=case.pk).update(
        submitted_at=timezone.now() - timedelta(days=9),
        intake_due=timezone.localdate() - timedelta(days=2),
    )
    html = page(login(world["griffier"]), "/")
    assert "Intake" in html and TITLE in html and "te laat" in html and ">9<" in html
    assert "Noodtoegang door beheerder" in html


def test_civil_servant_sees_assignments_and_hours(world, login):
    case = run_to(world, new_case(world, "raadslid1"), "in_progress")
    act(
        world,
        case,
        "log_hours",
        "ambtenaar1",
        {"worked_on": timezone.localdate().isoformat(), "hours": "3.5"},
    )
    html = page(login(world["ambtenaar1"]), "/")
    assert "Mijn toewijzingen" in html and TITLE in html and "3,5" in html


def test_error_page_is_dutch(world, login):
    html = page(login(world["griffier"]), "/verzoeken/999999", status=404)
    assert "Niet gevonden" in html

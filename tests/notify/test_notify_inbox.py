# SPDX-License-Identifier: EUPL-1.2
"""The grouped inbox (/meldingen/), the summary (/meldingen/samenvatting) and mark-all-read in
the API: one row per case, unread first, and "new since last visit" that really moves."""

import pytest
from django.test import Client
from django.urls import reverse

from raadsloket.api.tokens import issue
from raadsloket.cases.states import State
from raadsloket.notify import views
from raadsloket.notify.models import Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_cases(desk, world):
    """For the griffier: a request taken into intake (its notices read) and, newer, one still
    waiting (unread)."""
    taken = desk.run_to(desk.new(title="Al in intake"), State.INTAKE)
    waiting = desk.run_to(desk.new(title="Wacht op de griffie"), State.SUBMITTED)
    return taken, waiting


def griffier_page(world, url: str) -> str:
    client = Client()
    client.force_login(world["griffier"])
    return client.get(url).content.decode()


def test_unread_first_one_row_per_case_and_the_unread_filter(world, desk, two_cases):
    taken, waiting = two_cases
    # The taken case gets a newer notice, already read: unread still comes first.
    desk.act(taken, "forward", "griffier", {"note": "Verzoek is helder; graag een deskundige."})
    html = griffier_page(world, reverse("notify:list"))
    assert html.count("rl-notification-group") == 2
    assert html.index(waiting.reference) < html.index(taken.reference)
    unread = griffier_page(world, reverse("notify:list") + "?toon=ongelezen")
    assert unread.count("rl-notification-group") == 1
    assert waiting.reference in unread and taken.reference not in unread


def test_paging_keeps_the_filter(world, two_cases, monkeypatch):
    taken, waiting = two_cases
    monkeypatch.setattr(views, "PAGE_SIZE", 1)
    first = griffier_page(world, reverse("notify:list"))
    assert waiting.reference in first and taken.reference not in first
    assert "?pagina=2" in first
    second = griffier_page(world, reverse("notify:list") + "?pagina=2")
    assert taken.reference in second and waiting.reference not in second


def test_mark_all_read_needs_a_post_with_csrf(world, two_cases):
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["griffier"])
    url = reverse("notify:read_all")
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    assert Notification.objects.filter(recipient=world["griffier"], read_at=None).exists()
    token = client.get(reverse("notify:list")).cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token, "toon": "ongelezen"}, follow=True)
    assert response.redirect_chain[-1][0] == reverse("notify:list") + "?toon=ongelezen"
    assert "1 melding als gelezen gemarkeerd." in response.content.decode()
    assert not Notification.objects.filter(recipient=world["griffier"], read_at=None).exists()


def test_the_summary_counts_per_kind_grouped_per_case(world, desk):
    client = Client()
    client.force_login(world["raadslid1"])
    case = desk.run_to(desk.new(), State.DELIVERED)
    html = client.get(reverse("notify:summary")).content.decode()
    assert "De afgelopen 7 dagen" in html
    assert "3 meldingen over 1 onderwerp." in html
    for kind in ("opgeleverd", "startgesprek gepland", "toegewezen"):
        assert f">{kind}: 1</li>" in html
    assert f'href="/verzoeken/{case.pk}#antwoord"' in html


def test_new_since_last_visit_really_moves(world, desk):
    client = Client()
    client.force_login(world["griffier"])
    url = reverse("notify:summary")
    old = desk.run_to(desk.new(title="Eerder verzoek"), State.SUBMITTED)
    assert old.reference in client.get(url).content.decode()
    second = client.get(url).content.decode()
    assert "Nieuw sinds uw vorige bezoek" in second and "geen nieuwe meldingen." in second
    new = desk.run_to(desk.new(title="Later verzoek"), State.SUBMITTED)
    third = client.get(url).content.decode()
    assert "1 melding over 1 onderwerp." in third and ">ingediend: 1</li>" in third
    assert new.reference in third and old.reference not in third
    week = client.get(url + "?periode=week").content.decode()
    assert "De afgelopen 7 dagen" in week and old.reference in week and new.reference in week


def test_api_read_all_marks_only_my_own(client, world, two_cases):
    mine = Notification.objects.filter(recipient=world["griffier"], read_at=None)
    assert mine.count() == 1
    theirs = Notification.objects.filter(read_at=None).exclude(recipient=world["griffier"])
    others_before = set(theirs.values_list("pk", flat=True))
    assert others_before
    headers = {"HTTP_AUTHORIZATION": f"Bearer {issue(world['griffier'])}"}
    response = client.post("/api/v1/notifications/read-all", **headers)
    assert response.status_code == 200, response.content
    assert response.json() == {
        "marked": 1,
        "unread": 0,
        "message": "1 melding als gelezen gemarkeerd.",
    }
    assert set(theirs.values_list("pk", flat=True)) == others_before

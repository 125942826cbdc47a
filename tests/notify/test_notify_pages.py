# SPDX-License-Identifier: EUPL-1.2
"""My notifications in the web UI: the list, marking read (POST with CSRF), the settings form and
the header's link with the unread count."""

import pytest
from django.template import Context, Template
from django.test import Client, RequestFactory
from django.urls import reverse

from raadsloket.cases.states import State
from raadsloket.notify.delivery import delivery_of
from raadsloket.notify.models import Delivery, Notification

pytestmark = pytest.mark.django_db


@pytest.fixture
def delivered(desk):
    return desk.run_to(desk.new(title="Leerlingenvervoer met vrijwilligers"), State.DELIVERED)


def unsettled_griffie_notice(desk, world) -> Notification:
    """The griffier's notice of a request nobody has taken into intake yet: still unread."""
    waiting = desk.run_to(desk.new(title="Nog niet in behandeling"), State.SUBMITTED)
    return Notification.objects.get(recipient=world["griffier"], case=waiting, read_at=None)


def login(client, person):
    client.force_login(person)
    return client


def test_anonymous_is_sent_to_login(client):
    response = client.get(reverse("notify:list"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_list_shows_one_row_per_case_with_its_newest_notification(client, world, delivered):
    html = login(client, world["raadslid1"]).get(reverse("notify:list")).content.decode()
    # Three notices about the case, the startgesprek's invitation settled (events.TURN).
    assert "U heeft 2 ongelezen meldingen." in html
    assert html.count("rl-notification-group") == 1
    assert "2 nieuw</span>" in html
    assert f"{delivered.reference} (ambtelijke bijstand): opgeleverd" in html
    assert "toegewezen" not in html
    assert f'href="/verzoeken/{delivered.pk}#antwoord"' in html
    assert "Leerlingenvervoer met vrijwilligers" in html


def test_list_shows_nothing_of_others(client, world, delivered):
    html = login(client, world["raadslid3"]).get(reverse("notify:list")).content.decode()
    assert "Er zijn nog geen meldingen voor u." in html
    assert delivered.reference not in html


def test_mark_read_is_a_post_with_csrf_and_only_for_my_own(world, desk, delivered):
    mine = Notification.objects.filter(recipient=world["raadslid1"]).first()
    url = reverse("notify:read", args=[mine.pk])
    client = login(Client(enforce_csrf_checks=True), world["raadslid1"])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 403
    page = client.get(reverse("notify:list"))
    token = page.cookies["csrftoken"].value
    response = client.post(url, {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response.url == reverse("notify:list")
    mine.refresh_from_db()
    assert mine.read_at is not None
    theirs = unsettled_griffie_notice(desk, world)
    response = client.post(reverse("notify:read", args=[theirs.pk]), {"csrfmiddlewaretoken": token})
    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.read_at is None
    huge = client.post(f"/meldingen/{2**70}/gelezen", {"csrfmiddlewaretoken": token})
    assert huge.status_code == 404


def test_mark_all_read(client, world, desk, delivered):
    theirs = unsettled_griffie_notice(desk, world)
    client = login(client, world["raadslid1"])
    response = client.post(reverse("notify:read_all"))
    assert response.status_code == 302
    assert not Notification.objects.filter(recipient=world["raadslid1"], read_at=None).exists()
    theirs.refresh_from_db()
    assert theirs.read_at is None
    html = client.get(reverse("notify:list")).content.decode()
    assert "U heeft geen ongelezen meldingen." in html
    assert "2 meldingen als gelezen gemarkeerd." in html


def test_marking_one_notification_read_says_melding_not_melding_en(client, world, delivered):
    client = login(client, world["raadslid1"])
    others = list(Notification.objects.filter(recipient=world["raadslid1"]))[1:]
    for other in others:
        client.post(reverse("notify:read", args=[other.pk]))

    response = client.post(reverse("notify:read_all"), follow=True)

    html = response.content.decode()
    assert "1 melding als gelezen gemarkeerd." in html
    assert "melding(en)" not in html


def test_settings_form_in_dutch(client, world):
    client = login(client, world["raadslid1"])
    html = client.get(reverse("notify:settings")).content.decode()
    for label in ("direct", "dagelijkse samenvatting", "uit"):
        assert f">{label}</label>" in html
    assert "altijd direct per e-mail" in html
    response = client.post(reverse("notify:settings"), {"delivery": Delivery.DAILY_DIGEST})
    assert response.status_code == 302
    assert delivery_of(world["raadslid1"]) == Delivery.DAILY_DIGEST
    response = client.post(reverse("notify:settings"), {"delivery": "elk uur"})
    assert response.status_code == 422
    assert delivery_of(world["raadslid1"]) == Delivery.DAILY_DIGEST


def test_header_link_counts_my_unread_notifications(world, delivered):
    request = RequestFactory().get("/")
    request.user = world["raadslid1"]
    template = Template(
        "{% load notify %}{% unread_notifications as unread %}[{{ unread }}]"
        "{% notifications_nav_item %}"
    )
    html = template.render(Context({"request": request}))
    assert html.startswith("[2]")
    assert f'href="{reverse("notify:list")}"' in html and "2 nieuw" in html
    request.user = world["raadslid3"]
    html = template.render(Context({"request": request}))
    assert html.startswith("[0]") and "nieuw" not in html

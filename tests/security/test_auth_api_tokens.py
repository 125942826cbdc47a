# SPDX-License-Identifier: EUPL-1.2
"""API keys: listed per person, issued once, revoked with POST, refused when revoked or expired."""

from datetime import timedelta

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from raadsloket.api.models import ApiToken
from raadsloket.api.tokens import issue, revoke
from raadsloket.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

PAGE = "/beveiliging/api-sleutels/"


def api_get(token: str):
    return Client().get("/api/v1/cases", headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def member(world):
    client = Client()
    client.force_login(world["raadslid1"])
    return client


def test_the_page_lists_only_my_keys(world, member):
    issue(world["raadslid1"], label="Mijn koppeling")
    issue(world["raadslid2"], label="Andermans koppeling")
    response = member.get(PAGE)
    page = response.content.decode()
    assert response.status_code == 200
    assert "Mijn koppeling" in page
    assert "Andermans koppeling" not in page
    assert "nooit" in page and "actief" in page
    assert response["Cache-Control"].startswith("max-age=0")


def test_a_new_key_is_shown_once_and_works(world, member):
    response = member.post(PAGE, {"label": "Agenda-koppeling", "days": "30"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "maar één keer getoond" in page
    raw = page.split('<code class="utrecht-code">rl_', 1)[1].split("</code>", 1)[0]
    token = f"rl_{raw}"
    assert api_get(token).status_code == 200
    stored = ApiToken.objects.get(person=world["raadslid1"])
    assert stored.label == "Agenda-koppeling"
    assert timedelta(days=29) < stored.expires_at - timezone.now() <= timedelta(days=30)
    assert token not in member.get(PAGE).content.decode()
    assert AuditEvent.objects.filter(action="api.token_issued", actor_ref="raadslid1").exists()


@pytest.mark.parametrize(
    ("days", "message"),
    [
        ("366", "Hoogstens 365 dagen."),
        ("0", "Minstens 1 dag."),
        ("veel", "Vul een geheel aantal dagen in."),
    ],
)
def test_the_validity_is_one_to_365_days(world, member, days, message):
    response = member.post(PAGE, {"label": "x", "days": days})
    assert response.status_code == 422
    assert message in response.content.decode()
    assert not ApiToken.objects.exists()


def test_a_label_is_required_and_limited(world, member):
    assert "Geef de sleutel een omschrijving." in member.post(PAGE, {"days": "5"}).content.decode()
    long = member.post(PAGE, {"label": "x" * 101, "days": "5"}).content.decode()
    assert "Gebruik hoogstens 100 tekens." in long


def test_revoking_stops_the_key_and_is_audited(world, member):
    token = issue(world["raadslid1"], label="weg")
    stored = ApiToken.objects.get()
    response = member.post(f"/beveiliging/api-sleutels/{stored.pk}/intrekken", follow=True)
    page = response.content.decode()
    assert f"API-sleutel {stored.prefix} is ingetrokken" in page
    assert "ingetrokken op" in page
    assert api_get(token).status_code == 401
    event = AuditEvent.objects.get(action="api.token_revoked")
    assert event.actor_ref == "raadslid1"
    assert event.detail == {"prefix": stored.prefix, "person": "raadslid1"}


def test_revoking_needs_post(world, member):
    issue(world["raadslid1"])
    stored = ApiToken.objects.get()
    assert member.get(f"/beveiliging/api-sleutels/{stored.pk}/intrekken").status_code == 405


def test_revoking_needs_the_csrf_token(world):
    issue(world["raadslid1"])
    stored = ApiToken.objects.get()
    client = Client(enforce_csrf_checks=True)
    client.force_login(world["raadslid1"])
    response = client.post(f"/beveiliging/api-sleutels/{stored.pk}/intrekken")
    assert response.status_code == 403
    assert ApiToken.objects.get().revoked_at is None


def test_nobody_revokes_another_persons_key(world, member):
    issue(world["raadslid2"])
    stored = ApiToken.objects.get()
    assert member.post(f"/beveiliging/api-sleutels/{stored.pk}/intrekken").status_code == 404
    assert ApiToken.objects.get().revoked_at is None


def test_revoking_twice_is_harmless(world):
    issue(world["raadslid1"])
    stored = ApiToken.objects.get()
    assert revoke(stored, actor=world["raadslid1"]) is True
    assert revoke(stored, actor=world["raadslid1"]) is False
    assert AuditEvent.objects.filter(action="api.token_revoked").count() == 1


def test_an_expired_key_is_refused(world):
    token = issue(world["raadslid1"], days=1)
    assert api_get(token).status_code == 200
    with time_machine.travel(timezone.now() + timedelta(days=1, minutes=1)):
        assert api_get(token).status_code == 401
        page_client = Client()
        page_client.force_login(world["raadslid1"])
        assert "verlopen" in page_client.get(PAGE).content.decode()


def test_a_forged_key_with_a_real_prefix_is_refused(world):
    token = issue(world["raadslid1"])
    assert api_get(token[:-4] + "AAAA").status_code == 401


def test_last_used_is_written_at_most_once_a_minute(world):
    token = issue(world["raadslid1"])
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        api_get(token)
    assert ApiToken.objects.get().last_used_at == start
    with time_machine.travel(start + timedelta(seconds=30), tick=False):
        api_get(token)
    assert ApiToken.objects.get().last_used_at == start
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        api_get(token)
    assert ApiToken.objects.get().last_used_at == start + timedelta(seconds=61)

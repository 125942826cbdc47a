# SPDX-License-Identifier: EUPL-1.2
"""The session's copy of roles and devices (access.session_cache) saves queries and is never
stale: a revoked role, a new device or a new notification shows on the very next page."""

from datetime import date

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.notify.models import Notification
from raadsloket.organisation.models import RoleAssignment
from raadsloket.organisation.roles import Role

pytestmark = pytest.mark.django_db

REPORT = f"/reflectie/?periode={date.today().year - 1}"


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def tables_read(client: Client, url: str) -> str:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return " ".join(query["sql"] for query in queries.captured_queries)


def test_a_second_page_reads_neither_roles_nor_devices(world):
    client = signed_in(world["griffier"])
    tables_read(client, "/")
    second = tables_read(client, "/")
    assert "organisation_roleassignment" not in second
    assert "otp_totp_totpdevice" not in second


def test_a_revoked_role_is_gone_on_the_next_page(world):
    clerk = world["griffier"]
    client = signed_in(clerk)
    assert client.get(REPORT).status_code == 200
    assert client.get(REPORT).status_code == 200  # now from the session's copy
    RoleAssignment.objects.filter(person=clerk, role=Role.CLERK).delete()
    assert client.get(REPORT).status_code == 404


def test_a_granted_role_shows_on_the_next_page(world):
    servant = world["ambtenaar1"]
    client = signed_in(servant)
    assert client.get(REPORT).status_code == 404
    RoleAssignment.objects.create(person=servant, role=Role.CLERK)
    assert client.get(REPORT).status_code == 200


def test_a_copy_from_another_persons_session_is_not_used(world):
    client = signed_in(world["griffier"])
    assert client.get(REPORT).status_code == 200
    # Same session store, another person: Django's login flushes the session, and the copy
    # names its person besides.
    client.force_login(world["ambtenaar1"])
    assert client.get(REPORT).status_code == 404


def test_a_new_device_asks_for_its_code_on_the_next_page(world, settings):
    settings.TWO_FACTOR_REQUIRED = False
    member = world["raadslid3"]
    client = signed_in(member)
    assert client.get("/").status_code == 200
    TOTPDevice.objects.create(user=member, name="raadsloket", confirmed=True)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security:two_factor_verify"))


def test_a_new_notification_counts_in_the_header_of_the_next_page(world):
    member = world["raadslid3"]
    client = signed_in(member)
    before = Notification.objects.filter(recipient=member, read_at__isnull=True).count()
    assert f"{before + 1} nieuw" not in client.get("/").content.decode()
    Notification.objects.create(
        municipality=member.municipality,
        recipient=member,
        event="test",
        title="Nieuw",
        headline="Nieuw",
        body="Tekst",
        delivery="off",
    )
    assert f"{before + 1} nieuw" in client.get("/").content.decode()

# SPDX-License-Identifier: EUPL-1.2
"""Login lock-out after repeated failures (django-axes): the page, the audit, the unlock."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

from raadsloket.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

LOGIN = "/inloggen/"


def attempt(username: str, password: str = "fout", *, ip: str = "10.0.0.1"):
    return Client(REMOTE_ADDR=ip).post(LOGIN, {"username": username, "password": password})


def fail(username: str, times: int, *, ip: str = "10.0.0.1"):
    return [attempt(username, ip=ip) for _ in range(times)][-1]


def test_the_settings_follow_the_brief():
    assert settings.AXES_FAILURE_LIMIT == 5
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
    assert timedelta(minutes=30) == settings.AXES_COOLOFF_TIME
    assert settings.AXES_RESET_ON_SUCCESS is True


def test_four_failures_still_show_the_login_form(world):
    response = fail("griffier", 4)
    assert response.status_code == 200
    assert "Inloggen" in response.content.decode()


def test_the_fifth_failure_locks_with_a_dutch_page(world):
    response = fail("griffier", 5)
    page = response.content.decode()
    assert response.status_code == 429
    assert "Inloggen tijdelijk geblokkeerd" in page
    assert "30 minuten" in page
    assert "functioneel beheerder" in page
    # Even the right password does not get in while locked.
    assert attempt("griffier", "demo").status_code == 429


def test_the_page_does_not_tell_whether_the_username_exists(world):
    known = fail("griffier", 5).content.decode()
    unknown = fail("bestaat-niet", 5).content.decode()

    def main(page: str) -> str:
        return page.split("<main", 1)[1].split("</main>", 1)[0]

    assert main(known) == main(unknown)
    assert "griffier" not in main(known)


def test_the_lock_is_per_username_and_address(world):
    fail("griffier", 5, ip="10.0.0.1")
    # The same person from another address, and another person from this one, still log in.
    assert attempt("griffier", "demo", ip="10.0.0.2").status_code == 302
    assert attempt("raadslid1", "demo", ip="10.0.0.1").status_code == 302


def test_a_success_resets_the_count(world):
    fail("griffier", 4)
    assert attempt("griffier", "demo").status_code == 302
    assert fail("griffier", 4).status_code == 200


def test_the_lock_ends_after_thirty_minutes(world):
    fail("griffier", 5)
    with time_machine.travel(timezone.now() + timedelta(minutes=29)):
        assert attempt("griffier", "demo").status_code == 429
    # That attempt during the lock started the cool-off again.
    with time_machine.travel(timezone.now() + timedelta(minutes=29 + 31)):
        assert attempt("griffier", "demo").status_code == 302


def test_the_lock_is_audited_once(world):
    fail("griffier", 7)
    events = AuditEvent.objects.filter(action="security.locked_out")
    assert events.count() == 1
    event = events.get()
    assert event.actor_ref == "inlogbeveiliging"
    assert event.municipality_id_ref == world.municipality.pk
    assert event.detail == {"username": "griffier", "ip_address": "10.0.0.1", "failures": 5}


def test_unlock_command_lifts_the_lock_and_is_audited(world):
    fail("griffier", 5)
    out = io.StringIO()
    call_command("unlock", "griffier", stdout=out)
    assert "Blokkade van 'griffier' opgeheven" in out.getvalue()
    assert attempt("griffier", "demo").status_code == 302
    event = AuditEvent.objects.get(action="security.unlocked")
    assert event.detail["username"] == "griffier"
    assert event.municipality_id_ref == world.municipality.pk


def test_unlock_of_someone_not_locked_changes_nothing(world):
    out = io.StringIO()
    call_command("unlock", "raadslid1", stdout=out)
    assert "'raadslid1' was niet geblokkeerd" in out.getvalue()
    assert not AuditEvent.objects.filter(action="security.unlocked").exists()


def test_unlock_of_an_unknown_user_is_a_dutch_error(world):
    with pytest.raises(CommandError, match="Gebruiker 'niemand' bestaat niet."):
        call_command("unlock", "niemand")

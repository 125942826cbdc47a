# SPDX-License-Identifier: EUPL-1.2
"""Session expiry: 30 minutes idle (or the profile's shorter time), 8 hours at most."""

from datetime import timedelta

import pytest
import time_machine
from django.conf import settings
from django.test import Client
from django.utils import timezone

from raadsloket.demo.people import build_municipality
from raadsloket.env import ConfigurationError, env_int

pytestmark = pytest.mark.django_db


def logged_in(username: str) -> Client:
    client = Client()
    assert client.post("/inloggen/", {"username": username, "password": "demo"}).status_code == 302
    return client


def test_the_settings_renew_the_session_on_every_request():
    assert settings.SESSION_SAVE_EVERY_REQUEST is True
    assert settings.SESSION_IDLE_MINUTES == 30
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_ABSOLUTE_HOURS == 8


def test_thirty_one_idle_minutes_log_out_with_a_dutch_message(world):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = logged_in("raadslid1")
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        response = client.get("/verzoeken/", follow=True)
    assert response.redirect_chain[-1][0].startswith("/inloggen/")
    assert "U bent uitgelogd" in response.content.decode()


def test_activity_keeps_the_session_alive_up_to_eight_hours(world):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = logged_in("raadslid1")
    for minutes in range(25, 8 * 60, 25):
        with time_machine.travel(start + timedelta(minutes=minutes), tick=False):
            assert client.get("/verzoeken/").status_code == 200, minutes
    with time_machine.travel(start + timedelta(hours=8, minutes=5), tick=False):
        assert client.get("/verzoeken/").status_code == 302


def test_the_profile_can_make_the_idle_time_shorter(db):
    build_municipality(
        "Gemeente Kort",
        "kort",
        password="demo",
        overrides={"security": {"session_idle_minutes": 10}},
    )
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = logged_in("raadslid1")
    with time_machine.travel(start + timedelta(minutes=9), tick=False):
        assert client.get("/verzoeken/").status_code == 200
    with time_machine.travel(start + timedelta(minutes=20), tick=False):
        assert client.get("/verzoeken/").status_code == 302


def test_the_api_answers_401_after_expiry(world):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        client = logged_in("raadslid1")
        assert client.get("/api/v1/cases").status_code == 200
    with time_machine.travel(start + timedelta(minutes=31), tick=False):
        assert client.get("/api/v1/cases").status_code == 401


def test_the_idle_setting_is_read_strictly(monkeypatch):
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "15")
    assert env_int("SESSION_IDLE_MINUTES", 30, minimum=5, maximum=480) == 15
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "een uur")
    with pytest.raises(ConfigurationError, match="geheel getal"):
        env_int("SESSION_IDLE_MINUTES", 30, minimum=5, maximum=480)
    monkeypatch.setenv("SESSION_IDLE_MINUTES", "1")
    with pytest.raises(ConfigurationError, match="tussen 5 en 480"):
        env_int("SESSION_IDLE_MINUTES", 30, minimum=5, maximum=480)

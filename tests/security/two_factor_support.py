# SPDX-License-Identifier: EUPL-1.2
"""Logging in and setting up a second factor as a person does, for the two-factor tests."""

from binascii import unhexlify

from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.security.enrolment import issue_code
from raadsloket.security.two_factor import PENDING_KEY

SETUP = "/beveiliging/tweestapsverificatie/instellen"
VERIFY = "/beveiliging/tweestapsverificatie/controleren"


def logged_in(username: str) -> Client:
    """A browser that logged in with username and password (the real login page)."""
    client = Client()
    response = client.post("/inloggen/", {"username": username, "password": "demo"})
    assert response.status_code == 302, response.content
    return client


def code_for(device: TOTPDevice, *, key_hex: str | None = None) -> str:
    key = unhexlify(key_hex or device.key)
    return f"{totp(key, device.step, device.t0, device.digits, device.drift):06d}"


def set_up(client: Client, person) -> TOTPDevice:
    """Set up a device as the person does, with an enrolment code where one is asked."""
    enrolment_code, _ = issue_code(person, actor="beheerder")
    response = client.post(
        SETUP, {"code": app_code(client), "enrolment_code": enrolment_code, "next": "/"}
    )
    assert response.status_code == 302, response.content
    return TOTPDevice.objects.get(user=person, confirmed=True)


def app_code(client: Client) -> str:
    """What the app shows now for the key on this browser's set-up page (opened here)."""
    client.get(SETUP)
    key = client.session[PENDING_KEY]
    return code_for(TOTPDevice(key=key), key_hex=key)

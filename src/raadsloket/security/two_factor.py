# SPDX-License-Identifier: EUPL-1.2
"""Who must log in with a second factor, and setting up, checking and resetting that factor.

The factor is a TOTP code from an authenticator app (django-otp's TOTPDevice). A person has at
most one device. The key of a device being set up lives in the session only, until its first code
confirms it: opening the set-up page writes nothing.
"""

from base64 import b32encode
from binascii import unhexlify

import segno
from django.conf import settings
from django.db import transaction
from django_otp import login as otp_login
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice, default_key

from raadsloket.access.session_cache import session_has_device
from raadsloket.access.viewer import viewer_for
from raadsloket.audit import chain
from raadsloket.organisation.roles import CLERK_OFFICE, COLLEGE, Role
from raadsloket.security.enrolment import use_code, withdraw_codes

# BIO 9.4.2 and OWASP ASVS 2.8: accounts that see or steer much of the bubble log in with a
# second factor: the griffie, the routing officers (secretaris, kabinetschef), the college and
# the functioneel beheerder.
TWO_FACTOR_ROLES = (
    CLERK_OFFICE | COLLEGE | {Role.MUNICIPAL_SECRETARY, Role.CABINET_CHIEF, Role.ADMINISTRATOR}
)
DEVICE_NAME = "raadsloket"
PENDING_KEY = "security.pending_totp_key"


def privileged(user) -> bool:
    """The accounts TWO_FACTOR_ROLES names, and Django staff."""
    if user.is_superuser or user.is_staff:
        return True
    return bool(viewer_for(user).roles & TWO_FACTOR_ROLES)


def role_requires_two_factor(user) -> bool:
    """True when the person's roles or their municipality's profile demand a second factor."""
    if privileged(user):
        return True
    profile = viewer_for(user).profile
    return profile is not None and profile.security.two_factor_for_everyone


def needs_enrolment_code(user) -> bool:
    """Whether setting up a device asks for a one-time enrolment code (security/enrolment.py).

    The privileged accounts, wherever the instance holds them to a second factor; not in the
    demo with two-factor off, whose printed logins must work with the password alone.
    """
    return settings.TWO_FACTOR_REQUIRED and privileged(user)


def required_for(user) -> bool:
    """Whether this person is held to a second factor on this instance (not in the demo)."""
    return settings.TWO_FACTOR_REQUIRED and role_requires_two_factor(user)


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).first()


def must_verify(user) -> bool:
    """Whether this logged-in person is asked for a code before anything else.

    Asked: whoever is held to a second factor (required_for), and whoever chose to set up a
    device. With TWO_FACTOR_REQUIRED off (the demo) only the latter.
    """
    if not user.is_authenticated or user.is_verified():
        return False
    if required_for(user):
        return True
    # The session's copy when it is current (access.session_cache), else the database.
    has_device = session_has_device(user)
    return confirmed_device(user) is not None if has_device is None else has_device


def pending_device(request) -> TOTPDevice:
    """An unsaved device with the key being set up; the same key on a reload of the page."""
    key = request.session.get(PENDING_KEY)
    if not key:
        key = request.session[PENDING_KEY] = default_key()
    return TOTPDevice(user=request.user, name=DEVICE_NAME, key=key, confirmed=False)


def manual_key(device: TOTPDevice) -> str:
    """The secret in base32, in groups of four, for typing into an app without a camera."""
    key = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_data_uri(device: TOTPDevice) -> str:
    # An SVG data URI for an <img>: no inline script or style, which the CSP forbids.
    return segno.make(device.config_url, error="m").svg_data_uri(scale=5, border=2)


def _clean(code: str) -> str:
    return "".join(code.split())


def verification_blocked(user) -> bool:
    """django-otp's throttling: after a wrong code the next try waits longer each time."""
    device = confirmed_device(user)
    return device is not None and not device.verify_is_allowed()[0]


@transaction.atomic
def confirm_setup(request, code: str, enrolment_code: str = "") -> bool:
    """Save the new device once its first code is right, and count this session as verified.

    A person who needs an enrolment code spends it here; a refused one raises EnrolmentRefused
    and nothing is saved.
    """
    device = pending_device(request)
    totp = TOTP(unhexlify(device.key), device.step, device.t0, device.digits, device.drift)
    code = _clean(code)
    if not code.isdigit() or not totp.verify(int(code), device.tolerance):
        return False
    if needs_enrolment_code(request.user):
        use_code(request.user, enrolment_code)
    # The code that confirmed the device cannot be used again (OWASP ASVS 2.8.4).
    device.last_t = totp.t()
    device.drift = totp.drift
    device.confirmed = True
    device.save()
    TOTPDevice.objects.filter(user=request.user).exclude(pk=device.pk).delete()
    del request.session[PENDING_KEY]
    _mark_verified(request, device)
    chain.record(
        "security.two_factor_enabled",
        actor=request.user,
        municipality_id=request.user.municipality_id,
        detail={"person": request.user.username},
    )
    return True


def verify(request, code: str) -> bool:
    device = confirmed_device(request.user)
    if device is None or not device.verify_token(_clean(code)):
        return False
    _mark_verified(request, device)
    return True


def _mark_verified(request, device: TOTPDevice) -> None:
    # OWASP ASVS 3.2.1: a new session id once the privilege level changes.
    request.session.cycle_key()
    otp_login(request, device)


@transaction.atomic
def reset_two_factor(person, *, actor, reason: str) -> int:
    """Remove a person's devices: they set up a new one at their next login. Audited.

    A code made before the reset stops working: the new set-up needs one handed over after it.
    """
    count, _ = TOTPDevice.objects.filter(user=person).delete()
    withdraw_codes(person)
    chain.record(
        "security.two_factor_reset",
        actor=actor,
        municipality_id=person.municipality_id,
        detail={"person": person.username, "devices": count, "reason": reason},
    )
    return count

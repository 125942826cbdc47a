# SPDX-License-Identifier: EUPL-1.2
"""The header's access facts, kept in the session between requests.

Every page needs the signed-in person's roles and whether they have a confirmed second-factor
device (security.two_factor.must_verify). Reading them costs two queries per request; the
session is read and written on every request anyway (SESSION_SAVE_EVERY_REQUEST), so a copy
there is free. The copy is trusted only while it carries the person's `access_version`, which
the person row (loaded by the auth middleware on every request) holds fresh and which the
signals below raise whenever a role or a device changes: a revoked role is gone from the next
request on (RULES.md, access decisions only in raadsloket.access; docs/scaling.md, "Per page").

Within one request the access context is built once (viewer.viewer_for); this module only
saves the queries between requests.
"""

from django.contrib.auth.signals import user_logged_in
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.organisation.models import Person, RoleAssignment

SESSION_KEY = "access.cached"
# Set on the user object for the request: (roles, has a confirmed device).
ROLES_ATTR = "_raadsloket_session_roles"
DEVICE_ATTR = "_raadsloket_session_device"


def bump(person_id: int | None) -> None:
    """Invalidate every session's copy of this person's roles and devices."""
    if person_id is not None:
        Person.objects.filter(pk=person_id).update(access_version=F("access_version") + 1)


@receiver(post_save, sender=RoleAssignment, dispatch_uid="access-role-saved")
@receiver(post_delete, sender=RoleAssignment, dispatch_uid="access-role-deleted")
@receiver(post_save, sender=TOTPDevice, dispatch_uid="access-device-saved")
@receiver(post_delete, sender=TOTPDevice, dispatch_uid="access-device-deleted")
def _changed(sender, instance, raw: bool = False, **kwargs) -> None:
    # A restore loads rows as they were (raw): the person's row carries its own version then.
    if raw:
        return
    bump(getattr(instance, "person_id", None) or getattr(instance, "user_id", None))


def _fresh(user) -> dict:
    return {
        "person": user.pk,
        "version": user.access_version,
        "roles": sorted(user.role_assignments.values_list("role", flat=True)),
        "device": TOTPDevice.objects.filter(user=user, confirmed=True).exists(),
    }


@receiver(user_logged_in, dispatch_uid="access-session-fill")
def _fill_at_login(sender, request, user, **kwargs) -> None:
    # Filled at login, so every page of a session costs the same (no first page dearer than
    # the next: tests/cases/test_search_side_channel.py compares them).
    session = getattr(request, "session", None)
    if session is not None:
        session[SESSION_KEY] = _fresh(user)


class SessionAccessMiddleware:
    """After authentication: put the session's (or freshly read) roles and device on the user."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated and hasattr(request, "session"):
            cached = request.session.get(SESSION_KEY)
            if (
                not isinstance(cached, dict)
                or cached.get("person") != user.pk
                or cached.get("version") != user.access_version
            ):
                cached = _fresh(user)
                request.session[SESSION_KEY] = cached
            setattr(user, ROLES_ATTR, frozenset(cached["roles"]))
            setattr(user, DEVICE_ATTR, bool(cached["device"]))
        return self.get_response(request)


def session_roles(user) -> frozenset[str] | None:
    """The roles the middleware put on this request's user, or None (not through a request)."""
    return getattr(user, ROLES_ATTR, None)


def session_has_device(user) -> bool | None:
    return getattr(user, DEVICE_ATTR, None)

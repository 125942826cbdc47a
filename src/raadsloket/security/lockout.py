# SPDX-License-Identifier: EUPL-1.2
"""Login lock-out (django-axes): the Dutch page, the audit trail and lifting a lock.

OWASP ASVS 2.2.1: repeated failures lock the username from that address for a while. The page
says the same for a username that exists and one that does not, so it reveals nothing.
"""

from axes.utils import reset
from django.conf import settings
from django.shortcuts import render

from raadsloket.audit import chain
from raadsloket.organisation.models import Person


def cool_off_minutes() -> int:
    return int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: the Dutch lock-out page, 429 Too Many Requests."""
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "minutes": cool_off_minutes()}
    return render(request, "security/locked_out.html", context, status=429)


def _municipality_of(username: str) -> int | None:
    return (
        Person.objects.filter(username=username).values_list("municipality_id", flat=True).first()
    )


def record_lockout(sender, request, username, ip_address, **kwargs) -> None:
    """axes' user_locked_out receiver: one audit event when the lock starts.

    axes signals again on every failure while locked; only the failure that reaches the limit
    starts a lock.
    """
    if getattr(request, "axes_failures_since_start", None) != settings.AXES_FAILURE_LIMIT:
        return
    chain.record(
        "security.locked_out",
        # The username typed is not necessarily who typed it: the system records the lock.
        actor="inlogbeveiliging",
        municipality_id=_municipality_of(username) if username else None,
        detail={
            "username": username,
            "ip_address": ip_address,
            "failures": settings.AXES_FAILURE_LIMIT,
        },
    )


def unlock(person, *, actor: str) -> int:
    """Lift every lock of this username (from any address); returns the attempts removed."""
    count = reset(username=person.username)
    if count:
        chain.record(
            "security.unlocked",
            actor=actor,
            municipality_id=person.municipality_id,
            detail={"username": person.username, "attempts_removed": count},
        )
    return count

# SPDX-License-Identifier: EUPL-1.2
"""Session expiry: out after a while without activity, and after a working day whatever happens.

OWASP ASVS 3.3.2 (level 2): re-authentication after at most 30 minutes idle or 12 hours in
use; raadsloket keeps 8 hours. SESSION_COOKIE_AGE with SESSION_SAVE_EVERY_REQUEST already ends
an idle session at the instance's limit; this module adds the profile's shorter idle time and the
absolute limit, which the cookie age cannot express.
"""

import time

from django.conf import settings

from raadsloket.access.viewer import viewer_for

LOGIN_AT = "security.login_at"
SEEN_AT = "security.seen_at"


def idle_seconds(user) -> int:
    """The shorter of the instance's idle limit and the municipality's profile."""
    minutes = settings.SESSION_IDLE_MINUTES
    profile = viewer_for(user).profile
    if profile is not None:
        minutes = min(minutes, profile.security.session_idle_minutes)
    return minutes * 60


def stamp_login(sender, request, user, **kwargs) -> None:
    """user_logged_in receiver: the absolute limit counts from here."""
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[LOGIN_AT] = now
        request.session[SEEN_AT] = now


def expired(request) -> bool:
    """Whether this request's session is over; otherwise note the activity."""
    session = request.session
    now = int(time.time())
    login_at = session.setdefault(LOGIN_AT, now)
    seen_at = session.get(SEEN_AT, now)
    if now - seen_at > idle_seconds(request.user):
        return True
    if now - login_at > settings.SESSION_ABSOLUTE_HOURS * 3600:
        return True
    session[SEEN_AT] = now
    return False

# SPDX-License-Identifier: EUPL-1.2
"""Three middlewares: end an expired session, hold back an unverified second factor, and keep
what a signed-in person sees out of every cache."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django_htmx.http import HttpResponseClientRedirect

from raadsloket.security.sessions import expired
from raadsloket.security.two_factor import confirmed_device, must_verify

EXPIRED_MESSAGE = (
    "U bent uitgelogd: u was een tijd niet actief of al lang ingelogd. "
    "Log opnieuw in om verder te gaan."
)

# Pages a person must reach before their second factor is checked: logging in and out, the
# two-factor pages themselves and the identity provider's return (OIDC, when configured).
EXEMPT_VIEWS = frozenset(
    {
        "login",
        "logout",
        "security:two_factor_setup",
        "security:two_factor_verify",
        "oidc_authentication_init",
        "oidc_authentication_callback",
        "oidc_logout",
    }
)


class SessionExpiryMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        # The request goes on as anonymous: pages send to the login, the API answers 401.
        if request.user.is_authenticated:
            if expired(request):
                logout(request)
                messages.info(request, EXPIRED_MESSAGE)
        elif self._stale_cookie(request):
            # Django itself ended the session after SESSION_COOKIE_AGE idle; say so once (the
            # session middleware then drops the cookie).
            messages.info(request, EXPIRED_MESSAGE)
        return self.get_response(request)

    @staticmethod
    def _stale_cookie(request) -> bool:
        return (
            settings.SESSION_COOKIE_NAME in request.COOKIES
            and request.session.is_empty()
            and request.path_info != reverse("login")
        )


class TwoFactorMiddleware:
    """Sends a person who must use a second factor to set-up or verification first."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        if match is None or match.view_name in EXEMPT_VIEWS:
            return None
        if not must_verify(request.user):
            return None
        if "api" in match.namespaces:
            # The API has its own tokens; a password-only session does not open it.
            request.user = AnonymousUser()
            return None
        name = "two_factor_verify" if confirmed_device(request.user) else "two_factor_setup"
        url = f"{reverse(f'security:{name}')}?{urlencode({'next': request.get_full_path()})}"
        if getattr(request, "htmx", False):
            return HttpResponseClientRedirect(url)
        return redirect(url)


class NoStoreMiddleware:
    """Cache-Control: no-store on every answer to a signed-in person (OWASP ASVS V8.2.1).

    Case pages, API answers and case files hold the bubble; neither the browser's cache nor a
    proxy may keep them after logging out. Static files never get here: whitenoise answers them
    before this middleware runs. The person may be known by session or, after the view, by API
    key, so this looks at the user once the answer is made.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response

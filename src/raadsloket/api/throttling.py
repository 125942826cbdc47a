# SPDX-License-Identifier: EUPL-1.2
"""How often the API may be called (SECURITY.md "Aantal verzoeken aan de API"): django-ninja's
own throttling, counted in the cache every worker and app server shares (settings.CACHES).

- Per person: API_REQUESTS_PER_MINUTE calls, whether by API key or by session.
- Per address: API_ANONYMOUS_REQUESTS_PER_MINUTE requests that do not authenticate (a wrong or
  expired key), so that guessing keys is slow; the address is the one the login lock-out counts
  (security/client_address.py), so a client behind the proxy cannot choose its own.

ninja's SimpleRateThrottle keeps a list of the call times per key (a sliding window) and reads
and writes it without a lock: requests of one person that arrive at the very same moment may
each pass as one, so a burst can exceed the limit by the number of requests in flight, never
more. The limits are read from settings per request, so a changed setting needs no restart of
the throttle objects (and tests can lower them).
"""

import threading

from django.conf import settings
from django.http import HttpRequest
from ninja.throttling import BaseThrottle, SimpleRateThrottle

from raadsloket.security.client_address import client_address

WINDOW = 60


class PerThread:
    """An attribute of a throttle object that each thread has for itself."""

    def __set_name__(self, owner, name: str) -> None:
        self.name = name

    def __get__(self, throttle, owner=None):
        if throttle is None:
            return self
        return getattr(throttle._local, self.name)

    def __set__(self, throttle, value) -> None:
        setattr(throttle._local, self.name, value)


class SharedRateThrottle(SimpleRateThrottle):
    """A sliding window of WINDOW seconds with its limit in the setting `limit_setting`.

    One throttle object serves every request of a worker, and gunicorn runs threads
    (deploy/gunicorn.conf.py): ninja keeps the request's key and history on the object between
    allow_request() and wait(), so here that state is per thread.
    """

    limit_setting = ""

    def __init__(self) -> None:
        self._local = threading.local()
        self.rate = None
        self.duration = WINDOW

    @property
    def num_requests(self) -> int:
        return int(getattr(settings, self.limit_setting))

    @num_requests.setter
    def num_requests(self, value) -> None:
        pass  # the setting decides (read per request)

    # ninja's per-request state, kept per thread.
    key = PerThread()
    history = PerThread()
    now = PerThread()


def _person(request: HttpRequest):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


class PersonThrottle(SharedRateThrottle):
    scope = "person"
    limit_setting = "API_REQUESTS_PER_MINUTE"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        person = _person(request)
        if person is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": person.pk}


class AddressThrottle(SharedRateThrottle):
    scope = "address"
    limit_setting = "API_ANONYMOUS_REQUESTS_PER_MINUTE"

    def get_cache_key(self, request: HttpRequest) -> str | None:
        if _person(request) is not None:
            return None
        address = client_address(request) or "onbekend"
        return self.cache_format % {"scope": self.scope, "ident": address}


PER_PERSON = PersonThrottle()
PER_ADDRESS = AddressThrottle()
THROTTLES: list[BaseThrottle] = [PER_PERSON, PER_ADDRESS]

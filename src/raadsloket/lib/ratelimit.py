# SPDX-License-Identifier: EUPL-1.2
"""A fixed-window rate limit per key in Django's cache (SECURITY.md "Filters, ordening en
zoeken"): enough for a person at work, too little to probe text by many guesses."""

from django.core.cache import cache
from django.utils import timezone

from raadsloket.lib.errors import DomainError


class RateLimited(DomainError):
    status = 429


def take(key: str, *, limit: int, window: int, message: str) -> None:
    """Count one use of `key` in the present window; RateLimited (429, Dutch) past `limit`."""
    slot = int(timezone.now().timestamp()) // window
    name = f"ratelimit:{key}:{slot}"
    # add() is atomic where the cache is shared: the first use of a window starts at one.
    if not cache.add(name, 1, timeout=window + 1):
        try:
            used = cache.incr(name)
        except ValueError:  # expired between add and incr
            cache.add(name, 1, timeout=window + 1)
            used = 1
        if used > limit:
            raise RateLimited(message)

# SPDX-License-Identifier: EUPL-1.2
"""What the public pages, the sitemap and the feed share: the municipality by its slug, full
URLs, and the cache headers of a public answer."""

from collections.abc import Callable

from django.utils.cache import patch_cache_control

from raadsloket.organisation.models import Municipality

# Public pages change when the griffie publishes; five minutes keeps a harvester's load off the
# database and an embargo late by at most that long.
MAX_AGE_SECONDS = 300
MAX_SLUG = 60


def public_municipality(slug: str) -> Municipality | None:
    if len(slug) > MAX_SLUG:
        return None
    return Municipality.objects.filter(slug=slug).first()


def absolute_urls(request) -> Callable[[str], str]:
    return request.build_absolute_uri


def cacheable(response):
    """Cache-Control: public with a short max-age. For a signed-in person NoStoreMiddleware
    (security/middleware.py) turns it into no-store, private afterwards, as for every page."""
    patch_cache_control(response, public=True, max_age=MAX_AGE_SECONDS)
    return response

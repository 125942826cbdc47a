# SPDX-License-Identifier: EUPL-1.2
"""The feed for anonymous harvesters (Open Raadsinformatie and others) in the API: no key, no
session; only what raadsloket.access.publication calls public. Mounted by the root API."""

from django.http import HttpResponse
from django.utils import timezone
from ninja import Query, Router, Schema
from pydantic import Field

from raadsloket.lib.api import ERRORS
from raadsloket.lib.errors import NotFound
from raadsloket.publication import ori
from raadsloket.publication.schemas import PublicFeedOut
from raadsloket.publication.services import absolute_urls, cacheable, public_municipality
from raadsloket.publication.sources import all_items

router = Router(tags=["openbaar (Woo)"])

MAX_PAGE = 100_000


class FeedFilter(Schema):
    page: int = Field(1, ge=1, le=MAX_PAGE, description="de pagina, vanaf 1 (zie next)")


@router.get(
    "/public/{slug}/feed",
    response={200: PublicFeedOut, **ERRORS},
    auth=None,
    by_alias=True,
    summary="Openbare stukken van een gemeente, naar het schema van Open Raadsinformatie",
)
def public_feed(request, slug: str, response: HttpResponse, filters: Query[FeedFilter]):
    municipality = public_municipality(slug)
    if municipality is None:
        raise NotFound("Deze gemeente bestaat niet.")
    items = all_items(municipality, timezone.localdate())
    cacheable(response)
    return ori.feed_page(
        municipality,
        items,
        filters.page,
        absolute_urls(request),
        f"/api/v1/public/{slug}/feed",
    )

# SPDX-License-Identifier: EUPL-1.2
"""The public pages (no login): the index of municipalities, a municipality's public items,
one item, and the DiWoo sitemap indexes and sitemaps for the Woo-index (diwoo.py).

Only GET; no session is written and nobody is logged in. What appears comes from the sources
(sources.py), which ask raadsloket.access.publication what is public. An unknown municipality,
kind or item answers 404, exactly like one that is not public.
"""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from raadsloket.organisation.models import Municipality
from raadsloket.publication import diwoo, reports
from raadsloket.publication.services import absolute_urls, cacheable, public_municipality
from raadsloket.publication.sources import all_items, categories, source, sources
from raadsloket.reflection.yearreport import figure

# The municipality's page lists this many of each source's newest items; the feed and the
# sitemap have them all.
NEWEST = 100
MAX_PAGE = 10_000
XML = "application/xml; charset=utf-8"


def _municipality(slug: str) -> Municipality:
    municipality = public_municipality(slug)
    if municipality is None:
        raise Http404("Niet gevonden")
    return municipality


@require_GET
def index(request):
    municipalities = Municipality.objects.order_by("name").only("name", "slug")
    return cacheable(render(request, "publication/index.html", {"municipalities": municipalities}))


@require_GET
def municipality_page(request, slug: str):
    municipality = _municipality(slug)
    today = timezone.localdate()
    groups = []
    for src in sources():
        items = sorted(src.items(municipality, today), key=lambda i: i.day, reverse=True)
        groups.append({"source": src, "items": items[:NEWEST], "more": len(items) > NEWEST})
    return cacheable(
        render(
            request,
            "publication/municipality.html",
            {
                "municipality": municipality,
                "groups": groups,
                "categories": categories() if municipality.tooi_uri else [],
            },
        )
    )


@require_GET
def item_page(request, slug: str, kind: str, item_id: str):
    municipality = _municipality(slug)
    src = source(kind)
    today = timezone.localdate()
    item = src.find(municipality, item_id, today) if src is not None else None
    if item is None:
        raise Http404("Niet gevonden")
    context = {"municipality": municipality, "item": item}
    if kind == reports.KIND:
        report = reports.public_report(municipality, item, today)
        context["report"] = report
        context["sections"] = [
            {"section": section, "items": [figure(table) for table in section.tables]}
            for section in report.sections
        ]
        return cacheable(render(request, "publication/report.html", context))
    return cacheable(render(request, "publication/item.html", context))


def _category(municipality: Municipality, infocat: str) -> diwoo.Category:
    category = diwoo.CATEGORIES.get(infocat)
    # No TOOI identifier, no DiWoo metadata: the Woo-index needs the publisher's code.
    if category is None or category not in categories() or not municipality.tooi_uri:
        raise Http404("Niet gevonden")
    return category


def _xml(content: bytes):
    return cacheable(HttpResponse(content, content_type=XML))


def _pages(count: int) -> int:
    return max(1, -(-count // diwoo.URLS_PER_SITEMAP))


@require_GET
def sitemap_index(request, slug: str, infocat: str):
    """sitemapindex-diwoo-infocatNNN.xml: the sitemaps of one informatiecategorie."""
    municipality = _municipality(slug)
    category = _category(municipality, infocat)
    items = all_items(municipality, timezone.localdate(), category)
    absolute = absolute_urls(request)
    entries = []
    for page in range(1, _pages(len(items)) + 1):
        chunk = items[(page - 1) * diwoo.URLS_PER_SITEMAP : page * diwoo.URLS_PER_SITEMAP]
        newest = max((item.modified for item in chunk), default=timezone.now())
        path = f"/openbaar/{slug}/sitemaps/sitemap-diwoo-{infocat}-{page}.xml"
        entries.append((absolute(path), diwoo.lastmod(newest)))
    return _xml(diwoo.sitemap_index(entries))


@require_GET
def sitemap_page(request, slug: str, infocat: str, page: str):
    number = int(page)
    municipality = _municipality(slug)
    category = _category(municipality, infocat)
    items = all_items(municipality, timezone.localdate(), category)
    if not 1 <= number <= min(_pages(len(items)), MAX_PAGE):
        raise Http404("Niet gevonden")
    chunk = items[(number - 1) * diwoo.URLS_PER_SITEMAP : number * diwoo.URLS_PER_SITEMAP]
    return _xml(diwoo.sitemap(chunk, municipality, absolute_urls(request)))


@require_GET
def robots(request):
    """robots.txt names the sitemap indexes: the Woo-index starts there (KOOP, "Technische
    implementatie": robots.txt refers to the sitemap indexes, not to the sitemaps)."""
    absolute = absolute_urls(request)
    lines = ["User-agent: *", "Allow: /openbaar/", "Disallow: /", ""]
    for municipality in Municipality.objects.exclude(cbs_code="").order_by("slug"):
        for category in categories():
            path = (
                f"/openbaar/{municipality.slug}/sitemaps/sitemapindex-diwoo-{category.infocat}.xml"
            )
            lines.append(f"Sitemap: {absolute(path)}")
    return cacheable(
        HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    )

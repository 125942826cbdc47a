# SPDX-License-Identifier: EUPL-1.2
"""The DiWoo sitemap for the Woo-index: robots.txt → sitemap index → sitemap, each valid XML
with the sitemap protocol's loc and lastmod and a diwoo:Document per url (KOOP, "Woo-metadata
in een sitemap")."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from defusedxml import ElementTree
from django.utils import timezone

from tests.support.publication import EMBARGO_DAYS

pytestmark = pytest.mark.django_db

SM = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DW = "{https://standaarden.overheid.nl/diwoo/metadata/}"
TOOI = "https://identifier.overheid.nl/tooi/"
INGEKOMEN = TOOI + "def/thes/kern/c_8c840238"


def xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/xml")
    return ElementTree.fromstring(response.content)


def path_of(url: str) -> str:
    return url.removeprefix("http://testserver")


def sitemap_urls(client, infocat="infocat006"):
    index = xml(client, f"/openbaar/voorbeeld/sitemaps/sitemapindex-diwoo-{infocat}.xml")
    assert index.tag == f"{SM}sitemapindex"
    entries = index.findall(f"{SM}sitemap")
    assert entries
    urls = []
    for entry in entries:
        datetime.fromisoformat(entry.findtext(f"{SM}lastmod"))
        urlset = xml(client, path_of(entry.findtext(f"{SM}loc")))
        assert urlset.tag == f"{SM}urlset"
        urls += urlset.findall(f"{SM}url")
    return urls


def by_reference(urls):
    return {url.findtext(f"{SM}loc").rstrip("/").rsplit("/", 1)[-1]: url for url in urls}


def test_robots_txt_names_the_sitemap_index_of_each_category(client, published):
    text = client.get("/robots.txt").content.decode()
    assert (
        "Sitemap: http://testserver/openbaar/voorbeeld/sitemaps/sitemapindex-diwoo-infocat006.xml"
        in text
    )


def test_every_url_has_loc_lastmod_and_the_diwoo_metadata(client, published):
    urls = by_reference(sitemap_urls(client))
    registered = {
        c.reference
        for k, c in published.cases.items()
        if k not in ("draft", "submitted", "withdrawn")
    }
    assert set(urls) == registered
    for reference, url in urls.items():
        assert (
            url.findtext(f"{SM}loc")
            == f"http://testserver/openbaar/voorbeeld/schriftelijke-vragen/{reference}/"
        )
        datetime.fromisoformat(url.findtext(f"{SM}lastmod"))
        diwoo = url.find(f"{DW}Document/{DW}DiWoo")
        assert diwoo is not None and diwoo.tag == f"{DW}DiWoo", reference
        publisher = diwoo.find(f"{DW}publisher")
        assert publisher.get("resource") == TOOI + "id/gemeente/gm9999"
        assert publisher.text == "Gemeente Voorbeeld"
        category = diwoo.find(
            f"{DW}classificatiecollectie/{DW}informatiecategorieen/{DW}informatiecategorie"
        )
        assert category.get("resource") == INGEKOMEN
        assert category.text == "bij vertegenwoordigende organen ingekomen stukken"
        assert diwoo.findtext(f"{DW}titelcollectie/{DW}officieleTitel").startswith(
            "Schriftelijke vragen: "
        )
        identifiers = [i.text for i in diwoo.findall(f"{DW}identifiers/{DW}identifier")]
        assert f"schriftelijke-vragen-{reference}" in identifiers
        date.fromisoformat(diwoo.findtext(f"{DW}creatiedatum"))
        assert diwoo.find(f"{DW}language").get("resource").endswith("/language/NLD")
        assert diwoo.find(f"{DW}format").text == "html"
        action = diwoo.find(f"{DW}documenthandelingen/{DW}documenthandeling")
        assert (
            action.find(f"{DW}soortHandeling").get("resource") == TOOI + "def/thes/kern/c_dfcee535"
        )
        datetime.fromisoformat(action.findtext(f"{DW}atTime"))


def test_the_sitemap_holds_no_text_that_is_not_public(client, published):
    body = b"".join(
        client.get(path).content
        for path in (
            "/robots.txt",
            "/openbaar/voorbeeld/sitemaps/sitemapindex-diwoo-infocat006.xml",
            "/openbaar/voorbeeld/sitemaps/sitemap-diwoo-infocat006-1.xml",
        )
    ).decode()
    assert not [m for m in published.secret if m in body]


def test_an_embargoed_answer_changes_the_sitemap_only_on_its_day(client, published):
    reference = published.cases["embargo"].reference
    registered = timezone.localdate(published.cases["embargo"].registered_at)
    day_before = timezone.now() + timedelta(days=EMBARGO_DAYS - 1)
    with time_machine.travel(day_before, tick=False):
        diwoo = by_reference(sitemap_urls(client))[reference].find(f"{DW}Document/{DW}DiWoo")
        assert diwoo.findtext(f"{DW}creatiedatum") == registered.isoformat()
        assert "beantwoord)" not in diwoo.findtext(f"{DW}omschrijvingen/{DW}omschrijving")
    with time_machine.travel(day_before + timedelta(days=1), tick=False):
        url = by_reference(sitemap_urls(client))[reference]
    diwoo = url.find(f"{DW}Document/{DW}DiWoo")
    assert diwoo.findtext(f"{DW}creatiedatum") == published.embargo_until.isoformat()
    assert datetime.fromisoformat(url.findtext(f"{SM}lastmod")).date() == published.embargo_until


def test_no_cbs_code_no_diwoo_sitemap(client, published):
    published.world.municipality.cbs_code = ""
    published.world.municipality.save()
    assert (
        client.get("/openbaar/voorbeeld/sitemaps/sitemapindex-diwoo-infocat006.xml").status_code
        == 404
    )
    assert "voorbeeld" not in client.get("/robots.txt").content.decode()


def test_a_sitemap_page_past_the_end_or_an_unknown_category_is_404(client, published):
    assert (
        client.get("/openbaar/voorbeeld/sitemaps/sitemap-diwoo-infocat006-2.xml").status_code == 404
    )
    assert (
        client.get("/openbaar/voorbeeld/sitemaps/sitemapindex-diwoo-infocat001.xml").status_code
        == 404
    )

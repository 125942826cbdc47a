# SPDX-License-Identifier: EUPL-1.2
"""DiWoo metadata (KOOP, "Woo-metadata in een sitemap", diwoo-metadata.xsd) for public items.

The sitemap protocol (http://www.sitemaps.org/schemas/sitemap/0.9) extended per <url> with a
`diwoo:Document` that holds one `diwoo:DiWoo` element (namespace
https://standaarden.overheid.nl/diwoo/metadata/; KOOP, "Gebruik van de XSD"). The Woo-index finds
the sitemap indexes through robots.txt; a sitemap index per informatiecategorie is named
`sitemapindex-diwoo-infocatNNN.xml` (KOOP, "Sitemapindex en Sitemaps": other names are not read).
"""

from dataclasses import dataclass
from xml.etree import ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
DIWOO_NS = "https://standaarden.overheid.nl/diwoo/metadata/"
TOOI_KERN = "https://identifier.overheid.nl/tooi/def/thes/kern/"
# The Woo-index reads at most 50,000 urls per sitemap (sitemaps.org); we stay far below.
URLS_PER_SITEMAP = 1000


@dataclass(frozen=True)
class Category:
    """A Woo informatiecategorie of the TOOI value list (waardelijst informatiecategorieën)."""

    number: int  # NNN of the sitemap index name (infocat006)
    code: str  # the TOOI concept
    label: str

    @property
    def uri(self) -> str:
        return TOOI_KERN + self.code

    @property
    def infocat(self) -> str:
        return f"infocat{self.number:03d}"


# Woo art. 3.3 lid 2: "bij vertegenwoordigende organen ingekomen stukken" (TOOI c_8c840238,
# infocat006). Written questions and their answers go through the griffier to the council as an
# ingekomen stuk for the next meeting (Reglement van Orde; RULES.md "Schriftelijke vragen").
# Note: c_db4862c3 is "vergaderstukken decentrale overheden", not the ingekomen stukken.
INGEKOMEN_STUKKEN = Category(6, "c_8c840238", "bij vertegenwoordigende organen ingekomen stukken")
# Woo art. 3.3 lid 2: "vergaderstukken decentrale overheden" (TOOI c_db4862c3, infocat008):
# moties, amendementen and initiatiefvoorstellen of a council meeting (for the register sources).
VERGADERSTUKKEN = Category(8, "c_db4862c3", "vergaderstukken decentrale overheden")
# Woo art. 3.3 lid 2: "jaarplannen en jaarverslagen" (TOOI c_c6cd1213, infocat012): the
# year report on ambtelijke bijstand and informatievoorziening.
JAARVERSLAGEN = Category(12, "c_c6cd1213", "jaarplannen en jaarverslagen")

CATEGORIES = {c.infocat: c for c in (INGEKOMEN_STUKKEN, VERGADERSTUKKEN, JAARVERSLAGEN)}

# TOOI documenthandeling "ontvangst" (c_dfcee535): the council received the document (the
# question registered by the griffie, the answer sent to the council, the report).
RECEIVED = ("c_dfcee535", "ontvangst")
# EU vocabularies, as the DiWoo schema asks for language and format.
LANGUAGE_NL = ("http://publications.europa.eu/resource/authority/language/NLD", "Nederlands")
FORMAT_URIS = {"text/html": "http://publications.europa.eu/resource/authority/file-type/HTML"}


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{DIWOO_NS}}}{tag}", attrs)
    if text is not None:
        element.text = text
    return element


def document_element(item, municipality, absolute) -> ET.Element:
    """The `diwoo:Document` of one public item. `absolute` makes a site path a full URL."""
    document = ET.Element(f"{{{DIWOO_NS}}}Document")
    diwoo = _sub(document, "DiWoo")
    identifiers = _sub(diwoo, "identifiers")
    _sub(identifiers, "identifier", f"{item.kind}-{item.item_id}")
    _sub(identifiers, "identifier", absolute(item.path))
    _sub(diwoo, "publisher", municipality.name, resource=municipality.tooi_uri)
    _sub(diwoo, "verantwoordelijke", municipality.name, resource=municipality.tooi_uri)
    titles = _sub(diwoo, "titelcollectie")
    _sub(titles, "officieleTitel", item.title)
    if item.summary:
        descriptions = _sub(diwoo, "omschrijvingen")
        _sub(descriptions, "omschrijving", item.summary)
    classification = _sub(diwoo, "classificatiecollectie")
    categories = _sub(classification, "informatiecategorieen")
    _sub(categories, "informatiecategorie", item.category.label, resource=item.category.uri)
    _sub(diwoo, "creatiedatum", item.day.isoformat())
    _sub(diwoo, "language", LANGUAGE_NL[1], resource=LANGUAGE_NL[0])
    _sub(diwoo, "format", "html", resource=FORMAT_URIS["text/html"])
    actions = _sub(diwoo, "documenthandelingen")
    action = _sub(actions, "documenthandeling")
    _sub(action, "soortHandeling", RECEIVED[1], resource=TOOI_KERN + RECEIVED[0])
    _sub(action, "atTime", item.modified.replace(microsecond=0).isoformat())
    _sub(action, "wasAssociatedWith", municipality.name, resource=municipality.tooi_uri)
    return document


def _xml(root: ET.Element) -> bytes:
    ET.register_namespace("", SITEMAP_NS)
    ET.register_namespace("diwoo", DIWOO_NS)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)


def sitemap_index(sitemap_urls: list[tuple[str, str]]) -> bytes:
    """A sitemap index: (loc, lastmod) per sitemap."""
    root = ET.Element(f"{{{SITEMAP_NS}}}sitemapindex")
    for loc, lastmod in sitemap_urls:
        entry = ET.SubElement(root, f"{{{SITEMAP_NS}}}sitemap")
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}loc").text = loc
        ET.SubElement(entry, f"{{{SITEMAP_NS}}}lastmod").text = lastmod
    return _xml(root)


def sitemap(items, municipality, absolute) -> bytes:
    """A sitemap: per item its page, lastmod and diwoo:Document."""
    root = ET.Element(f"{{{SITEMAP_NS}}}urlset")
    for item in items:
        url = ET.SubElement(root, f"{{{SITEMAP_NS}}}url")
        ET.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = absolute(item.path)
        ET.SubElement(url, f"{{{SITEMAP_NS}}}lastmod").text = lastmod(item.modified)
        url.append(document_element(item, municipality, absolute))
    return _xml(root)


def lastmod(moment) -> str:
    """W3C datetime as the sitemap protocol asks."""
    return moment.replace(microsecond=0).isoformat()

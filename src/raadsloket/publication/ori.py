# SPDX-License-Identifier: EUPL-1.2
"""The JSON feed for harvesters, shaped after the Open Raadsinformatie schema (popolo-ori).

ORI describes council information as linked data on popolo and schema.org: an Organization
(the municipality, a fractie), a Person, and the documents (Report, Motion, ...) with
MediaObject attachments, each with `@type`, `@id`, `name` and `dateModified`. This feed gives
one page of the municipality's public items at a time, oldest first, with the URL of the `next`
page (null on the last): a harvester walks `next` until it ends and keeps `@id` as the key.
"""

from collections.abc import Callable

from django.utils.text import slugify

from raadsloket.organisation.models import Municipality
from raadsloket.publication.sources import PublicItem, PublicPerson

CONTEXT = {
    "@vocab": "https://schema.org/",
    "popolo": "http://www.w3.org/ns/popolo#",
    "ori": "https://github.com/argu-co/popolo-ori#",
}
PAGE_SIZE = 50

Absolute = Callable[[str], str]


def organization(municipality: Municipality, absolute: Absolute) -> dict:
    return {
        "@type": "Organization",
        "@id": absolute(f"/openbaar/{municipality.slug}/"),
        "name": municipality.name,
        "classification": "gemeente",
        # The TOOI identifier, when the CBS code is known (organisation.models).
        "identifier": municipality.tooi_uri or None,
    }


def person(person: PublicPerson, municipality: Municipality, absolute: Absolute) -> dict:
    base = absolute(f"/openbaar/{municipality.slug}/")
    fractie = (
        {
            "@type": "Organization",
            "@id": f"{base}#fractie-{slugify(person.fractie)}",
            "name": person.fractie,
            "classification": "fractie",
            "identifier": None,
        }
        if person.fractie
        else None
    )
    return {
        "@type": "Person",
        "@id": f"{base}#{person.key}",
        "name": person.name,
        "role": person.role,
        "memberOf": fractie,
    }


def item(entry: PublicItem, municipality: Municipality, absolute: Absolute) -> dict:
    url = absolute(entry.path)
    return {
        "@type": entry.ori_type,
        "@id": url,
        "identifier": f"{entry.kind}-{entry.item_id}",
        "additionalType": entry.kind,
        "name": entry.title,
        "description": entry.summary,
        "dateCreated": entry.day,
        "dateModified": entry.modified,
        "url": url,
        "inLanguage": "nl",
        "publisher": absolute(f"/openbaar/{municipality.slug}/"),
        "informatiecategorie": {"@id": entry.category.uri, "name": entry.category.label},
        "hasPart": [{"name": heading, "text": text} for heading, text in entry.sections],
        "creator": [person(p, municipality, absolute) for p in entry.people],
        "attachment": [
            {
                "@type": "MediaObject",
                "@id": absolute(document.path),
                "name": document.title,
                "url": absolute(document.path),
                "encodingFormat": document.media_type,
            }
            for document in entry.documents
        ],
    }


def feed_page(
    municipality: Municipality,
    items: list[PublicItem],
    page: int,
    absolute: Absolute,
    feed_path: str,
) -> dict:
    """One page (1-based) of the feed; a page past the end is empty with `next` null."""
    start = (page - 1) * PAGE_SIZE
    chunk = items[start : start + PAGE_SIZE]
    more = start + PAGE_SIZE < len(items)
    return {
        "@context": CONTEXT,
        "organization": organization(municipality, absolute),
        "total": len(items),
        "page": page,
        "items": [item(entry, municipality, absolute) for entry in chunk],
        "next": absolute(f"{feed_path}?page={page + 1}") if more else None,
    }

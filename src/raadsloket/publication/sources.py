# SPDX-License-Identifier: EUPL-1.2
"""The registry of public sources and the plain record every source yields (see __init__)."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from raadsloket.organisation.models import Municipality
from raadsloket.publication.diwoo import Category


@dataclass(frozen=True)
class PublicPerson:
    """Someone an item names in public: an asking member, a portefeuillehouder."""

    key: str  # stable within the municipality, e.g. "persoon-12"
    name: str
    role: str  # Dutch, e.g. "indiener", "portefeuillehouder"
    fractie: str = ""


@dataclass(frozen=True)
class PublicDocument:
    """A file or page of the item, as the DiWoo sitemap and the feed list it."""

    title: str
    path: str  # site-relative URL
    media_type: str = "text/html"


@dataclass(frozen=True)
class PublicItem:
    kind: str  # the source's kind, also the URL segment
    item_id: str  # unique within the municipality and kind; part of the URL
    title: str
    day: date  # the day the item (its latest public part) became public
    modified: datetime  # for the sitemap's lastmod and the feed's dateModified
    summary: str
    path: str  # the public page, site-relative
    category: Category
    ori_type: str  # the popolo/ORI class: "Report", "Motion", ...
    # (heading, text) per part of the body, in reading order.
    sections: tuple[tuple[str, str], ...] = ()
    people: tuple[PublicPerson, ...] = ()
    documents: tuple[PublicDocument, ...] = ()
    # The other items it answers or belongs to, as (kind, item_id); empty for most.
    related: tuple[tuple[str, str], ...] = field(default_factory=tuple)


ItemsFunction = Callable[[Municipality, date], Iterable[PublicItem]]
FindFunction = Callable[[Municipality, str, date], PublicItem | None]


@dataclass(frozen=True)
class Source:
    kind: str
    label: str  # Dutch, plural: the heading on the municipality's public page
    category: Category  # the DiWoo informatiecategorie of its items (its sitemap)
    items: ItemsFunction
    find: FindFunction


_SOURCES: dict[str, Source] = {}


def register_source(source: Source) -> None:
    """Add a source; called from an AppConfig.ready. A kind is registered once."""
    existing = _SOURCES.get(source.kind)
    if existing is not None and existing != source:
        raise ValueError(f"Publication source {source.kind!r} is already registered.")
    _SOURCES[source.kind] = source


def sources() -> list[Source]:
    return list(_SOURCES.values())


def source(kind: str) -> Source | None:
    return _SOURCES.get(kind)


def all_items(
    municipality: Municipality, today: date, category: Category | None = None
) -> list[PublicItem]:
    """Every public item of the municipality (of one category), oldest first: a stable order
    to page through."""
    items = [
        item
        for src in sources()
        if category is None or src.category == category
        for item in src.items(municipality, today)
    ]
    return sorted(items, key=lambda item: (item.day, item.kind, item.item_id))


def categories() -> list[Category]:
    """The informatiecategorieën some source publishes in, each once."""
    return sorted({src.category for src in sources()}, key=lambda c: c.number)

# SPDX-License-Identifier: EUPL-1.2
"""The support directory in the API: list and search the entries ("Wie helpt mij?").

Mounted on the project's API (api/root.py), whose authentication it inherits; who sees which
entries is decided by raadsloket.access.directory.
"""

from typing import Annotated

from ninja import Field, Query, Router, Schema

from raadsloket.access import directory as access
from raadsloket.access.viewer import viewer_for
from raadsloket.directory.models import Category, Entry
from raadsloket.directory.search import rank
from raadsloket.lib.api import ERRORS, OneOf

router = Router(tags=["ondersteuning"])
CategoryValue = Annotated[str, OneOf(Category)]


class EntryFilter(Schema):
    q: str = Field("", max_length=200, description="zoekwoorden (Nederlandse woordstammen)")
    category: CategoryValue | None = None


class EntryOut(Schema):
    id: int
    national_key: str
    category: CategoryValue
    category_label: str
    name: str
    purpose: str
    website: str
    phone: str
    email: str
    provider: str
    source: str
    hidden: bool


class EntryListOut(Schema):
    count: int
    items: list[EntryOut]


def _out(entry: Entry) -> dict:
    return {
        "id": entry.pk,
        "national_key": entry.national_key,
        "category": entry.category,
        "category_label": entry.get_category_display(),
        "name": entry.name,
        "purpose": entry.purpose,
        "website": entry.website,
        "phone": entry.phone,
        "email": entry.email,
        "provider": entry.provider,
        "source": entry.source,
        "hidden": entry.hidden,
    }


@router.get("/directory/entries", response={200: EntryListOut, **ERRORS})
def list_entries(request, filters: Query[EntryFilter]):
    """The directory of the caller's municipality; with `q`, the matches best first."""
    viewer = viewer_for(request.user)
    queryset = access.visible_entries(viewer, Entry.objects.all())
    if filters.category:
        queryset = queryset.filter(category=filters.category)
    entries = list(queryset)
    if filters.q.strip():
        entries = rank(entries, filters.q)
    return {"count": len(entries), "items": [_out(entry) for entry in entries]}

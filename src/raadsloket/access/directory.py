# SPDX-License-Identifier: EUPL-1.2
"""Who may see and change the support directory ("Wie helpt mij?", toolkit seed, "Gebruik je
ondersteuning").

The rules in plain words: the directory holds public information (organisations, their public
contact details, and what each person of the griffie helps with), so everyone signed in to a
municipality reads that municipality's directory, and nobody reads another municipality's. Only
the griffie (griffier and raadsadviseurs) adds, edits, hides and shows entries and writes the
"helpt met" texts; a hidden entry is seen only by the griffie, so that it can show it again.
"""

from django.db.models import QuerySet

from raadsloket.access.viewer import Viewer
from raadsloket.organisation.roles import CLERK_OFFICE


def sees_directory(viewer: Viewer) -> bool:
    return viewer.authenticated and bool(viewer.roles)


def edits_directory(viewer: Viewer, municipality_id: int | None = None) -> bool:
    if not sees_directory(viewer) or not viewer.is_griffie:
        return False
    return municipality_id is None or municipality_id == viewer.municipality_id


def visible_entries(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    if not sees_directory(viewer):
        return queryset.none()
    queryset = queryset.filter(municipality_id=viewer.municipality_id)
    if edits_directory(viewer):
        return queryset
    return queryset.filter(hidden=False)


def sees_entry(viewer: Viewer, entry) -> bool:
    if not sees_directory(viewer) or entry.municipality_id != viewer.municipality_id:
        return False
    return not entry.hidden or edits_directory(viewer)


def griffie_people(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The griffie of the viewer's municipality, whose "helpt met" every member may read."""
    if not sees_directory(viewer):
        return queryset.none()
    return queryset.filter(
        municipality_id=viewer.municipality_id,
        is_active=True,
        role_assignments__role__in=CLERK_OFFICE,
    ).distinct()

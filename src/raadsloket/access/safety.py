# SPDX-License-Identifier: EUPL-1.2
"""Who may see and do what with reports of threats and intimidation (toolkit seed, NVvR,
"Advies bij bedreiging en intimidatie").

The rules in plain words. A report of an incident is the most confidential object of
raadsloket. Nobody sees anything of another municipality. Within the municipality only these
people see an incident, its evidence and its notes:
- the member who reported it (a raadslid or a commissielid; they are the ones who report);
- the griffier (the clerk role only: not the raadsadviseurs of the griffie);
- the burgemeester (mayor role);
- a person the burgemeester explicitly added as reader of that one incident (recorded in the
  audit chain).
Nobody else: not the functional administrator (break-glass grants are for cases and never
reach an incident), not a wethouder or the rest of the college, not the secretaris or the
civil service, not other members. To them an incident does not exist: a 404 like an unknown
id, in every list, count and search, page or API.
The griffier and the burgemeester handle incidents (status and notes); only the burgemeester
adds or removes readers. The preventive checklist is the member's own: only they see their
answers, nobody else, the griffie included.
"""

from django.db.models import QuerySet

from raadsloket.access.viewer import Viewer
from raadsloket.organisation.roles import Role

# Who reports an incident: the seed speaks to raadsleden; a commissielid does council work too.
REPORTERS = frozenset({Role.COUNCIL_MEMBER, Role.COMMITTEE_MEMBER})
# NVvR-advies: small incidents to the griffier, larger ones to the burgemeester.
HANDLERS = frozenset({Role.CLERK, Role.MAYOR})


def _own_municipality(viewer: Viewer, municipality_id: int | None) -> bool:
    return (
        viewer.authenticated
        and municipality_id is not None
        and viewer.municipality_id == municipality_id
    )


def may_report(viewer: Viewer) -> bool:
    return viewer.authenticated and bool(viewer.roles & REPORTERS)


def handles_incidents(viewer: Viewer) -> bool:
    """The griffier or the burgemeester: sees every incident of the municipality."""
    return viewer.authenticated and bool(viewer.roles & HANDLERS)


def may_add_readers(viewer: Viewer, incident) -> bool:
    return _own_municipality(viewer, incident.municipality_id) and Role.MAYOR in viewer.roles


def may_handle(viewer: Viewer, incident) -> bool:
    return _own_municipality(viewer, incident.municipality_id) and handles_incidents(viewer)


def sees_incident(viewer: Viewer, incident) -> bool:
    if not _own_municipality(viewer, incident.municipality_id):
        return False
    if handles_incidents(viewer) or incident.reporter_id == viewer.person_id:
        return True
    return incident.readers.filter(person_id=viewer.person_id).exists()


def may_add_evidence(viewer: Viewer, incident) -> bool:
    return _own_municipality(viewer, incident.municipality_id) and (
        incident.reporter_id == viewer.person_id
    )


def visible_incidents(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Every incident for the griffier and the burgemeester; else one's own and those the
    burgemeester shared with one; nothing for anyone of another municipality."""
    if not viewer.authenticated or viewer.municipality_id is None:
        return queryset.none()
    queryset = queryset.filter(municipality_id=viewer.municipality_id)
    if handles_incidents(viewer):
        return queryset
    shared = queryset.filter(readers__person_id=viewer.person_id).values("pk")
    return queryset.filter(reporter_id=viewer.person_id) | queryset.filter(pk__in=shared)


def own_incidents(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """The incidents the viewer reported (the "own reports" list)."""
    if not may_report(viewer) or viewer.municipality_id is None:
        return queryset.none()
    return queryset.filter(municipality_id=viewer.municipality_id, reporter_id=viewer.person_id)


def sees_checklist(viewer: Viewer) -> bool:
    return may_report(viewer) and viewer.municipality_id is not None


def own_checklist(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Only the viewer's own answers, whoever the viewer is."""
    if not sees_checklist(viewer):
        return queryset.none()
    return queryset.filter(municipality_id=viewer.municipality_id, person_id=viewer.person_id)

# SPDX-License-Identifier: EUPL-1.2
"""Who sees and does what with the rekenkamer and the accountant cycle (toolkit seed,
"Rekenkamer" and "Accountant").

The rules in plain words. Requests to the rekenkamer, its yearly programme and the accountant
cycle are the council's business and hold nothing confidential: every raadslid, commissielid,
fractiemedewerker and fractievoorzitter of the municipality reads them, and so does the griffie.
Nobody of another municipality sees anything of them: an id of another municipality answers 404,
as an id that does not exist. The college, the civil service and the functional administrator
do not read them here: the rekenkamer studies the college's governance and is independent of it
(Gemeentewet art. 182; seed: the rekenkamer "beslist vervolgens zelf"), and its reports reach the
college through the council. raadsloket has no rekenkamer role, so the griffie (griffier and
raadsadviseurs) files a request on behalf of the council, records the rekenkamer's decision and
its report, keeps the programme and the cycle, and gets the reminders before each date.
A reader who is not of the griffie (a raadslid, commissielid, fractiemedewerker or
fractievoorzitter) may propose a study; the proposal is the council's business as well and every
reader sees it, but only the griffie files it (with the raadsbesluit or motion) or closes it.
"""

from django.db.models import QuerySet

from raadsloket.access.viewer import Viewer, in_council_side
from raadsloket.organisation.roles import CLERK_OFFICE, REQUESTER_ROLES, Role

READERS = REQUESTER_ROLES | {Role.FRACTIE_CHAIR} | CLERK_OFFICE


def reads_audit_office(viewer: Viewer) -> bool:
    return in_council_side(viewer, viewer.municipality_id) and bool(viewer.roles & READERS)


def manages_audit_office(viewer: Viewer) -> bool:
    """The griffie: files requests, records the rekenkamer's decisions, keeps the cycle."""
    return in_council_side(viewer, viewer.municipality_id) and viewer.is_griffie


def may_propose_study(viewer: Viewer) -> bool:
    """A member proposes; the griffie files on behalf of the council and does not propose."""
    return reads_audit_office(viewer) and not viewer.is_griffie


def _own(viewer: Viewer, obj) -> bool:
    return viewer.municipality_id is not None and obj.municipality_id == viewer.municipality_id


def sees_audit_item(viewer: Viewer, obj) -> bool:
    """A request, a programme study or a cycle date of the viewer's municipality."""
    return reads_audit_office(viewer) and _own(viewer, obj)


def may_change_audit_item(viewer: Viewer, obj) -> bool:
    return manages_audit_office(viewer) and _own(viewer, obj)


def visible_audit_items(viewer: Viewer, queryset: QuerySet) -> QuerySet:
    """Everything of the viewer's municipality for a reader; nothing for anyone else."""
    if not reads_audit_office(viewer):
        return queryset.none()
    return queryset.filter(municipality_id=viewer.municipality_id)

# SPDX-License-Identifier: EUPL-1.2
"""Safety reports in the API: the reporter's own incidents, one incident, and the handlers'
list (toolkit seed, NVvR "Advies bij bedreiging en intimidatie").

Mounted on the project's API (api/root.py), whose authentication it inherits. The same rules
as the pages (raadsloket.access.safety): an incident the caller may not see is a 404 like an
unknown id; the handlers' list is a 404 for everyone but the griffier and the burgemeester.
Every answer that shows an incident writes its read event in the audit chain.
"""

from datetime import date, datetime

from ninja import Router, Schema
from ninja.errors import HttpError

from raadsloket.access.safety import handles_incidents, own_incidents, visible_incidents
from raadsloket.access.viewer import viewer_for
from raadsloket.lib.api import ERRORS
from raadsloket.lib.ids import valid_id
from raadsloket.safety import services
from raadsloket.safety.models import Incident

router = Router(tags=["veiligheid"])


class EvidenceOut(Schema):
    name: str
    content_type: str
    size: int
    download: str


class IncidentOut(Schema):
    id: int
    mine: bool
    reporter: str
    happened_on: date
    place: str
    channel: str
    channel_label: str
    severity: str
    severity_label: str
    handler: str
    status: str
    status_label: str
    created_at: datetime


class IncidentDetailOut(IncidentOut):
    description: str
    evidence: list[EvidenceOut]
    notes: list[str]


class IncidentListOut(Schema):
    items: list[IncidentOut]


def _row(viewer, incident: Incident) -> dict:
    return {
        "id": incident.pk,
        "mine": incident.reporter_id == viewer.person_id,
        "reporter": incident.reporter.display_name,
        "happened_on": incident.happened_on,
        "place": incident.place,
        "channel": incident.channel,
        "channel_label": incident.get_channel_display(),
        "severity": incident.severity,
        "severity_label": incident.get_severity_display(),
        "handler": incident.handler,
        "status": incident.status,
        "status_label": incident.get_status_display(),
        "created_at": incident.created_at,
    }


def _listed(request, queryset) -> dict:
    viewer = viewer_for(request.user)
    rows = list(queryset.select_related("reporter").order_by("-created_at", "-pk")[:500])
    services.record_list_read(request.user, rows)
    return {"items": [_row(viewer, row) for row in rows]}


@router.get(
    "/safety/incidents",
    response={200: IncidentListOut, **ERRORS},
    summary="Uw eigen meldingen van bedreiging of intimidatie",
)
def my_incidents(request):
    return _listed(request, own_incidents(viewer_for(request.user), Incident.objects.all()))


@router.get(
    "/safety/handling",
    response={200: IncidentListOut, **ERRORS},
    summary="Alle meldingen (griffier en burgemeester)",
)
def handling(request):
    viewer = viewer_for(request.user)
    if not handles_incidents(viewer):
        raise HttpError(404, "Niet gevonden.")
    return _listed(request, visible_incidents(viewer, Incident.objects.all()))


@router.get(
    "/safety/incidents/{incident_id}",
    response={200: IncidentDetailOut, **ERRORS},
    summary="Eén melding",
)
def incident_detail(request, incident_id: int):
    viewer = viewer_for(request.user)
    if not valid_id(incident_id):
        raise HttpError(404, services.NOT_FOUND)
    incident = services.load_incident(viewer, incident_id)
    services.record_read(request.user, incident)
    row = _row(viewer, incident)
    row["description"] = incident.description
    row["evidence"] = [
        {
            "name": e.name,
            "content_type": e.content_type,
            "size": e.size,
            "download": f"/veiligheid/meldingen/{incident.pk}/bewijs/{e.token}",
        }
        for e in incident.evidence.order_by("created_at", "pk")
    ]
    row["notes"] = [n.text for n in incident.notes.order_by("created_at", "pk")]
    return row

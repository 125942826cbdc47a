# SPDX-License-Identifier: EUPL-1.2
"""Notifications of the safety reports, through notify's `send_where_allowed`.

A notification about an incident carries no content at all: not who reported it, not what
happened, not its severity (a mail can be read over a shoulder or forwarded; NVvR advice: the
report is the member's and the handler's). It says only that there is a report and to open
raadsloket, where the access layer decides again (raadsloket.access.safety).
"""

from django.urls import reverse

from raadsloket.access.safety import sees_incident
from raadsloket.notify import recipients
from raadsloket.notify.models import Notification
from raadsloket.notify.send import send_where_allowed as send
from raadsloket.organisation.roles import Role
from raadsloket.safety.models import Handler, Incident

TITLE = "Veiligheid: er is een melding"
HEADLINE = "Er is een melding; open raadsloket"
BODY = "Er is een melding; open raadsloket."
FIRST_HANDLER_ROLE = {Handler.CLERK: Role.CLERK, Handler.MAYOR: Role.MAYOR}


def incident_link(incident: Incident) -> str:
    return reverse("safety:detail", args=[incident.pk])


def incident_reported(incident: Incident, *, actor=None) -> list[Notification]:
    """The first handler (griffier or burgemeester, by severity) hears that there is one."""
    handlers = recipients.with_role(
        incident.municipality_id, [FIRST_HANDLER_ROLE[Handler(incident.handler)]]
    )
    return _tell(incident, "safety_incident_reported", handlers, actor)


def reader_added(incident: Incident, person, *, actor=None) -> list[Notification]:
    return _tell(incident, "safety_reader_added", [person], actor)


def _tell(incident: Incident, event: str, people, actor) -> list[Notification]:
    return send(
        incident.municipality_id,
        event,
        people,
        lambda viewer: sees_incident(viewer, incident),
        title=TITLE,
        headline=HEADLINE,
        body=BODY,
        link=incident_link(incident),
        actor=actor,
    )

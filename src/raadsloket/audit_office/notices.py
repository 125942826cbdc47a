# SPDX-License-Identifier: EUPL-1.2
"""Notices of what became of a request to the rekenkamer, through notify's `send_where_allowed`
like those of the fractieondersteuning and the opleidingsbudget.

When the rekenkamer takes a request up or refuses it, presents its report, or the griffie files
or closes a member's proposal, the member who proposed it (if any) and the council's readers of
the municipality hear of it (seed, "Rekenkamer": the studies are presented in the council, and
it is up to the council to act on them). Each candidate is checked with
raadsloket.access.audit_office, so the college, the civil service and another municipality are
never told; nobody hears of their own action.
"""

from django.urls import reverse

from raadsloket.access.audit_office import READERS, sees_audit_item
from raadsloket.audit_office.models import StudyRequest
from raadsloket.notify import recipients
from raadsloket.notify.models import Notification
from raadsloket.notify.send import send_where_allowed as send

# Per action of services.ACTIONS that the council hears of: what the title says happened.
TOLD = {
    "in_behandeling": "de rekenkamer neemt het onderzoek in behandeling",
    "afwijzen": "de rekenkamer heeft het verzoek afgewezen",
    "rapport": "de rekenkamer heeft haar rapport aangeboden",
    "indienen": "de griffie heeft het voorstel ingediend namens de raad",
    "niet_indienen": "de griffie heeft het voorstel niet ingediend",
}


def request_link(request: StudyRequest) -> str:
    return reverse("audit_office:detail", args=[request.pk])


def request_changed(request: StudyRequest, name: str, *, actor=None) -> list[Notification]:
    """Tell the proposer and the council's readers what the step `name` did, if it is one of
    TOLD; starting the study and its discussion in the council tell nobody."""
    if name not in TOLD:
        return []
    # The member who proposed it is one of READERS (access.audit_office.may_propose_study), so
    # is told with them, once; one who lost the role meanwhile no longer reads the request.
    return send(
        request.municipality_id,
        "audit_office_request_" + name,
        recipients.with_role(request.municipality_id, READERS),
        lambda viewer: sees_audit_item(viewer, request),
        title=f"Rekenkamer: {TOLD[name]} — {request.subject}",
        headline="Rekenkamer: nieuws over een verzoek",
        body=(
            f"Bij het verzoek aan de rekenkamer '{request.subject}': {TOLD[name]}. "
            "Lees de toelichting in raadsloket."
        ),
        link=request_link(request),
        actor=actor,
    )

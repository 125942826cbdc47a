# SPDX-License-Identifier: EUPL-1.2
"""Notifications of the opleidingsbudget (in the app and by mail), through notify's
`send_where_allowed` like those of the fractieondersteuning: the griffie hears of a request, the
member of the decision. A mail's headline names neither the person nor the course; each
candidate is checked with raadsloket.access.training before being told.
"""

from django.urls import reverse

from raadsloket.access.training import decides_training, sees_training_request
from raadsloket.notify import recipients
from raadsloket.notify.delivery import settle_request
from raadsloket.notify.models import Notification
from raadsloket.notify.send import send_where_allowed as send
from raadsloket.training.models import TrainingRequest

ADJECTIVE = {
    TrainingRequest.Kind.PERSONAL: "persoonlijke",
    TrainingRequest.Kind.COLLECTIVE: "collectieve",
}
TRAINING = "Opleidingsbudget"


def request_link(request: TrainingRequest) -> str:
    """The page with the request on it, at the request itself: every notice names one request,
    so deciding one settles only its own notices (notify.delivery.settle_request)."""
    return f"{reverse('training:index')}#aanvraag-{request.pk}"


def settle_requested(request: TrainingRequest, now) -> int:
    """The griffie's "new request" notices are dealt with once the request is decided or
    withdrawn, whoever of the griffie decided it."""
    return settle_request("training_requested", request_link(request), now)


def training_requested(request: TrainingRequest, *, actor=None) -> list[Notification]:
    return send(
        request.municipality_id,
        "training_requested",
        recipients.griffie_of(request.municipality_id),
        decides_training,
        title=f"{TRAINING}: aanvraag van {request.person.display_name} — {request.title}",
        headline=f"{TRAINING}: nieuwe aanvraag",
        body=(
            f"{request.person.display_name} vraagt de opleiding '{request.title}' van "
            f"{request.provider} aan uit het {ADJECTIVE[request.kind]} opleidingsbudget "
            f"{request.year}. Beslis over de aanvraag in raadsloket."
        ),
        link=request_link(request),
        actor=actor,
    )


def training_decided(request: TrainingRequest, *, actor=None) -> list[Notification]:
    outcome = request.get_status_display()
    return send(
        request.municipality_id,
        "training_decided",
        [request.person],
        lambda viewer: sees_training_request(viewer, request),
        title=f"{TRAINING}: uw aanvraag '{request.title}' is {outcome}",
        headline=f"{TRAINING}: besluit over uw aanvraag",
        body=(
            f"De griffie heeft uw aanvraag voor '{request.title}' {outcome}. "
            + ("De motivering leest u in raadsloket." if request.decision_reason else "")
        ).strip(),
        link=request_link(request),
        actor=actor,
    )

# SPDX-License-Identifier: EUPL-1.2
"""My notifications in the API. Mounted on the project's API (api/root.py), whose
authentication (API token or session) it inherits; every route answers for the caller only."""

from datetime import datetime

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from raadsloket.lib.api import ERRORS
from raadsloket.lib.ids import MAX_ID
from raadsloket.lib.text import counted
from raadsloket.notify.delivery import mark_all_read, mark_read
from raadsloket.notify.mail import absolute
from raadsloket.notify.models import Notification

MAX_PAGE = 100
# 400 and 413: a body that is not JSON or too large, and 403: a session cookie without its
# CSRF token (raadsloket.api.errors).

router = Router(tags=["meldingen"])


class NotificationOut(Schema):
    id: int
    event: str
    case_id: int | None
    title: str
    body: str
    url: str | None = Field(None, description="Absolute link naar het verzoek")
    created_at: datetime
    read_at: datetime | None
    legally_required: bool


class NotificationListOut(Schema):
    items: list[NotificationOut]
    unread: int
    next_after: int | None


class ReadAllOut(Schema):
    marked: int = Field(description="Zoveel meldingen zijn nu als gelezen gemarkeerd")
    unread: int
    message: str


class NotificationFilters(Schema):
    unread: bool = False
    after: int | None = None
    limit: int = 50


def _payload(notification: Notification) -> dict:
    return {
        "id": notification.pk,
        "event": notification.event,
        "case_id": notification.case_id,
        "title": notification.title,
        "body": notification.body,
        "url": absolute(notification.link) if notification.link else None,
        "created_at": notification.created_at,
        "read_at": notification.read_at,
        "legally_required": notification.legally_required,
    }


def _caller(request):
    user = request.user
    if not getattr(user, "is_authenticated", False):
        raise HttpError(401, "Niet ingelogd of ongeldige API-sleutel.")
    return user


@router.get(
    "/notifications",
    response={200: NotificationListOut, **ERRORS},
    summary="Mijn meldingen, nieuwste eerst",
)
def list_notifications(request, filters: Query[NotificationFilters]):
    user = _caller(request)
    mine = Notification.objects.filter(recipient_id=user.pk)
    queryset = mine.filter(read_at__isnull=True) if filters.unread else mine
    if filters.after is not None:
        queryset = queryset.filter(pk__lt=min(filters.after, MAX_ID))
    limit = max(1, min(filters.limit, MAX_PAGE))
    # Keyset pagination on the id, which grows with the time of creation.
    rows = list(queryset.order_by("-pk")[: limit + 1])
    return {
        "items": [_payload(row) for row in rows[:limit]],
        "unread": mine.filter(read_at__isnull=True).count(),
        "next_after": rows[limit - 1].pk if len(rows) > limit else None,
    }


@router.post(
    "/notifications/{notification_id}/read",
    response={200: NotificationOut, **ERRORS},
    summary="Een melding als gelezen markeren",
)
def read_notification(request, notification_id: int):
    notification = mark_read(_caller(request), notification_id)
    if notification is None:
        raise HttpError(404, "Melding niet gevonden.")
    return _payload(notification)


@router.post(
    "/notifications/read-all",
    response={200: ReadAllOut, **ERRORS},
    summary="Al mijn meldingen als gelezen markeren",
)
def read_all_notifications(request):
    user = _caller(request)
    marked = mark_all_read(user)
    return {
        "marked": marked,
        # What arrived meanwhile stays unread.
        "unread": Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).count(),
        "message": f"{counted(marked, 'melding', 'meldingen')} als gelezen gemarkeerd.",
    }

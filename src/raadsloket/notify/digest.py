# SPDX-License-Identifier: EUPL-1.2
"""The daily summary: each person who chose it gets the day's notifications in one e-mail."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from itertools import groupby

from django.core.mail import get_connection
from django.utils import timezone

from raadsloket.notify.mail import Invitations, send_digest
from raadsloket.notify.models import Delivery, Notification


@dataclass(frozen=True)
class DigestCounts:
    mails: int = 0
    notifications: int = 0


def send_digests(today: date) -> DigestCounts:
    """Mail every pending summary notification made up to the end of `today`.

    Run once a day. Whatever was not mailed yet is included, so nothing falls between two runs;
    a second run the same day finds nothing. A person who has since chosen "uit" is skipped.
    """
    end = timezone.make_aware(datetime.combine(today + timedelta(days=1), time.min))
    pending = (
        Notification.objects.filter(
            delivery=Delivery.DAILY_DIGEST, emailed_at__isnull=True, created_at__lt=end
        )
        .exclude(recipient__email="")
        .exclude(recipient__is_active=False)
        .exclude(recipient__notification_setting__delivery=Delivery.OFF)
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    mails = notifications = 0
    invitations: Invitations = {}
    with get_connection() as connection:
        for _, group in groupby(pending, key=lambda n: n.recipient_id):
            batch = list(group)
            if send_digest(batch[0].recipient, batch, today, connection, invitations):
                mails += 1
                notifications += len(batch)
    return DigestCounts(mails=mails, notifications=notifications)

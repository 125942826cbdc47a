# SPDX-License-Identifier: EUPL-1.2
"""The accountant cycle as an iCalendar feed (notify.calendar.date_feed), per municipality.

The feed holds the cycle's dates of the viewer's own municipality only
(access.audit_office.visible_audit_items); it is served to a signed-in reader, so it carries no
more than the cycle page shows.
"""

from urllib.parse import urljoin

from django.conf import settings
from django.urls import reverse

from raadsloket.access.audit_office import visible_audit_items
from raadsloket.audit_office.models import CycleDate
from raadsloket.notify.calendar import FeedEntry, date_feed, feed_uid


def cycle_feed(viewer, municipality_name: str) -> bytes:
    page = urljoin(settings.SITE_URL, reverse("audit_office:cycle"))
    dates = visible_audit_items(viewer, CycleDate.objects.all()).order_by("date", "pk")
    entries = [
        FeedEntry(
            uid=feed_uid("accountantscyclus", entry.pk),
            day=entry.date,
            summary=("Wettelijk: " if entry.legal else "") + entry.title,
            description=f"Begrotingsjaar {entry.budget_year}. {entry.note}".strip(),
            url=page,
        )
        for entry in dates
    ]
    return date_feed(f"Rekenkamer en accountant — {municipality_name}", entries)

# SPDX-License-Identifier: EUPL-1.2
"""My notifications grouped: the inbox (one row per case) and the summary of what is new.

Both read only the person's own notifications and only what was stored in them when they were
made, each composed for this person by the access layer (raadsloket.notify.delivery). Neither
reads the case itself, so neither can show more of it than the notifications did: a group is
named by the notifications' headline, which never holds the subject (models.Notification).
"""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models
from django.db.models import Count, F, Max, Q, QuerySet, Value, When
from django.utils import timezone

from raadsloket.notify.models import Notification, NotificationSetting

# Without a previous visit the summary covers this many days.
SUMMARY_DAYS = 7
# A summary reads at most this many notifications (a bound on the page, not a paging).
SUMMARY_LIMIT = 500


def _own(person) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient_id=person.pk)


def group_name(notification: Notification) -> str:
    """What a group is about: the headline before its event, e.g. "RL-00012 (technische
    vraag)", or "Fractieondersteuning" for a notification without a case."""
    return notification.headline.rsplit(": ", 1)[0]


def kind_label(notification: Notification) -> str:
    """The event in the headline's own words, e.g. "ingediend"."""
    return notification.headline.rsplit(": ", 1)[-1]


def inbox_groups(person, *, unread_only: bool) -> QuerySet:
    """One row per case (a notification without a case: per page it links to), unread first,
    then the newest first: {case_id, page, total, unread, newest_pk}.

    With `unread_only` only unread notifications count. The id grows with the time of creation,
    so the largest id is the newest notification of the group.
    """
    rows = _own(person)
    if unread_only:
        rows = rows.filter(read_at__isnull=True)
    page = models.Case(When(case__isnull=True, then=F("link")), default=Value(""))
    return (
        rows.annotate(page=page)
        .values("case_id", "page")
        .annotate(
            total=Count("pk"),
            unread=Count("pk", filter=Q(read_at__isnull=True)),
            newest_pk=Max("pk"),
        )
        .annotate(has_unread=models.Case(When(unread__gt=0, then=Value(1)), default=Value(0)))
        .order_by("-has_unread", "-newest_pk")
    )


@dataclass(frozen=True)
class InboxRow:
    newest: Notification
    total: int
    unread: int

    @property
    def name(self) -> str:
        return group_name(self.newest)


def inbox_rows(groups: list[dict]) -> list[InboxRow]:
    """The rows of one page of `inbox_groups`, each with its newest notification."""
    newest = Notification.objects.in_bulk([group["newest_pk"] for group in groups])
    return [
        InboxRow(newest=newest[group["newest_pk"]], total=group["total"], unread=group["unread"])
        for group in groups
    ]


@dataclass
class SummaryGroup:
    name: str
    link: str
    # Kind label → how many, in the order they first appear (newest first).
    kinds: Counter[str] = field(default_factory=Counter)
    unread: int = 0

    # A template cannot call a Counter's methods: `kinds.items` looks up the key "items" first,
    # and a Counter answers 0 for any key. So the template gets plain lists.
    @property
    def kind_counts(self) -> list[tuple[str, int]]:
        return list(self.kinds.items())


@dataclass(frozen=True)
class Summary:
    since: datetime
    # True: since the last visit; False: the last SUMMARY_DAYS days.
    since_last_visit: bool
    groups: list[SummaryGroup]
    kinds: Counter[str]
    total: int
    truncated: bool

    @property
    def kind_counts(self) -> list[tuple[str, int]]:
        """Per kind, the most frequent first (see SummaryGroup.kind_counts)."""
        return self.kinds.most_common()


def summary_since(person, now: datetime, *, week: bool = False) -> tuple[datetime, bool]:
    """Since the person's last visit of the summary, or the last week without one (or asked)."""
    seen = (
        NotificationSetting.objects.filter(person_id=person.pk)
        .values_list("summary_seen_at", flat=True)
        .first()
    )
    if seen is None or week:
        return now - timedelta(days=SUMMARY_DAYS), False
    return seen, True


def summarise(person, since: datetime, since_last_visit: bool) -> Summary:
    """What happened since `since`, grouped per case (or page) and per kind, newest first."""
    rows = list(
        _own(person)
        .filter(created_at__gt=since)
        .order_by("-created_at", "-pk")[: SUMMARY_LIMIT + 1]
    )
    truncated = len(rows) > SUMMARY_LIMIT
    rows = rows[:SUMMARY_LIMIT]
    groups: dict[tuple[int | None, str], SummaryGroup] = {}
    kinds: Counter[str] = Counter()
    for row in rows:
        key = (row.case_id, "" if row.case_id else row.link)
        group = groups.setdefault(key, SummaryGroup(name=group_name(row), link=row.link))
        label = kind_label(row)
        group.kinds[label] += 1
        group.unread += row.read_at is None
        kinds[label] += 1
    return Summary(
        since=since,
        since_last_visit=since_last_visit,
        groups=list(groups.values()),
        kinds=kinds,
        total=len(rows),
        truncated=truncated,
    )


def record_summary_visit(person, now: datetime | None = None) -> None:
    NotificationSetting.objects.update_or_create(
        person=person, defaults={"summary_seen_at": now or timezone.now()}
    )

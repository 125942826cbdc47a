# SPDX-License-Identifier: EUPL-1.2
"""Make the notifications of one event, inside the caller's transaction, and mail them after.

The bubble (ARCHITECTURE.md core idea 3) decides who hears of a case: a candidate gets a
notification only if the access layer shows them the case's metadata, because the notification
itself names the case, its instrument and what happened. A civil servant's manager (hours only)
and the college (that a trajectory started) therefore hear nothing. Nobody hears of their own
action, and nobody of another municipality's case.
"""

import functools
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.cases import Relations, sections, with_relations
from raadsloket.access.sections import Section
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.models import Case
from raadsloket.notify.events import Event
from raadsloket.notify.models import Delivery, Notification, NotificationSetting
from raadsloket.organisation.models import Person

# The largest id a database column holds: a larger one in a URL is "not found", not a crash.
MAX_ID = 2**63 - 1


def load_case(case_id: int) -> Case:
    """The case with everything the access layer and the recipient functions read."""
    queryset = with_relations(Case.objects.all()).select_related(
        "municipality",
        "filed_by__municipality",
        "requester__municipality",
        "handler__municipality",
        "routing_officer__municipality",
    )
    return queryset.prefetch_related(
        "co_requesters__municipality", "assignments__civil_servant__municipality"
    ).get(pk=case_id)


def visible_sections(person: Person, case: Case) -> frozenset[Section]:
    viewer = viewer_for(person)
    return sections(viewer, case, Relations(viewer, case))


def may_hear_of(person: Person, case: Case) -> frozenset[Section] | None:
    """The sections `person` sees of `case` if they may be told of it, else None."""
    if person.municipality_id != case.municipality_id:
        return None
    visible = visible_sections(person, case)
    return visible if Section.METADATA in visible else None


def case_link(case: Case) -> str:
    return reverse("case_detail", args=[case.pk])


def compose(
    case: Case, event: Event, visible: frozenset[Section], facts: dict[str, Any]
) -> tuple[str, str, str]:
    """(title, headline, body) in Dutch, with only what this recipient may see.

    The case's subject only for who sees the request (Section.REQUEST); the startgesprek's time
    only for who sees the startgesprek. Question, answer, refusal reasoning and the startgesprek's
    content never appear: the notification says what happened and links to the case.
    """
    fields = {
        "reference": case.reference,
        "instrument": case.get_instrument_display(),
        "when": "",
        **facts,
    }
    if event.invitation and Section.KICKOFF in visible and "planned_for" in facts:
        fields["when"] = f" op {timezone.localtime(facts['planned_for']):%d-%m-%Y om %H:%M}"
    headline = f"{case.reference} ({fields['instrument']}): {event.label}"
    title = f"{headline} — {case.title}" if Section.REQUEST in visible else headline
    return title[:300], headline[:200], event.message.format(**fields)


def mail_delivery(person: Person, chosen: str | None, required: bool) -> str:
    if not person.email:
        # In the app only.
        return Delivery.OFF
    if required:
        return Delivery.IMMEDIATELY
    return chosen or Delivery.IMMEDIATELY


def notify(
    case: Case,
    code: str,
    event: Event,
    people: Iterable[tuple[Person, bool]],
    *,
    actor_id: int | None = None,
    now: datetime | None = None,
    facts: dict[str, Any] | None = None,
) -> list[Notification]:
    """One notification per person who may hear of it; mail the "direct" ones after commit.

    `people` are (person, legally required) pairs; a person named twice is told once, as
    required if any naming was. `case` comes from `load_case`.
    """
    now = now or timezone.now()
    facts = facts or {}
    chosen: dict[int, tuple[Person, bool]] = {}
    for person, required in people:
        if person.pk == actor_id or not person.is_active:
            continue
        _, before = chosen.get(person.pk, (person, False))
        chosen[person.pk] = (person, required or before)
    settings = dict(
        NotificationSetting.objects.filter(person_id__in=chosen).values_list(
            "person_id", "delivery"
        )
    )
    link = case_link(case)
    rows = []
    for person, required in chosen.values():
        visible = may_hear_of(person, case)
        if visible is None:
            continue
        title, headline, body = compose(case, event, visible, facts)
        rows.append(
            Notification(
                municipality_id=case.municipality_id,
                recipient=person,
                event=code,
                case=case,
                title=title,
                headline=headline,
                body=body,
                link=link,
                created_at=now,
                delivery=mail_delivery(person, settings.get(person.pk), required),
                legally_required=required,
            )
        )
    created = Notification.objects.bulk_create(rows)
    direct = [row.pk for row in created if row.delivery == Delivery.IMMEDIATELY]
    if direct:
        # Mail only what was committed: rolled-back transitions send nothing.
        transaction.on_commit(functools.partial(_enqueue_mails, direct), robust=True)
    return created


def _enqueue_mails(notification_ids: list[int]) -> None:
    # Imported here: the tasks module imports the reminders, which import this module.
    from raadsloket.notify.tasks import send_notification_mails

    send_notification_mails.enqueue(notification_ids)


def unread_count(person) -> int:
    if person is None or not getattr(person, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient_id=person.pk, read_at__isnull=True).count()


def mark_read(person, notification_id: int) -> Notification | None:
    """Mark one of `person`'s own notifications read; None if it is not theirs."""
    if not 0 < notification_id <= MAX_ID:
        return None
    notification = Notification.objects.filter(pk=notification_id, recipient_id=person.pk).first()
    if notification is not None and notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def mark_all_read(person) -> int:
    return Notification.objects.filter(recipient_id=person.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def delivery_of(person) -> str:
    setting = NotificationSetting.objects.filter(person_id=person.pk).first()
    return setting.delivery if setting else Delivery.IMMEDIATELY


def choose_delivery(person, delivery: str) -> NotificationSetting:
    setting, _ = NotificationSetting.objects.update_or_create(
        person=person, defaults={"delivery": delivery}
    )
    return setting

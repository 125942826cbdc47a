# SPDX-License-Identifier: EUPL-1.2
"""The notifications of one case event, through `raadsloket.notify.send`; the inbox helpers.

The bubble (ARCHITECTURE.md core idea 3) decides who hears of a case: a candidate gets a
notification only if the access layer shows them the case's metadata, because the notification
itself names the case, its instrument and what happened. A civil servant's manager (hours only)
and the college (that a trajectory started) therefore hear nothing. Nobody hears of their own
action, and nobody of another municipality's case.
"""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from django.urls import reverse
from django.utils import timezone

from raadsloket.access.cases import Relations, sections
from raadsloket.access.sections import Section
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.models import Case
from raadsloket.lib.ids import valid_id
from raadsloket.notify.anchors import anchor_for
from raadsloket.notify.events import TURN, Event
from raadsloket.notify.models import Delivery, Notification, NotificationSetting
from raadsloket.notify.send import Message, send
from raadsloket.organisation.models import Person


def visible_sections(person: Person, case: Case) -> frozenset[Section]:
    viewer = viewer_for(person)
    return sections(viewer, case, Relations(viewer, case))


def may_hear_of(person: Person, case: Case) -> frozenset[Section] | None:
    """The sections `person` sees of `case` if they may be told of it, else None."""
    if person.municipality_id != case.municipality_id:
        return None
    visible = visible_sections(person, case)
    return visible if Section.METADATA in visible else None


def case_link(case: Case, event: str = "", visible: frozenset[Section] = frozenset()) -> str:
    """The case page, at the section `event` is about when the recipient sees it (anchors.py)."""
    page = reverse("case_detail", args=[case.pk])
    return f"{page}#{anchor_for(event, visible)}" if event else page


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


def notify(
    case: Case,
    code: str,
    event: Event,
    people: Iterable[Person],
    *,
    required: Iterable[Person] = (),
    actor_id: int | None = None,
    now: datetime | None = None,
    facts: dict[str, Any] | None = None,
) -> list[Notification]:
    """Tell `people` (and, whatever they chose, `required`) of `event` on `case`.

    Everyone is told as required when the event is (events.py). Only who may hear of the case
    hears of it, each with what they may see. `case` comes from `recipients.load_case`.
    """
    if event.legally_required:
        people, required = (), [*people, *required]
    facts = facts or {}

    def tell(person: Person) -> Message | None:
        visible = may_hear_of(person, case)
        if visible is None:
            return None
        return Message(*compose(case, event, visible, facts), link=case_link(case, code, visible))

    return send(
        people,
        code,
        case_link(case),
        municipality_id=case.municipality_id,
        tell=tell,
        required=required,
        case=case,
        actor_id=actor_id,
        now=now,
    )


def unread_count(person) -> int:
    if person is None or not getattr(person, "is_authenticated", False):
        return 0
    return Notification.objects.filter(recipient_id=person.pk, read_at__isnull=True).count()


def mark_read(person, notification_id: int) -> Notification | None:
    """Mark one of `person`'s own notifications read; None if it is not theirs."""
    if not valid_id(notification_id):
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


def mark_group_read(person, notification_id: int) -> int | None:
    """Mark read all of `person`'s notifications of the case (or, without a case, of the page)
    that notification belongs to: one row of the grouped inbox. None if it is not theirs."""
    if not valid_id(notification_id):
        return None
    mine = Notification.objects.filter(recipient_id=person.pk)
    notification = mine.filter(pk=notification_id).first()
    if notification is None:
        return None
    if notification.case_id is not None:
        group = mine.filter(case_id=notification.case_id)
    else:
        group = mine.filter(case__isnull=True, link=notification.link)
    return group.filter(read_at__isnull=True).update(read_at=timezone.now())


def settle(case: Case, actor_id: int | None, now: datetime) -> int:
    """Mark read the unread notices of `case` that its next step has dealt with.

    - The actor's own: whoever acts on a case opened its page, and so saw what the notices
      about it said.
    - A notice that asked someone to act (events.TURN), for those it asked: the step it asked
      for has been taken, by them or a colleague, or is no longer possible. A legally required
      notice stays unread for whoever did not act (events.py: they must receive it).
    Runs inside the transition's transaction, before the step's own notices are made.
    """
    unread = Notification.objects.filter(case_id=case.pk, read_at__isnull=True, created_at__lte=now)
    settled = 0
    if actor_id is not None:
        settled += unread.filter(recipient_id=actor_id).update(read_at=now)
    waiting = unread.filter(legally_required=False, event__in=list(TURN))
    for code in set(waiting.values_list("event", flat=True)):
        asked = TURN[code]
        people = waiting.filter(event=code)
        if asked is not None:
            people = people.filter(recipient_id__in=[person.pk for person in asked(case)])
        settled += people.update(read_at=now)
    return settled


def settle_request(event: str, link: str, now: datetime) -> int:
    """Mark read every unread `event` notice pointing at `link`: for a notice without a case
    (opleidingsbudget) that asked someone to act, once the step it asked for has been taken by
    one of those asked, or is no longer possible (the same rule as `settle`, events.TURN).
    The link names one request (its anchor), so a notice about another stays unread."""
    return Notification.objects.filter(
        event=event, link=link, case__isnull=True, read_at__isnull=True, legally_required=False
    ).update(read_at=now)


def delivery_of(person) -> str:
    setting = NotificationSetting.objects.filter(person_id=person.pk).first()
    return setting.delivery if setting else Delivery.IMMEDIATELY


def choose_delivery(person, delivery: str) -> NotificationSetting:
    setting, _ = NotificationSetting.objects.update_or_create(
        person=person, defaults={"delivery": delivery}
    )
    return setting

# SPDX-License-Identifier: EUPL-1.2
"""The one way to tell people something: `send` (import it as
`from raadsloket.notify.send import send`).

Every notification of raadsloket goes through it: the case notifications (delivery.notify, for
transitions, reminders and break-glass reads) and those of the fractieondersteuning and the
opleidingsbudget, which are not about a case. It makes the in-app notifications in the caller's
transaction and mails them after it commits, each as the person chose (direct, dagelijkse
samenvatting, uit; NotificationSetting), a legally required one at once whatever they chose.
"""

import functools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from raadsloket.access.viewer import Viewer, viewer_for
from raadsloket.cases.models import Case
from raadsloket.notify.events import ANSWERED_BY
from raadsloket.notify.mail import send_notification_mails, send_notifications
from raadsloket.notify.models import Delivery, Notification, NotificationSetting
from raadsloket.organisation.models import Person


@dataclass(frozen=True)
class Message:
    """What one person is told. `title` shows in the app; `headline` is the e-mail's subject,
    which leaves the access layer, so it names less; `body` never holds the content itself.
    `link`, when given, replaces the shared link for this person: it may point at a section of
    the case only this person sees (raadsloket.notify.anchors).

    `mail_link` is a secret link (a one-time token) for the e-mail only. It is never stored: not
    in the Notification, and not in the task queue, whose arguments django-tasks-db keeps as a
    row. So such a mail is not queued: `send` renders and sends it in this process right after
    the caller's transaction commits, holding the link only in memory. A crash between commit
    and mail loses that one mail, which is the price of never writing the secret down; the
    text tells the person to ask for a new one. The mail goes out at once whatever the person
    chose (a secret cannot wait in a daily summary), and the in-app notice keeps `link`, a
    neutral page."""

    title: str
    headline: str
    body: str
    link: str = ""
    mail_link: str = ""


# What a person is told, or None when they may not hear of it (the access layer's answer).
Tell = Callable[[Person], Message | None]


def mail_delivery(person: Person, chosen: str | None, required: bool) -> str:
    if not person.email:
        # In the app only.
        return Delivery.OFF
    if required:
        return Delivery.IMMEDIATELY
    return chosen or Delivery.IMMEDIATELY


def send(
    people: Iterable[Person],
    event: str,
    link: str,
    *,
    municipality_id: int,
    tell: Message | Tell,
    required: Iterable[Person] = (),
    case: Case | None = None,
    actor_id: int | None = None,
    now: datetime | None = None,
) -> list[Notification]:
    """One notification of `event` per person who may hear of it; mail the "direct" ones after
    the caller's transaction commits.

    `people` are told as each chose; `required` are told by e-mail at once whatever they chose
    (a legally required notice: raadsloket.notify.events). A person named more than once is told
    once, as required if any naming was. Nobody of another municipality hears of it, nobody
    inactive, and nobody of their own action (`actor_id`). `tell` is the message, or a function
    that gives each candidate's message or None when the access layer does not let them open
    `link`.
    """
    now = now or timezone.now()
    if case is None and event in ANSWERED_BY:
        settle_page(municipality_id, link, ANSWERED_BY[event], now)
    chosen: dict[int, tuple[Person, bool]] = {}
    named = [(person, False) for person in people]
    named += [(person, True) for person in required]
    for person, must in named:
        if person.pk == actor_id or not person.is_active:
            continue
        if person.municipality_id != municipality_id:
            continue
        _, before = chosen.get(person.pk, (person, False))
        chosen[person.pk] = (person, must or before)
    settings = dict(
        NotificationSetting.objects.filter(person_id__in=chosen).values_list(
            "person_id", "delivery"
        )
    )
    rows = []
    mail_links: list[str] = []
    for person, must in chosen.values():
        message = tell(person) if callable(tell) else tell
        if message is None:
            continue
        mail_links.append(message.mail_link)
        rows.append(
            Notification(
                municipality_id=municipality_id,
                recipient=person,
                event=event,
                case=case,
                title=message.title[:300],
                headline=message.headline[:200],
                body=message.body,
                link=message.link or link,
                created_at=now,
                delivery=mail_delivery(
                    person, settings.get(person.pk), must or bool(message.mail_link)
                ),
                legally_required=must,
            )
        )
    # In the caller's transaction, on purpose (STYLE.md, on Amsterdam/signals' update_status):
    # a legally required notice (a refusal, the college's answer, a passed term) must roll back
    # with the action that caused it, and an error here undoes that action rather than losing
    # the notice. Only the mail waits for the commit.
    created = Notification.objects.bulk_create(rows)
    secret = {
        row.pk: mail_link
        for row, mail_link in zip(created, mail_links, strict=True)
        if mail_link and row.delivery == Delivery.IMMEDIATELY
    }
    direct = [
        row.pk for row in created if row.delivery == Delivery.IMMEDIATELY and row.pk not in secret
    ]
    # Mail only what was committed: a rolled-back action sends nothing.
    if direct:
        transaction.on_commit(
            functools.partial(send_notification_mails.enqueue, direct), robust=True
        )
    if secret:
        # Not queued: the task's arguments are stored (Message.mail_link).
        transaction.on_commit(
            functools.partial(send_notifications, list(secret), mail_links=secret), robust=True
        )
    return created


def settle_page(municipality_id: int, link: str, asked: str, now: datetime) -> int:
    """Mark read the unread `asked` notices about the page `link`: the decision they asked for
    has been made (events.ANSWERED_BY)."""
    return Notification.objects.filter(
        municipality_id=municipality_id,
        case__isnull=True,
        link=link,
        event=asked,
        read_at__isnull=True,
        created_at__lte=now,
    ).update(read_at=now)


def send_where_allowed(
    municipality_id: int,
    event: str,
    people: Iterable[Person],
    may_see: Callable[[Viewer], bool],
    *,
    title: str,
    headline: str,
    body: str,
    link: str,
    actor=None,
    required: bool = False,
) -> list[Notification]:
    """One notification per person who may open `link` (`may_see`, the access layer's answer
    for that person), by `send`: for notifications without a case (fractieondersteuning,
    opleidingsbudget)."""
    message = Message(title=title, headline=headline, body=body)

    def tell(person: Person) -> Message | None:
        return message if may_see(viewer_for(person)) else None

    return send(
        () if required else people,
        event,
        link,
        municipality_id=municipality_id,
        tell=tell,
        required=people if required else (),
        actor_id=getattr(actor, "pk", None),
    )

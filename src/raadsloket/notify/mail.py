# SPDX-License-Identifier: EUPL-1.2
"""Notifications by e-mail: one at once, or the day's in one summary.

An e-mail leaves the access layer, so it says only what happened and links to the case; its
subject has the case's reference, instrument and event, never the subject of the request.

`send_notification_mails` is the background task (django-tasks, settings.TASKS) that
`raadsloket.notify.send` enqueues once the caller's transaction commits; `raadsloket db_worker`
runs it. Its argument is JSON: a list of notification ids.
"""

import logging
from collections.abc import Iterable, Mapping
from datetime import date

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django_tasks import task

from raadsloket.notify.calendar import kickoff_invitation
from raadsloket.notify.events import event_for
from raadsloket.notify.models import Delivery, Notification
from raadsloket.notify.recipients import load_case

logger = logging.getLogger("raadsloket.notify")

SUBJECT_PREFIX = "[raadsloket]"
INVITATION_TYPE = "text/calendar; method=REQUEST"
FOOTER = (
    "Deze e-mail bevat bewust geen inhoud van het verzoek: die leest u na inloggen in raadsloket."
)
# Notifications without a case (fractieondersteuning, opleidingsbudget: raadsloket.fractie_support).
FOOTER_NO_CASE = (
    "Deze e-mail bevat bewust geen inhoud en geen bedragen: die leest u na inloggen in raadsloket."
)


def _footer(notifications: Iterable[Notification]) -> str:
    return FOOTER if all(n.case_id is not None for n in notifications) else FOOTER_NO_CASE


def absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _settings_line() -> str:
    try:
        url = absolute(reverse("notify:settings"))
    except NoReverseMatch:
        # A deployment that has not mounted the notification pages still mails.
        return ""
    return f"Hoe u meldingen per e-mail krijgt, stelt u in op {url}"


def _required_line(notification: Notification) -> str:
    event = event_for(notification.event)
    if not notification.legally_required or event is None or not event.rule:
        return ""
    return (
        "Deze melding krijgt u altijd direct, ook als u een samenvatting of geen e-mail heeft "
        f"gekozen: {event.rule}."
    )


# Per (case, recipient): each person gets an invitation naming only them (notify.calendar).
Invitations = dict[tuple[int, int], bytes | None]


def _invitation(notification: Notification, made: Invitations) -> bytes | None:
    """The recipient's startgesprek invitation, made once per case and person for one batch."""
    event = event_for(notification.event)
    if event is None or not event.invitation or notification.case_id is None:
        return None
    key = (notification.case_id, notification.recipient_id)
    if key not in made:
        case = load_case(notification.case_id)
        made[key] = (
            kickoff_invitation(case, absolute(notification.link), notification.recipient)
            if hasattr(case, "kickoff")
            else None
        )
    return made[key]


def _attach_invitation(
    message: EmailMessage, notification: Notification, made: Invitations
) -> bool:
    invitation = _invitation(notification, made)
    if invitation is None:
        return False
    message.attach(f"startgesprek-{notification.case_id}.ics", invitation.decode(), INVITATION_TYPE)
    return True


def _join(*parts: str) -> str:
    return "\n\n".join(part for part in parts if part) + "\n"


def _link_line(notification: Notification, mail_link: str) -> str:
    if mail_link:
        # The secret link replaces the in-app one: it is what the mail is for (send.Message).
        return f"Uw persoonlijke link:\n{absolute(mail_link)}"
    if not notification.link:
        return ""
    return (
        f"Bekijk {'het verzoek' if notification.case_id else 'het'} in raadsloket:\n"
        f"{absolute(notification.link)}"
    )


def notification_message(
    notification: Notification, made: Invitations, mail_link: str = ""
) -> EmailMessage:
    recipient = notification.recipient
    message = EmailMessage(
        subject=f"{SUBJECT_PREFIX} {notification.headline}",
        to=[recipient.email],
        from_email=settings.DEFAULT_FROM_EMAIL,
    )
    attached = _attach_invitation(message, notification, made)
    message.body = _join(
        f"Beste {recipient.display_name},",
        notification.body,
        "In de bijlage vindt u de uitnodiging voor uw agenda." if attached else "",
        _link_line(notification, mail_link),
        _required_line(notification),
        "-- ",
        _footer([notification]),
        _settings_line(),
    )
    return message


def send_notifications(
    notification_ids: Iterable[int], mail_links: Mapping[int, str] | None = None
) -> int:
    """Mail each notification not yet mailed; returns how many went out. `mail_links` are the
    secret links per notification id, held in memory only (raadsloket.notify.send.Message)."""
    mail_links = mail_links or {}
    pending = (
        Notification.objects.filter(
            pk__in=list(notification_ids),
            emailed_at__isnull=True,
            delivery=Delivery.IMMEDIATELY,
        )
        .exclude(recipient__email="")
        .select_related("recipient")
        .order_by("pk")
    )
    sent = 0
    made: Invitations = {}
    with get_connection() as connection:
        for notification in pending:
            message = notification_message(notification, made, mail_links.get(notification.pk, ""))
            message.connection = connection
            if _send(message, notification.pk):
                Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
                sent += 1
    return sent


@task()
def send_notification_mails(notification_ids: list[int]) -> int:
    return send_notifications(notification_ids)


def _send(message: EmailMessage, reference) -> bool:
    # One unreachable address must not stop the others; the notification stays in the app.
    try:
        message.send()
    except Exception:
        logger.exception("notification mail %s not sent", reference)
        return False
    return True


def digest_message(
    recipient, notifications: list[Notification], today: date, made: Invitations
) -> EmailMessage:
    count = len(notifications)
    noun = "melding" if count == 1 else "meldingen"
    message = EmailMessage(
        subject=f"{SUBJECT_PREFIX} Dagelijkse samenvatting {today:%d-%m-%Y}: {count} {noun}",
        to=[recipient.email],
        from_email=settings.DEFAULT_FROM_EMAIL,
    )
    lines = []
    invited = set()
    for notification in notifications:
        line = f"- {notification.headline}\n  {notification.body}"
        if notification.link:
            line += f"\n  {absolute(notification.link)}"
        lines.append(line)
        if notification.case_id not in invited and _attach_invitation(message, notification, made):
            invited.add(notification.case_id)
    message.body = _join(
        f"Beste {recipient.display_name},",
        f"U heeft gekozen voor een dagelijkse samenvatting. Dit zijn uw {count} {noun}:",
        "\n\n".join(lines),
        "In de bijlage vindt u de uitnodigingen voor uw agenda." if invited else "",
        "-- ",
        _footer(notifications),
        _settings_line(),
    )
    return message


def send_digest(
    recipient, notifications: list[Notification], today: date, connection, made: Invitations
) -> bool:
    message = digest_message(recipient, notifications, today, made)
    message.connection = connection
    if not _send(message, f"digest {recipient.pk}"):
        return False
    Notification.objects.filter(pk__in=[n.pk for n in notifications]).update(
        emailed_at=timezone.now()
    )
    return True

# SPDX-License-Identifier: EUPL-1.2
"""Background work of notify, on the django-tasks backend of settings.TASKS.

The database backend runs them in `raadsloket db_worker`; TASKS_IMMEDIATE runs them inline.
Arguments are JSON: dates travel as ISO strings.
"""

from dataclasses import asdict
from datetime import date

from django.utils import timezone
from django_tasks import task

from raadsloket.notify.digest import send_digests
from raadsloket.notify.mail import send_notifications
from raadsloket.notify.reminders import remind


def _day(day: str | None) -> date:
    return date.fromisoformat(day) if day else timezone.localdate()


@task()
def send_notification_mails(notification_ids: list[int]) -> int:
    return send_notifications(notification_ids)


@task()
def run_reminders(day: str | None = None) -> dict[str, int]:
    return asdict(remind(_day(day)))


@task()
def run_digests(day: str | None = None) -> dict[str, int]:
    return asdict(send_digests(_day(day)))

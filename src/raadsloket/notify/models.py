# SPDX-License-Identifier: EUPL-1.2
"""Notifications in the app and by e-mail, each person's delivery choice, and sent reminders.

A notification says what happened to a case and links to it; it never carries the case's
content (question, answer, refusal reasoning, startgesprek). The access layer decides who may
receive one (raadsloket.notify.delivery).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone


class Delivery(models.TextChoices):
    IMMEDIATELY = "immediately", "direct"
    DAILY_DIGEST = "daily_digest", "dagelijkse samenvatting"
    OFF = "off", "uit"


class NotificationSetting(models.Model):
    """How a person wants notifications by e-mail; in the app they always appear.

    Without a row a person gets every e-mail at once. Legally required notifications are sent at
    once whatever is chosen here (raadsloket.notify.events).
    """

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_setting"
    )
    delivery = models.CharField(
        "e-mail bij meldingen",
        max_length=20,
        choices=Delivery.choices,
        default=Delivery.IMMEDIATELY,
    )
    # When the person last opened the summary (/meldingen/samenvatting): it shows what is new
    # since then, so "new since last time" is real and not guessed from what was read.
    summary_seen_at = models.DateTimeField("samenvatting laatst bekeken", null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "meldingsinstelling"
        verbose_name_plural = "meldingsinstellingen"

    def __str__(self) -> str:
        return f"{self.person}: {self.get_delivery_display()}"


class Notification(models.Model):
    municipality = models.ForeignKey(
        "organisation.Municipality", on_delete=models.PROTECT, related_name="+"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    # The transition's action ("submit", "refuse", ...) or "deadline_near" / "deadline_overdue".
    event = models.CharField("gebeurtenis", max_length=40)
    case = models.ForeignKey(
        "cases.Case", on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    # Reference, instrument and event; the case's subject only for who sees the request.
    title = models.CharField("titel", max_length=300)
    # Reference, instrument and event without the subject: the subject line of an e-mail, which
    # leaves the access layer (forwarding, shared mailboxes, mail logs).
    headline = models.CharField("kop", max_length=200)
    body = models.TextField("tekst")
    link = models.CharField("link", max_length=200, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField("gelezen", null=True, blank=True)
    emailed_at = models.DateTimeField("gemaild", null=True, blank=True)
    # How this notification goes by e-mail, decided when it was made: the person's choice, or
    # "immediately" when the notice is legally required.
    delivery = models.CharField(max_length=20, choices=Delivery.choices)
    legally_required = models.BooleanField("wettelijk verplicht", default=False)

    class Meta:
        verbose_name = "melding"
        verbose_name_plural = "meldingen"
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at", "created_at"], name="notification_inbox"),
            models.Index(fields=["delivery", "emailed_at", "created_at"], name="notification_mail"),
        ]

    def __str__(self) -> str:
        return self.title


class ReminderLog(models.Model):
    """One reminder pass per case, term, due date and status: a second pass sends nothing new."""

    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="+")
    deadline = models.CharField("termijn", max_length=100)
    due = models.DateField("uiterlijk")
    status = models.CharField(max_length=20)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "herinnering"
        verbose_name_plural = "herinneringen"
        constraints = [
            models.UniqueConstraint(
                fields=["case", "deadline", "due", "status"], name="reminder_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.case_id} {self.deadline} {self.due} {self.status}"

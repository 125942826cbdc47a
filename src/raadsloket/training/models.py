# SPDX-License-Identifier: EUPL-1.2
"""The opleidingsbudget (toolkit seed, "Opleidingsbudget"), as records: the budget the council
set for a year and the requests paid from it. They were part of the budgets app; the first
migration takes over its tables with their rows (lib/migrations.py).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from raadsloket.lib.idempotency import TOKEN_LENGTH, token_constraint_condition
from raadsloket.lib.money import MONEY, POSITIVE
from raadsloket.organisation.models import Municipality


class TrainingYear(models.Model):
    """The opleidingsbudget the council set for one year (defaults from the profile)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("jaar")
    collective_amount = models.DecimalField("collectief budget", **MONEY)
    personal_amount = models.DecimalField("persoonlijk budget per raadslid", **MONEY)
    decision = models.CharField("raadsbesluit", max_length=300, blank=True)

    class Meta:
        verbose_name = "opleidingsbudget"
        verbose_name_plural = "opleidingsbudgetten"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "year"], name="training_year_unique")
        ]

    def __str__(self) -> str:
        return f"opleidingsbudget {self.year}"


class TrainingRequest(models.Model):
    """A member's (or the griffie's, for the council) request to pay a course from the budget."""

    class Kind(models.TextChoices):
        PERSONAL = "personal", "persoonlijk"
        COLLECTIVE = "collective", "collectief (de raad)"

    class Status(models.TextChoices):
        SUBMITTED = "submitted", "aangevraagd"
        APPROVED = "approved", "goedgekeurd"
        REFUSED = "refused", "afgewezen"
        WITHDRAWN = "withdrawn", "ingetrokken"

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="training_requests"
    )
    year = models.PositiveSmallIntegerField("jaar")
    kind = models.CharField("soort", max_length=20, choices=Kind.choices)
    title = models.CharField("opleiding", max_length=200)
    provider = models.CharField("aanbieder", max_length=200)
    start_date = models.DateField("datum")
    cost = models.DecimalField("kosten", **MONEY, validators=POSITIVE)
    purpose = models.TextField("doel voor het raadswerk", max_length=4000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.SUBMITTED)
    submitted_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reason = models.TextField("motivering", max_length=4000, blank=True)
    # The request form's token (lib/idempotency.py): Back and submit again ask nothing twice.
    submission_token = models.CharField(max_length=TOKEN_LENGTH, blank=True, default="")

    class Meta:
        verbose_name = "opleidingsaanvraag"
        verbose_name_plural = "opleidingsaanvragen"
        ordering = ["-submitted_at", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "year", "status"], name="training_req_year"),
            models.Index(fields=["person", "year"], name="training_req_person"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "submission_token"],
                condition=token_constraint_condition(),
                name="training_requested_once",
            )
        ]

    def __str__(self) -> str:
        return self.title

# SPDX-License-Identifier: EUPL-1.2
"""Fractieondersteuning (Gemeentewet art. 33 lid 2, 3), as records.

Amounts the profile sets (per fractie, per seat, caps) are not stored here: they are computed
from the profile when needed, and frozen in a statement's snapshot once the griffie approves it.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from raadsloket.lib.idempotency import TOKEN_LENGTH, token_constraint_condition
from raadsloket.lib.money import MONEY, POSITIVE
from raadsloket.organisation.models import Fractie, Municipality


class SeatPeriod(models.Model):
    """The seats a fractie held from `start` to `end`, both inclusive.

    An open start means "since before raadsloket knew", an open end "until now". A fractie
    without periods held `Fractie.seats` all along. A split or merge ends periods and starts new
    ones, so the allocation can be pro-rated by day (RULES.md, "Mid-term changes").
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    fractie = models.ForeignKey(Fractie, on_delete=models.CASCADE, related_name="seat_periods")
    start = models.DateField("vanaf", null=True, blank=True)
    end = models.DateField("tot en met", null=True, blank=True)
    seats = models.PositiveSmallIntegerField("zetels")
    note = models.CharField("toelichting", max_length=300, blank=True)

    class Meta:
        verbose_name = "zetelperiode"
        verbose_name_plural = "zetelperiodes"
        ordering = ["fractie", models.F("start").asc(nulls_first=True)]
        indexes = [models.Index(fields=["fractie", "start"], name="seat_period_fractie")]

    def __str__(self) -> str:
        return f"{self.fractie}: {self.seats} zetels vanaf {self.start or 'begin'}"


class SpendingQuestion(models.Model):
    """A fractie asks the griffie whether a kind of expense may be paid from its support.

    The answer is a precedent: other fracties see question and answer (never amounts or the
    asking fractie) when they choose that category.
    """

    class Answer(models.TextChoices):
        PENDING = "", "nog niet beantwoord"
        ALLOWED = "allowed", "toegestaan"
        NOT_ALLOWED = "not_allowed", "niet toegestaan"
        PRESIDIUM = "presidium", "voorgelegd aan het presidium"

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, related_name="+")
    category = models.CharField("categorie", max_length=40)
    question = models.TextField("vraag", max_length=4000)
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    asked_at = models.DateTimeField(default=timezone.now)
    answer = models.CharField(
        "antwoord", max_length=20, choices=Answer.choices, default=Answer.PENDING, blank=True
    )
    reasoning = models.TextField("motivering", max_length=4000, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "vraag over een uitgave"
        verbose_name_plural = "vragen over uitgaven"
        ordering = ["-asked_at", "-pk"]
        indexes = [
            models.Index(fields=["municipality", "category", "answer"], name="spending_q_precedent")
        ]

    def __str__(self) -> str:
        return f"vraag {self.pk} over {self.category}"

    @property
    def is_final(self) -> bool:
        return self.answer in (self.Answer.ALLOWED, self.Answer.NOT_ALLOWED)


def proof_path(fractie, token: str) -> str:
    # The stored name never comes from the user: it cannot traverse or collide. The folder keeps
    # the name it had before the budgets app was split: stored rows hold paths under it.
    return f"budgets/{fractie.municipality_id}/{fractie.pk}/{token}"


def _proof_path(instance: "Expense", filename: str) -> str:
    return proof_path(instance.fractie, instance.proof_token)


class Expense(models.Model):
    """One expense of a fractie, recorded by its treasurer with a proof."""

    class Review(models.TextChoices):
        NONE = "", "niet beoordeeld"
        OK = "ok", "akkoord"
        REMARK = "remark", "opmerking"
        REJECTED = "rejected", "niet geaccepteerd"
        UNCLEAR = "unclear", "onduidelijk: naar het presidium"

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, related_name="expenses")
    year = models.PositiveSmallIntegerField("jaar")
    date = models.DateField("datum")
    amount = models.DecimalField("bedrag", **MONEY, validators=POSITIVE)
    category = models.CharField("categorie", max_length=40)
    description = models.CharField("omschrijving", max_length=500)
    question = models.ForeignKey(
        SpendingQuestion,
        verbose_name="vraag aan de griffie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="expenses",
    )
    proof = models.FileField("bewijsstuk", upload_to=_proof_path, max_length=200, blank=True)
    proof_token = models.CharField(max_length=40, blank=True)
    proof_name = models.CharField(max_length=200, blank=True)
    proof_content_type = models.CharField(max_length=100, blank=True)
    proof_size = models.PositiveIntegerField(default=0)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)
    review = models.CharField(
        "beoordeling", max_length=20, choices=Review.choices, default=Review.NONE, blank=True
    )
    review_remark = models.TextField("opmerking van de griffie", max_length=4000, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    # The expense form's token (lib/idempotency.py): Back and submit again record nothing twice.
    submission_token = models.CharField(max_length=TOKEN_LENGTH, blank=True, default="")

    class Meta:
        verbose_name = "uitgave"
        verbose_name_plural = "uitgaven"
        ordering = ["date", "pk"]
        indexes = [models.Index(fields=["fractie", "year", "date"], name="expense_fractie_year")]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "submission_token"],
                condition=token_constraint_condition(),
                name="expense_recorded_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.date} {self.description}"


class Statement(models.Model):
    """The yearly account of one fractie (art. 33 lid 3: rules on spending and accounting)."""

    class Status(models.TextChoices):
        OPEN = "open", "open"
        SUBMITTED = "submitted", "ingediend"
        RETURNED = "returned", "teruggestuurd voor correctie"
        APPROVED = "approved", "vastgesteld"

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, related_name="statements")
    year = models.PositiveSmallIntegerField("jaar")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    # The reserve from before raadsloket (or agreed at a merge), entered by the griffie; when
    # empty the previous year's closing reserve carries over.
    opening_reserve_override = models.DecimalField(
        "beginreserve (handmatig)", **MONEY, null=True, blank=True
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    review_remark = models.TextField("opmerking van de griffie", max_length=4000, blank=True)
    reviewed_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The figures as approved: later profile changes do not rewrite an approved account.
    snapshot = models.JSONField(default=dict, blank=True)
    repaid_on = models.DateField("terugbetaling ontvangen op", null=True, blank=True)

    class Meta:
        verbose_name = "verantwoording"
        verbose_name_plural = "verantwoordingen"
        constraints = [
            models.UniqueConstraint(fields=["fractie", "year"], name="statement_one_per_year")
        ]

    def __str__(self) -> str:
        return f"verantwoording {self.fractie} {self.year}"


class BudgetReminderLog(models.Model):
    """One reminder per fractie, year, deadline and moment: a second daily pass sends nothing.

    `days` is the reminder's day before the deadline (profile.fractie_support.
    reminder_days_before), or 0 with kind "overdue" for the notice after the deadline passed.
    """

    class Kind(models.TextChoices):
        NEAR = "near", "termijn nadert"
        OVERDUE = "overdue", "termijn verlopen"

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    fractie = models.ForeignKey(Fractie, on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField("jaar")
    deadline = models.DateField("uiterste datum")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    days = models.PositiveSmallIntegerField("dagen voor de termijn", default=0)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "herinnering verantwoording"
        verbose_name_plural = "herinneringen verantwoording"
        constraints = [
            models.UniqueConstraint(
                fields=["fractie", "year", "deadline", "kind", "days"],
                name="budget_reminder_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.fractie_id} {self.year} {self.kind} {self.days}"

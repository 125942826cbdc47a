# SPDX-License-Identifier: EUPL-1.2
"""Destruction lists (vernietigingslijsten): the record of what was destroyed, when and by whose
approval.

Archiefbesluit 1995 art. 8: records are destroyed only from a list that names them, and a
verklaring van vernietiging is kept. The list and its lines hold no content: a reference, the
instrument and dates. They stay after the cases are gone; that is their purpose.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from raadsloket.cases.instruments import Instrument
from raadsloket.organisation.models import Municipality


class DestructionList(models.Model):
    class Status(models.TextChoices):
        PROPOSED = "proposed", "voorgesteld, wacht op goedkeuring van de griffier"
        APPROVED = "approved", "goedgekeurd door de griffier"
        DESTROYED = "destroyed", "vernietigd"
        CANCELLED = "cancelled", "ingetrokken"

    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="destruction_lists"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PROPOSED)
    proposed_at = models.DateTimeField("voorgesteld", default=timezone.now)
    # The griffier who approved: PROTECT, the list must keep naming them.
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="goedgekeurd door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    approved_at = models.DateTimeField("goedgekeurd", null=True, blank=True)
    destroyed_at = models.DateTimeField("vernietigd", null=True, blank=True)
    cancelled_at = models.DateTimeField("ingetrokken", null=True, blank=True)

    class Meta:
        verbose_name = "vernietigingslijst"
        verbose_name_plural = "vernietigingslijsten"
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"vernietigingslijst {self.pk} ({self.get_status_display()})"


class DestructionItem(models.Model):
    """One case on a list. `case_ref` is no foreign key: the case is deleted, the line stays."""

    destruction_list = models.ForeignKey(
        DestructionList, on_delete=models.CASCADE, related_name="items"
    )
    case_ref = models.BigIntegerField(db_index=True)
    reference = models.CharField("kenmerk", max_length=20)
    instrument = models.CharField("instrument", max_length=40, choices=Instrument.choices)
    closed_on = models.DateField("afgesloten op")
    retention_date = models.DateField("vernietigbaar vanaf")
    destroyed_at = models.DateTimeField("vernietigd", null=True, blank=True)

    class Meta:
        verbose_name = "regel van de vernietigingslijst"
        verbose_name_plural = "regels van de vernietigingslijst"
        ordering = ["case_ref"]
        constraints = [
            models.UniqueConstraint(
                fields=["destruction_list", "case_ref"], name="destruction_item_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reference} ({self.get_instrument_display()})"

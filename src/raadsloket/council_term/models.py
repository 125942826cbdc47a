# SPDX-License-Identifier: EUPL-1.2
"""The council term as records: an installation after an election, the members who left with
it, the invitations of new members and their onboarding checklist.

Kieswet: the council is elected every four years; the new council is installed once the
credentials are approved (geloofsbrievenonderzoek, Gemeentewet art. 7, Kieswet hoofdstuk V).
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from raadsloket.organisation.models import Fractie, Municipality


class Installation(models.Model):
    """One real run of `services.install`: the file, the day and what it changed."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    on = models.DateField("installatiedatum")
    file_name = models.CharField("bestand", max_length=200)
    digest = models.CharField("controlegetal (SHA-256)", max_length=64)
    summary = models.JSONField("samenvatting", default=dict)
    installed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    installed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "installatie"
        verbose_name_plural = "installaties"
        ordering = ["-installed_at"]

    def __str__(self) -> str:
        return f"installatie {self.on:%d-%m-%Y}"


class Newcomer(models.Model):
    """A member who entered the council with an installation; their checklist belongs here."""

    installation = models.ForeignKey(
        Installation, on_delete=models.CASCADE, related_name="newcomers"
    )
    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="newcomer"
    )
    starts_on = models.DateField("ingangsdatum")

    class Meta:
        verbose_name = "nieuw raadslid"
        verbose_name_plural = "nieuwe raadsleden"

    def __str__(self) -> str:
        return f"{self.person} vanaf {self.starts_on:%d-%m-%Y}"


class Departure(models.Model):
    """A member who left the council with an installation. Their access ends on `leaves_on`;
    their personal data is anonymised from `anonymise_on` (privacy.anonymise)."""

    installation = models.ForeignKey(
        Installation, on_delete=models.CASCADE, related_name="departures"
    )
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="departures"
    )
    fractie = models.ForeignKey(Fractie, on_delete=models.SET_NULL, null=True, related_name="+")
    leaves_on = models.DateField("toegang eindigt op")
    anonymise_on = models.DateField("anonimiseren vanaf")
    access_ended_at = models.DateTimeField(null=True, blank=True)
    anonymised_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "vertrek"
        verbose_name_plural = "vertrekken"
        constraints = [
            models.UniqueConstraint(fields=["installation", "person"], name="departure_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} vertrekt {self.leaves_on:%d-%m-%Y}"


class Invitation(models.Model):
    """A one-time link by which a new member sets their own password (none is in the CSV)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations"
    )
    digest = models.CharField(max_length=64, unique=True)
    valid_until = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"

    def __str__(self) -> str:
        return f"uitnodiging {self.person_id}"


class ChecklistTick(models.Model):
    """One ticked item of a new member's onboarding checklist (data/onboarding.toml)."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="checklist_ticks"
    )
    item = models.CharField("onderdeel", max_length=40)
    ticked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    ticked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "afgevinkt onderdeel"
        verbose_name_plural = "afgevinkte onderdelen"
        constraints = [
            models.UniqueConstraint(fields=["person", "item"], name="checklist_tick_once")
        ]

    def __str__(self) -> str:
        return f"{self.person_id}: {self.item}"

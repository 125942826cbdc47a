# SPDX-License-Identifier: EUPL-1.2
"""What the griffie records about vergoedingen: the amounts of a later year (when BZK indexes
them) and who holds an extra toelage-role (toolkit, "Vergoeding en politiek verlof")."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from raadsloket.lib.money import MONEY, POSITIVE
from raadsloket.organisation.models import Municipality


class AllowanceAmount(models.Model):
    """The monthly vergoeding of one inwonersklasse for one year, as the griffie recorded it.
    All classes of a year are recorded together (allowances.services.set_year_amounts)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    year = models.PositiveSmallIntegerField("jaar")
    population_class = models.CharField("inwonersklasse", max_length=10)
    amount = models.DecimalField("vergoeding per maand", **MONEY, validators=POSITIVE)
    source = models.CharField("bron", max_length=300)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "vergoeding per inwonersklasse"
        verbose_name_plural = "vergoedingen per inwonersklasse"
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "year", "population_class"], name="allowance_amount_unique"
            )
        ]

    def __str__(self) -> str:
        return f"klasse {self.population_class} {self.year}"


class ExtraRole(models.Model):
    """A member's seat that brings an extra toelage (fractievoorzitter comes from the role)."""

    class Kind(models.TextChoices):
        INQUIRY_COMMITTEE = "inquiry_committee", "lid onderzoekscommissie"
        AUDIT_OFFICE = "audit_office", "rekenkamerfunctie"
        CONFIDENTIAL_COMMITTEE = "confidential_committee", "lid vertrouwenscommissie"
        SPECIAL_COMMITTEE = "special_committee", "lid overige bijzondere commissie"

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="extra_roles"
    )
    kind = models.CharField("toelage", max_length=30, choices=Kind.choices)
    description = models.CharField("commissie", max_length=200, blank=True)
    since = models.DateField("vanaf")

    class Meta:
        verbose_name = "extra toelage"
        verbose_name_plural = "extra toelagen"
        ordering = ["kind", "pk"]
        constraints = [models.UniqueConstraint(fields=["person", "kind"], name="extra_role_once")]

    def __str__(self) -> str:
        return self.get_kind_display()

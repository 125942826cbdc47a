# SPDX-License-Identifier: EUPL-1.2
"""Who helps a raadslid with what (toolkit seed, "Gebruik je ondersteuning"): the support
directory of a municipality, and what each person of the griffie helps with.

The national entries (VNG, NVvR, BZK, the knowledge institutions, ...) come from
`national.toml` and are copied into every municipality (`national.install`), so the griffie can
add its own contact details or hide one; local entries (the rekenkamercommissie's secretary, the
municipality's research team) are the griffie's own.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from raadsloket.organisation.models import Municipality


class Category(models.TextChoices):
    # The order of the toolkit: the support within the municipality first ("Ondersteuning |
    # wettelijk"), then the organisations outside it ("Ondersteuning | niet wettelijk").
    GRIFFIE = "griffie", "Griffie"
    REKENKAMER = "rekenkamer", "Rekenkamer"
    CONTROL = "controle", "Accountant en auditcommissie"
    SAFETY = "veiligheid", "Bedreiging en intimidatie"
    ASSOCIATION = "vereniging", "Verenigingen (VNG, NVvR)"
    STATE = "rijk", "Rijksoverheid (BZK)"
    PARTIES = "partijen", "Politieke partijen"
    KNOWLEDGE = "kennis", "Kennis en cijfers"
    TRAINING = "opleiding", "Opleidingen"


class Entry(models.Model):
    """One organisation, office or service that helps council members, and how to reach it."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    # The key in national.toml; empty for the griffie's own entries.
    national_key = models.SlugField("landelijke sleutel", max_length=60, blank=True, default="")
    category = models.CharField("categorie", max_length=20, choices=Category.choices)
    name = models.CharField("naam", max_length=200)
    purpose = models.TextField("waarvoor", max_length=2000)
    website = models.URLField("website", max_length=300, blank=True)
    phone = models.CharField("telefoon", max_length=40, blank=True)
    email = models.EmailField("e-mail", max_length=200, blank=True)
    # A course provider's name, for the opleidingsbudget request (category "opleiding").
    provider = models.CharField("aanbieder", max_length=200, blank=True)
    # Where the entry's text comes from (the toolkit section, or the griffie).
    source = models.CharField("bron", max_length=200, blank=True)
    hidden = models.BooleanField("verborgen", default=False)
    position = models.PositiveSmallIntegerField("volgorde", default=100)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = "ondersteuner"
        verbose_name_plural = "ondersteuners"
        ordering = ["position", "name", "pk"]
        indexes = [models.Index(fields=["municipality", "category"], name="directory_muni_cat")]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "national_key"],
                condition=~Q(national_key=""),
                name="directory_national_once",
            )
        ]

    def __str__(self) -> str:
        return self.name


class GriffieHelp(models.Model):
    """What one person of the griffie helps members with (their "helpt met" text)."""

    person = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="griffie_help"
    )
    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    helps_with = models.TextField("helpt met", max_length=2000, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "hulp van de griffie"
        verbose_name_plural = "hulp van de griffie"

    def __str__(self) -> str:
        return f"{self.person}: {self.helps_with[:40]}"

# SPDX-License-Identifier: EUPL-1.2
"""Who is who in a municipality: the tenant, its people, fracties and departments."""

from decimal import Decimal

from django.contrib.auth.models import AbstractUser
from django.core.validators import MinValueValidator, RegexValidator
from django.db import models

from raadsloket.organisation.roles import PolicyArea, Role
from raadsloket.policy.loader import DEFAULT_PRESET, build_profile
from raadsloket.policy.schema import PolicyProfile


class Municipality(models.Model):
    """The tenant. Every domain row belongs to exactly one municipality."""

    name = models.CharField("naam", max_length=120, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    inhabitants = models.PositiveIntegerField("inwoners")
    # The CBS gemeentecode (four digits, e.g. "0363" for Amsterdam): the municipality's TOOI
    # identifier https://identifier.overheid.nl/tooi/id/gemeente/gm0363 names it as the
    # publisher in its DiWoo metadata (raadsloket.publication). Empty: no DiWoo sitemap.
    cbs_code = models.CharField(
        "gemeentecode (CBS)",
        max_length=4,
        blank=True,
        validators=[RegexValidator(r"^\d{4}$", "Een gemeentecode bestaat uit vier cijfers.")],
    )
    policy_preset = models.CharField("verordening (profiel)", max_length=40, default=DEFAULT_PRESET)
    # Single fields the municipality sets differently from its preset.
    policy_overrides = models.JSONField("afwijkingen van het profiel", default=dict, blank=True)

    class Meta:
        verbose_name = "gemeente"
        verbose_name_plural = "gemeenten"

    def __str__(self) -> str:
        return self.name

    @property
    def tooi_uri(self) -> str:
        """The TOOI identifier of the municipality ("" without a CBS code)."""
        if not self.cbs_code:
            return ""
        return f"https://identifier.overheid.nl/tooi/id/gemeente/gm{self.cbs_code}"

    @property
    def policy(self) -> PolicyProfile:
        # build_profile caches per (preset, overrides), so this is cheap on every request.
        return build_profile(self.policy_preset, self.policy_overrides)


class Fractie(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="fracties"
    )
    name = models.CharField("naam", max_length=120)
    seats = models.PositiveSmallIntegerField("zetels", default=1)

    class Meta:
        verbose_name = "fractie"
        verbose_name_plural = "fracties"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="fractie_unique_name")
        ]
        ordering = ["-seats", "name"]

    def __str__(self) -> str:
        return self.name


class Department(models.Model):
    municipality = models.ForeignKey(
        Municipality, on_delete=models.PROTECT, related_name="departments"
    )
    name = models.CharField("naam", max_length=120)
    manager = models.ForeignKey(
        "Person",
        verbose_name="leidinggevende",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="managed_departments",
    )

    class Meta:
        verbose_name = "afdeling"
        verbose_name_plural = "afdelingen"
        constraints = [
            models.UniqueConstraint(fields=["municipality", "name"], name="department_unique_name")
        ]

    def __str__(self) -> str:
        return self.name


class Person(AbstractUser):
    """A user of raadsloket; always of one municipality (superusers excepted)."""

    municipality = models.ForeignKey(
        Municipality,
        verbose_name="gemeente",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="people",
    )
    fractie = models.ForeignKey(
        Fractie, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    department = models.ForeignKey(
        Department, on_delete=models.SET_NULL, null=True, blank=True, related_name="staff"
    )
    # Raised whenever the person's roles or second-factor devices change
    # (raadsloket.access.session_cache): the session's copy of them is used only while it
    # carries the same number, so no revoked role outlives the request it was revoked in.
    access_version = models.PositiveIntegerField(default=0, editable=False)

    class Meta:
        verbose_name = "persoon"
        verbose_name_plural = "personen"

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return self.get_full_name() or self.username


class RoleAssignment(models.Model):
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="role_assignments")
    role = models.CharField("rol", max_length=40, choices=Role.choices)

    class Meta:
        verbose_name = "rol"
        verbose_name_plural = "rollen"
        constraints = [
            models.UniqueConstraint(fields=["person", "role"], name="role_assignment_unique")
        ]

    def __str__(self) -> str:
        return f"{self.person}: {self.get_role_display()}"


class Expertise(models.Model):
    """What a civil servant knows and how many hours a week they can give to assistance."""

    person = models.OneToOneField(Person, on_delete=models.CASCADE, related_name="expertise")
    policy_areas = models.JSONField("beleidsterreinen", default=list, blank=True)
    keywords = models.CharField("trefwoorden", max_length=500, blank=True)
    weekly_hours = models.DecimalField(
        "uren per week beschikbaar voor bijstand",
        max_digits=5,
        decimal_places=1,
        default=Decimal("4.0"),
        validators=[MinValueValidator(Decimal("0"))],
    )

    class Meta:
        verbose_name = "deskundigheid"
        verbose_name_plural = "deskundigheden"

    def __str__(self) -> str:
        return f"{self.person}: {', '.join(self.policy_area_labels)}"

    @property
    def policy_area_labels(self) -> list[str]:
        labels = dict(PolicyArea.choices)
        return [labels.get(area, area) for area in self.policy_areas]

    @property
    def keyword_list(self) -> list[str]:
        return [word.strip().lower() for word in self.keywords.split(",") if word.strip()]


class CoalitionMembership(models.Model):
    """A fractie's time in the coalition that supports the college, with its dates.

    The fairness view of the reflection reports compares coalition and opposition; a
    coalition changes during a council term, so a fractie counts on the side it was on for most
    days of the report's period (raadsloket.reflection.fairness.in_coalition).
    """

    fractie = models.ForeignKey(Fractie, on_delete=models.CASCADE, related_name="coalition_periods")
    start = models.DateField("in de coalitie vanaf")
    end = models.DateField("tot en met", null=True, blank=True)

    class Meta:
        verbose_name = "coalitiedeelname"
        verbose_name_plural = "coalitiedeelnames"
        ordering = ["fractie", "start"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="coalition_end_after_start",
            )
        ]

    def __str__(self) -> str:
        until = f" t/m {self.end:%d-%m-%Y}" if self.end else ""
        return f"{self.fractie} in de coalitie vanaf {self.start:%d-%m-%Y}{until}"

# SPDX-License-Identifier: EUPL-1.2
"""What only ambtelijke bijstand has: the startgesprek, hours, mediation and evaluation."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone

from raadsloket.cases.models import Case


class Kickoff(models.Model):
    """The startgesprek (handreiking, Utrecht: "Vertrouwelijkheid in een bubbel")."""

    case = models.OneToOneField(Case, on_delete=models.CASCADE, related_name="kickoff")
    planned_for = models.DateTimeField("gepland op")
    held_on = models.DateField("gehouden op", null=True, blank=True)
    participants = models.CharField("deelnemers", max_length=500)
    background = models.TextField("achtergrond", blank=True)
    goal = models.TextField("doel", blank=True)
    agreed_hours = models.DecimalField(
        "afgesproken uren", max_digits=6, decimal_places=1, null=True, blank=True
    )
    due_date = models.DateField("opleverdatum", null=True, blank=True)
    loyalty_concerns = models.TextField("loyaliteitsvragen", blank=True)
    member_acknowledged_rules = models.BooleanField(default=False)
    civil_servant_acknowledged_rules = models.BooleanField(default=False)


class HoursEntry(models.Model):
    """Hours actually spent by a civil servant; the only thing their manager sees.

    An entry is never edited: a mistake is corrected by a correcting entry (`corrects` names
    the entry, `hours` the hours added or, negative, taken off, `reason` why), recorded under
    the same civil servant and day, so that every sum of `hours` (start pages, case page,
    reports) includes the corrections and whoever sees an entry sees its corrections.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="hours_entries")
    civil_servant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="hours_entries"
    )
    worked_on = models.DateField("datum")
    hours = models.DecimalField("uren", max_digits=5, decimal_places=1)
    note = models.CharField("toelichting", max_length=500, blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    corrects = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrections",
        verbose_name="corrigeert",
    )
    reason = models.CharField("reden van de correctie", max_length=500, blank=True)

    class Meta:
        indexes = [models.Index(fields=["civil_servant", "worked_on"], name="hours_servant")]
        constraints = [
            # Hours logged are positive; a correction (which may be negative) gives its reason.
            models.CheckConstraint(
                condition=(
                    models.Q(corrects__isnull=True, hours__gt=0)
                    | (models.Q(corrects__isnull=False) & ~models.Q(reason="") & ~models.Q(hours=0))
                ),
                name="hours_entry_positive_or_correction",
            )
        ]


class Mediation(models.Model):
    """Bemiddeling: by the griffie during the work, or by the driehoek after a refusal."""

    class Forum(models.TextChoices):
        GRIFFIE = "griffie", "griffie"
        TRIANGLE = "triangle", "driehoek (griffier, gemeentesecretaris, burgemeester)"

    class Outcome(models.TextChoices):
        ASSIGN = "assign", "bijstand wordt verleend"
        REFUSAL_UPHELD = "refusal_upheld", "weigering blijft in stand"
        RESUMED = "resumed", "werk gaat verder met nieuwe afspraken"
        WITHDRAWN = "withdrawn", "verzoek ingetrokken door het raadslid"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="mediations")
    forum = models.CharField(max_length=20, choices=Forum.choices)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reason = models.TextField("aanleiding")
    requested_at = models.DateTimeField(default=timezone.now)
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    notes = models.TextField("toelichting", blank=True)


class Evaluation(models.Model):
    class Perspective(models.TextChoices):
        MEMBER = "member", "raadslid"
        CIVIL_SERVANT = "civil_servant", "ambtenaar"
        GRIFFIE = "griffie", "griffie"

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="evaluations")
    perspective = models.CharField(max_length=20, choices=Perspective.choices)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    score = models.PositiveSmallIntegerField(
        "cijfer (1–5)", validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    remarks = models.TextField("opmerkingen", blank=True)
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["case", "perspective"], name="evaluation_unique")
        ]


class TriangleVote(models.Model):
    """One member's vote in the driehoek on an objection, when the profile has the three decide
    together (objection.decided_by "triangle"; RULES.md "Disputes"). A member may change their
    vote until the three agree; the decision is the outcome they all voted for."""

    mediation = models.ForeignKey(Mediation, on_delete=models.CASCADE, related_name="votes")
    # The role in which the voter sits in the driehoek (access.cases.triangle_seat).
    seat = models.CharField(max_length=30)
    voter = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    outcome = models.CharField(max_length=20, choices=Mediation.Outcome.choices)
    notes = models.TextField("toelichting")
    cast_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["mediation", "seat"], name="triangle_vote_unique")
        ]

# SPDX-License-Identifier: EUPL-1.2
"""A member's planned ("ideale situatie") and real weeks (toolkit, "Format voor tijdsbesteding").
Private to the member (raadsloket.access.time_planner)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from raadsloket.organisation.models import Municipality


class PlannerWeek(models.Model):
    """Hours per activity and weekday: `hours` maps an activity code (time_planner.planner) to
    seven decimal strings, Monday first. The ideal week is one per member (no date); a real week
    is one per ISO week, dated by its Monday. The answers to the toolkit's reflection questions
    belong to a real week."""

    class Kind(models.TextChoices):
        IDEAL = "ideal", "ideale situatie"
        REAL = "real", "werkelijke week"

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="planner_weeks"
    )
    kind = models.CharField("soort", max_length=10, choices=Kind.choices)
    monday = models.DateField("week (maandag)", null=True, blank=True)
    hours = models.JSONField("uren", default=dict)
    answers = models.JSONField("antwoorden", default=dict, blank=True)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "week tijdsbesteding"
        verbose_name_plural = "weken tijdsbesteding"
        ordering = ["-monday", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person"], condition=Q(kind="ideal"), name="planner_one_ideal_week"
            ),
            models.UniqueConstraint(
                fields=["person", "monday"], condition=Q(kind="real"), name="planner_real_week_once"
            ),
            models.CheckConstraint(
                condition=Q(kind="ideal", monday__isnull=True)
                | Q(kind="real", monday__isnull=False),
                name="planner_real_week_has_a_date",
            ),
        ]

    def __str__(self) -> str:
        return self.get_kind_display() if self.monday is None else f"week van {self.monday}"

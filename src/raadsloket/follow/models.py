# SPDX-License-Identifier: EUPL-1.2
"""What a person follows: one item (a case or a register item, named by kind and id) or a
keyword within a scope of kinds. Per municipality; a person follows a thing once."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from raadsloket.organisation.models import Municipality

PERSON = settings.AUTH_USER_MODEL


class Kind(models.TextChoices):
    """What can be followed. A case (verzoek, technische vraag, schriftelijke vragen) by its
    id; a register item by its stable kind (raadsloket.registers.models.by_kind)."""

    CASE = "case", "verzoek of schriftelijke vragen"
    MOTION = "motion", "motie"
    AMENDMENT = "amendment", "amendement"
    COMMITMENT = "commitment", "toezegging"
    INITIATIVE_PROPOSAL = "initiative_proposal", "initiatiefvoorstel"


class Scope(models.TextChoices):
    """Which new items a keyword is matched against."""

    ALL = "all", "alles"
    WRITTEN_QUESTION = "written_question", "schriftelijke vragen"
    REQUEST = "request", "verzoeken (ambtelijke bijstand, technische vragen)"
    MOTION = "motion", "moties"
    AMENDMENT = "amendment", "amendementen"
    COMMITMENT = "commitment", "toezeggingen"
    INITIATIVE_PROPOSAL = "initiative_proposal", "initiatiefvoorstellen"


class Follow(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(PERSON, on_delete=models.CASCADE, related_name="follows")
    kind = models.CharField("soort", max_length=30, choices=Kind.choices)
    item_id = models.PositiveBigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "gevolgd item"
        verbose_name_plural = "gevolgde items"
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["person", "kind", "item_id"], name="follow_once")
        ]
        indexes = [models.Index(fields=["kind", "item_id"], name="follow_item")]

    def __str__(self) -> str:
        return f"{self.person_id} volgt {self.kind} {self.item_id}"


class KeywordFollow(models.Model):
    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    person = models.ForeignKey(PERSON, on_delete=models.CASCADE, related_name="keyword_follows")
    keyword = models.CharField("trefwoord", max_length=100)
    scope = models.CharField("waarin", max_length=30, choices=Scope.choices, default=Scope.ALL)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "gevolgd trefwoord"
        verbose_name_plural = "gevolgde trefwoorden"
        ordering = ["keyword", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["person", "keyword", "scope"], name="keyword_follow_once"
            )
        ]
        indexes = [models.Index(fields=["municipality", "scope"], name="keyword_follow_scope")]

    def __str__(self) -> str:
        return f"{self.person_id} volgt '{self.keyword}' in {self.scope}"

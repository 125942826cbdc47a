# SPDX-License-Identifier: EUPL-1.2
"""Append-only, hash-chained audit log.

Each event stores the hash of its predecessor; the head row stores the last sequence number and
hash. Changing, inserting or removing an event (also at the end) breaks the chain, and
`raadsloket audit-verify` reports where.
"""

from django.db import models
from django.utils import timezone


class AppendOnlyError(RuntimeError):
    pass


class AuditEvent(models.Model):
    seq = models.PositiveBigIntegerField(unique=True)
    at = models.DateTimeField(default=timezone.now)
    municipality_id_ref = models.BigIntegerField(null=True, db_index=True)
    actor_ref = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=60)
    case_ref = models.BigIntegerField(null=True, db_index=True)
    detail = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        ordering = ["seq"]
        # AVG inzage (privacy.inzage) looks up a person's own events by actor.
        indexes = [models.Index(fields=["actor_ref"], name="audit_event_actor")]

    def __str__(self) -> str:
        return f"{self.seq} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")


class AuditHead(models.Model):
    """One row: the end of the chain, so that removing the last events is detected too."""

    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"einde auditketen bij {self.seq}"

# SPDX-License-Identifier: EUPL-1.2
"""Append-only, hash-chained audit log.

There is one chain per municipality and one national chain (events without a municipality, and
the history from before the chains were split: SECURITY.md, the audit log). Each event stores
its chain, its number in that chain and the hash of its predecessor; the head row of a chain
stores its last number and hash. Changing, inserting or removing an event (also at the end)
breaks the chain, and `raadsloket audit-verify` reports where. On PostgreSQL a trigger refuses
UPDATE, DELETE and TRUNCATE on the event table (migration 0004); signed checkpoints outside the
database (audit/checkpoints.py) catch a chain recomputed by whoever could get past it.
"""

from django.db import models
from django.utils import timezone

# The chain of events without a municipality; a municipality's chain is its id.
NATIONAL = 0


class AppendOnlyError(RuntimeError):
    pass


class AuditEvent(models.Model):
    # The municipality id, or NATIONAL: the shard key of a distributed database (docs/scaling.md).
    chain = models.PositiveBigIntegerField(default=NATIONAL)
    seq = models.PositiveBigIntegerField()
    at = models.DateTimeField(default=timezone.now)
    municipality_id_ref = models.BigIntegerField(null=True, db_index=True)
    actor_ref = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=60)
    case_ref = models.BigIntegerField(null=True, db_index=True)
    detail = models.JSONField(default=dict)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64)

    class Meta:
        # Insertion order: within a chain the same as `seq` (ids are drawn under the head's
        # lock), across chains the order in which events were written.
        ordering = ["id"]
        constraints = [
            models.UniqueConstraint(fields=["chain", "seq"], name="audit_event_chain_seq"),
        ]
        # AVG inzage (privacy.inzage) looks up a person's own events by actor.
        indexes = [models.Index(fields=["actor_ref"], name="audit_event_actor")]

    def __str__(self) -> str:
        return f"{self.chain}:{self.seq} {self.action}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Auditregels kunnen niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Auditregels kunnen niet worden verwijderd.")


class AuditHead(models.Model):
    """One row per chain: its end, so that removing the last events is detected too.

    The row is the lock writers of that chain queue on; municipalities never wait on each other.
    """

    chain = models.PositiveBigIntegerField(unique=True, default=NATIONAL)
    seq = models.PositiveBigIntegerField(default=0)
    hash = models.CharField(max_length=64, default="0" * 64)

    def __str__(self) -> str:
        return f"einde auditketen {self.chain} bij {self.seq}"

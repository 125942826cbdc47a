# SPDX-License-Identifier: EUPL-1.2
"""Writing to and verifying the audit chain."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import transaction
from django.utils import timezone

from raadsloket.audit.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def event_hash(
    prev_hash: str,
    seq: int,
    at: str,
    municipality: Any,
    actor: str,
    action: str,
    case: Any,
    detail: dict,
) -> str:
    """The hash that seals one event to its predecessor; also used by `raadsloket generate`,
    which writes events in bulk and must seal them exactly as `record` does."""
    payload = json.dumps(
        [prev_hash, seq, at, municipality, actor, action, case, detail],
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
        default=str,
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _event_digest(event: AuditEvent) -> str:
    return event_hash(
        event.prev_hash,
        event.seq,
        event.at.isoformat(),
        event.municipality_id_ref,
        event.actor_ref,
        event.action,
        event.case_ref,
        event.detail,
    )


def record(
    action: str, *, actor=None, municipality_id=None, case_id=None, detail: dict | None = None
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction, so it lands with the change."""
    with transaction.atomic():
        # The head row serialises writers: on PostgreSQL this is a row lock.
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        clean_detail = json.loads(json.dumps(detail or {}, default=str))
        event = AuditEvent(
            seq=head.seq + 1,
            at=timezone.now(),
            municipality_id_ref=municipality_id,
            actor_ref=getattr(actor, "username", "") or (actor if isinstance(actor, str) else ""),
            action=action,
            case_ref=case_id,
            detail=clean_detail,
            prev_hash=head.hash,
        )
        event.hash = _event_digest(event)
        event.save()
        head.seq = event.seq
        head.hash = event.hash
        head.save(update_fields=["seq", "hash"])
        return event


@dataclass(frozen=True)
class Finding:
    seq: int | None
    message: str


def verify() -> list[Finding]:
    """Walk the chain; return every break as a Dutch finding (empty list: intact)."""
    findings: list[Finding] = []
    prev_hash = GENESIS
    expected_seq = 1
    # The head first: on a live system events keep coming while the walk runs. The head and its
    # event are written in one transaction, so every event up to the head read here is
    # committed; later ones are left for the next check instead of looking like a break.
    head = AuditHead.objects.filter(pk=1).first()
    events = AuditEvent.objects.order_by("seq")
    if head is not None:
        events = events.filter(seq__lte=head.seq)
    for event in events.iterator(chunk_size=2000):
        if event.seq != expected_seq:
            if event.seq > expected_seq:
                findings.append(
                    Finding(
                        expected_seq,
                        f"regel {expected_seq} t/m {event.seq - 1} ontbreekt (verwijderd)",
                    )
                )
            else:
                findings.append(
                    Finding(event.seq, f"regel {event.seq} komt dubbel voor (ingevoegd)")
                )
        if event.prev_hash != prev_hash:
            findings.append(
                Finding(
                    event.seq,
                    f"regel {event.seq} sluit niet aan op de vorige regel (ingevoegd of verwijderd)",
                )
            )
        if _event_digest(event) != event.hash:
            findings.append(Finding(event.seq, f"regel {event.seq} is gewijzigd (hash klopt niet)"))
        prev_hash = event.hash
        expected_seq = event.seq + 1
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        findings.append(
            Finding(
                head.seq,
                f"de keten eindigt bij regel {last_seq}, maar hoort te eindigen bij regel {head.seq} (regels aan het eind verwijderd of gewijzigd)",
            )
        )
    if head is None and last_seq:
        findings.append(Finding(None, "het eindpunt van de keten ontbreekt"))
    if head is not None:
        findings.extend(_rows_beyond_head())
    return findings


def _rows_beyond_head() -> list[Finding]:
    """Rows after the head that no head covers: appended outside `record`.

    Read the head again: rows honestly written during the walk came with a newer head.
    """
    fresh = AuditHead.objects.filter(pk=1).first()
    if fresh is None:
        return []  # called only when a head exists; a missing head is reported by the caller
    beyond = AuditEvent.objects.filter(seq__gt=fresh.seq).order_by("-seq").first()
    if beyond is None:
        return []
    return [
        Finding(
            fresh.seq,
            f"de keten eindigt bij regel {beyond.seq}, maar hoort te eindigen bij regel "
            f"{fresh.seq} (regels aan het eind toegevoegd)",
        )
    ]

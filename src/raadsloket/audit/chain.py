# SPDX-License-Identifier: EUPL-1.2
"""Writing to and verifying the audit chains: one per municipality, one national (models.py)."""

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from django.db import IntegrityError, transaction
from django.utils import timezone

from raadsloket.audit.models import NATIONAL, AuditEvent, AuditHead
from raadsloket.organisation.models import Municipality

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


def chain_of(municipality_id: int | None) -> int:
    """The chain an event belongs to: its municipality's, or the national one."""
    return municipality_id or NATIONAL


def _locked_head(chain: int) -> AuditHead:
    """The chain's head row, locked until the caller's transaction ends.

    Existing municipalities got their head in migration 0004; a new one gets it here on first
    use. Two first writers may race to create it: the loser's INSERT waits for the winner's
    commit, fails on the unique chain, and then locks the winner's row like any later writer.
    """
    head = AuditHead.objects.select_for_update().filter(chain=chain).first()
    if head is not None:
        return head
    try:
        with transaction.atomic():
            AuditHead.objects.create(chain=chain, seq=0, hash=GENESIS)
    except IntegrityError:
        pass  # made by a concurrent first writer; locked below
    return AuditHead.objects.select_for_update().get(chain=chain)


def record(
    action: str, *, actor=None, municipality_id=None, case_id=None, detail: dict | None = None
) -> AuditEvent:
    """Append one event. Runs inside the caller's transaction, so it lands with the change."""
    with transaction.atomic():
        # The head row serialises the writers of one chain: on PostgreSQL a row lock, held
        # until the caller's transaction ends; other municipalities' chains do not wait.
        head = _locked_head(chain_of(municipality_id))
        clean_detail = json.loads(json.dumps(detail or {}, default=str))
        event = AuditEvent(
            chain=head.chain,
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
    chain: int = NATIONAL


def label(chain: int) -> str:
    """The chain's name in Dutch output: the municipality's name and slug, or national."""
    if chain == NATIONAL:
        return "landelijke keten"
    municipality = Municipality.objects.filter(pk=chain).only("name", "slug").first()
    if municipality is None:
        return f"keten {chain} (gemeente bestaat niet meer)"
    return f"keten {municipality.name} ({municipality.slug})"


def chains() -> list[int]:
    """Every chain that has a head or an event."""
    found = set(AuditHead.objects.values_list("chain", flat=True))
    found.update(AuditEvent.objects.values_list("chain", flat=True).distinct())
    return sorted(found)


def verify(chain: int | None = None) -> list[Finding]:
    """Walk one chain, or every chain; return every break as a Dutch finding (empty: intact)."""
    if chain is not None:
        return _verify_chain(chain)
    return [finding for each in chains() for finding in _verify_chain(each)]


def _verify_chain(chain: int) -> list[Finding]:
    findings: list[Finding] = []

    def found(seq: int | None, message: str) -> None:
        findings.append(Finding(seq, message, chain))

    prev_hash = GENESIS
    expected_seq = 1
    # The head first: on a live system events keep coming while the walk runs. The head and its
    # event are written in one transaction, so every event up to the head read here is
    # committed; later ones are left for the next check instead of looking like a break.
    head = AuditHead.objects.filter(chain=chain).first()
    events = AuditEvent.objects.filter(chain=chain).order_by("seq")
    if head is not None:
        events = events.filter(seq__lte=head.seq)
    for event in events.iterator(chunk_size=2000):
        if event.seq != expected_seq:
            if event.seq > expected_seq:
                found(
                    expected_seq, f"regel {expected_seq} t/m {event.seq - 1} ontbreekt (verwijderd)"
                )
            else:
                found(event.seq, f"regel {event.seq} komt dubbel voor (ingevoegd)")
        if event.prev_hash != prev_hash:
            found(
                event.seq,
                f"regel {event.seq} sluit niet aan op de vorige regel (ingevoegd of verwijderd)",
            )
        if _event_digest(event) != event.hash:
            found(event.seq, f"regel {event.seq} is gewijzigd (hash klopt niet)")
        prev_hash = event.hash
        expected_seq = event.seq + 1
    last_seq = expected_seq - 1
    if head is not None and (head.seq != last_seq or head.hash != prev_hash):
        found(
            head.seq,
            f"de keten eindigt bij regel {last_seq}, maar hoort te eindigen bij regel {head.seq} (regels aan het eind verwijderd of gewijzigd)",
        )
    if head is None and last_seq:
        found(None, "het eindpunt van de keten ontbreekt")
    if head is not None:
        findings.extend(_rows_beyond_head(chain))
    return findings


def _rows_beyond_head(chain: int) -> list[Finding]:
    """Rows after the head that no head covers: appended outside `record`.

    Read the head again: rows honestly written during the walk came with a newer head.
    """
    fresh = AuditHead.objects.filter(chain=chain).first()
    if fresh is None:
        return []  # called only when a head exists; a missing head is reported by the caller
    beyond = AuditEvent.objects.filter(chain=chain, seq__gt=fresh.seq).order_by("-seq").first()
    if beyond is None:
        return []
    return [
        Finding(
            fresh.seq,
            f"de keten eindigt bij regel {beyond.seq}, maar hoort te eindigen bij regel "
            f"{fresh.seq} (regels aan het eind toegevoegd)",
            chain,
        )
    ]

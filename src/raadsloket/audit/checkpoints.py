# SPDX-License-Identifier: EUPL-1.2
"""Signed checkpoints of the audit chains, kept where the database cannot rewrite them.

Whoever can write the event table can recompute a whole chain, and `audit-verify` alone would
then find nothing. A checkpoint signs the head (chain, number, hash) of every chain with an
Ed25519 key that is not in the database (setting AUDIT_SIGNING_KEY) and is written as a JSON file
to a directory (AUDIT_CHECKPOINT_DIR) beside the public key. `audit-verify --checkpoints DIR`
checks each signature and that each signed (chain, number) still has the signed hash: a chain
recomputed after a checkpoint has other hashes. SECURITY.md, the audit log; docs/deployment.md.
"""

import base64
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.utils import timezone

from raadsloket.audit import merkle
from raadsloket.audit.chain import _event_digest, label
from raadsloket.audit.models import AuditEvent, AuditHead
from raadsloket.organisation.models import Municipality

FORMAT = "raadsloket-audit-checkpoint/1"
PUBLIC_KEY = "public-key.pem"
PATTERN = "checkpoint-*.json"


class CheckpointError(Exception):
    """A Dutch message for the person running the command; nothing was written."""


@dataclass(frozen=True)
class Problem:
    chain: int | None
    message: str


def generate_key(path: Path) -> Ed25519PrivateKey:
    """A new private key at `path`, readable by its owner only; never overwrites one."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        raise CheckpointError(
            f"Er staat al een sleutel in {path}; die wordt niet overschreven. Verwijder hem zelf "
            "als u echt een nieuwe wilt (oude checkpoints blijven dan te controleren met de oude "
            "publieke sleutel)."
        ) from None
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    return key


def load_key(path: Path) -> Ed25519PrivateKey:
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except FileNotFoundError:
        raise CheckpointError(
            f"De ondertekeningssleutel ontbreekt ({path}). Maak hem met `raadsloket audit-keygen` "
            "of zet AUDIT_SIGNING_KEY op het pad van de bestaande sleutel."
        ) from None
    except ValueError:
        raise CheckpointError(f"{path} is geen leesbare privésleutel.") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise CheckpointError(f"{path} is geen Ed25519-sleutel.")
    return key


def public_pem(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )


def fingerprint(key: Ed25519PublicKey) -> str:
    """SHA-256 of the raw public key: short enough to read out to the griffier."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def _canonical(payload: dict) -> bytes:
    return json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def _hashes(chain: int, first: int, last: int):
    return (
        AuditEvent.objects.filter(chain=chain, seq__gte=first, seq__lte=last)
        .order_by("seq")
        .values_list("hash", flat=True)
        .iterator(chunk_size=5000)
    )


def _range_root(chain: int, first: int, last: int) -> str | None:
    digest = merkle.root(_hashes(chain, first, last)) if last >= first else None
    return digest.hex() if digest else None


def _previous_seqs(directory: Path) -> dict[int, int]:
    """Where each chain ended in the newest checkpoint of `directory` (its Merkle tree starts
    after that)."""
    files = sorted(directory.glob(PATTERN))
    if not files:
        return {}
    try:
        heads = json.loads(files[-1].read_text(encoding="utf-8"))["checkpoint"]["heads"]
        return {head["chain"]: head["seq"] for head in heads}
    except (OSError, ValueError, KeyError, TypeError):
        raise CheckpointError(
            f"{files[-1]} is geen leesbaar checkpoint; controleer de map met "
            "`raadsloket audit-verify --checkpoints` voordat u een nieuw checkpoint maakt."
        ) from None


def current_heads(previous: dict[int, int]) -> list[dict]:
    """Every chain's head, with the Merkle root over its events since `previous`."""
    slugs = dict(Municipality.objects.values_list("pk", "slug"))
    heads = []
    for chain, seq, digest in AuditHead.objects.order_by("chain").values_list(
        "chain", "seq", "hash"
    ):
        first = previous.get(chain, 0) + 1
        heads.append(
            {
                "chain": chain,
                "municipality": slugs.get(chain),
                "seq": seq,
                "hash": digest,
                "from_seq": first,
                "merkle_root": _range_root(chain, first, seq),
            }
        )
    return heads


def write_checkpoint(directory: Path, key: Ed25519PrivateKey) -> tuple[Path, int]:
    """Sign every chain's head now; one new file in `directory`, the public key beside it.

    Returns the file and the number of chains it signs."""
    public = key.public_key()
    directory.mkdir(parents=True, exist_ok=True)
    stored = directory / PUBLIC_KEY
    if stored.exists():
        if stored.read_bytes() != public_pem(public):
            raise CheckpointError(
                f"{stored} hoort bij een andere sleutel dan AUDIT_SIGNING_KEY. Gebruik een eigen "
                "map per sleutel, zodat de oude checkpoints te controleren blijven."
            )
    else:
        stored.write_bytes(public_pem(public))
    at = timezone.now()
    payload = {
        "format": FORMAT,
        "at": at.isoformat(),
        "key": fingerprint(public),
        "heads": current_heads(_previous_seqs(directory)),
    }
    document = {
        "checkpoint": payload,
        "signature": base64.b64encode(key.sign(_canonical(payload))).decode("ascii"),
    }
    target = directory / f"checkpoint-{at:%Y%m%dT%H%M%S%fZ}.json"
    with target.open("x", encoding="utf-8") as handle:
        json.dump(document, handle, indent=1, ensure_ascii=False)
        handle.write("\n")
    return target, len(payload["heads"])


def _public_key(directory: Path, public_key: Path | None) -> Ed25519PublicKey:
    path = public_key or directory / PUBLIC_KEY
    try:
        key = serialization.load_pem_public_key(path.read_bytes())
    except FileNotFoundError:
        raise CheckpointError(f"De publieke sleutel ontbreekt ({path}).") from None
    except ValueError:
        raise CheckpointError(f"{path} is geen leesbare publieke sleutel.") from None
    if not isinstance(key, Ed25519PublicKey):
        raise CheckpointError(f"{path} is geen Ed25519-sleutel.")
    return key


def verify_checkpoints(
    directory: Path, public_key: Path | None = None
) -> tuple[int, list[Problem]]:
    """Check every checkpoint file in `directory`: (files checked, problems in Dutch).

    The chains themselves are walked by `chain.verify()`; `audit-verify --checkpoints` runs both.
    """
    if not directory.is_dir():
        raise CheckpointError(f"De map met checkpoints bestaat niet: {directory}.")
    key = _public_key(directory, public_key)
    problems: list[Problem] = []
    highest: dict[int, tuple[int, str]] = {}
    files = sorted(directory.glob(PATTERN))
    for path in files:
        try:
            document = json.loads(path.read_text(encoding="utf-8"))
            payload = document["checkpoint"]
            signature = base64.b64decode(document["signature"], validate=True)
            heads = payload["heads"]
        except (OSError, ValueError, KeyError, TypeError):
            problems.append(Problem(None, f"{path.name} is geen leesbaar checkpoint"))
            continue
        try:
            key.verify(signature, _canonical(payload))
        except InvalidSignature:
            problems.append(
                Problem(None, f"{path.name}: de handtekening klopt niet (checkpoint gewijzigd)")
            )
            continue
        for head in heads:
            chain, seq, digest = head["chain"], head["seq"], head["hash"]
            name = label(chain)
            earlier = highest.get(chain)
            if earlier and earlier[0] > seq:
                problems.append(
                    Problem(
                        chain,
                        f"{name}: {path.name} eindigt bij regel {seq}, eerder dan {earlier[1]} "
                        f"(regel {earlier[0]})",
                    )
                )
            highest[chain] = max(earlier or (0, ""), (seq, path.name))
            if seq == 0:
                continue
            first, signed_root = head.get("from_seq"), head.get("merkle_root")
            if signed_root and _range_root(chain, first, seq) != signed_root:
                problems.append(
                    Problem(
                        chain,
                        f"{name}: regel {first} t/m {seq} kloppen niet met de Merkle-wortel uit "
                        f"{path.name} (gewijzigd na het checkpoint)",
                    )
                )
            stored = (
                AuditEvent.objects.filter(chain=chain, seq=seq)
                .values_list("hash", flat=True)
                .first()
            )
            if stored is None:
                problems.append(
                    Problem(chain, f"{name}: regel {seq} uit {path.name} ontbreekt (verwijderd)")
                )
            elif stored != digest:
                problems.append(
                    Problem(
                        chain,
                        f"{name}: regel {seq} heeft niet meer de hash uit {path.name} "
                        "(keten na het checkpoint herschreven)",
                    )
                )
    return len(files), problems


PROOF_FORMAT = "raadsloket-audit-proof/1"


def _signed(path: Path, key: Ed25519PublicKey) -> dict:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        payload = document["checkpoint"]
        key.verify(base64.b64decode(document["signature"], validate=True), _canonical(payload))
    except FileNotFoundError:
        raise CheckpointError(f"Het checkpoint {path.name} ontbreekt in {path.parent}.") from None
    except (OSError, ValueError, KeyError, TypeError):
        raise CheckpointError(f"{path.name} is geen leesbaar checkpoint.") from None
    except InvalidSignature:
        raise CheckpointError(f"{path.name}: de handtekening klopt niet.") from None
    return payload


def prove(event_id: int, directory: Path) -> dict:
    """An inclusion proof of one event in the first signed checkpoint that covers it."""
    event = AuditEvent.objects.filter(pk=event_id).first()
    if event is None:
        raise CheckpointError(f"Auditregel {event_id} bestaat niet.")
    key = _public_key(directory, None)
    for path in sorted(directory.glob(PATTERN)):
        payload = _signed(path, key)
        for head in payload["heads"]:
            covered = head.get("merkle_root") and head["from_seq"] <= event.seq <= head["seq"]
            if head["chain"] == event.chain and covered:
                hashes = list(_hashes(event.chain, head["from_seq"], head["seq"]))
                index = event.seq - head["from_seq"]
                return {
                    "format": PROOF_FORMAT,
                    "checkpoint": path.name,
                    "event": event.pk,
                    "chain": event.chain,
                    "seq": event.seq,
                    "event_hash": event.hash,
                    "index": index,
                    "size": len(hashes),
                    "path": [h.hex() for h in merkle.path(index, hashes)],
                }
    raise CheckpointError(
        f"Auditregel {event_id} ({label(event.chain)}, regel {event.seq}) valt nog in geen "
        "checkpoint met een Merkle-wortel; maak eerst een checkpoint (`raadsloket audit-checkpoint`)."
    )


def check_proof(proof: dict, directory: Path, public_key: Path | None = None) -> list[str]:
    """Problems with an inclusion proof, in Dutch (empty: the event is in the signed tree)."""
    try:
        if proof["format"] != PROOF_FORMAT:
            return ["dit is geen bewijs van raadsloket"]
        chain_id, seq, index, size = proof["chain"], proof["seq"], proof["index"], proof["size"]
        event_hash, audit_path = proof["event_hash"], [bytes.fromhex(h) for h in proof["path"]]
        name = Path(proof["checkpoint"]).name
    except (KeyError, TypeError, ValueError):
        return ["het bewijs is onvolledig of onleesbaar"]
    payload = _signed(directory / name, _public_key(directory, public_key))
    head = next((h for h in payload["heads"] if h["chain"] == chain_id), None)
    if head is None or not head.get("merkle_root"):
        return [f"{name} ondertekent geen Merkle-wortel voor de {label(chain_id)}"]
    problems = []
    if seq - head["from_seq"] != index or head["seq"] - head["from_seq"] + 1 != size:
        problems.append(f"regel {seq} valt niet op plaats {index} van {name}")
    if not merkle.included(event_hash, index, size, audit_path, bytes.fromhex(head["merkle_root"])):
        problems.append(f"het pad leidt niet naar de ondertekende Merkle-wortel van {name}")
    event = AuditEvent.objects.filter(chain=chain_id, seq=seq).first()
    if event is None:
        problems.append(f"regel {seq} van de {label(chain_id)} ontbreekt in de database")
    elif event.hash != event_hash or _event_digest(event) != event_hash:
        problems.append(
            f"regel {seq} van de {label(chain_id)} is in de database niet meer de bewezen regel"
        )
    return problems

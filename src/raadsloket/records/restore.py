# SPDX-License-Identifier: EUPL-1.2
"""Bring a backup back: check it, then load it all or nothing, then the files, then the chain.

BIO 12.3.1: a backup is only worth what its restore proves. Order of work:
1. the whole backup is verified against its manifest; any difference: stop, nothing changed;
2. the database must have the backup's migrations, and be empty unless `replace` is given;
3. the files are copied to a folder beside MEDIA_ROOT and checked again on the way;
4. one transaction empties every table, loads the dump and sets the id counters back;
5. the new files folder takes MEDIA_ROOT's place (an old non-empty one is kept beside it);
6. the audit chain is verified, and the restore itself is recorded in it.
"""

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management.color import no_style
from django.core.serializers.base import DeserializationError
from django.db import DatabaseError, connection, transaction
from django.utils import timezone

from raadsloket.audit import chain
from raadsloket.audit.maintenance import allow_rewrite
from raadsloket.audit.models import NATIONAL, AuditEvent, AuditHead
from raadsloket.records import sequences
from raadsloket.records.backup import (
    CHUNK,
    DUMP,
    FILES,
    BackupError,
    applied_migrations,
    manifest_digest,
    verify_backup,
)
from raadsloket.records.dump import dumped_models, load

# Made by `migrate` itself (the audit head at 0 included); an empty database has them.
SCHEMA_MODELS = ("contenttypes.contenttype", "auth.permission", "audit.audithead")


@dataclass(frozen=True)
class Restored:
    manifest: dict
    rows: int
    files: int
    chain_findings: list[str]
    chain_events: int
    old_files_kept_at: Path | None


def rows_present() -> dict[str, int]:
    """Tables that hold data (apart from what `migrate` makes)."""
    present = {}
    for model in dumped_models():
        label = model._meta.label_lower
        if label not in SCHEMA_MODELS and model._base_manager.exists():
            present[label] = model._base_manager.count()
    return present


def _check_schema(manifest: dict) -> None:
    ours = applied_migrations()
    theirs = {app: sorted(names) for app, names in manifest["migrations"].items()}
    if ours == theirs:
        return
    missing = sorted(
        f"{app}.{name}"
        for app, names in theirs.items()
        for name in names
        if name not in ours.get(app, [])
    )
    extra = sorted(
        f"{app}.{name}"
        for app, names in ours.items()
        for name in names
        if name not in theirs.get(app, [])
    )
    lines = []
    if missing:
        lines.append("ontbreken in deze database: " + ", ".join(missing[:10]))
    if extra:
        lines.append("zijn in deze database nieuwer dan de back-up: " + ", ".join(extra[:10]))
    raise BackupError(
        "Herstel geweigerd: het databaseschema verschilt van dat van de back-up "
        f"(raadsloket {manifest.get('app_version', 'onbekend')}). Migraties die\n  "
        + "\n  ".join(lines)
        + "\nHerstel met dezelfde versie van raadsloket en migreer daarna. Er is niets gewijzigd."
    )


def _stage_files(directory: Path, manifest: dict, staging: Path) -> int:
    """Copy the backup's files beside MEDIA_ROOT, checking each hash while copying."""
    copied = 0
    staging.mkdir(parents=True)
    prefix = f"{FILES}/"
    for entry in manifest["files"]:
        name = entry["path"]
        if not name.startswith(prefix):
            continue
        source = directory / name
        target = staging / name[len(prefix) :]
        target.parent.mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256()
        with source.open("rb") as reader, target.open("wb") as writer:
            while chunk := reader.read(CHUNK):
                digest.update(chunk)
                writer.write(chunk)
        if digest.hexdigest() != entry["sha256"]:
            raise BackupError(
                f"Herstel geweigerd: {name} veranderde tijdens het herstel. Er is niets gewijzigd."
            )
        shutil.copystat(source, target)
        copied += 1
    return copied


def _load(directory: Path, manifest: dict) -> None:
    """Empty every table and load the dump, in one transaction."""
    with transaction.atomic():
        # The documented way past the append-only trigger (audit/maintenance.py): emptying the
        # audit events is part of replacing the whole database with the backup's.
        allow_rewrite()
        if connection.vendor == "postgresql":
            # TRUNCATE refuses while deferred foreign-key checks are pending in an enclosing
            # transaction; run them now (in a fresh transaction there are none).
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        connection.ops.execute_sql_flush(
            connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
        )
        if connection.vendor == "postgresql":
            # Back to checking at commit, so rows may load in any order.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        load(directory / DUMP)
        sequences.restore(manifest["sequences"])
    # Content types keep their ids from the backup; forget those cached before the load.
    ContentType.objects.clear_cache()
    # The shared cache (settings.CACHES) holds copies of what was there before: session roles,
    # stored reflection reports and their versions. None of it describes the restored data.
    cache.clear()


def _swap_media(staging: Path, media: Path) -> Path | None:
    kept = None
    if media.exists() and any(media.iterdir()):
        kept = media.with_name(f"{media.name}.voor-herstel-{timezone.now():%Y%m%d-%H%M%S}")
        media.rename(kept)
    elif media.exists():
        media.rmdir()
    staging.rename(media)
    return kept


def _heads_match(expected: dict) -> list[str]:
    """Each chain ends where the backup said; a backup from before the split names one chain."""
    wanted = expected.get("heads") or {
        str(NATIONAL): [expected.get("head_seq"), expected.get("head_hash")]
    }
    found = []
    for chain_id, seq, digest in AuditHead.objects.order_by("chain").values_list(
        "chain", "seq", "hash"
    ):
        backed_up = wanted.get(str(chain_id))
        if backed_up is None:
            backed_up = [0, chain.GENESIS]  # a head with no events, made on first use
        if [seq, digest] != list(backed_up):
            found.append(
                f"de {chain.label(chain_id)} eindigt bij regel {seq}, de back-up eindigde bij "
                f"regel {backed_up[0]}"
            )
    return found


def restore_backup(directory: Path, *, replace: bool = False) -> Restored:
    verification = verify_backup(directory)
    if not verification.ok:
        raise BackupError(
            "Herstel geweigerd: de back-up is niet in orde. Er is niets gewijzigd.\n  "
            + "\n  ".join(verification.findings)
        )
    manifest = verification.manifest
    _check_schema(manifest)
    if not replace:
        present = rows_present()
        if present:
            listed = ", ".join(f"{label} ({n})" for label, n in sorted(present.items())[:8])
            raise BackupError(
                "Herstel geweigerd: de database is niet leeg (" + listed + "). Gebruik "
                "--replace om alle huidige gegevens te vervangen. Er is niets gewijzigd."
            )
    media = Path(settings.MEDIA_ROOT)
    staging = media.with_name(f".{media.name}.herstel-{timezone.now():%Y%m%d-%H%M%S%f}")
    try:
        media.parent.mkdir(parents=True, exist_ok=True)
        files = _stage_files(directory, manifest, staging)
        _load(directory, manifest)
    except (DeserializationError, DatabaseError) as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(
            f"Herstel mislukt bij het laden van de database; die is ongewijzigd: {error}"
        ) from None
    except OSError as error:
        shutil.rmtree(staging, ignore_errors=True)
        raise BackupError(
            f"Herstel mislukt bij het klaarzetten van de bestanden; er is niets gewijzigd: "
            f"{error.strerror or error}"
        ) from None
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    try:
        kept = _swap_media(staging, media)
    except OSError as error:
        raise BackupError(
            f"De database is hersteld, maar de bestanden konden niet op hun plaats worden gezet "
            f"({error.strerror or error}). Ze staan klaar in {staging}; zet ze zelf in "
            f"{media}."
        ) from None
    findings = [f"{finding.message} ({chain.label(finding.chain)})" for finding in chain.verify()]
    findings += _heads_match(manifest["audit"])
    events = AuditEvent.objects.count()
    # The restore itself goes on the chain, after the check of what was loaded.
    chain.record(
        "records.restored",
        detail={
            "backup_created_at": manifest.get("created_at"),
            "manifest_sha256": manifest_digest(directory),
            "app_version": manifest.get("app_version"),
            "chain_intact": not findings,
        },
    )
    rows = sum(manifest["counts"].values())
    return Restored(manifest, rows, files, findings, events, kept)

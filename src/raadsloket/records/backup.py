# SPDX-License-Identifier: EUPL-1.2
"""A backup that can be checked: database dump, uploaded files and a SHA-256 manifest.

BIO 12.3.1 (back-up van informatie): backups are made, and tested. The layout of a backup:

    manifest.json     format, app version, time, database engine, migrations, id counters,
                      rows per model, the audit chain's end, and size + SHA-256 of every file
    database.jsonl    every row of every app in Django's JSON Lines serialisation (dump.py),
                      without natural keys: it loads into SQLite or PostgreSQL alike, streaming
    files/...         MEDIA_ROOT, as it was

The dump is taken inside one transaction, so it is one consistent moment (PostgreSQL: REPEATABLE
READ, READ ONLY; SQLite: one transaction, which holds back writers for the length of the dump).
The files are copied after it: a file uploaded meanwhile is an unused extra, and a file removed
meanwhile (a destruction) makes the check below fail instead of giving a backup with a hole.
"""

import hashlib
import json
import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path, PurePosixPath
from typing import Any

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

from raadsloket.audit.models import NATIONAL, AuditEvent, AuditHead
from raadsloket.records import sequences
from raadsloket.records.dump import dump, dumped_models

FORMAT = "raadsloket-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DUMP = "database.jsonl"
FILES = "files"
CHUNK = 1024 * 1024


class BackupError(Exception):
    """The backup could not be made or is not in order; the message is Dutch."""


def app_version() -> str:
    try:
        return metadata.version("raadsloket")
    except metadata.PackageNotFoundError:
        return "onbekend"


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in sorted(MigrationRecorder(connection).applied_migrations()):
        applied.setdefault(app_label, []).append(name)
    return applied


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as stream:
        while chunk := stream.read(CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _entry(root: Path, path: Path) -> dict[str, Any]:
    return {
        "path": path.relative_to(root).as_posix(),
        "size": path.stat().st_size,
        "sha256": sha256_of(path),
    }


def _snapshot(target: Path) -> dict[str, Any]:
    """Dump the database and read its counts inside one transaction."""
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:
            with connection.cursor() as cursor:
                # The first statement of the transaction: every read sees one moment.
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        dump(target / DUMP)
        heads = {str(chain): [seq, digest] for chain, seq, digest in _heads()}
        national = heads.get(str(NATIONAL), [0, ""])
        return {
            "migrations": applied_migrations(),
            "sequences": sequences.read(),
            "counts": {
                model._meta.label_lower: model._base_manager.count() for model in dumped_models()
            },
            "audit": {
                "events": AuditEvent.objects.count(),
                # The national chain's end, as before the chains were split; then every chain's.
                "head_seq": national[0],
                "head_hash": national[1],
                "heads": heads,
            },
        }


def _heads() -> list[tuple[int, int, str]]:
    """(chain, seq, hash) of every audit chain's head."""
    return list(AuditHead.objects.order_by("chain").values_list("chain", "seq", "hash"))


def _copy_media(source: Path, target: Path) -> int:
    copied = 0
    if not source.is_dir():
        return copied
    for folder, _, names in os.walk(source):
        for name in sorted(names):
            path = Path(folder) / name
            # Regular files only: a symlink in MEDIA_ROOT is not ours to follow.
            if path.is_symlink() or not path.is_file():
                continue
            destination = target / path.relative_to(source)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, destination)
            copied += 1
    return copied


def make_backup(target: Path) -> dict[str, Any]:
    """Write a backup to `target` (new or empty) and check it; returns the manifest.

    It is written under a temporary name and renamed at the end: a half-written backup never
    carries the name of a backup.
    """
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise BackupError(f"{target} bestaat al en is niet leeg; kies een nieuwe map.")
    partial = target.with_name(f".{target.name}.onvolledig")
    try:
        if partial.exists():
            shutil.rmtree(partial)
        partial.mkdir(parents=True)
        # BIO 12.3.1 / AVG art. 32: the backup holds personal data; only the owner may read it.
        partial.chmod(0o700)
        snapshot = _snapshot(partial)
        _copy_media(Path(settings.MEDIA_ROOT), partial / FILES)
        entries = [
            _entry(partial, path) for path in sorted(p for p in partial.rglob("*") if p.is_file())
        ]
        manifest = {
            "format": FORMAT,
            "format_version": FORMAT_VERSION,
            "app_version": app_version(),
            "created_at": timezone.now().isoformat(),
            "database": {"engine": connection.settings_dict["ENGINE"], "vendor": connection.vendor},
            **snapshot,
            "files": entries,
        }
        (partial / MANIFEST).write_text(
            json.dumps(manifest, indent=2, ensure_ascii=False), encoding="utf-8"
        )
        findings = verify_backup(partial).findings
        if findings:
            raise BackupError(
                "De back-up klopt niet na het schrijven (probeer het opnieuw):\n  "
                + "\n  ".join(findings)
            )
        if target.exists():
            target.rmdir()
        partial.rename(target)
        return manifest
    except OSError as error:
        shutil.rmtree(partial, ignore_errors=True)
        raise BackupError(
            f"De back-up kon niet worden geschreven naar {target}: {error.strerror or error}"
        ) from None
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise


def manifest_digest(directory: Path) -> str:
    """SHA-256 of manifest.json: note it elsewhere to recognise this backup later."""
    return sha256_of(directory / MANIFEST)


@dataclass
class Verification:
    manifest: dict[str, Any] | None = None
    findings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.manifest is not None and not self.findings


def _safe_path(directory: Path, name: Any) -> Path | None:
    """The file a manifest entry names, or None when the name leaves the backup."""
    if not isinstance(name, str) or not name or "\\" in name:
        return None
    pure = PurePosixPath(name)
    if pure.is_absolute() or ".." in pure.parts or pure.parts[0] not in (DUMP, FILES):
        return None
    return directory.joinpath(*pure.parts)


def _read_manifest(directory: Path, result: Verification) -> None:
    path = directory / MANIFEST
    if not directory.is_dir():
        result.findings.append(f"de map {directory} bestaat niet")
        return
    if not path.is_file():
        result.findings.append(f"{MANIFEST} ontbreekt")
        return
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        result.findings.append(f"{MANIFEST} is geen geldige JSON ({error})")
        return
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        result.findings.append(f"{MANIFEST} is geen manifest van een raadsloket-back-up")
        return
    if manifest.get("format_version") != FORMAT_VERSION:
        result.findings.append(
            f"onbekende versie van het back-upformaat: {manifest.get('format_version')!r} "
            f"(deze raadsloket leest versie {FORMAT_VERSION})"
        )
        return
    shapes = {"files": list, "counts": dict, "migrations": dict, "sequences": dict, "audit": dict}
    for key, shape in shapes.items():
        if not isinstance(manifest.get(key), shape):
            result.findings.append(f"{MANIFEST} mist het onderdeel '{key}'")
    if not result.findings:
        result.manifest = manifest


def _check_files(directory: Path, manifest: dict[str, Any], findings: list[str]) -> set[str]:
    listed: set[str] = set()
    for entry in manifest["files"]:
        name = entry.get("path") if isinstance(entry, dict) else None
        path = _safe_path(directory, name)
        if path is None:
            findings.append(f"ongeldige bestandsnaam in het manifest: {name!r}")
            continue
        listed.add(name)
        if path.is_symlink():
            findings.append(f"{name} is een koppeling (symlink), geen bestand")
        elif not path.is_file():
            findings.append(f"{name} ontbreekt")
        elif path.stat().st_size != entry.get("size"):
            findings.append(
                f"{name} heeft een andere grootte ({path.stat().st_size} bytes, "
                f"manifest: {entry.get('size')})"
            )
        elif sha256_of(path) != entry.get("sha256"):
            findings.append(f"{name} is gewijzigd (SHA-256 klopt niet)")
    for path in sorted(directory.rglob("*")):
        name = path.relative_to(directory).as_posix()
        if (path.is_file() or path.is_symlink()) and name != MANIFEST and name not in listed:
            findings.append(f"{name} staat niet in het manifest")
    if DUMP not in listed:
        findings.append(f"{DUMP} staat niet in het manifest")
    return listed


def _file_fields() -> dict[str, list[str]]:
    return {
        model._meta.label_lower: [
            f.name for f in model._meta.concrete_fields if isinstance(f, models.FileField)
        ]
        for model in apps.get_models()
    }


def _check_dump(
    directory: Path, manifest: dict[str, Any], listed: set[str], findings: list[str]
) -> None:
    """Rows per model as the manifest says, and every referenced upload present."""
    counts: Counter[str] = Counter()
    file_fields = _file_fields()
    with (directory / DUMP).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
                label = row["model"]
                values = row["fields"]
            except (json.JSONDecodeError, KeyError, TypeError):
                findings.append(f"{DUMP} regel {number} is onleesbaar")
                return
            counts[label] += 1
            for name in file_fields.get(label, ()):
                stored = values.get(name)
                if stored and f"{FILES}/{stored}" not in listed:
                    findings.append(
                        f"bestand {stored} ({label} {row.get('pk')}) ontbreekt in de back-up"
                    )
    expected = {label: n for label, n in manifest["counts"].items() if n}
    if dict(counts) != expected:
        findings.extend(
            f"{DUMP} bevat {counts.get(label, 0)} rijen {label}, het manifest noemt "
            f"{expected.get(label, 0)}"
            for label in sorted(set(counts) | set(expected))
            if counts.get(label, 0) != expected.get(label, 0)
        )


def verify_backup(directory: Path) -> Verification:
    """Re-read every file of the backup against the manifest; list every difference in Dutch."""
    result = Verification()
    _read_manifest(directory, result)
    if result.manifest is None:
        return result
    listed = _check_files(directory, result.manifest, result.findings)
    if not result.findings:
        _check_dump(directory, result.manifest, listed, result.findings)
    return result

# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket backup` and `raadsloket restore`: a populated instance comes back exactly."""

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection

from raadsloket.audit.chain import verify
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.models import Case, CaseFile
from raadsloket.demo.lifecycle import new_case
from raadsloket.notify.models import Notification
from tests.records.records_world import BINARY, media, snapshot

CONSOLE_SCRIPT = Path(sys.executable).parent / "raadsloket"


def run(*args: str) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def refused(*args: str) -> str:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command(*args, stdout=io.StringIO(), stderr=err)
    return f"{caught.value}\n{err.getvalue()}"


@pytest.fixture
def backup(populated, tmp_path) -> Path:
    target = tmp_path / "backup"
    run("backup", "--to", str(target))
    return target


def wipe() -> None:
    """The disaster: the database emptied (as after a fresh migrate) and the files gone."""
    postgres = connection.vendor == "postgresql"
    if postgres:
        # The test's own transaction holds deferred checks; TRUNCATE needs them done. The
        # disaster is no path of the app, so it passes the append-only trigger for this
        # statement only (audit/maintenance.py).
        connection.cursor().execute("SET CONSTRAINTS ALL IMMEDIATE")
        connection.cursor().execute("SET LOCAL raadsloket.audit_maintenance = 'on'")
    call_command("flush", interactive=False, verbosity=0)
    if postgres:
        connection.cursor().execute("SET LOCAL raadsloket.audit_maintenance = 'off'")
    shutil.rmtree(settings.MEDIA_ROOT)


def test_round_trip_restores_every_row_and_every_byte(populated, world, tmp_path):
    # A case deleted before the backup: its id must stay used after the restore.
    gone = new_case(world, "raadslid6")
    Case.objects.filter(pk=gone.pk).delete()
    before, files_before = snapshot(), media(Path(settings.MEDIA_ROOT))
    assert CaseFile.objects.count() == 2 and Notification.objects.exists()
    assert len(files_before) == 2 and BINARY in files_before.values()
    events_before = AuditEvent.objects.count()

    target = tmp_path / "backup"
    out = run("backup", "--to", str(target))
    assert "Back-up geschreven naar" in out and "de checksums kloppen" in out
    manifest = json.loads((target / "manifest.json").read_text())
    assert manifest["counts"]["cases.case"] == Case.objects.count()
    assert manifest["database"]["engine"] == settings.DATABASES["default"]["ENGINE"]
    assert {e["path"] for e in manifest["files"]} == {"database.jsonl"} | {
        f"files/{name}" for name in files_before
    }
    assert "Back-up" in run("backup", "--verify", str(target))
    assert target.stat().st_mode & 0o077 == 0

    wipe()
    assert Case.objects.count() == 0 and not Path(settings.MEDIA_ROOT).exists()
    out = run("restore", str(target))
    assert "teruggezet" in out and f"Auditketen intact: {events_before} regels" in out

    after = snapshot()
    # The restore is itself the one new line of the audit chain.
    restored_event = after["audit.AuditEvent"].pop()
    assert restored_event["action"] == "records.restored"
    assert restored_event["detail"]["chain_intact"] is True
    # It moves only the head of its own chain (the national one: a restore has no municipality).
    heads_before = {head["chain"]: head["seq"] for head in before.pop("audit.AuditHead")}
    heads_after = {head["chain"]: head["seq"] for head in after.pop("audit.AuditHead")}
    moved = restored_event["chain"]
    assert heads_after.pop(moved) == heads_before.pop(moved, 0) + 1
    assert heads_after == heads_before
    assert set(after) == set(before)
    for label, rows in before.items():
        assert after[label] == rows, label
    assert media(Path(settings.MEDIA_ROOT)) == files_before
    assert verify() == []
    # Ids are not handed out twice, not even that of the case deleted before the backup.
    assert new_case(world, "raadslid6").pk > gone.pk


def test_a_changed_byte_in_an_upload_is_refused_and_nothing_changes(backup):
    uploaded = next((backup / "files").rglob("*"))
    while uploaded.is_dir():
        uploaded = next(uploaded.iterdir())
    data = bytearray(uploaded.read_bytes())
    data[100] ^= 1
    uploaded.write_bytes(bytes(data))
    before, files_before = snapshot(), media(Path(settings.MEDIA_ROOT))

    message = refused("backup", "--verify", str(backup))
    assert "NIET in orde" in message and "is gewijzigd (SHA-256 klopt niet)" in message
    message = refused("restore", "--replace", str(backup))
    assert "Herstel geweigerd" in message and "Er is niets gewijzigd" in message
    assert uploaded.relative_to(backup).as_posix() in message
    assert snapshot() == before and media(Path(settings.MEDIA_ROOT)) == files_before


def test_a_changed_database_dump_is_refused_even_into_an_empty_database(backup):
    dump = backup / "database.jsonl"
    dump.write_text(dump.read_text().replace("Parkeerbeleid", "Parkeerbeleit"))
    wipe()
    message = refused("restore", str(backup))
    assert "database.jsonl is gewijzigd" in message
    assert Case.objects.count() == 0


def test_a_missing_file_is_refused(backup):
    missing = next(p for p in (backup / "files").rglob("*") if p.is_file())
    missing.unlink()
    wipe()
    message = refused("restore", str(backup))
    assert f"{missing.relative_to(backup).as_posix()} ontbreekt" in message
    assert Case.objects.count() == 0 and not Path(settings.MEDIA_ROOT).exists()


def test_a_missing_manifest_or_an_unlisted_file_is_refused(backup, tmp_path):
    (backup / "files" / "extra.txt").write_text("ingevoegd")
    assert "files/extra.txt staat niet in het manifest" in refused(
        "backup", "--verify", str(backup)
    )
    (backup / "manifest.json").unlink()
    assert "manifest.json ontbreekt" in refused("restore", "--replace", str(backup))
    assert "bestaat niet" in refused("backup", "--verify", str(tmp_path / "nergens"))


def test_a_manifest_naming_a_path_outside_the_backup_is_refused(backup):
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["files"].append({"path": "files/../../etc/passwd", "size": 1, "sha256": "0" * 64})
    (backup / "manifest.json").write_text(json.dumps(manifest))
    assert "ongeldige bestandsnaam" in refused("restore", "--replace", str(backup))


def test_counts_in_the_manifest_must_match_the_dump(backup):
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["counts"]["cases.case"] += 1
    (backup / "manifest.json").write_text(json.dumps(manifest))
    assert "het manifest noemt" in refused("backup", "--verify", str(backup))


def test_restore_needs_an_empty_database_or_replace(backup, world):
    extra = new_case(world, "raadslid2", title="Na de back-up")
    message = refused("restore", str(backup))
    assert "de database is niet leeg" in message and "--replace" in message
    assert Case.objects.filter(pk=extra.pk).exists()

    (Path(settings.MEDIA_ROOT) / "los.txt").write_text("na de back-up")
    out = run("restore", "--replace", str(backup))
    assert "Auditketen intact" in out and "van vóór het herstel staan in" in out
    assert not Case.objects.filter(pk=extra.pk).exists()
    assert not (Path(settings.MEDIA_ROOT) / "los.txt").exists()
    kept = next(Path(settings.MEDIA_ROOT).parent.glob("files.voor-herstel-*"))
    assert (kept / "los.txt").read_text() == "na de back-up"


def test_a_backup_of_another_schema_is_refused(backup):
    manifest = json.loads((backup / "manifest.json").read_text())
    manifest["migrations"]["cases"].append("9999_uit_de_toekomst")
    (backup / "manifest.json").write_text(json.dumps(manifest))
    message = refused("restore", "--replace", str(backup))
    assert "databaseschema verschilt" in message and "cases.9999_uit_de_toekomst" in message


def test_a_broken_chain_is_restored_but_reported(backup):
    dump = backup / "database.jsonl"
    lines = dump.read_text().splitlines()
    index = next(i for i, line in enumerate(lines) if '"model": "audit.auditevent"' in line)
    row = json.loads(lines[index])
    row["fields"]["action"] = "case.vervalst"
    lines[index] = json.dumps(row)
    dump.write_text("\n".join(lines) + "\n")
    # Rewrite the manifest's checksum, as an attacker with access to the backup could.
    manifest = json.loads((backup / "manifest.json").read_text())
    from raadsloket.records.backup import sha256_of

    entry = next(e for e in manifest["files"] if e["path"] == "database.jsonl")
    entry.update(size=dump.stat().st_size, sha256=sha256_of(dump))
    (backup / "manifest.json").write_text(json.dumps(manifest))
    message = refused("restore", "--replace", str(backup))
    assert "de auditketen is NIET intact" in message and "is gewijzigd (hash klopt niet)" in message


def test_backup_refuses_a_target_that_is_not_empty(populated, tmp_path):
    (tmp_path / "bezet").mkdir()
    (tmp_path / "bezet" / "iets.txt").write_text("x")
    assert "is niet leeg" in refused("backup", "--to", str(tmp_path / "bezet"))


def test_console_verify_of_a_tampered_backup_exits_1_without_traceback(backup, tmp_path):
    (backup / "database.jsonl").write_text("{}\n")
    # --verify needs no database; the subprocess gets its own var/ so nothing real is touched.
    env = {**os.environ, "RAADSLOKET_VAR": str(tmp_path / "var")}
    result = subprocess.run(
        [str(CONSOLE_SCRIPT), "backup", "--verify", str(backup)],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
    )
    assert result.returncode == 1
    assert "database.jsonl" in result.stderr and "NIET in orde" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout

# SPDX-License-Identifier: EUPL-1.2
"""Signed checkpoints (SECURITY.md, the audit log): a chain recomputed after a checkpoint
passes `audit-verify` but not `audit-verify --checkpoints`; a changed checkpoint or another key
is refused."""

import json

import pytest
from django.core.management import CommandError, call_command

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent, AuditHead
from raadsloket.organisation.models import Municipality
from tests.support.tamper import past_the_trigger, sql


@pytest.fixture
def signed(db, settings, tmp_path, capsys):
    """A municipality's chain of five events, a key, and one checkpoint of it."""
    settings.AUDIT_SIGNING_KEY = tmp_path / "sleutel" / "audit.pem"
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    town = Municipality.objects.create(name="Gemeente Aa", slug="aa", inhabitants=1000)
    for n in range(5):
        chain.record("case.read", actor="griffier", municipality_id=town.pk, detail={"n": n})
    call_command("audit_keygen")
    call_command("audit_checkpoint")
    capsys.readouterr()
    return town, settings.AUDIT_CHECKPOINT_DIR


def failure(directory, capsys, *extra) -> str:
    with pytest.raises(CommandError, match="NIET intact"):
        call_command("audit_verify", "--checkpoints", str(directory), *extra)
    return capsys.readouterr().err


def recompute(chain_id: int) -> None:
    """Rewrite one event and re-seal the whole chain and its head, as a careful forger with
    write access to the table would."""
    previous = chain.GENESIS
    with past_the_trigger():
        for event in AuditEvent.objects.filter(chain=chain_id).order_by("seq"):
            if event.seq == 2:
                event.actor_ref = "iemand-anders"
            event.prev_hash = previous
            event.hash = chain._event_digest(event)
            AuditEvent.objects.filter(pk=event.pk).update(
                actor_ref=event.actor_ref, prev_hash=event.prev_hash, hash=event.hash
            )
            previous = event.hash
        AuditHead.objects.filter(chain=chain_id).update(hash=previous)


def test_the_key_is_private_and_never_overwritten(signed, settings):
    key = settings.AUDIT_SIGNING_KEY
    assert key.stat().st_mode & 0o077 == 0
    with pytest.raises(CommandError, match="wordt niet overschreven"):
        call_command("audit_keygen")


def test_a_checkpoint_signs_every_chain_head(signed, capsys):
    town, directory = signed
    files = sorted(directory.glob("checkpoint-*.json"))
    assert len(files) == 1 and (directory / "public-key.pem").exists()
    heads = json.loads(files[0].read_text())["checkpoint"]["heads"]
    mine = next(h for h in heads if h["chain"] == town.pk)
    assert (mine["municipality"], mine["seq"]) == ("aa", 5)
    assert mine["hash"] == AuditHead.objects.get(chain=town.pk).hash
    call_command("audit_verify", "--checkpoints", str(directory))
    assert "1 ondertekend checkpoint gecontroleerd" in capsys.readouterr().out


def test_a_chain_recomputed_after_a_checkpoint_is_caught(signed, capsys):
    town, directory = signed
    recompute(town.pk)
    # The chain on its own is consistent again: plain audit-verify cannot see the rewrite ...
    assert chain.verify() == []
    call_command("audit_verify")
    # ... the signed checkpoint can.
    err = failure(directory, capsys)
    assert "keten Gemeente Aa (aa): regel 5 heeft niet meer de hash uit checkpoint-" in err


def test_rows_removed_after_a_checkpoint_are_caught(signed, capsys):
    town, directory = signed
    sql("DELETE FROM {table} WHERE chain = %s AND seq > 3", [town.pk])
    AuditHead.objects.filter(chain=town.pk).update(
        seq=3, hash=AuditEvent.objects.get(chain=town.pk, seq=3).hash
    )
    assert chain.verify() == []
    assert "regel 5 uit checkpoint-" in failure(directory, capsys)


def test_a_changed_checkpoint_is_refused(signed, capsys):
    town, directory = signed
    (path,) = directory.glob("checkpoint-*.json")
    document = json.loads(path.read_text())
    for head in document["checkpoint"]["heads"]:
        if head["chain"] == town.pk:
            head["seq"] = 4  # pretend the chain ended earlier
    path.write_text(json.dumps(document))
    assert "de handtekening klopt niet" in failure(directory, capsys)


def test_a_checkpoint_signed_with_another_key_is_refused(signed, settings, tmp_path, capsys):
    _, directory = signed
    settings.AUDIT_SIGNING_KEY = tmp_path / "andere.pem"
    call_command("audit_keygen")
    # The other key may not write into a directory that belongs to the first one ...
    with pytest.raises(CommandError, match="hoort bij een andere sleutel"):
        call_command("audit_checkpoint")
    # ... and its checkpoints do not verify against the public key held elsewhere.
    other = tmp_path / "elders"
    call_command("audit_checkpoint", "--dir", str(other))
    capsys.readouterr()
    err = failure(other, capsys, "--public-key", str(directory / "public-key.pem"))
    assert "de handtekening klopt niet" in err


def test_without_a_key_the_checkpoint_says_what_to_do(db, settings, tmp_path):
    settings.AUDIT_SIGNING_KEY = tmp_path / "geen.pem"
    with pytest.raises(CommandError, match="raadsloket audit-keygen"):
        call_command("audit_checkpoint", "--dir", str(tmp_path / "cp"))
    assert not (tmp_path / "cp").exists()

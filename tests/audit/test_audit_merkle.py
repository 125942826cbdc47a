# SPDX-License-Identifier: EUPL-1.2
"""The Merkle trees under signed checkpoints (audit/merkle.py; SECURITY.md, the audit log):
roots as Certificate Transparency computes them (RFC 6962 section 2.1), inclusion paths that
verify as RFC 9162 section 2.1.3.2 checks them, and a proof that fails as soon as the event,
its place or its path is not the one signed."""

import hashlib
import json

import pytest
from django.core.management import CommandError, call_command
from hypothesis import given
from hypothesis import strategies as st

from raadsloket.audit import chain, merkle
from raadsloket.audit.models import AuditEvent
from raadsloket.organisation.models import Municipality
from tests.support.tamper import sql

# The leaves and roots of the Certificate Transparency reference tests (certificate-transparency
# and Trillian, merkle tree test vectors): the leaf input is the raw bytes, here the event hash
# in hex.
CT_LEAVES = [
    "",
    "00",
    "10",
    "2021",
    "3031",
    "40414243",
    "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
]
CT_ROOTS = [
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]


def sha(data: bytes) -> bytes:
    return hashlib.sha256(data).digest()


def event_hashes(n: int) -> list[str]:
    """n distinct event hashes, as the chain stores them (SHA-256 in hex)."""
    return [hashlib.sha256(f"gebeurtenis {i}".encode()).hexdigest() for i in range(n)]


def reference_root(hashes: list[str]) -> bytes:
    """RFC 6962 MTH(D[n]) written out recursively, independent of the streamed version."""
    if len(hashes) == 1:
        return sha(b"\x00" + bytes.fromhex(hashes[0]))
    k = 1
    while k * 2 < len(hashes):
        k *= 2
    return sha(b"\x01" + reference_root(hashes[:k]) + reference_root(hashes[k:]))


def test_the_roots_of_small_trees_by_hand():
    a, b, c = event_hashes(3)
    la, lb, lc = (sha(b"\x00" + bytes.fromhex(h)) for h in (a, b, c))
    # One event: the root is its leaf, with the 0x00 prefix that keeps leaves apart from nodes.
    assert merkle.root([a]) == la
    assert merkle.root([a, b]) == sha(b"\x01" + la + lb)
    # Three events: the left subtree is the largest power of two (2), the third hangs right.
    assert merkle.root([a, b, c]) == sha(b"\x01" + sha(b"\x01" + la + lb) + lc)
    # A leaf is never a node: without the prefixes a two-leaf tree would equal a second preimage.
    assert merkle.root([a, b]) != sha(bytes.fromhex(a) + bytes.fromhex(b))


@pytest.mark.parametrize("size", range(1, len(CT_LEAVES) + 1))
def test_the_roots_match_the_certificate_transparency_vectors(size):
    assert merkle.root(CT_LEAVES[:size]).hex() == CT_ROOTS[size - 1]


def test_the_root_is_streamed_from_any_iterable():
    hashes = event_hashes(11)
    assert merkle.root(iter(hashes)) == merkle.root(hashes) == reference_root(hashes)


def test_an_empty_tree_has_no_root_and_proves_nothing():
    # A chain without new events since the previous checkpoint signs no root (checkpoints.py).
    assert merkle.root([]) is None
    assert merkle.path(0, []) == []
    (only,) = event_hashes(1)
    assert not merkle.included(only, 0, 0, [], merkle.leaf(only))


@pytest.mark.parametrize("size", range(1, 18))
def test_every_event_of_trees_up_to_seventeen_is_proven(size):
    hashes = event_hashes(size)
    top = merkle.root(hashes)
    assert top == reference_root(hashes)
    for index, event_hash in enumerate(hashes):
        audit_path = merkle.path(index, hashes)
        assert merkle.included(event_hash, index, size, audit_path, top)
        # No other place in the tree fits this path, and no other event fits this place.
        for other in range(size):
            if other != index:
                assert not merkle.included(event_hash, other, size, audit_path, top)
                assert not merkle.included(hashes[other], index, size, audit_path, top)


@pytest.mark.parametrize("size", [1, 2, 3, 7, 8, 9, 17])
def test_a_proof_outside_the_tree_or_of_another_size_fails(size):
    hashes = event_hashes(size)
    top = merkle.root(hashes)
    last = size - 1
    audit_path = merkle.path(last, hashes)
    assert not merkle.included(hashes[last], size, size, audit_path, top)
    assert not merkle.included(hashes[last], -1, size, audit_path, top)
    assert not merkle.included(hashes[last], last, size + 1, audit_path, top)
    # A path one step too long or too short does not end at the root.
    assert not merkle.included(hashes[last], last, size, [*audit_path, top], top)
    if audit_path:
        assert not merkle.included(hashes[last], last, size, audit_path[:-1], top)


@given(
    hashes=st.lists(
        st.binary(min_size=32, max_size=32).map(bytes.hex), min_size=1, max_size=70, unique=True
    ),
    data=st.data(),
)
def test_a_changed_event_or_path_never_verifies(hashes, data):
    size = len(hashes)
    top = merkle.root(hashes)
    assert top == reference_root(hashes)
    index = data.draw(st.integers(0, size - 1), label="index")
    audit_path = merkle.path(index, hashes)
    assert merkle.included(hashes[index], index, size, audit_path, top)
    # One changed bit in the event ...
    changed = bytearray(bytes.fromhex(hashes[index]))
    bit = data.draw(st.integers(0, 255), label="bit")
    changed[bit // 8] ^= 1 << (bit % 8)
    assert not merkle.included(changed.hex(), index, size, audit_path, top)
    # ... or in any step of its path breaks the proof.
    if audit_path:
        step = data.draw(st.integers(0, len(audit_path) - 1), label="step")
        broken = bytearray(audit_path[step])
        broken[0] ^= 1
        forged = [*audit_path[:step], bytes(broken), *audit_path[step + 1 :]]
        assert not merkle.included(hashes[index], index, size, forged, top)


# Through the commands: `audit-prove` writes the proof, `audit-verify --proof` checks it.


@pytest.fixture
def proof(db, settings, tmp_path, capsys):
    """A chain of seven events, checkpointed, and the proof of its fifth event as a file."""
    settings.AUDIT_SIGNING_KEY = tmp_path / "sleutel" / "audit.pem"
    settings.AUDIT_CHECKPOINT_DIR = tmp_path / "checkpoints"
    town = Municipality.objects.create(name="Gemeente Aa", slug="aa", inhabitants=1000)
    for n in range(7):
        chain.record("case.read", actor="griffier", municipality_id=town.pk, detail={"n": n})
    call_command("audit_keygen")
    call_command("audit_checkpoint")
    event = AuditEvent.objects.get(chain=town.pk, seq=5)
    capsys.readouterr()
    call_command("audit_prove", str(event.pk))
    document = json.loads(capsys.readouterr().out)
    path = tmp_path / "bewijs.json"
    path.write_text(json.dumps(document))
    return event, document, path


def verify(path, capsys) -> str:
    call_command("audit_verify", "--proof", str(path))
    return capsys.readouterr().out


def refused(path, capsys) -> str:
    with pytest.raises(CommandError, match="Bewijs NIET geldig"):
        call_command("audit_verify", "--proof", str(path))
    return capsys.readouterr().err


def test_a_proof_from_audit_prove_verifies(proof, capsys):
    event, document, path = proof
    assert (document["seq"], document["index"], document["size"]) == (5, 4, 7)
    assert document["event_hash"] == event.hash
    assert len(document["path"]) == 3  # a tree of seven leaves is three levels deep here
    out = verify(path, capsys)
    assert "Bewijs geldig: regel 5 van de keten Gemeente Aa (aa) staat in" in out


def test_a_proof_moved_to_another_place_is_refused(proof, capsys):
    _, document, path = proof
    path.write_text(json.dumps({**document, "index": 3, "seq": 4}))
    err = refused(path, capsys)
    assert "het pad leidt niet naar de ondertekende Merkle-wortel" in err


def test_a_proof_with_a_changed_step_is_refused(proof, capsys):
    _, document, path = proof
    steps = list(document["path"])
    steps[1] = hashlib.sha256(b"iets anders").hexdigest()
    path.write_text(json.dumps({**document, "path": steps}))
    assert "het pad leidt niet naar de ondertekende Merkle-wortel" in refused(path, capsys)


def test_a_proven_event_changed_in_the_database_is_refused(proof, capsys):
    event, _, path = proof
    sql("UPDATE {table} SET actor_ref = %s WHERE id = %s", ["iemand-anders", event.pk])
    err = refused(path, capsys)
    # The path still leads to the signed root; the row in the database is no longer that event.
    assert "het pad leidt niet" not in err
    assert "is in de database niet meer de bewezen regel" in err


def test_an_event_after_the_last_checkpoint_has_no_proof_yet(proof, capsys):
    event, _, _ = proof
    later = chain.record(
        "case.read", actor="griffier", municipality_id=event.chain, detail={"n": 7}
    )
    with pytest.raises(CommandError, match="valt nog in geen checkpoint"):
        call_command("audit_prove", str(later.pk))

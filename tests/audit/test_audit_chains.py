# SPDX-License-Identifier: EUPL-1.2
"""One audit chain per municipality and one national chain (SECURITY.md, the audit log):
municipalities never move each other's chain, and `audit-verify` checks one chain or all and
names the chain and its first broken line."""

import pytest
from django.core.management import CommandError, call_command

from raadsloket.audit import chain
from raadsloket.audit.models import NATIONAL, AuditEvent, AuditHead
from raadsloket.organisation.models import Municipality
from tests.support.tamper import sql


@pytest.fixture
def towns(db):
    a = Municipality.objects.create(name="Gemeente Aa", slug="aa", inhabitants=1000)
    b = Municipality.objects.create(name="Gemeente Bee", slug="bee", inhabitants=2000)
    for n in range(3):
        chain.record("case.read", actor="griffier-aa", municipality_id=a.pk, detail={"n": n})
    chain.record("case.read", actor="griffier-bee", municipality_id=b.pk, detail={"n": 0})
    # The national chain too: a committing test elsewhere may have emptied the audit tables.
    chain.record("security.locked_out", actor="iemand")
    return a, b


def head(chain_id: int) -> tuple[int, str]:
    found = AuditHead.objects.get(chain=chain_id)
    return found.seq, found.hash


def test_an_event_in_one_municipality_does_not_move_another_chain(towns):
    a, b = towns
    before_b, before_national = head(b.pk), head(NATIONAL)
    event = chain.record("case.read", municipality_id=a.pk)
    assert (event.chain, event.seq) == (a.pk, 4)
    assert head(a.pk) == (4, event.hash)
    assert head(b.pk) == before_b == (1, AuditEvent.objects.get(chain=b.pk).hash)
    assert head(NATIONAL) == before_national
    # Every chain numbers from 1 and starts from the genesis hash.
    firsts = AuditEvent.objects.filter(seq=1, chain__in=[a.pk, b.pk])
    assert {e.prev_hash for e in firsts} == {chain.GENESIS}


def test_an_event_without_municipality_goes_on_the_national_chain(towns):
    seq = head(NATIONAL)[0]
    event = chain.record("security.locked_out", actor="iemand")
    assert (event.chain, event.seq) == (NATIONAL, seq + 1)
    assert chain.verify(NATIONAL) == []


def test_the_first_event_of_a_new_municipality_makes_its_head(db):
    town = Municipality.objects.create(name="Gemeente Nieuw", slug="nieuw", inhabitants=10)
    AuditHead.objects.filter(chain=town.pk).delete()  # as if made before migration 0004
    chain.record("case.read", municipality_id=town.pk)
    assert head(town.pk)[0] == 1
    assert chain.verify(town.pk) == []


def test_tampering_in_one_chain_is_reported_for_that_chain_only(towns, capsys):
    a, b = towns
    sql("UPDATE {table} SET detail = %s WHERE chain = %s AND seq = 2", ['{"n": 99}', a.pk])
    assert [(f.chain, f.seq) for f in chain.verify(a.pk)] == [(a.pk, 2)]
    assert chain.verify(b.pk) == []
    call_command("audit_verify", "--municipality", "bee")
    assert "Auditketen intact: 1 regels gecontroleerd (keten Gemeente Bee (bee))" in (
        capsys.readouterr().out
    )
    with pytest.raises(CommandError, match="NIET intact"):
        call_command("audit_verify", "--municipality", "aa")
    err = capsys.readouterr().err
    assert "FOUT: regel 2 is gewijzigd (hash klopt niet) (keten Gemeente Aa (aa))" in err
    assert "Eerste breuk in de keten Gemeente Aa (aa): regel 2." in err
    # All chains at once: the same finding, nothing about Bee.
    with pytest.raises(CommandError):
        call_command("audit_verify")
    err = capsys.readouterr().err
    assert "Gemeente Aa" in err and "Gemeente Bee" not in err


def test_the_same_number_in_two_chains_is_no_duplicate(towns):
    a, b = towns
    assert AuditEvent.objects.filter(seq=1, chain__in=[a.pk, b.pk]).count() == 2
    assert chain.verify() == []


def test_an_unknown_municipality_is_a_clear_error(towns):
    with pytest.raises(CommandError, match="Onbekende gemeente: nergens"):
        call_command("audit_verify", "--municipality", "nergens")

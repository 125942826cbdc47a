# SPDX-License-Identifier: EUPL-1.2
"""Page reads are audited in a short transaction of their own, before the page is built, and a
read that cannot be audited is not served (ARCHITECTURE.md core idea 3, BIO 12.4.1; SECURITY.md,
the audit log)."""

import pytest
from django.db import DatabaseError, connection
from django.urls import reverse

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.demo.lifecycle import new_case


def test_a_read_that_cannot_be_audited_is_not_served(world, login, monkeypatch):
    case = new_case(world)
    client = login(world["raadslid1"])
    before = AuditEvent.objects.count()

    def broken(*args, **kwargs):
        raise DatabaseError("schijf vol")

    monkeypatch.setattr(chain, "record", broken)
    with pytest.raises(DatabaseError):
        client.get(reverse("case_detail", args=[case.pk]))
    assert AuditEvent.objects.count() == before


def test_the_read_event_holds_the_chain_only_for_its_own_transaction(world, login):
    """No ATOMIC_REQUESTS: the head's lock is taken and released inside `record`, not held while
    the page renders (docs/scaling.md, the audit chains)."""
    assert not connection.settings_dict.get("ATOMIC_REQUESTS")
    case = new_case(world)
    response = login(world["raadslid1"]).get(reverse("case_detail", args=[case.pk]))
    assert response.status_code == 200
    read = AuditEvent.objects.filter(action="case.read", case_ref=case.pk).get()
    assert read.chain == world.municipality.pk
    assert chain.verify(world.municipality.pk) == []

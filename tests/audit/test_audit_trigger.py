# SPDX-License-Identifier: EUPL-1.2
"""Append-only in the database (audit migration 0005, SECURITY.md): PostgreSQL itself refuses
to change or remove an audit event, whichever way the statement comes; only the session-local
maintenance switch that restore sets lets it through."""

import pytest
from django.db import DatabaseError, connection, transaction

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent

pytestmark = [pytest.mark.postgres, pytest.mark.postgres_only]

TABLE = AuditEvent._meta.db_table


@pytest.fixture
def event(db):
    chain.record("case.read", actor="griffier", detail={"sections": ["request"]})
    return AuditEvent.objects.last()


def refused(statement: str, params=()) -> str:
    with pytest.raises(DatabaseError) as raised, transaction.atomic(), connection.cursor() as c:
        c.execute(statement.replace("{table}", TABLE), params)
    return str(raised.value)


def test_a_raw_update_is_refused_by_the_database(event):
    message = refused("UPDATE {table} SET actor_ref = 'iemand' WHERE id = %s", [event.pk])
    assert "Auditregels kunnen niet worden gewijzigd of verwijderd (UPDATE geweigerd)" in message
    assert AuditEvent.objects.get(pk=event.pk).actor_ref == "griffier"


def test_a_raw_delete_is_refused_by_the_database(event):
    assert "DELETE geweigerd" in refused("DELETE FROM {table} WHERE id = %s", [event.pk])
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_truncate_is_refused_by_the_database(event):
    assert "TRUNCATE geweigerd" in refused("TRUNCATE {table}")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_a_queryset_update_and_delete_are_refused_too(event):
    # QuerySet.update() and .delete() bypass the model's save() and delete() guards.
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).update(detail={"sections": []})
    with pytest.raises(DatabaseError), transaction.atomic():
        AuditEvent.objects.filter(pk=event.pk).delete()
    assert AuditEvent.objects.get(pk=event.pk).detail == {"sections": ["request"]}
    assert chain.verify() == []

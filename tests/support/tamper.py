# SPDX-License-Identifier: EUPL-1.2
"""Tampering with the audit table as someone who got past the database's own guard.

On PostgreSQL the append-only trigger (audit migration 0005) refuses every UPDATE and DELETE;
a table owner can switch it off. The tests of what `audit-verify` finds play that owner through
the same session-local switch that restore uses, and switch it back at once.
"""

from contextlib import contextmanager

from django.db import connection

from raadsloket.audit.models import AuditEvent

TABLE = AuditEvent._meta.db_table


def _switch(value: str) -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET LOCAL raadsloket.audit_maintenance = '{value}'")


@contextmanager
def past_the_trigger():
    _switch("on")
    try:
        yield
    finally:
        _switch("off")


def sql(statement: str, params=()) -> None:
    """Raw SQL, as an attacker with database access would: no save(), no delete()."""
    with past_the_trigger(), connection.cursor() as cursor:
        cursor.execute(statement.replace("{table}", TABLE), params)

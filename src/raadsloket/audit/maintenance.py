# SPDX-License-Identifier: EUPL-1.2
"""The one documented way past the append-only trigger (migration 0005, SECURITY.md).

Used only by restoring a backup (records/restore.py), which empties every table, the audit
events included, and loads the backup's; and by `raadsloket generate --replace`, which empties a
database that holds nothing but a generated benchmark set (it refuses any other data). `SET LOCAL` ends with the transaction, so the way stays
open for exactly the statements of that restore and never for the next request on the
connection.
"""

from django.core.management import call_command
from django.db import connection, transaction


def allow_rewrite() -> None:
    """Let this transaction empty or rewrite audit events (PostgreSQL; a no-op on SQLite)."""
    if connection.vendor != "postgresql":
        return
    if not connection.in_atomic_block:
        # Outside a transaction SET LOCAL would do nothing and the restore would be refused.
        raise RuntimeError("allow_rewrite() hoort binnen een transactie.")
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL raadsloket.audit_maintenance = 'on'")


def flush_everything() -> None:
    """Empty every table, the audit events included, in one transaction (Django's `flush`)."""
    with transaction.atomic():
        allow_rewrite()
        call_command("flush", interactive=False, verbosity=0)

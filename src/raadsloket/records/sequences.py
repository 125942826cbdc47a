# SPDX-License-Identifier: EUPL-1.2
"""The databases' id counters, carried across a backup.

Loading a dump sets each counter to the highest id present. A destroyed case's id is then free
again, and a new case would get the reference (RL-00042) that the audit chain's
`records.destroyed` event already names. So a backup stores the counters and a restore raises
them back. SQLite (AUTOINCREMENT) and PostgreSQL (identity/serial) are supported; other
databases keep the counters that loading gives them.
"""

from django.apps import apps
from django.db import connection, models


def _counted_tables() -> list[tuple[str, str]]:
    tables = []
    for model in apps.get_models(include_auto_created=True):
        pk = model._meta.pk
        if isinstance(pk, models.AutoField | models.BigAutoField | models.SmallAutoField):
            tables.append((model._meta.db_table, pk.column))
    return tables


def read() -> dict[str, int]:
    """{table: last id handed out}, read inside the backup's transaction."""
    counters: dict[str, int] = {}
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            known = {table for table, _ in _counted_tables()}
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'sqlite_sequence'")
            if cursor.fetchone() is None:
                return counters
            cursor.execute("SELECT name, seq FROM sqlite_sequence")
            counters = {name: int(seq) for name, seq in cursor.fetchall() if name in known}
        elif connection.vendor == "postgresql":
            for table, column in _counted_tables():
                cursor.execute(
                    "SELECT pg_sequence_last_value(pg_get_serial_sequence(%s, %s))",
                    [connection.ops.quote_name(table), column],
                )
                row = cursor.fetchone()
                if row and row[0] is not None:
                    counters[table] = int(row[0])
    return counters


def restore(counters: dict[str, int]) -> None:
    """Raise each counter to at least its value in the backup (never lower it)."""
    known = dict(_counted_tables())
    with connection.cursor() as cursor:
        for table, value in counters.items():
            if table not in known:
                continue
            if connection.vendor == "sqlite":
                cursor.execute(
                    "UPDATE sqlite_sequence SET seq = MAX(seq, %s) WHERE name = %s", [value, table]
                )
                if cursor.rowcount == 0:
                    cursor.execute(
                        "INSERT INTO sqlite_sequence (name, seq) VALUES (%s, %s)", [table, value]
                    )
            elif connection.vendor == "postgresql":
                quoted = connection.ops.quote_name(table)
                column = connection.ops.quote_name(known[table])
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence(%s, %s), "
                    f"GREATEST(%s, (SELECT COALESCE(MAX({column}), 1) FROM {quoted})))",
                    [quoted, known[table], value],
                )

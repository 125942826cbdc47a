# SPDX-License-Identifier: EUPL-1.2
"""Writing many rows fast: COPY on PostgreSQL, executemany on SQLite.

Rows are dicts keyed by field attname. The writer assigns primary keys itself (so that rows can
point at each other before anything is written), fills every field the dict leaves out with the
field's default, and moves each table's sequence past the keys it used.
"""

import json
from collections import defaultdict
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.db import connection
from django.db.models import NOT_PROVIDED, Max, Model


class BulkWriter:
    def __init__(self, flush_every: int = 20_000):
        self.flush_every = flush_every
        self._rows: dict[type[Model], list[tuple]] = defaultdict(list)
        self._next_id: dict[type[Model], int] = {}
        self._columns: dict[type[Model], tuple[list[str], list[str], dict[str, Any]]] = {}
        self._json_at: dict[type[Model], list[int]] = {}
        self.written: dict[str, int] = defaultdict(int)
        self._postgres = connection.vendor == "postgresql"

    def next_id(self, model: type[Model]) -> int:
        if model not in self._next_id:
            self._next_id[model] = (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
        value = self._next_id[model]
        self._next_id[model] = value + 1
        return value

    def add(self, model: type[Model], values: dict[str, Any]) -> int:
        """Queue one row; returns its primary key."""
        attnames, _, defaults = self._shape(model)
        if "id" not in values:
            values["id"] = self.next_id(model)
        row = tuple(values[name] if name in values else defaults[name] for name in attnames)
        rows = self._rows[model]
        rows.append(row)
        if len(rows) >= self.flush_every:
            self._flush(model)
        return values["id"]

    def flush(self, order: list[type[Model]]) -> None:
        """Write everything queued, parents before children, and move the sequences past the
        keys used, inside the caller's transaction: what has landed can be added to at once."""
        for model in order:
            self._flush(model)
        for model in list(self._rows):
            self._flush(model)
        if self._postgres:
            with connection.cursor() as cursor:
                for model in self._next_id:
                    table = model._meta.db_table
                    cursor.execute(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT COALESCE(MAX(id), 1) FROM {table}))"
                    )

    def _shape(self, model: type[Model]):
        if model not in self._columns:
            fields = [f for f in model._meta.concrete_fields]
            defaults = {}
            for field in fields:
                if field.primary_key:
                    defaults[field.attname] = None
                elif field.default is not NOT_PROVIDED:
                    defaults[field.attname] = field.get_default()
                elif field.null:
                    defaults[field.attname] = None
                else:
                    defaults[field.attname] = "" if field.empty_strings_allowed else None
            self._json_at[model] = [
                i for i, f in enumerate(fields) if f.get_internal_type() == "JSONField"
            ]
            self._columns[model] = (
                [f.attname for f in fields],
                [connection.ops.quote_name(f.column) for f in fields],
                defaults,
            )
        return self._columns[model]

    def _flush(self, model: type[Model]) -> None:
        rows = self._rows.get(model)
        if not rows:
            return
        _, columns, _ = self._shape(model)
        json_at = self._json_at[model]
        if json_at:
            rows = [_with_json(row, json_at) for row in rows]
        table = connection.ops.quote_name(model._meta.db_table)
        with connection.cursor() as cursor:
            if self._postgres:
                # psycopg 3's COPY: one round trip for the whole batch.
                with cursor.cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
            else:
                marks = ", ".join(["%s"] * len(columns))
                cursor.executemany(
                    f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                    [tuple(_sqlite_value(v) for v in row) for row in rows],
                )
        self.written[model._meta.label] += len(rows)
        self._rows[model] = []


def _with_json(row: tuple, positions: list[int]) -> tuple:
    # A JSON field's value goes in as its text; the database parses it.
    values = list(row)
    for i in positions:
        values[i] = json.dumps(values[i])
    return tuple(values)


def _sqlite_value(value: Any) -> Any:
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return connection.ops.adapt_datetimefield_value(value)
    if isinstance(value, date):
        return value.isoformat()
    return value

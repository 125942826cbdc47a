# SPDX-License-Identifier: EUPL-1.2
"""The database as JSON Lines, exact to the microsecond, and back.

The format is Django's `jsonl` serialisation (what `dumpdata --format jsonl` writes, loadable
with `loaddata`), without natural keys. One thing differs: Django's encoder cuts datetimes to
milliseconds, which would change every timestamp, and with it every hash of the audit chain
(its digest includes the event's time). This encoder keeps the microseconds.
"""

import datetime
from pathlib import Path

from django.apps import apps
from django.core import serializers
from django.core.management.color import no_style
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models, router


class ExactEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, datetime.datetime | datetime.time):
            return o.isoformat()
        return super().default(o)


def dumped_models() -> list[type[models.Model]]:
    """Every concrete model of every app, as dumpdata picks them (m2m rows ride along)."""
    return [
        model
        for model in apps.get_models()
        if not model._meta.proxy and router.allow_migrate_model(connection.alias, model)
    ]


def dump(path: Path) -> None:
    with path.open("w", encoding="utf-8") as stream:
        for model in dumped_models():
            m2m = [field.name for field in model._meta.many_to_many]
            queryset = model._base_manager.order_by(model._meta.pk.name).prefetch_related(*m2m)
            serializers.serialize(
                "jsonl", queryset.iterator(chunk_size=2000), stream=stream, cls=ExactEncoder
            )


def load(path: Path) -> int:
    """Save every row as it is (raw, as loaddata does); the caller holds the transaction."""
    loaded = 0
    touched: set[type[models.Model]] = set()
    with connection.constraint_checks_disabled(), path.open(encoding="utf-8") as stream:
        deferred = []
        for obj in serializers.deserialize("jsonl", stream, handle_forward_references=True):
            obj.save()
            loaded += 1
            touched.add(type(obj.object))
            if obj.deferred_fields:
                deferred.append(obj)
        for obj in deferred:
            obj.save_deferred_fields()
    connection.check_constraints(table_names=[model._meta.db_table for model in touched])
    reset = connection.ops.sequence_reset_sql(no_style(), list(touched))
    if reset:
        with connection.cursor() as cursor:
            for sql in reset:
                cursor.execute(sql)
    return loaded

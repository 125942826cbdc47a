# SPDX-License-Identifier: EUPL-1.2
"""Indexes for national scale (issue 6, item 4).

Each list of a start page walks an index in the order it shows and stops when the page is full,
so a page costs the same in a municipality of 100 or of 100,000 cases. On PostgreSQL also: the
newest delivered answers and started trajectories (nulls last: a case not yet delivered or
assigned is not the newest; SQLite cannot say NULLS LAST in an index and has nulls last in a
descending order anyway), and two GIN indexes for full-text search in Dutch over the request
text and the answer (raadsloket.cases.search repeats these expressions exactly, so the planner
can use them).
"""

from django.conf import settings
from django.db import migrations, models

POSTGRES_INDEXES = {
    "case_muni_delivered": 'btree ("municipality_id", "delivered_at" DESC NULLS LAST, "id" DESC)',
    "case_muni_assigned": 'btree ("municipality_id", "instrument", "assigned_at" DESC NULLS LAST, '
                          '"id" DESC)',
    "case_search_request": "gin (to_tsvector('dutch'::regconfig, \"cases_case\".\"title\" || ' ' "
                           "|| \"cases_case\".\"question\" || ' ' || \"cases_case\".\"background\"))",
    "case_search_answer": "gin (to_tsvector('dutch'::regconfig, \"cases_case\".\"answer\"))",
}


def create_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, definition in POSTGRES_INDEXES.items():
        schema_editor.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "cases_case" USING {definition}')


def drop_postgres_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in POSTGRES_INDEXES:
        schema_editor.execute(f'DROP INDEX IF EXISTS "{name}"')


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0003_written_questions"),
        ("organisation", "0004_coalition"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name="case",
            index=models.Index(fields=["municipality", "-id"], name="case_muni_newest"),
        ),
        migrations.RunPython(create_postgres_indexes, drop_postgres_indexes),
    ]

# SPDX-License-Identifier: EUPL-1.2
"""Moving a model to another app without moving its rows.

When one app is split in two (budgets became fractie_support and training), the new app's first
migration creates its models with `AdoptModel`: on a database that still has the old app's table
it renames that table (rows, keys, indexes and constraints stay as they are), on a new database
it creates the table. The migration state is the same either way, so later migrations need not
know which happened.
"""

from django.db import migrations


class AdoptModel(migrations.CreateModel):
    """CreateModel that takes over `old_table` when the database has it."""

    def __init__(self, name, fields, *, old_table: str, **kwargs):
        self.old_table = old_table
        super().__init__(name, fields, **kwargs)

    def deconstruct(self):
        name, args, kwargs = super().deconstruct()
        kwargs["old_table"] = self.old_table
        return name, args, kwargs

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if self.old_table in schema_editor.connection.introspection.table_names():
            schema_editor.alter_db_table(model, self.old_table, model._meta.db_table)
        else:
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def describe(self):
        return f"Create model {self.name} (or take over table {self.old_table})"


def move_content_types(old_app: str, new_app: str, models: list[str]):
    """A RunPython step: the moved models' content types follow them (no stale duplicates)."""

    def forwards(apps, schema_editor):
        content_type = apps.get_model("contenttypes", "ContentType")
        content_type.objects.using(schema_editor.connection.alias).filter(
            app_label=old_app, model__in=models
        ).update(app_label=new_app)

    return migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True)

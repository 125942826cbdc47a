# SPDX-License-Identifier: EUPL-1.2
"""An upgrade from before the budgets app was split: the tables and rows of `budgets` become
those of fractie_support and training without losing a row (lib/migrations.py, AdoptModel).

The test puts the database back in the old shape (budgets_* tables, the new apps' migrations not
applied, content types under "budgets") and runs the new apps' first migrations on it."""

from datetime import date
from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder

from raadsloket.fractie_support.models import SeatPeriod
from raadsloket.organisation.models import Fractie
from raadsloket.training.models import TrainingYear

NEW_APPS = ("fractie_support", "training")


def _old_shape() -> dict[str, str]:
    """Rename every table of the new apps to its budgets_* name; return {old: new}."""
    renamed = {}
    with connection.schema_editor() as editor:
        for app in NEW_APPS:
            for model in apps.get_app_config(app).get_models():
                old = f"budgets_{model._meta.model_name}"
                editor.alter_db_table(model, model._meta.db_table, old)
                renamed[old] = model._meta.db_table
    MigrationRecorder(connection).migration_qs.filter(app__in=NEW_APPS).delete()
    ContentType.objects.filter(app_label__in=NEW_APPS).update(app_label="budgets")
    return renamed


def _migrate_new_apps() -> None:
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate([(app, "0001_initial") for app in NEW_APPS])
    ContentType.objects.clear_cache()


@pytest.mark.django_db(transaction=True)
def test_an_upgrade_keeps_every_budget_row_under_the_new_apps(world):
    fractie = Fractie.objects.get(municipality=world.municipality, name="Lokaal Belang")
    period = SeatPeriod.objects.create(
        municipality=world.municipality, fractie=fractie, start=date(2026, 1, 1), seats=3
    )
    budget = TrainingYear.objects.create(
        municipality=world.municipality,
        year=2026,
        collective_amount=Decimal("5000.00"),
        personal_amount=Decimal("750.00"),
    )

    renamed = _old_shape()
    tables = set(connection.introspection.table_names())
    assert set(renamed) <= tables and not set(renamed.values()) & tables

    _migrate_new_apps()

    tables = set(connection.introspection.table_names())
    assert set(renamed.values()) <= tables and not set(renamed) & tables
    assert SeatPeriod.objects.get(pk=period.pk).seats == 3
    assert TrainingYear.objects.get(pk=budget.pk).personal_amount == Decimal("750.00")
    assert not ContentType.objects.filter(app_label="budgets").exists()
    assert ContentType.objects.filter(app_label="training", model="trainingyear").exists()
    # A row written after the upgrade lands in the same table, with the next id.
    later = TrainingYear.objects.create(
        municipality=world.municipality,
        year=2027,
        collective_amount=Decimal("1.00"),
        personal_amount=Decimal("1.00"),
    )
    assert later.pk > budget.pk

# SPDX-License-Identifier: EUPL-1.2
# The first migration of an app split off from budgets: on a database that has the budgets
# tables it takes them over with their rows (lib/migrations.py, AdoptModel); on a new one it
# creates them.

from decimal import Decimal

import django.core.validators
import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

from raadsloket.lib.migrations import AdoptModel, move_content_types


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("organisation", "0004_coalition"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        AdoptModel(
            name="TrainingRequest",
            old_table="budgets_trainingrequest",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="jaar")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("personal", "persoonlijk"),
                            ("collective", "collectief (de raad)"),
                        ],
                        max_length=20,
                        verbose_name="soort",
                    ),
                ),
                ("title", models.CharField(max_length=200, verbose_name="opleiding")),
                ("provider", models.CharField(max_length=200, verbose_name="aanbieder")),
                ("start_date", models.DateField(verbose_name="datum")),
                (
                    "cost",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="kosten",
                    ),
                ),
                (
                    "purpose",
                    models.TextField(max_length=4000, verbose_name="doel voor het raadswerk"),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("submitted", "aangevraagd"),
                            ("approved", "goedgekeurd"),
                            ("refused", "afgewezen"),
                            ("withdrawn", "ingetrokken"),
                        ],
                        default="submitted",
                        max_length=20,
                    ),
                ),
                ("submitted_at", models.DateTimeField(default=django.utils.timezone.now)),
                ("decided_at", models.DateTimeField(blank=True, null=True)),
                (
                    "decision_reason",
                    models.TextField(blank=True, max_length=4000, verbose_name="motivering"),
                ),
                (
                    "decided_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organisation.municipality",
                    ),
                ),
                (
                    "person",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="training_requests",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "opleidingsaanvraag",
                "verbose_name_plural": "opleidingsaanvragen",
                "ordering": ["-submitted_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["municipality", "year", "status"], name="training_req_year"
                    ),
                    models.Index(fields=["person", "year"], name="training_req_person"),
                ],
            },
        ),
        AdoptModel(
            name="TrainingYear",
            old_table="budgets_trainingyear",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="jaar")),
                (
                    "collective_amount",
                    models.DecimalField(
                        decimal_places=2, max_digits=12, verbose_name="collectief budget"
                    ),
                ),
                (
                    "personal_amount",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=12,
                        verbose_name="persoonlijk budget per raadslid",
                    ),
                ),
                (
                    "decision",
                    models.CharField(blank=True, max_length=300, verbose_name="raadsbesluit"),
                ),
                (
                    "municipality",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organisation.municipality",
                    ),
                ),
            ],
            options={
                "verbose_name": "opleidingsbudget",
                "verbose_name_plural": "opleidingsbudgetten",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("municipality", "year"), name="training_year_unique"
                    )
                ],
            },
        ),
        move_content_types("budgets", "training", ["trainingrequest", "trainingyear"]),
    ]

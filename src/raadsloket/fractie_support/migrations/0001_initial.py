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

import raadsloket.fractie_support.models
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
            name="SpendingQuestion",
            old_table="budgets_spendingquestion",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("category", models.CharField(max_length=40, verbose_name="categorie")),
                ("question", models.TextField(max_length=4000, verbose_name="vraag")),
                ("asked_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "answer",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "nog niet beantwoord"),
                            ("allowed", "toegestaan"),
                            ("not_allowed", "niet toegestaan"),
                            ("presidium", "voorgelegd aan het presidium"),
                        ],
                        default="",
                        max_length=20,
                        verbose_name="antwoord",
                    ),
                ),
                (
                    "reasoning",
                    models.TextField(blank=True, max_length=4000, verbose_name="motivering"),
                ),
                ("answered_at", models.DateTimeField(blank=True, null=True)),
                (
                    "answered_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "asked_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "fractie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="organisation.fractie",
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
            ],
            options={
                "verbose_name": "vraag over een uitgave",
                "verbose_name_plural": "vragen over uitgaven",
                "ordering": ["-asked_at", "-pk"],
                "indexes": [
                    models.Index(
                        fields=["municipality", "category", "answer"], name="spending_q_precedent"
                    )
                ],
            },
        ),
        AdoptModel(
            name="Expense",
            old_table="budgets_expense",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="jaar")),
                ("date", models.DateField(verbose_name="datum")),
                (
                    "amount",
                    models.DecimalField(
                        decimal_places=2,
                        max_digits=12,
                        validators=[django.core.validators.MinValueValidator(Decimal("0.01"))],
                        verbose_name="bedrag",
                    ),
                ),
                ("category", models.CharField(max_length=40, verbose_name="categorie")),
                ("description", models.CharField(max_length=500, verbose_name="omschrijving")),
                (
                    "proof",
                    models.FileField(
                        blank=True,
                        max_length=200,
                        upload_to=raadsloket.fractie_support.models._proof_path,
                        verbose_name="bewijsstuk",
                    ),
                ),
                ("proof_token", models.CharField(blank=True, max_length=40)),
                ("proof_name", models.CharField(blank=True, max_length=200)),
                ("proof_content_type", models.CharField(blank=True, max_length=100)),
                ("proof_size", models.PositiveIntegerField(default=0)),
                ("recorded_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "review",
                    models.CharField(
                        blank=True,
                        choices=[
                            ("", "niet beoordeeld"),
                            ("ok", "akkoord"),
                            ("remark", "opmerking"),
                            ("rejected", "niet geaccepteerd"),
                            ("unclear", "onduidelijk: naar het presidium"),
                        ],
                        default="",
                        max_length=20,
                        verbose_name="beoordeling",
                    ),
                ),
                (
                    "review_remark",
                    models.TextField(
                        blank=True, max_length=4000, verbose_name="opmerking van de griffie"
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                (
                    "fractie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="expenses",
                        to="organisation.fractie",
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
                    "recorded_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "reviewed_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "question",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="expenses",
                        to="fractie_support.spendingquestion",
                        verbose_name="vraag aan de griffie",
                    ),
                ),
            ],
            options={
                "verbose_name": "uitgave",
                "verbose_name_plural": "uitgaven",
                "ordering": ["date", "pk"],
                "indexes": [
                    models.Index(fields=["fractie", "year", "date"], name="expense_fractie_year")
                ],
            },
        ),
        AdoptModel(
            name="Statement",
            old_table="budgets_statement",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="jaar")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "open"),
                            ("submitted", "ingediend"),
                            ("returned", "teruggestuurd voor correctie"),
                            ("approved", "vastgesteld"),
                        ],
                        default="open",
                        max_length=20,
                    ),
                ),
                (
                    "opening_reserve_override",
                    models.DecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=12,
                        null=True,
                        verbose_name="beginreserve (handmatig)",
                    ),
                ),
                ("submitted_at", models.DateTimeField(blank=True, null=True)),
                (
                    "review_remark",
                    models.TextField(
                        blank=True, max_length=4000, verbose_name="opmerking van de griffie"
                    ),
                ),
                ("reviewed_at", models.DateTimeField(blank=True, null=True)),
                ("snapshot", models.JSONField(blank=True, default=dict)),
                (
                    "repaid_on",
                    models.DateField(
                        blank=True, null=True, verbose_name="terugbetaling ontvangen op"
                    ),
                ),
                (
                    "fractie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="statements",
                        to="organisation.fractie",
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
                    "reviewed_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
                (
                    "submitted_by",
                    models.ForeignKey(
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "verantwoording",
                "verbose_name_plural": "verantwoordingen",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("fractie", "year"), name="statement_one_per_year"
                    )
                ],
            },
        ),
        AdoptModel(
            name="BudgetReminderLog",
            old_table="budgets_budgetreminderlog",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("year", models.PositiveSmallIntegerField(verbose_name="jaar")),
                ("deadline", models.DateField(verbose_name="uiterste datum")),
                (
                    "kind",
                    models.CharField(
                        choices=[("near", "termijn nadert"), ("overdue", "termijn verlopen")],
                        max_length=20,
                    ),
                ),
                (
                    "days",
                    models.PositiveSmallIntegerField(
                        default=0, verbose_name="dagen voor de termijn"
                    ),
                ),
                ("sent_at", models.DateTimeField(default=django.utils.timezone.now)),
                (
                    "fractie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="organisation.fractie",
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
            ],
            options={
                "verbose_name": "herinnering verantwoording",
                "verbose_name_plural": "herinneringen verantwoording",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("fractie", "year", "deadline", "kind", "days"),
                        name="budget_reminder_once",
                    )
                ],
            },
        ),
        AdoptModel(
            name="SeatPeriod",
            old_table="budgets_seatperiod",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("start", models.DateField(blank=True, null=True, verbose_name="vanaf")),
                ("end", models.DateField(blank=True, null=True, verbose_name="tot en met")),
                ("seats", models.PositiveSmallIntegerField(verbose_name="zetels")),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="toelichting")),
                (
                    "fractie",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="seat_periods",
                        to="organisation.fractie",
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
            ],
            options={
                "verbose_name": "zetelperiode",
                "verbose_name_plural": "zetelperiodes",
                "ordering": ["fractie", models.OrderBy(models.F("start"), nulls_first=True)],
                "indexes": [models.Index(fields=["fractie", "start"], name="seat_period_fractie")],
            },
        ),
        move_content_types(
            "budgets",
            "fractie_support",
            ["spendingquestion", "expense", "statement", "budgetreminderlog", "seatperiod"],
        ),
    ]

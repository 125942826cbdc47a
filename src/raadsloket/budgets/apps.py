# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class BudgetsConfig(AppConfig):
    name = "raadsloket.budgets"
    label = "budgets"
    verbose_name = "Fractieondersteuning en opleidingsbudget"
    default_auto_field = "django.db.models.BigAutoField"

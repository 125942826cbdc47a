# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AllowancesConfig(AppConfig):
    name = "raadsloket.allowances"
    label = "allowances"
    verbose_name = "Vergoedingen en rechtspositie"
    default_auto_field = "django.db.models.BigAutoField"

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "raadsloket.cases"
    label = "cases"
    default_auto_field = "django.db.models.BigAutoField"

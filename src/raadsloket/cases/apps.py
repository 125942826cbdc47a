# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "raadsloket.cases"
    label = "cases"
    verbose_name = "Verzoeken"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from raadsloket.cases import technical_question  # noqa: F401  (registers its table)

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "raadsloket.cases"
    label = "cases"
    verbose_name = "Verzoeken"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from raadsloket.cases import (  # noqa: F401  (each registers its table)
            technical_question,
            written_question,
        )

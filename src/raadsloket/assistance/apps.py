# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "raadsloket.assistance"
    label = "assistance"
    verbose_name = "Ambtelijke bijstand"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from raadsloket.assistance import workflow  # noqa: F401  (registers its table)

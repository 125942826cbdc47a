# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class CouncilTermConfig(AppConfig):
    name = "raadsloket.council_term"
    label = "council_term"
    verbose_name = "Raadsperiode"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from raadsloket.council_term import receivers  # noqa: F401

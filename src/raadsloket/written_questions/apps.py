# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class WrittenQuestionsConfig(AppConfig):
    name = "raadsloket.written_questions"
    label = "written_questions"
    verbose_name = "Schriftelijke vragen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from raadsloket.written_questions import workflow  # noqa: F401  (registers its table)

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AdvisorConfig(AppConfig):
    name = "raadsloket.advisor"
    label = "advisor"
    verbose_name = "Instrumenten en instrumentenwijzer"
    default_auto_field = "django.db.models.BigAutoField"

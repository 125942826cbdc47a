# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class InstrumentsConfig(AppConfig):
    name = "raadsloket.instruments"
    label = "instruments"
    verbose_name = "Instrumenten en instrumentenwijzer"
    default_auto_field = "django.db.models.BigAutoField"

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class FractieSupportConfig(AppConfig):
    name = "raadsloket.fractie_support"
    label = "fractie_support"
    verbose_name = "Fractieondersteuning"
    default_auto_field = "django.db.models.BigAutoField"

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "raadsloket.safety"
    label = "safety"
    verbose_name = "Veiligheid: bedreiging en intimidatie"
    default_auto_field = "django.db.models.BigAutoField"

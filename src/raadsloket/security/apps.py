# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "raadsloket.security"
    label = "security"
    verbose_name = "Beveiliging: inloggen, tweestapsverificatie"
    default_auto_field = "django.db.models.BigAutoField"

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "raadsloket.privacy"
    label = "privacy"
    verbose_name = "Privacy: inzage en anonimisering (AVG)"
    default_auto_field = "django.db.models.BigAutoField"

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AssistanceConfig(AppConfig):
    name = "raadsloket.assistance"
    label = "assistance"
    default_auto_field = "django.db.models.BigAutoField"

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "raadsloket.access"
    label = "access"
    default_auto_field = "django.db.models.BigAutoField"

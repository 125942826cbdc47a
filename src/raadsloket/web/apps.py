# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "raadsloket.web"
    label = "web"
    default_auto_field = "django.db.models.BigAutoField"

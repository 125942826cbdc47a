# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "raadsloket.notify"
    label = "notify"
    verbose_name = "Meldingen en herinneringen"
    default_auto_field = "django.db.models.BigAutoField"

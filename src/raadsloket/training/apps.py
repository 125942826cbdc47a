# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "raadsloket.training"
    label = "training"
    verbose_name = "Opleidingsbudget"
    default_auto_field = "django.db.models.BigAutoField"

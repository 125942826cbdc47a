# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "raadsloket.registers"
    label = "registers"
    verbose_name = "Registers (moties, amendementen, toezeggingen, initiatiefvoorstellen)"
    default_auto_field = "django.db.models.BigAutoField"

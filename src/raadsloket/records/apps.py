# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "raadsloket.records"
    label = "records"
    verbose_name = "Archief: back-up, bewaartermijnen, vernietiging"
    default_auto_field = "django.db.models.BigAutoField"

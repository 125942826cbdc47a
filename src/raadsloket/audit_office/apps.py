# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AuditOfficeConfig(AppConfig):
    name = "raadsloket.audit_office"
    label = "audit_office"
    verbose_name = "Rekenkamer en accountant"
    default_auto_field = "django.db.models.BigAutoField"

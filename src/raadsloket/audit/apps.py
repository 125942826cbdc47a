# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "raadsloket.audit"
    label = "audit"
    default_auto_field = "django.db.models.BigAutoField"

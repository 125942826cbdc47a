# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "raadsloket.access"
    label = "access"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # Connects the signals that invalidate the session's copy of roles and devices.
        from raadsloket.access import session_cache  # noqa: F401

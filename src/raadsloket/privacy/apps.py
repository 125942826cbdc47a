# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.db.models.signals import post_save


class PrivacyConfig(AppConfig):
    name = "raadsloket.privacy"
    label = "privacy"
    verbose_name = "Privacy: inzage en anonimisering (AVG)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from raadsloket.access.models import BreakGlass
        from raadsloket.privacy.receivers import on_break_glass

        post_save.connect(on_break_glass, sender=BreakGlass, dispatch_uid="privacy.break_glass")

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.db.models.signals import post_migrate


class WebConfig(AppConfig):
    name = "raadsloket.web"
    label = "web"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.apps import apps

        from raadsloket.lib.cachetable import create_cache_table

        # post_migrate is sent per app with models (this one has none): once, with sessions'.
        post_migrate.connect(
            create_cache_table,
            sender=apps.get_app_config("sessions"),
            dispatch_uid="raadsloket-cache",
        )

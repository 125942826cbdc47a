# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class DirectoryConfig(AppConfig):
    name = "raadsloket.directory"
    label = "directory"
    verbose_name = "Ondersteuning (wie helpt mij?)"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.db.models.signals import post_migrate, post_save

        from raadsloket.directory import national
        from raadsloket.organisation.models import Municipality

        # Every municipality gets the national entries: a new one when it is made, the existing
        # ones after each migrate (which also adds entries a release puts in national.toml).
        post_save.connect(
            national.on_municipality_saved, sender=Municipality, dispatch_uid="directory-national"
        )
        post_migrate.connect(national.on_migrate, sender=self, dispatch_uid="directory-migrate")

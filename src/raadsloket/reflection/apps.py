# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class ReflectionConfig(AppConfig):
    name = "raadsloket.reflection"
    label = "reflection"
    verbose_name = "Reflectie"

    def ready(self) -> None:
        # Stored reports are invalidated by every change to a row they count.
        from raadsloket.reflection import stored

        stored.connect()

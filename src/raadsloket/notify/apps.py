# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class NotifyConfig(AppConfig):
    name = "raadsloket.notify"
    label = "notify"
    verbose_name = "Meldingen en herinneringen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from raadsloket.cases.signals import transition_performed
        from raadsloket.notify.receivers import on_transition

        transition_performed.connect(on_transition, dispatch_uid="notify.on_transition")

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class FollowConfig(AppConfig):
    name = "raadsloket.follow"
    label = "follow"
    verbose_name = "Volgen"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        # A case's steps reach its followers through the signal the transitions send
        # (raadsloket.cases.signals), so the cases app knows nothing of following.
        from raadsloket.cases.signals import transition_performed
        from raadsloket.follow.alerts import on_transition

        transition_performed.connect(on_transition, dispatch_uid="follow.on_transition")

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig


class SecurityConfig(AppConfig):
    name = "raadsloket.security"
    label = "security"
    verbose_name = "Beveiliging: inloggen, tweestapsverificatie"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from axes.signals import user_locked_out
        from django.contrib.auth.signals import user_logged_in

        # Registers the `check --deploy` findings (imported for that side effect).
        from raadsloket.security import deploy_checks  # noqa: F401
        from raadsloket.security.lockout import record_lockout
        from raadsloket.security.sessions import stamp_login

        user_locked_out.connect(record_lockout, dispatch_uid="raadsloket.security.lockout")
        user_logged_in.connect(stamp_login, dispatch_uid="raadsloket.security.sessions")

# SPDX-License-Identifier: EUPL-1.2
from django.apps import AppConfig
from django.db.models.signals import post_migrate


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
        post_migrate.connect(
            make_cache_table, sender=self, dispatch_uid="raadsloket.security.cache_table"
        )


def make_cache_table(sender, using: str = "default", **kwargs) -> None:
    """The database cache's table (settings.CACHES) after every `migrate`.

    The rate limits count in it; `migrate` is the one step every path runs (make setup, the
    container, the demo, the bench, the test database), so none of them can forget the table.
    createcachetable skips a table that exists and any cache that is not the database's.
    """
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=0)

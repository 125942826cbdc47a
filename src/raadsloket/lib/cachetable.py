# SPDX-License-Identifier: EUPL-1.2
"""The database cache's table, made by every `raadsloket migrate` (settings.CACHES).

Django makes it only on `createcachetable`; hooking it to post_migrate means no installation
(make setup, the container, the benchmark) can forget it. It does nothing where the cache is
Redis or the table exists.
"""

from django.core.management import call_command


def create_cache_table(sender, using: str = "default", verbosity: int = 1, **kwargs) -> None:
    call_command("createcachetable", database=using, verbosity=0)

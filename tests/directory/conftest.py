# SPDX-License-Identifier: EUPL-1.2
import pytest
from django.db import transaction

from raadsloket.demo.directory import load_directory
from tests.support.world import build_domstede, build_voorbeeld


@pytest.fixture(scope="module")
def town(django_db_setup, django_db_blocker):
    """Voorbeeld with the demo's directory, and Domstede beside it: built once per module for
    the tests that only read, and rolled back after it."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_voorbeeld()
            load_directory(world)
            yield world, build_domstede()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)

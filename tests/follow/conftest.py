# SPDX-License-Identifier: EUPL-1.2
"""Follow tests, as the notify tests: tasks run inline, mails land in django.core.mail.outbox, and transitions are
committed (on_commit callbacks run) through the `desk` fixture."""

import pytest

from tests.notify.notify_helpers import SITE_URL, Desk


@pytest.fixture(autouse=True)
def _notify_settings(settings):
    settings.TASKS = {
        "default": {
            "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
            "QUEUES": ["default"],
        }
    }
    settings.SITE_URL = SITE_URL
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def desk(world, django_capture_on_commit_callbacks):
    return Desk(world, django_capture_on_commit_callbacks)


@pytest.fixture
def desk_for(django_capture_on_commit_callbacks):
    """A desk for another municipality than `world`."""
    return lambda other: Desk(other, django_capture_on_commit_callbacks)

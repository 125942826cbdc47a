# SPDX-License-Identifier: EUPL-1.2
"""Mail in tests: the mail task runs inline and messages land in django.core.mail.outbox."""

INLINE_TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
        "QUEUES": ["default"],
    }
}


def mail_inline(settings, site_url: str) -> None:
    """Use with pytest-django's `settings` fixture; links in the mails start with `site_url`."""
    settings.TASKS = INLINE_TASKS
    settings.SITE_URL = site_url
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

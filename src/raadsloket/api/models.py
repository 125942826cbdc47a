# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.utils import timezone

# The longest life of a token (BIO 9.4.3: credentials expire); the form and issue() both read it.
MAX_DAYS = 365


class ApiToken(models.Model):
    """A bearer token. Only its SHA-256 hash is stored; the token is shown once."""

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    prefix = models.CharField(max_length=12, unique=True)
    key_hash = models.CharField(max_length=64)
    label = models.CharField(max_length=100, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "API-sleutel"
        verbose_name_plural = "API-sleutels"

    def __str__(self) -> str:
        return f"API-sleutel {self.prefix} van {self.person}"

    @property
    def active(self) -> bool:
        return self.revoked_at is None and self.expires_at > timezone.now()

# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models
from django.utils import timezone


class BreakGlass(models.Model):
    """A functional administrator's audited emergency read of one case's content."""

    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="break_glass")
    reason = models.TextField("reden")
    granted_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "noodtoegang"
        verbose_name_plural = "noodtoegangen"
        indexes = [models.Index(fields=["person", "case", "expires_at"], name="breakglass_lookup")]

    def __str__(self) -> str:
        return f"noodtoegang {self.person} op verzoek {self.case_id}"

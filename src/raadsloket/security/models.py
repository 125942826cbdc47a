# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.db import models


class EnrolmentCode(models.Model):
    """A one-time code for setting up two-factor authentication (security/enrolment.py).

    Only a hash is kept: whoever reads the database cannot enrol as someone else.
    """

    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="enrolment_codes"
    )
    code_hash = models.CharField(max_length=64)
    issued_by = models.CharField(max_length=150)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "inschrijfcode tweestapsverificatie"
        verbose_name_plural = "inschrijfcodes tweestapsverificatie"

# SPDX-License-Identifier: EUPL-1.2
"""A new member's checklist item "two-factor set up" ticks itself once a device is confirmed
(security.two_factor), so the griffie sees who still needs help with it."""

from django.db.models.signals import post_save
from django.dispatch import receiver
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.council_term.models import Newcomer
from raadsloket.council_term.onboarding import mark


@receiver(post_save, sender=TOTPDevice, dispatch_uid="council-term-two-factor")
def _device_confirmed(sender, instance, **kwargs) -> None:
    if instance.confirmed and Newcomer.objects.filter(person_id=instance.user_id).exists():
        mark(instance.user, "two_factor")

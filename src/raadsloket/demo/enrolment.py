# SPDX-License-Identifier: EUPL-1.2
"""Enrolment codes for the demo's privileged accounts, so `make run TWEESTAPS=aan` works too.

Production hands every privileged person a random code (security/enrolment.py); the demo gives
each of its invented accounts the known code DEMO_CODE, like its known password. Checked at
every start, since codes expire and are used once; one that still works a day stays as it is.
"""

from datetime import timedelta

from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from raadsloket.organisation.models import Person
from raadsloket.security.enrolment import issue_code
from raadsloket.security.models import EnrolmentCode
from raadsloket.security.two_factor import privileged

DEMO_CODE = "demo"


def hand_out_codes(slugs: tuple[str, ...]) -> int:
    """A fresh DEMO_CODE for each privileged demo person without an app or a working code;
    returns how many."""
    with_device = TOTPDevice.objects.filter(confirmed=True).values("user_id")
    with_code = EnrolmentCode.objects.filter(
        used_at__isnull=True, expires_at__gt=timezone.now() + timedelta(days=1)
    ).values("person_id")
    people = (
        Person.objects.filter(municipality__slug__in=slugs, is_active=True)
        .exclude(pk__in=with_device)
        .exclude(pk__in=with_code)
    )
    handed = 0
    for person in people.select_related("municipality"):
        if privileged(person):
            issue_code(person, actor="demo", code=DEMO_CODE)
            handed += 1
    return handed

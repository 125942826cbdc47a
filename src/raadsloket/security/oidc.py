# SPDX-License-Identifier: EUPL-1.2
"""Map a person signing in at the municipality's identity provider to a raadsloket account.

Only existing, active people are matched, by their e-mail address: an identity provider never
creates an account or a role in raadsloket (the griffie decides who has which role). An address
shared by two accounts matches nobody rather than a guess. Needs no mozilla-django-oidc, so it is
tested without it.
"""

from collections.abc import Mapping

from raadsloket.organisation.models import Person


def person_for_claims(claims: Mapping) -> Person | None:
    email = claims.get("email")
    if not isinstance(email, str) or "@" not in email:
        return None
    # An address the identity provider has not verified identifies nobody.
    if claims.get("email_verified") is False:
        return None
    matches = list(Person.objects.filter(email__iexact=email.strip(), is_active=True)[:2])
    return matches[0] if len(matches) == 1 else None

# SPDX-License-Identifier: EUPL-1.2
"""The OpenID Connect backend; settings.py installs it only when OIDC is configured."""

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from raadsloket.organisation.models import Person
from raadsloket.security.oidc import person_for_claims


class PersonByEmailBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims):
        person = person_for_claims(claims)
        return Person.objects.filter(pk=person.pk) if person else Person.objects.none()

    def create_user(self, claims):
        # Never reached with OIDC_CREATE_USER = False; refuse anyway rather than create.
        return None

# SPDX-License-Identifier: EUPL-1.2
"""OpenID Connect: off unless configured; an identity maps to an existing person by e-mail only."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.test import Client
from django.urls import NoReverseMatch, reverse

from raadsloket.organisation.models import Person
from raadsloket.security.oidc import person_for_claims

pytestmark = pytest.mark.django_db


def test_without_configuration_oidc_is_not_active():
    assert settings.OIDC_ENABLED is False
    assert not any("oidc" in backend for backend in settings.AUTHENTICATION_BACKENDS)
    assert "mozilla_django_oidc" not in settings.INSTALLED_APPS
    with pytest.raises(NoReverseMatch):
        reverse("oidc_authentication_init")
    assert Client().get("/oidc/authenticate/").status_code == 404
    assert "gemeenteaccount" not in Client().get("/inloggen/").content.decode()


def test_an_existing_person_is_found_by_email_in_any_case(world):
    person = person_for_claims({"email": "Griffier@Voorbeeld.example", "sub": "abc"})
    assert person == world["griffier"]


@pytest.mark.parametrize(
    "claims",
    [
        {},
        {"email": None},
        {"email": ""},
        {"email": ["griffier@voorbeeld.example"]},
        {"email": "onbekend@voorbeeld.example"},
        {"email": "griffier@voorbeeld.example", "email_verified": False},
    ],
)
def test_no_match_means_no_login(world, claims):
    assert person_for_claims(claims) is None


def test_an_inactive_person_is_not_matched(world):
    Person.objects.filter(username="griffier").update(is_active=False)
    assert person_for_claims({"email": "griffier@voorbeeld.example"}) is None


def test_a_shared_address_matches_nobody(world):
    Person.objects.filter(username="raadslid2").update(email="raadslid1@voorbeeld.example")
    assert person_for_claims({"email": "raadslid1@voorbeeld.example"}) is None


def test_mapping_never_creates_a_person(world):
    before = Person.objects.count()
    person_for_claims({"email": "nieuw@voorbeeld.example", "name": "Nieuw"})
    assert Person.objects.count() == before


def test_a_client_id_alone_stops_start_up_with_a_message(tmp_path):
    # Set up half (or without the library), OIDC must not silently fall back to passwords only.
    env = {
        **os.environ,
        "OIDC_RP_CLIENT_ID": "raadsloket",
        "SECRET_KEY": "x" * 40,
        "RAADSLOKET_VAR": str(tmp_path),
    }
    result = subprocess.run(
        [sys.executable, "-c", "import raadsloket.settings"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert (
        "mozilla-django-oidc is niet geïnstalleerd" in result.stderr
        or "OpenID Connect is half ingesteld" in result.stderr
    )

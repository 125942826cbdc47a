# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket token USERNAME`: an API key for a person, of which only the hash is stored."""

import io
from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from raadsloket.api.models import ApiToken
from raadsloket.audit.models import AuditEvent
from raadsloket.organisation.models import Person


def token_for(username: str, *args: str) -> str:
    out = io.StringIO()
    call_command("token", username, *args, stdout=out)
    return out.getvalue().strip()


def me(client, token: str):
    return client.get("/api/v1/me", HTTP_AUTHORIZATION=f"Bearer {token}")


def test_token_authenticates_and_only_its_hash_is_stored(client, world):
    token = token_for("raadslid1", "--label", "koppeling")
    assert token.startswith("rl_")
    response = me(client, token)
    assert response.status_code == 200
    assert response.json()["username"] == "raadslid1"
    assert response.json()["municipality"] == "Gemeente Voorbeeld"
    _, prefix, secret = token.split("_", 2)
    stored = ApiToken.objects.get(prefix=prefix)
    assert stored.person == world["raadslid1"] and stored.label == "koppeling"
    for row in ApiToken.objects.values():
        assert not any(token in str(value) or secret in str(value) for value in row.values())
    assert stored.key_hash != secret and len(stored.key_hash) == 64
    # The secret is not in the audit log either.
    assert not any(secret in str(e.detail) for e in AuditEvent.objects.all())


def test_an_expired_or_revoked_token_is_refused(client, world):
    expired, revoked = token_for("griffier"), token_for("griffier")
    ApiToken.objects.filter(prefix=expired.split("_")[1]).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    ApiToken.objects.filter(prefix=revoked.split("_")[1]).update(revoked_at=timezone.now())
    tampered = token_for("griffier")[:-2] + "xx"
    for token in (expired, revoked, tampered, "rl_bestaatniet_geheim", "zomaar-iets"):
        response = me(client, token)
        assert response.status_code == 401, token
        assert response.json()["detail"] == "Niet ingelogd of ongeldige API-sleutel."
    assert client.get("/api/v1/me").status_code == 401


def test_a_token_for_an_inactive_person_is_refused(client, world):
    token = token_for("raadslid3")
    Person.objects.filter(username="raadslid3").update(is_active=False)
    assert me(client, token).status_code == 401


def test_token_for_an_unknown_user_is_a_dutch_error(world):
    with pytest.raises(CommandError, match="Gebruiker 'niemand' bestaat niet"):
        token_for("niemand")
    with pytest.raises(CommandError, match="--days moet tussen 1 en 365 liggen"):
        token_for("griffier", "--days", "0")
    assert not ApiToken.objects.exists()


def test_token_days_sets_the_expiry(world):
    token = token_for("griffier", "--days", "7")
    stored = ApiToken.objects.get(prefix=token.split("_")[1])
    assert timedelta(days=6) < stored.expires_at - timezone.now() <= timedelta(days=7)

# SPDX-License-Identifier: EUPL-1.2
"""Issuing and checking API tokens: `rl_<prefix>_<secret>`, stored as a hash."""

import hashlib
import hmac
import secrets
from datetime import timedelta

from django.utils import timezone

from raadsloket.api.models import MAX_DAYS, ApiToken
from raadsloket.audit import chain

DEFAULT_DAYS = 90
# last_used_at is written at most this often, so a busy integration costs no write per call.
LAST_USED_RESOLUTION = timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


def issue(person, *, days: int = DEFAULT_DAYS, label: str = "") -> str:
    if not 1 <= days <= MAX_DAYS:
        raise ValueError(f"days must be 1..{MAX_DAYS}")
    prefix = secrets.token_hex(5)
    secret = secrets.token_urlsafe(32)
    ApiToken.objects.create(
        person=person,
        prefix=prefix,
        key_hash=_hash(secret),
        label=label[:100],
        expires_at=timezone.now() + timedelta(days=days),
    )
    chain.record(
        "api.token_issued",
        actor=person,
        municipality_id=person.municipality_id,
        detail={"prefix": prefix, "days": days},
    )
    return f"rl_{prefix}_{secret}"


def authenticate(raw: str):
    """The person behind a valid, unexpired, unrevoked token, or None."""
    try:
        marker, prefix, secret = raw.split("_", 2)
    except ValueError:
        return None
    if marker != "rl" or not prefix or not secret:
        return None
    token = ApiToken.objects.select_related("person").filter(prefix=prefix).first()
    if token is None or not token.active or not token.person.is_active:
        return None
    if not hmac.compare_digest(token.key_hash, _hash(secret)):
        return None
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_RESOLUTION:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.person


def revoke(token: ApiToken, *, actor) -> bool:
    """Revoke a token for good; False when it was already revoked."""
    updated = ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if updated:
        chain.record(
            "api.token_revoked",
            actor=actor,
            municipality_id=token.person.municipality_id,
            detail={"prefix": token.prefix, "person": token.person.username},
        )
    return bool(updated)

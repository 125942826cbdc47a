# SPDX-License-Identifier: EUPL-1.2
"""API rate limits (SECURITY.md "Aantal verzoeken aan de API"): past the limit a Dutch 429 with
Retry-After; per person, so a colleague goes on working; per address for requests that do not
authenticate; and counted in the shared cache, not in the memory of one process."""

import re
import threading

import pytest
from django.core.cache import caches
from django.db import connection

from raadsloket.api.throttling import PER_PERSON
from raadsloket.api.tokens import issue

ME = "/api/v1/me"


def bearer(person):
    return {"HTTP_AUTHORIZATION": f"Bearer {issue(person)}"}


def assert_throttled(response):
    assert response.status_code == 429, response.content
    seconds = int(response["Retry-After"])
    assert 1 <= seconds <= 60
    detail = response.json()["detail"]
    assert re.fullmatch(r"Te veel verzoeken; probeer het over \d+ seconden? opnieuw\.", detail)
    assert f"over {seconds} " in detail


@pytest.mark.django_db
def test_past_the_limit_a_dutch_429_and_a_colleague_is_not_affected(client, world, settings):
    settings.API_REQUESTS_PER_MINUTE = 3
    member, colleague = bearer(world["raadslid1"]), bearer(world["raadslid2"])
    for _ in range(3):
        assert client.get(ME, **member).status_code == 200
    assert_throttled(client.get(ME, **member))
    # Every operation counts against the same person, not per URL.
    assert_throttled(client.get("/api/v1/cases", **member))
    assert client.get(ME, **colleague).status_code == 200


@pytest.mark.django_db
def test_a_session_counts_for_the_person_like_a_key(client, world, settings):
    settings.API_REQUESTS_PER_MINUTE = 2
    key = bearer(world["raadslid1"])
    assert client.get(ME, **key).status_code == 200
    client.force_login(world["raadslid1"])
    assert client.get(ME).status_code == 200
    assert_throttled(client.get(ME))


@pytest.mark.django_db
def test_failed_authentication_is_limited_per_address(client, world, settings):
    settings.API_ANONYMOUS_REQUESTS_PER_MINUTE = 2
    wrong = {"HTTP_AUTHORIZATION": "Bearer rl_0000000000_geraden"}
    for _ in range(2):
        assert client.get(ME, **wrong).status_code == 401
    assert_throttled(client.get(ME, **wrong))
    # Another address still gets its plain 401; a valid key is counted per person instead.
    assert client.get(ME, REMOTE_ADDR="192.0.2.7", **wrong).status_code == 401
    assert client.get(ME, **bearer(world["raadslid1"])).status_code == 200


def test_the_cache_is_shared_not_per_process(settings):
    # Local memory would give each gunicorn worker its own count (docs/scaling.md).
    backend = settings.CACHES["default"]["BACKEND"]
    assert backend in (
        "django.core.cache.backends.db.DatabaseCache",
        "django.core.cache.backends.redis.RedisCache",
    )


@pytest.mark.django_db(transaction=True)
def test_two_cache_connections_see_one_counter(client, world, settings):
    """A worker with its own cache client and its own database connection (another thread)
    sees the calls counted through this one, and its call is counted here in turn."""
    settings.API_REQUESTS_PER_MINUTE = 3
    member = bearer(world["raadslid1"])
    for _ in range(2):
        assert client.get(ME, **member).status_code == 200
    key = PER_PERSON.cache_format % {"scope": PER_PERSON.scope, "ident": world["raadslid1"].pk}
    seen: dict = {}

    def other_worker():
        other = caches.create_connection("default")
        try:
            assert other is not caches["default"]
            seen["history"] = other.get(key, [])
            seen["history"].insert(0, seen["history"][0])
            other.set(key, seen["history"], 60)
        finally:
            connection.close()

    thread = threading.Thread(target=other_worker)
    thread.start()
    thread.join()
    assert len(seen["history"]) == 3
    assert_throttled(client.get(ME, **member))


def test_redis_url_puts_the_shared_cache_in_redis(tmp_path):
    """REDIS_URL switches CACHES to Django's Redis backend; without the redis package that is a
    Dutch configuration error at start-up, not a silent fall-back to a per-process cache."""
    import importlib.util
    import os
    import subprocess
    import sys

    env = {**os.environ, "REDIS_URL": "redis://127.0.0.1:6390/0", "RAADSLOKET_VAR": str(tmp_path)}
    env.pop("DATABASE_URL", None)
    code = "from raadsloket import settings; print(settings.CACHES['default']['BACKEND'])"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60
    )
    if importlib.util.find_spec("redis") is None:
        assert done.returncode != 0
        assert "REDIS_URL is gezet, maar het pakket redis is niet geïnstalleerd" in done.stderr
    else:
        assert done.stdout.strip() == "django.core.cache.backends.redis.RedisCache", done.stderr

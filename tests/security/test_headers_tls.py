# SPDX-License-Identifier: EUPL-1.2
"""Transport and cookies: HSTS and the https redirect behind TLS, Secure and HttpOnly cookies.

ASVS V3.4 (cookie-based session management), V9.1 (communication security); BIO 13.2.1
(information transport). The settings are read from the environment at import, so the
BEHIND_TLS switch is tested by importing them in a fresh interpreter; the behaviour that
follows from the SECURE_* settings is tested with those settings overridden.
"""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings as django_settings
from django.test import Client

pytestmark = pytest.mark.django_db

YEAR = 365 * 24 * 3600

SHOW_SETTINGS = """
import json, django
django.setup()
from django.conf import settings as s
print(json.dumps({name: getattr(s, name, None) for name in (
    "SECURE_SSL_REDIRECT", "SECURE_HSTS_SECONDS", "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_PROXY_SSL_HEADER", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE",
    "SESSION_COOKIE_HTTPONLY", "X_FRAME_OPTIONS", "SECURE_CONTENT_TYPE_NOSNIFF",
    "SECURE_REFERRER_POLICY", "DEBUG", "TRUSTED_PROXIES")}))
"""


def settings_with(tmp_path, **env) -> dict:
    """The settings as a fresh process reads them with `env` (and nothing else of ours)."""
    clean = {
        k: v
        for k, v in os.environ.items()
        if k not in ("BEHIND_TLS", "DEBUG", "SECURE_COOKIES", "DATABASE_URL")
    }
    clean.update(
        {
            "DJANGO_SETTINGS_MODULE": "raadsloket.settings",
            "SECRET_KEY": "x" * 50,
            "RAADSLOKET_VAR": str(tmp_path),
        },
        **env,
    )
    done = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], env=clean, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_behind_tls_the_settings_turn_on_hsts_redirect_and_secure_cookies(tmp_path):
    shown = settings_with(tmp_path, BEHIND_TLS="true")
    assert shown["SECURE_SSL_REDIRECT"] is True
    assert shown["SECURE_HSTS_SECONDS"] >= YEAR
    assert shown["SECURE_HSTS_INCLUDE_SUBDOMAINS"] is True
    assert shown["SECURE_PROXY_SSL_HEADER"] == ["HTTP_X_FORWARDED_PROTO", "https"]
    assert shown["SESSION_COOKIE_SECURE"] is True
    assert shown["CSRF_COOKIE_SECURE"] is True
    assert shown["SESSION_COOKIE_HTTPONLY"] is True
    assert shown["X_FRAME_OPTIONS"] == "DENY"
    # The lock-out believes X-Forwarded-For only from the local nginx (test_auth_lockout_proxy).
    assert shown["TRUSTED_PROXIES"] == ["127.0.0.1"]


def test_without_tls_there_is_no_redirect_and_no_hsts_but_cookies_stay_secure(tmp_path):
    """The embedded http://127.0.0.1 default: HSTS there would lock a browser out of it."""
    shown = settings_with(tmp_path)
    assert not shown["SECURE_SSL_REDIRECT"]
    assert not shown["SECURE_HSTS_SECONDS"]
    assert shown["SESSION_COOKIE_SECURE"] is True  # not DEBUG: Secure unless told otherwise
    assert shown["CSRF_COOKIE_SECURE"] is True
    assert shown["TRUSTED_PROXIES"] == []


def test_a_misspelt_tls_switch_stops_the_start(tmp_path):
    """A typo must not silently leave production without HSTS."""
    clean = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "raadsloket.settings",
        "SECRET_KEY": "x" * 50,
        "RAADSLOKET_VAR": str(tmp_path),
        "BEHIND_TLS": "ja",
    }
    done = subprocess.run(
        [sys.executable, "-c", SHOW_SETTINGS], env=clean, capture_output=True, text=True, timeout=60
    )
    assert done.returncode != 0
    assert "BEHIND_TLS moet true of false zijn" in done.stderr


@pytest.fixture
def behind_tls(settings):
    """The settings BEHIND_TLS=true gives, for this test's requests."""
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_HSTS_SECONDS = YEAR
    settings.SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    settings.SESSION_COOKIE_SECURE = True
    settings.CSRF_COOKIE_SECURE = True
    return settings


def test_behind_tls_plain_http_is_redirected_to_https(behind_tls, world):
    for url in ["/", "/inloggen/", "/verzoeken/1", "/api/v1/me"]:
        response = Client().get(url)
        assert response.status_code == 301, url
        assert response["Location"] == f"https://testserver{url}", url
        assert "Strict-Transport-Security" not in response  # HSTS only over https


def test_behind_tls_https_answers_carry_hsts(behind_tls, world):
    behind_tls.API_DOCS_PUBLIC = True  # an API answer that needs no key
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    for url in ["/inloggen/", "/api/v1/openapi.json"]:
        response = client.get(url)
        assert response.status_code == 200, url
        hsts = response["Strict-Transport-Security"]
        assert f"max-age={YEAR}" in hsts and "includeSubDomains" in hsts, hsts


def test_behind_tls_a_login_over_https_sets_only_secure_cookies(behind_tls, world):
    client = Client(HTTP_X_FORWARDED_PROTO="https")
    client.get("/inloggen/")
    response = client.post("/inloggen/", {"username": "raadslid1", "password": "demo"})
    assert response.status_code == 302
    for name in (django_settings.SESSION_COOKIE_NAME, django_settings.CSRF_COOKIE_NAME):
        assert client.cookies[name]["secure"], name


def test_the_session_cookie_is_httponly_secure_and_samesite(world):
    client = Client()
    client.get("/inloggen/")
    csrf = client.cookies[django_settings.CSRF_COOKIE_NAME]
    response = client.post("/inloggen/", {"username": "raadslid1", "password": "demo"})
    assert response.status_code == 302
    session = response.cookies[django_settings.SESSION_COOKIE_NAME]
    assert session["httponly"] is True
    # Under test DEBUG is off, so the configured default (Secure unless DEBUG) applies.
    assert bool(session["secure"]) is django_settings.SESSION_COOKIE_SECURE is True
    assert session["samesite"].lower() in ("lax", "strict")
    assert bool(csrf["secure"]) is django_settings.CSRF_COOKIE_SECURE is True
    assert csrf["samesite"].lower() in ("lax", "strict")
    # The session ends with the browser and after a working day at most (BIO 9.4.2).
    assert not session["expires"] and not session["max-age"]
    assert django_settings.SESSION_COOKIE_AGE <= 8 * 3600

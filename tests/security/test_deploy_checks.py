# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket check --deploy` names, in Dutch, what a production instance still needs."""

import pytest
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.db import connection

from raadsloket.security import deploy_checks

PRODUCTION = {
    "ALLOWED_HOSTS": ["raadsloket.example.nl"],
    "SITE_URL": "https://raadsloket.example.nl",
    "SESSION_COOKIE_SECURE": True,
    "SECURE_SSL_REDIRECT": True,
    "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
}


def ids(findings) -> set[str]:
    return {finding.id for finding in findings}


@pytest.fixture
def production(settings):
    for name, value in PRODUCTION.items():
        setattr(settings, name, value)
    return settings


def test_a_production_configuration_passes_our_checks(production):
    assert deploy_checks.check_hosts() == []
    assert deploy_checks.check_tls() == []
    assert deploy_checks.check_mail() == []


@pytest.mark.django_db
def test_the_demo_configuration_is_refused_with_reasons(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
    settings.SITE_URL = "http://127.0.0.1:8000"
    settings.SESSION_COOKIE_SECURE = False
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    with pytest.raises(SystemCheckError) as raised:
        call_command("check", "--deploy")
    text = str(raised.value)
    for code in ("raadsloket.E001", "raadsloket.E003", "raadsloket.E004", "raadsloket.E005"):
        assert code in text
    assert "ALLOWED_HOSTS noemt alleen lokale namen" in text
    assert "E-mail wordt niet verstuurd (EMAIL_BACKEND is console)" in text
    assert "Zet BEHIND_TLS=true" in text


def test_any_host_is_refused(production):
    production.ALLOWED_HOSTS = ["*"]
    assert ids(deploy_checks.check_hosts()) == {"raadsloket.E002"}


def test_http_site_url_and_missing_tls_are_two_findings(production):
    production.SITE_URL = "http://raadsloket.example.nl"
    production.SECURE_SSL_REDIRECT = False
    assert ids(deploy_checks.check_tls()) == {"raadsloket.E003", "raadsloket.E004"}


@pytest.mark.django_db
def test_the_database_is_named(production):
    findings = deploy_checks.check_database()
    expected = {"raadsloket.W001"} if connection.vendor == "sqlite" else set()
    assert ids(findings) == expected


def test_an_ordinary_check_leaves_the_deploy_checks_out(settings):
    settings.ALLOWED_HOSTS = ["127.0.0.1"]
    call_command("check")  # no SystemCheckError: the demo runs as it is

# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket check --deploy`: Django's deployment checks plus raadsloket's own (docs/deployment.md).

Run before starting a production instance. Each finding says in Dutch what is wrong and which
environment variable sets it right (see docs/deployment.md). Registered with `deploy=True`, so
an ordinary `check` (and every test run) leaves them out.
"""

from urllib.parse import urlparse

from django.conf import settings
from django.core.checks import Error, Tags, Warning, register
from django.db import DatabaseError, connection

# What `make run` uses: fine on a laptop, never in production.
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "testserver", "[::1]"})
UNSENT_MAIL = (
    "django.core.mail.backends.console.EmailBackend",
    "django.core.mail.backends.locmem.EmailBackend",
    "django.core.mail.backends.dummy.EmailBackend",
    "django.core.mail.backends.filebased.EmailBackend",
)


@register(Tags.security, deploy=True)
def check_hosts(app_configs=None, **kwargs):
    hosts = set(settings.ALLOWED_HOSTS)
    if not hosts - LOCAL_HOSTS:
        return [
            Error(
                "ALLOWED_HOSTS noemt alleen lokale namen; de site is dan van buiten niet bereikbaar.",
                hint="Zet ALLOWED_HOSTS=raadsloket.gemeente.nl (komma's tussen meer namen).",
                id="raadsloket.E001",
            )
        ]
    if "*" in hosts:
        return [
            Error(
                "ALLOWED_HOSTS staat elke naam toe ('*'): dat opent de deur voor host-header-aanvallen.",
                hint="Noem de echte naam of namen van de site.",
                id="raadsloket.E002",
            )
        ]
    return []


@register(Tags.security, deploy=True)
def check_tls(app_configs=None, **kwargs):
    findings = []
    if urlparse(settings.SITE_URL).scheme != "https":
        findings.append(
            Error(
                f"SITE_URL ({settings.SITE_URL}) is geen https-adres; links in e-mails en "
                "agenda-uitnodigingen zouden onversleuteld zijn.",
                hint="Zet SITE_URL=https://raadsloket.gemeente.nl.",
                id="raadsloket.E003",
            )
        )
    if not (settings.SESSION_COOKIE_SECURE and getattr(settings, "SECURE_SSL_REDIRECT", False)):
        findings.append(
            Error(
                "De site draait niet achter TLS: cookies zonder Secure, geen doorverwijzing naar "
                "https en geen HSTS (BIO 13.2, OWASP ASVS 9.1).",
                hint="Zet BEHIND_TLS=true als nginx (of een andere proxy) https afhandelt.",
                id="raadsloket.E004",
            )
        )
    return findings


@register(Tags.security, deploy=True)
def check_mail(app_configs=None, **kwargs):
    if settings.EMAIL_BACKEND in UNSENT_MAIL:
        return [
            Error(
                "E-mail wordt niet verstuurd (EMAIL_BACKEND is "
                f"{settings.EMAIL_BACKEND.rsplit('.', 2)[-2]}): meldingen en herinneringen over "
                "termijnen komen dan nooit aan.",
                hint="Zet EMAIL_BACKEND=django.core.mail.backends.smtp.EmailBackend met EMAIL_HOST, "
                "EMAIL_PORT, EMAIL_USE_TLS en zo nodig EMAIL_HOST_USER/EMAIL_HOST_PASSWORD.",
                id="raadsloket.E005",
            )
        ]
    return []


@register(Tags.database, deploy=True)
def check_database(app_configs=None, **kwargs):
    findings = []
    if connection.vendor == "sqlite":
        findings.append(
            Warning(
                "De database is SQLite: goed voor een proef, niet voor veel gelijktijdige "
                "gebruikers of meer gemeenten.",
                hint="Zet DATABASE_URL=postgres://gebruiker@host/raadsloket (PostgreSQL 15 of nieuwer).",
                id="raadsloket.W001",
            )
        )
    try:
        connection.ensure_connection()
    except DatabaseError as error:
        findings.append(
            Error(
                f"De database is niet bereikbaar: {error}",
                hint="Controleer DATABASE_URL en of de databaseserver draait.",
                id="raadsloket.E006",
            )
        )
    return findings

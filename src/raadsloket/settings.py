# SPDX-License-Identifier: EUPL-1.2
"""The one settings module, configured by environment variables.

Without DATABASE_URL raadsloket runs on SQLite under ./var/ (the embedded default);
production sets DATABASE_URL to PostgreSQL.
"""

import importlib.util
from datetime import timedelta
from pathlib import Path
from typing import Any

import dj_database_url
from csp.constants import NONE, SELF

from raadsloket.env import (
    ConfigurationError,
    env_bool,
    env_int,
    env_list,
    env_str,
    local_secret_key,
)
from raadsloket.security.client_address import check_trusted_proxies

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = Path(env_str("RAADSLOKET_HOME", str(Path.cwd())))
VAR_DIR = Path(env_str("RAADSLOKET_VAR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("DEBUG", False)
# With DEBUG on, still the Dutch 400/404/500 pages (web.middleware); false shows Django's own.
DUTCH_ERROR_PAGES = env_bool("DUTCH_ERROR_PAGES", True)
SECRET_KEY = env_str("SECRET_KEY") or local_secret_key(VAR_DIR / "secret_key")
if len(SECRET_KEY) < 20:
    raise ConfigurationError("SECRET_KEY is te kort (minimaal 20 tekens)")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    # Serves the API docs page (Swagger UI) from local static files: the CSP allows no CDN.
    "ninja",
    "template_partials",
    "django_tasks",
    "django_tasks_db",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "raadsloket.organisation",
    "raadsloket.policy",
    "raadsloket.audit",
    "raadsloket.cases",
    "raadsloket.assistance",
    "raadsloket.written_questions",
    "raadsloket.advisor",
    "raadsloket.notify",
    "raadsloket.fractie_support",
    "raadsloket.training",
    "raadsloket.registers",
    "raadsloket.directory",
    "raadsloket.reflection",
    "raadsloket.publication",
    "raadsloket.security",
    "raadsloket.records",
    "raadsloket.privacy",
    "raadsloket.access",
    "raadsloket.api",
    "raadsloket.web",
    "raadsloket.demo",
    "raadsloket.council_term",
    "raadsloket.allowances",
    "raadsloket.time_planner",
    "raadsloket.safety",
    "raadsloket.follow",
    "raadsloket.audit_office",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    # The signed-in person's roles and device from the session while current (one version
    # number on the person row decides): raadsloket.access.session_cache.
    "raadsloket.access.session_cache.SessionAccessMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # After sessions, auth, OTP and messages: they log out an idle session and send a person who
    # must use two-factor authentication to set-up or verification.
    "raadsloket.security.middleware.SessionExpiryMiddleware",
    "raadsloket.security.middleware.TwoFactorMiddleware",
    "raadsloket.security.middleware.NoStoreMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # With DEBUG (the demo) the Dutch error pages all the same, not Django's debug pages.
    "raadsloket.web.middleware.DutchErrorPagesMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it turns a lock-out into the Dutch lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "raadsloket.urls"
WSGI_APPLICATION = "raadsloket.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    }
]

DATABASE_URL = env_str("DATABASE_URL")
if DATABASE_URL:
    DATABASES = {"default": dj_database_url.parse(DATABASE_URL, conn_max_age=60)}
    if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
        # Short OLTP queries: PostgreSQL's JIT compiler spent 600 ms compiling a 7 ms start-page
        # query at a million cases (docs/scaling.md). Off for raadsloket's sessions only.
        options = DATABASES["default"].setdefault("OPTIONS", {})
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": VAR_DIR / "raadsloket.sqlite3",
            "OPTIONS": {
                # WAL lets readers continue while one request writes.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
            },
        }
    }

# --- CACHES: the one cache every worker and every app server shares -----------------------------
# Rate limits (API and search) count in it, so it must never be per process: Django's default
# (local memory) would give every gunicorn worker its own count (docs/scaling.md "Beyond one
# machine"). The embedded default and a PostgreSQL instance use the database cache, whose table
# `migrate` makes (security/apps.py); REDIS_URL (redis://host:6379/0) puts it in Redis instead.
# Sessions (SESSION_ENGINE below) and the stored reflection reports (reflection.stored) use it
# too; keep every cache setting in this block.
REDIS_URL = env_str("REDIS_URL")
CACHE_TABLE = "raadsloket_cache"
CACHES: dict[str, dict[str, Any]]
if REDIS_URL:
    if importlib.util.find_spec("redis") is None:
        raise ConfigurationError(
            "REDIS_URL is gezet, maar het pakket redis is niet geïnstalleerd "
            "(pip install 'raadsloket[redis]')"
        )
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "raadsloket",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Rate-limit counters live a minute; culling a third past this bounds the table.
            "OPTIONS": {"MAX_ENTRIES": 50_000},
        }
    }
# --- end of CACHES ---------------------------------------------------------------------------

AUTH_USER_MODEL = "organisation.Person"
AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: refuses a locked-out login before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", "Nederlands"), ("en", "English")]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [PACKAGE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
NODE_MODULES = PROJECT_DIR / "node_modules"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
if (NODE_MODULES / "@utrecht").exists():
    STATICFILES_DIRS += [
        ("utrecht/components", NODE_MODULES / "@utrecht/component-library-css/dist"),
        ("utrecht/tokens", NODE_MODULES / "@utrecht/design-tokens/dist"),
    ]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
# Uploaded files live outside the web root and are served only through the access layer.
MEDIA_ROOT = VAR_DIR / "files"

# Signed checkpoints of the audit chains (audit/checkpoints.py, SECURITY.md): the private key
# belongs off the database server; the checkpoints where the database cannot rewrite them.
AUDIT_SIGNING_KEY = Path(env_str("AUDIT_SIGNING_KEY", str(VAR_DIR / "audit-signing-key.pem")))
AUDIT_CHECKPOINT_DIR = Path(env_str("AUDIT_CHECKPOINT_DIR", str(VAR_DIR / "audit-checkpoints")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions: in the shared cache with the database behind it (`cached_db`) where that cache is
# Redis; on the database cache that would read and write the same database twice, so there the
# sessions stay in their own table. Either way a session survives a cache flush.
SESSION_CACHE_ALIAS = "default"
SESSION_ENGINE = (
    "django.contrib.sessions.backends.cached_db"
    if REDIS_URL
    else "django.contrib.sessions.backends.db"
)
# Templates: with neither DEBUG nor `loaders` set Django wraps the loaders in its cached loader
# (Django 5.2 "Template loaders"), also in production; nothing to set here.

# The benchmark's bare-Django floor (raadsloket.web.bench_floor): only on a benchmark database,
# so that a production instance never serves it whatever its environment says.
BENCH_FLOOR = env_bool("BENCH_FLOOR", False)
if BENCH_FLOOR and "bench" not in str(DATABASES["default"]["NAME"]):
    raise ConfigurationError("BENCH_FLOOR mag alleen aan op een benchmarkdatabase.")

SESSION_COOKIE_HTTPONLY = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
# Behind TLS the cookies are Secure even in DEBUG; on the embedded http://127.0.0.1 they cannot be.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", env_bool("BEHIND_TLS", False) or not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
# A refused form (CSRF, ASVS V4.2.2) gets the Dutch error page, not Django's English one.
CSRF_FAILURE_VIEW = "raadsloket.web.errors.csrf_failure"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True

# Behind a TLS-terminating proxy (nginx): trust its X-Forwarded-Proto, redirect to https and
# send HSTS for a year (BIO / ASVS V9). Off on the embedded http://127.0.0.1 default.
BEHIND_TLS = env_bool("BEHIND_TLS", False)
if BEHIND_TLS:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SECURE_HSTS_SECONDS = 365 * 24 * 3600
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True

# The API schema (/api/v1/openapi.json) and its docs page (/api/v1/docs) only for a signed-in
# person or an API key; true publishes them to anyone (raadsloket.api.root.signed_in_docs).
API_DOCS_PUBLIC = env_bool("API_DOCS_PUBLIC", False)

# Content-Security-Policy without unsafe-inline: the templates carry no inline script or style.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

# Authentication (BIO 9.4.2, OWASP ASVS level 2, V2 and V3).
# Two-factor (TOTP) for the griffie, routing officers, college and administrators; off only for
# the demo (`make run`; `make run TWEESTAPS=aan` keeps it on). See raadsloket.security.two_factor.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "raadsloket"
# ASVS 3.3.2 (level 2): out after 30 minutes without activity, and after 8 hours whatever happens.
# Every request renews the idle window; the middleware enforces the profile's shorter idle time
# and the absolute limit.
SESSION_IDLE_MINUTES = env_int("SESSION_IDLE_MINUTES", 30, minimum=5, maximum=480)
SESSION_ABSOLUTE_HOURS = 8
# SECURITY.md "Filters, ordening en zoeken": searches per person per minute (cases.search). The
# count lives in CACHES, which every worker and app server shares.
SEARCHES_PER_MINUTE = env_int("SEARCHES_PER_MINUTE", 30, minimum=1, maximum=1_000_000)
# SECURITY.md "Aantal verzoeken aan de API": calls per minute per person (API key or session),
# and per address for a request that does not authenticate (api/throttling.py); counted in CACHES.
API_REQUESTS_PER_MINUTE = env_int("API_REQUESTS_PER_MINUTE", 600, minimum=1, maximum=1_000_000)
API_ANONYMOUS_REQUESTS_PER_MINUTE = env_int(
    "API_ANONYMOUS_REQUESTS_PER_MINUTE", 30, minimum=1, maximum=1_000_000
)
SESSION_COOKIE_AGE = SESSION_IDLE_MINUTES * 60
SESSION_SAVE_EVERY_REQUEST = True
# ASVS 2.2.1: five failed logins for one username from one address lock that pair for 30
# minutes; locking per pair keeps an attacker from locking a colleague out from elsewhere.
AXES_FAILURE_LIMIT = 5
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "raadsloket.security.lockout.lockout_response"
# The address counted is the socket's, or, for a request from a trusted proxy, the one that proxy
# put in X-Forwarded-For (raadsloket.security.client_address). TRUSTED_PROXIES lists the proxies
# in front of raadsloket, outermost first; behind TLS the default is the local nginx.
AXES_CLIENT_IP_CALLABLE = "raadsloket.security.client_address.client_address"
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", ["127.0.0.1"] if BEHIND_TLS else [])
if _proxy_problem := check_trusted_proxies(TRUSTED_PROXIES):
    raise ConfigurationError(_proxy_problem)

# Optional OpenID Connect sign-in with the municipality's identity provider
# (docs/deployment-oidc.md). Only existing people are matched, by e-mail; nobody is created.
OIDC_RP_CLIENT_ID = env_str("OIDC_RP_CLIENT_ID")
OIDC_ENABLED = bool(OIDC_RP_CLIENT_ID)
if OIDC_ENABLED:
    if importlib.util.find_spec("mozilla_django_oidc") is None:
        raise ConfigurationError(
            "OIDC_RP_CLIENT_ID is gezet, maar mozilla-django-oidc is niet geïnstalleerd "
            "(pip install 'raadsloket[oidc]')"
        )
    INSTALLED_APPS += ["mozilla_django_oidc"]
    AUTHENTICATION_BACKENDS += ["raadsloket.security.oidc_backend.PersonByEmailBackend"]
    OIDC_RP_CLIENT_SECRET = env_str("OIDC_RP_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = env_str("OIDC_OP_AUTHORIZATION_ENDPOINT")
    OIDC_OP_TOKEN_ENDPOINT = env_str("OIDC_OP_TOKEN_ENDPOINT")
    OIDC_OP_USER_ENDPOINT = env_str("OIDC_OP_USER_ENDPOINT")
    OIDC_OP_JWKS_ENDPOINT = env_str("OIDC_OP_JWKS_ENDPOINT")
    OIDC_RP_SIGN_ALGO = env_str("OIDC_RP_SIGN_ALGO", "RS256")
    OIDC_RP_SCOPES = env_str("OIDC_RP_SCOPES", "openid email")
    OIDC_CREATE_USER = False
    OIDC_USE_PKCE = True
    _missing = [
        name
        for name in (
            "OIDC_RP_CLIENT_SECRET",
            "OIDC_OP_AUTHORIZATION_ENDPOINT",
            "OIDC_OP_TOKEN_ENDPOINT",
            "OIDC_OP_USER_ENDPOINT",
        )
        if not globals()[name]
    ]
    if OIDC_RP_SIGN_ALGO.startswith(("RS", "ES")) and not OIDC_OP_JWKS_ENDPOINT:
        _missing.append("OIDC_OP_JWKS_ENDPOINT")
    if _missing:
        raise ConfigurationError(
            f"OpenID Connect is half ingesteld; ontbreekt: {', '.join(_missing)}"
        )

EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = int(env_str("EMAIL_PORT", "25"))
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "raadsloket <noreply@raadsloket.invalid>")
# Absolute links in mails and calendar invitations.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Notification mail runs as a task on the database backend (`raadsloket db_worker`); no Redis is
# needed in the embedded default. TASKS_IMMEDIATE runs it inline (tests, one-shot commands). The
# daily reminders and summaries are the `raadsloket reminders` command, run by the timer.
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend"
        if env_bool("TASKS_IMMEDIATE", False)
        else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "WARNING")},
}

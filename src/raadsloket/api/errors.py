# SPDX-License-Identifier: EUPL-1.2
"""Every API error as JSON with a Dutch message; 422 names the bad field."""

import math

from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

from raadsloket.access.cases import CaseNotFound
from raadsloket.api.throttling import PER_ADDRESS
from raadsloket.lib.errors import DomainError

_TYPE_MESSAGES = {
    "missing": "verplicht veld ontbreekt",
    "int_type": "moet een geheel getal zijn",
    "int_parsing": "moet een geheel getal zijn",
    "bool_type": "moet true of false zijn",
    "bool_parsing": "moet true of false zijn",
    "string_type": "moet tekst zijn",
    "list_type": "moet een lijst zijn",
    "dict_type": "moet een object zijn",
    "model_attributes_type": "moet een object zijn",
    "json_invalid": "ongeldige JSON",
    "float_parsing": "moet een getal zijn",
}


# ninja's own English messages, as a user of the API reads them.
_NINJA_MESSAGES = {
    # A session cookie without its CSRF token (ASVS V4.2.2); an API token needs none.
    "CSRF check Failed": "CSRF-controle mislukt: stuur het CSRF-token mee, of gebruik een "
    "API-sleutel (Authorization: Bearer).",
    "Cannot parse request body": "De inhoud van het verzoek is geen geldige JSON.",
}


def _field(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload", "form", "file")]
    return ".".join(parts) or "body"


def _message(error: dict) -> str:
    kind = error.get("type", "")
    if kind in ("enum", "literal_error"):
        # A value outside the schema's enum (lib/api.py OneOf): name the valid ones.
        return f"onbekende waarde; kies uit: {error.get('ctx', {}).get('expected', '')}"
    return _TYPE_MESSAGES.get(kind, "ongeldige waarde")


def dutch_validation(exc: ValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        message = _message(error)
        errors.setdefault(_field(error.get("loc", ())), []).append(message)
    return errors


def wait_seconds(wait: float | None) -> int:
    """Whole seconds until the next call is allowed (Retry-After is delta-seconds, RFC 9110)."""
    return max(1, math.ceil(wait)) if wait is not None else 60


def too_many(seconds: int) -> str:
    unit = "seconde" if seconds == 1 else "seconden"
    return f"Te veel verzoeken; probeer het over {seconds} {unit} opnieuw."


def install(api) -> None:
    def throttled_response(request, wait: float | None):
        seconds = wait_seconds(wait)
        response = api.create_response(
            request, {"detail": too_many(seconds), "errors": {}}, status=429
        )
        response["Retry-After"] = str(seconds)
        return response

    @api.exception_handler(Throttled)
    def throttled(request, exc):
        # ninja sets Retry-After itself from the same wait; the body says it in Dutch.
        return throttled_response(request, exc.wait)

    @api.exception_handler(ValidationError)
    def validation(request, exc):
        errors = dutch_validation(exc)
        fields = ", ".join(errors)
        return api.create_response(
            request, {"detail": f"Ongeldige invoer in: {fields}.", "errors": errors}, status=422
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
        # A request that does not authenticate never reaches the throttles of the operation
        # (ninja checks them after authentication): it counts here, per address, so that
        # guessing API keys is slow (api/throttling.py).
        if not PER_ADDRESS.allow_request(request):
            return throttled_response(request, PER_ADDRESS.wait())
        return api.create_response(
            request,
            {"detail": "Niet ingelogd of ongeldige API-sleutel.", "errors": {}},
            status=401,
        )

    @api.exception_handler(CaseNotFound)
    def not_found(request, exc):
        return api.create_response(
            request, {"detail": "Verzoek niet gevonden.", "errors": {}}, status=404
        )

    @api.exception_handler(DomainError)
    def workflow(request, exc):
        return api.create_response(
            request, {"detail": exc.message, "errors": exc.errors}, status=exc.status
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        detail = _NINJA_MESSAGES.get(str(exc), str(exc))
        return api.create_response(
            request, {"detail": detail, "errors": {}}, status=exc.status_code
        )

    @api.exception_handler(SuspiciousOperation)
    def suspicious(request, exc):
        # Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE while ninja reads it; without
        # this it would reach the catch-all below as a 500 (ASVS V13.1.3: limits, not crashes).
        if isinstance(exc, RequestDataTooBig):
            return api.create_response(
                request,
                {"detail": "Het verzoek is te groot (hoogstens 5 MB).", "errors": {}},
                status=413,
            )
        return api.create_response(
            request, {"detail": "Ongeldig verzoek.", "errors": {}}, status=400
        )

    @api.exception_handler(Exception)
    def unexpected(request, exc):
        # Never a stack trace to a user; the transaction has rolled back.
        import logging

        logging.getLogger("raadsloket.api").exception("unexpected API error")
        return api.create_response(
            request,
            {"detail": "Er ging iets mis; er is niets opgeslagen.", "errors": {}},
            status=500,
        )

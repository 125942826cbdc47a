# SPDX-License-Identifier: EUPL-1.2
"""Every API error as JSON with a Dutch message; 422 names the bad field."""

from ninja.errors import AuthenticationError, HttpError, ValidationError

from raadsloket.access.cases import CaseNotFound
from raadsloket.cases.errors import WorkflowError

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


def _field(loc) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "payload")]
    return ".".join(parts) or "body"


def dutch_validation(exc: ValidationError) -> dict[str, list[str]]:
    errors: dict[str, list[str]] = {}
    for error in exc.errors:
        message = _TYPE_MESSAGES.get(error.get("type", ""), "ongeldige waarde")
        errors.setdefault(_field(error.get("loc", ())), []).append(message)
    return errors


def install(api) -> None:
    @api.exception_handler(ValidationError)
    def validation(request, exc):
        errors = dutch_validation(exc)
        fields = ", ".join(errors)
        return api.create_response(
            request, {"detail": f"Ongeldige invoer in: {fields}.", "errors": errors}, status=422
        )

    @api.exception_handler(AuthenticationError)
    def unauthenticated(request, exc):
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

    @api.exception_handler(WorkflowError)
    def workflow(request, exc):
        return api.create_response(
            request, {"detail": exc.message, "errors": exc.errors}, status=exc.status
        )

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        return api.create_response(
            request, {"detail": str(exc), "errors": {}}, status=exc.status_code
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

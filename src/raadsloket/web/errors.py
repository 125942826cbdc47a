# SPDX-License-Identifier: EUPL-1.2
"""Dutch error pages: never a stack trace to a user."""

from django.shortcuts import render


def _page(request, status: int, title: str, message: str):
    return render(request, "errors/error.html", {"title": title, "message": message}, status=status)


def bad_request(request, exception=None):
    return _page(request, 400, "Ongeldig verzoek", "Het verzoek kon niet worden verwerkt.")


def forbidden(request, exception=None):
    return _page(request, 403, "Geen toegang", "U heeft geen toegang tot deze pagina of actie.")


def csrf_failure(request, reason=""):
    # Django's own CSRF page is English-tagged and styled inline (blocked by the CSP); a form
    # that is stale or came from another site gets the same Dutch page as every other error.
    return _page(
        request,
        403,
        "Formulier verlopen",
        "Dit formulier is verlopen of kwam niet van raadsloket. Er is niets opgeslagen. "
        "Ga terug, vernieuw de pagina en probeer het opnieuw.",
    )


def not_found(request, exception=None):
    return _page(
        request, 404, "Niet gevonden", "Deze pagina bestaat niet, of u heeft er geen toegang toe."
    )


def server_error(request):
    return _page(
        request,
        500,
        "Er ging iets mis",
        "Er ging iets mis aan onze kant. Er is niets opgeslagen; probeer het opnieuw.",
    )

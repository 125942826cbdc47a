# SPDX-License-Identifier: EUPL-1.2
"""What every app's pages share: the Dutch 403 page, and a domain error's messages on a form."""

from django.shortcuts import render


def forbidden(request, message: str):
    return render(
        request, "errors/error.html", {"title": "Geen toegang", "message": message}, status=403
    )


def apply_errors(form, errors: dict[str, list[str]]) -> None:
    """Put the domain's field errors on the form, once each; a field the form lacks goes on top."""
    for name, field_messages in errors.items():
        target = name if name in form.fields else None
        present = form.errors.get(target or "__all__", [])
        for message in field_messages:
            if message not in present:
                form.add_error(target, message)

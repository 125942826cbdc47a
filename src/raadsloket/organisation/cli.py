# SPDX-License-Identifier: EUPL-1.2
"""What the command-line tools share: finding a municipality by the slug a user typed, and
writing a file where the user asked."""

from pathlib import Path

from django.core.management.base import CommandError

from raadsloket.organisation.models import Municipality

# Exit status for wrong input (as argparse uses), apart from 1 for a failure.
BAD_INPUT = 2


def bad_input(message: str) -> CommandError:
    return CommandError(message, returncode=BAD_INPUT)


def municipality_by_slug(slug: str | None) -> Municipality:
    """The municipality, or a Dutch error that names the ones that exist."""
    if not slug:
        raise bad_input("Geef de gemeente op met --gemeente, bijvoorbeeld --gemeente voorbeeld.")
    found = Municipality.objects.filter(slug=slug).first()
    if found is None:
        known = ", ".join(Municipality.objects.order_by("slug").values_list("slug", flat=True))
        raise bad_input(f"Gemeente '{slug}' bestaat niet. Bekend: {known or 'geen'}.")
    return found


def write_file(path: str, content: bytes) -> None:
    """Write `content` to `path`, or a Dutch error that says why not (no traceback)."""
    try:
        Path(path).write_bytes(content)
    except OSError as error:
        raise CommandError(f"Kan '{path}' niet schrijven: {error.strerror or error}.") from error

# SPDX-License-Identifier: EUPL-1.2
"""Why a domain action did not happen: one hierarchy for every app.

A domain function raises one of these with a Dutch message; the page puts the field errors on
its form, the API (api/errors.py) answers with the status and the same messages as JSON.
"""


class DomainError(Exception):
    status = 400

    def __init__(
        self,
        message: str,
        *,
        errors: dict[str, list[str]] | None = None,
        field: str | None = None,
    ):
        super().__init__(message)
        self.message = message
        self.errors: dict[str, list[str]] = dict(errors or {})
        if field is not None:
            self.errors.setdefault(field, [message])

    @property
    def field(self) -> str | None:
        """The first field the error names, for a form that shows one message per field."""
        return next(iter(self.errors), None)

    def rename_field(self, old: str, new: str) -> None:
        """The API calls a field otherwise than the domain function (`date` for `on`)."""
        if old in self.errors:
            self.errors = {new if name == old else name: msgs for name, msgs in self.errors.items()}


class NotFound(DomainError):
    status = 404


class Forbidden(DomainError):
    status = 403


class Conflict(DomainError):
    """The action is not possible in the present state (or someone else was first)."""

    status = 409


class InvalidInput(DomainError):
    status = 422

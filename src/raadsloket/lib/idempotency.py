# SPDX-License-Identifier: EUPL-1.2
"""Create a record once per form: Back and "Indienen" again must not file it twice.

Every create form carries a random token in a hidden field, made when the form is rendered
(`token_field`). The created record stores it, under a unique constraint per municipality, so a
second submit with the same token is refused by the database inside the creating transaction:
two concurrent submits give one record, with no check-then-insert window (`insert_once`).
The token lives on the record itself rather than in a table of used tokens: the constraint then
guards the very row that is inserted, and the existing record is found by the same index.
"""

import secrets
from collections.abc import Callable
from typing import TypeVar

from django import forms
from django.core.validators import RegexValidator
from django.db import IntegrityError, transaction

from raadsloket.lib.errors import Conflict

T = TypeVar("T")

TOKEN_LENGTH = 64
_TOKEN_PATTERN = r"^[A-Za-z0-9_-]{16,64}$"
ALREADY_SUBMITTED = "Dit verzoek is al ingediend."
FORM_USED = "Dit formulier is al gebruikt; open het opnieuw en vul het nog eens in."


def new_token() -> str:
    return secrets.token_urlsafe(24)


def token_field() -> forms.CharField:
    """The hidden field of a create form; a fresh token each time the form is rendered."""
    return forms.CharField(
        required=False,
        max_length=TOKEN_LENGTH,
        initial=new_token,
        widget=forms.HiddenInput,
        validators=[
            RegexValidator(
                _TOKEN_PATTERN,
                "Dit formulier is beschadigd; open het opnieuw en vul het nog eens in.",
            )
        ],
    )


def token_constraint_condition(field: str = "submission_token"):
    """Records made without a token (the command line, old rows) are not held to be unique."""
    from django.db.models import Q

    return ~Q(**{field: ""})


class AlreadySubmitted(Conflict):
    """The same form was submitted before: `existing` is what that first submit created."""

    def __init__(self, existing, message: str = ALREADY_SUBMITTED):
        super().__init__(message)
        self.existing = existing


def insert_once(
    save: Callable[[], T],
    *,
    token: str,
    existing: Callable[[], T | None],
    owned: Callable[[T], bool],
    message: str = ALREADY_SUBMITTED,
) -> T:
    """`save()` in a savepoint; when the token's unique constraint refuses it, AlreadySubmitted.

    Call inside the creating transaction. `existing` finds the record the token made (None: the
    token was not the cause, and the database's error stands); `owned` says whether it is the
    actor's own, since only they are told where it is (the bubble).
    """
    if not token:
        return save()
    try:
        with transaction.atomic():
            return save()
    except IntegrityError:
        found = existing()
        if found is None:
            raise
        if not owned(found):
            raise Conflict(FORM_USED) from None
        raise AlreadySubmitted(found, message) from None

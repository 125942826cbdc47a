# SPDX-License-Identifier: EUPL-1.2
"""The error schema every API router shares, so that an app's router needs nothing of `api/`
(the root imports the routers, never the other way round)."""

from ninja import Schema


class ErrorOut(Schema):
    detail: str
    errors: dict[str, list[str]] = {}


# 400: a body that is not JSON or a refusal of the domain; 401: no session and no valid API key;
# 403: an action the caller may not do (or a session cookie without its CSRF token); 404: an
# invisible or missing object; 409: not in this state; 413: a body over
# DATA_UPLOAD_MAX_MEMORY_SIZE; 422: a field that does not validate (api/errors.py).
ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
    422: ErrorOut,
}

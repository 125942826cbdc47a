# SPDX-License-Identifier: EUPL-1.2
"""What every API router shares, so that an app's router needs nothing of `api/` (the root
imports the routers, never the other way round): the error schema and the conventions.

- Amounts are strings with two decimals ("1234.50"), never floats; dates are ISO.
- An object the caller may not see answers 404 exactly like a missing id (also ids beyond
  2**63-1, which the database cannot hold); an action the caller may not do on an object they
  do see answers 403. Lists show only what the caller may see (empty for outsiders).
- Every refusal of the domain (DomainError) is a Dutch JSON error with its status and field.
"""

from decimal import Decimal

from django.utils import timezone
from ninja import Field, Schema

from raadsloket.lib.errors import DomainError
from raadsloket.lib.money import TOO_MANY_DECIMALS, ZERO, cents
from raadsloket.lib.numbers import NumberError, parse_decimal

MAX_ID = 2**63 - 1
MAX_PAGE = 100
FIRST_YEAR, LAST_YEAR = 2000, 2100
AMOUNT_HELP = 'bedrag in euro als tekst met hoogstens twee decimalen, bijvoorbeeld "125.50"'


class YearFilter(Schema):
    year: int | None = Field(
        None, ge=FIRST_YEAR, le=LAST_YEAR, description="het jaar; standaard het lopende jaar"
    )


class PageFilter(YearFilter):
    after: int | None = Field(None, description="de next_after van de vorige pagina")
    limit: int = 50


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


def api_amount(value) -> str:
    """An amount as "1234.50": exact, and never "-0.00"."""
    amount = cents(Decimal(value))
    return f"{amount if amount else ZERO:.2f}"


def parse_amount(text: str, field: str) -> Decimal:
    """'125.50' or '125,50' as a Decimal, read by the one parser (lib/numbers.py) in its strict
    form: a machine writes no thousands grouping, so "1.234" is not read as twelve hundred."""
    try:
        return parse_decimal(text, places=2, strict=True)
    except NumberError as error:
        message = {
            "decimals": TOO_MANY_DECIMALS,
            "negative": "Een bedrag heeft geen minteken.",
        }.get(error.code, 'Schrijf het bedrag als tekst, bijvoorbeeld "125.50".')
        raise DomainError(message, field=field) from error


def this_year_or(year: int | None) -> int:
    return year if year is not None else timezone.localdate().year


def page_limit(limit: int) -> int:
    return max(1, min(limit, MAX_PAGE))


def valid_id(value: int) -> bool:
    return 0 < value <= MAX_ID

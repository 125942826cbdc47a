# SPDX-License-Identifier: EUPL-1.2
"""What every API router shares, so that an app's router needs nothing of `api/` (the root
imports the routers, never the other way round): the error schema and the conventions.

- Amounts are strings with two decimals ("1234.50"), never floats; dates are ISO.
- An object the caller may not see answers 404 exactly like a missing id (also ids beyond
  2**63-1, which the database cannot hold); an action the caller may not do on an object they
  do see answers 403. Lists show only what the caller may see (empty for outsiders).
- Every refusal of the domain (DomainError) is a Dutch JSON error with its status and field.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.utils import timezone
from ninja import Field, Schema
from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler
from pydantic_core import PydanticCustomError, core_schema

from raadsloket.lib.errors import DomainError
from raadsloket.lib.money import TOO_MANY_DECIMALS, ZERO, cents
from raadsloket.lib.numbers import NumberError, parse_decimal

MAX_PAGE = 100
FIRST_YEAR, LAST_YEAR = 2000, 2100
AMOUNT_HELP = 'bedrag in euro als tekst met hoogstens twee decimalen, bijvoorbeeld "125.50"'


@dataclass(frozen=True, init=False)
class OneOf:
    """`Annotated[str, OneOf(Model.Choices)]`: a text that must be one of the values, listed as
    `enum` in the OpenAPI schema so an integration learns them from it. The values come from
    the model's choices (or the workflow's verbs), never a copy; an unknown one is a Dutch 422
    naming the valid ones (api/errors.py, error type "enum")."""

    values: tuple[str, ...]

    def __init__(self, choices: Iterable[str] | Any, *extra: str) -> None:
        # A Choices class gives its values; a list or a dict (its keys) gives itself.
        values = getattr(choices, "values") if isinstance(choices, type) else choices  # noqa: B009
        object.__setattr__(self, "values", (*(str(v) for v in values), *extra))

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler):
        return core_schema.no_info_after_validator_function(self.check, handler(source))

    def __get_pydantic_json_schema__(self, schema, handler: GetJsonSchemaHandler):
        json_schema = handler(schema)
        json_schema["enum"] = list(self.values)
        return json_schema

    def check(self, value: str) -> str:
        if value not in self.values:
            raise PydanticCustomError(
                "enum", "unknown value", {"expected": ", ".join(v or '""' for v in self.values)}
            )
        return value


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
# DATA_UPLOAD_MAX_MEMORY_SIZE; 422: a field that does not validate (api/errors.py); 429: more
# calls than the rate limit allows (api/throttling.py), with Retry-After.
ERRORS = {
    400: ErrorOut,
    401: ErrorOut,
    403: ErrorOut,
    404: ErrorOut,
    409: ErrorOut,
    413: ErrorOut,
    422: ErrorOut,
    429: ErrorOut,
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

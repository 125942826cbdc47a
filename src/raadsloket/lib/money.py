# SPDX-License-Identifier: EUPL-1.2
"""Euro amounts: rounded to cents half up, shown the Dutch way (€ 1.314,30), typed the Dutch
or the international way (lib/numbers.py reads them)."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MinValueValidator

from raadsloket.lib.numbers import DutchDecimalField, format_decimal, parse_decimal

AMOUNT_EXAMPLE = "Vul een bedrag in zoals 1.234,56 of 1234.56."
TOO_MANY_DECIMALS = "Een bedrag heeft hoogstens twee cijfers achter de komma."
AMOUNT_MESSAGES = {
    "invalid": AMOUNT_EXAMPLE,
    "required": "Vul het bedrag in.",
    "negative": AMOUNT_EXAMPLE,
    "decimals": TOO_MANY_DECIMALS,
    "too_large": "Dat bedrag is te groot.",
}
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# A model field's amount: up to ten billion euro in cents; POSITIVE refuses zero and less.
MONEY = {"max_digits": 12, "decimal_places": 2}
POSITIVE = [MinValueValidator(CENT)]


def cents(value: Decimal | int) -> Decimal:
    return Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


def euro(value: Decimal | int | None) -> str:
    """€ 1.314,30; a negative amount as − € 12,00."""
    if value is None:
        return ""
    amount = cents(value)
    sign = "− " if amount < 0 else ""
    return f"{sign}€ {format_decimal(abs(amount), 2)}"


def parse_amount(text: str) -> Decimal:
    """'€ 1.234,56', '1234,56', '1234.56' → Decimal('1234.56'); else a NumberError in Dutch."""
    return parse_decimal(text, places=2, currency=True)


def plain_amount(value: Decimal | None) -> str:
    """An amount as a form shows it back: '10.000,00' (what `parse_amount` reads)."""
    return "" if value is None else format_decimal(value, 2)


class AmountField(DutchDecimalField):
    """A euro amount typed the Dutch or the international way; the value is a Decimal."""

    def __init__(self, **kwargs):
        kwargs.setdefault("places", 2)
        kwargs.setdefault("currency", True)
        kwargs["error_messages"] = {**AMOUNT_MESSAGES, **kwargs.get("error_messages", {})}
        super().__init__(**kwargs)

# SPDX-License-Identifier: EUPL-1.2
"""Euro amounts: rounded to cents half up, shown the Dutch way (€ 1.314,30)."""

from decimal import ROUND_HALF_UP, Decimal

from django.core.validators import MinValueValidator

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
    whole, fraction = f"{abs(amount):,.2f}".split(".")
    return f"{sign}€ {whole.replace(',', '.')},{fraction}"

# SPDX-License-Identifier: EUPL-1.2
"""Numbers typed and shown the Dutch way: the one parser, its form field and the formatter."""

from decimal import Decimal

import pytest

from raadsloket.lib.api import parse_amount as api_amount
from raadsloket.lib.errors import DomainError
from raadsloket.lib.numbers import (
    DutchDecimalField,
    DutchIntegerField,
    NumberError,
    format_decimal,
    parse_decimal,
)


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("1,5", "1.5"),
        ("1.5", "1.5"),
        ("1.234,56", "1234.56"),
        ("1234,56", "1234.56"),
        ("1 234,56", "1234.56"),
        ("1\u00a0234,56", "1234.56"),
        ("1\u202f234,56", "1234.56"),
        ("1,234.56", "1234.56"),
        ("1.234.567,8", "1234567.8"),
        ("1.234", "1234"),
        ("1234.5", "1234.5"),
        ("0,5", "0.5"),
        (",5", "0.5"),
        (" 3,5 ", "3.5"),
        ("12,-", "12"),
        ("007", "7"),
    ],
)
def test_dutch_and_international_numbers_are_read_exactly(typed, value):
    assert parse_decimal(typed) == Decimal(value)


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("1,2,3", "invalid"),
        ("1.23.4,5", "invalid"),
        ("12.345,6.7", "invalid"),
        ("1.23.456", "invalid"),
        ("1 2", "invalid"),
        ("1.234 567", "invalid"),
        ("abc", "invalid"),
        ("1,5 uur", "invalid"),
        ("1e5", "invalid"),
        ("NaN", "invalid"),
        ("Infinity", "invalid"),
        (",", "invalid"),
        ("", "required"),
        ("   ", "required"),
        ("-1,5", "negative"),
        ("1" * 13, "too_large"),
        ("9" * 41, "invalid"),
    ],
)
def test_ambiguous_or_malformed_numbers_are_refused_in_dutch(typed, code):
    with pytest.raises(NumberError) as refused:
        parse_decimal(typed)
    assert refused.value.code == code
    assert refused.value.message.startswith("Vul ") or code == "too_large"


def test_the_field_says_how_many_decimals_it_takes():
    with pytest.raises(NumberError) as refused:
        parse_decimal("1,25", places=1)
    assert refused.value.message == "Vul hoogstens één cijfer achter de komma in."
    assert parse_decimal("1,50", places=1) == Decimal("1.5")
    assert parse_decimal("2,0", places=0) == 2
    for typed, places in (("2,5", 0), ("2,000", 0), ("1,230", 2)):
        with pytest.raises(NumberError, match="achter de komma"):
            parse_decimal(typed, places=places)


def test_a_sign_and_a_euro_sign_only_where_the_field_takes_them():
    assert parse_decimal("-1,5", signed=True) == Decimal("-1.5")
    assert parse_decimal("\u2212 1,5", signed=True) == Decimal("-1.5")
    assert parse_decimal("€ 1.234,56", currency=True) == Decimal("1234.56")
    with pytest.raises(NumberError):
        parse_decimal("€ 12")


@pytest.mark.parametrize(
    ("typed", "value"), [("125.50", "125.50"), ("125,50", "125.50"), ("12", "12.00")]
)
def test_the_api_reads_a_point_or_a_comma(typed, value):
    assert api_amount(typed, "amount") == Decimal(value)


@pytest.mark.parametrize("typed", ["1.234", "1.234,56", " 12.50", "12,3456", "-5", "1e3"])
def test_the_api_reads_no_grouping_and_no_spaces(typed):
    # A machine writes "1.234" for one euro and a fraction, never for twelve hundred.
    with pytest.raises(DomainError) as refused:
        api_amount(typed, "amount")
    assert "amount" in refused.value.errors


def test_the_field_is_a_text_input_for_the_dutch_comma():
    field = DutchDecimalField(places=1)
    html = field.widget.render(
        "hours", field.prepare_value(Decimal("1.5")), field.widget_attrs(field.widget)
    )
    assert 'type="text"' in html and 'inputmode="decimal"' in html and 'value="1,5"' in html
    assert 'type="number"' not in html


def test_the_field_refuses_outside_its_bounds_in_dutch():
    field = DutchDecimalField(places=1, min_value="0.5", max_value="24")
    assert field.clean("1,5") == Decimal("1.5")
    for typed, message in (("0,2", "Vul 0,5 of meer in."), ("24,5", "Vul hoogstens 24 in.")):
        with pytest.raises(Exception, match=message):
            field.clean(typed)


def test_a_whole_number_field_gives_an_int():
    field = DutchIntegerField(min_value=1)
    assert field.clean("1.200") == 1200 and isinstance(field.clean("3"), int)
    with pytest.raises(Exception, match="heel getal"):
        field.clean("2,5")


@pytest.mark.parametrize(
    ("value", "places", "shown"),
    [
        (Decimal("22.4000000000000"), 1, "22,4"),
        (Decimal("1234.56"), 1, "1.234,6"),
        (Decimal("0.05"), 1, "0,1"),
        (22.400000000000002, 1, "22,4"),
        (Decimal("-1.5"), 1, "\u22121,5"),
        (3, 0, "3"),
        (Decimal("1234567"), 2, "1.234.567,00"),
        (None, 1, ""),
    ],
)
def test_numbers_are_shown_with_fixed_dutch_decimals(value, places, shown):
    assert format_decimal(value, places) == shown

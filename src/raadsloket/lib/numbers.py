# SPDX-License-Identifier: EUPL-1.2
"""Numbers as Dutch people type and read them: one parser and one formatter for every form,
endpoint and page.

Read (`parse_decimal`): the decimal comma ("1,5", "1.234,56", "1234,56", "1 234,56"), and the
point a numeric keypad or an English keyboard types ("1.5", "1,234.56"). Dots or spaces group
thousands in threes; a single dot before exactly three digits ("1.234") is the Dutch thousands
dot, as the Dutch notation has it. What fits no reading ("1,2,3", "1.23.4,5", letters, an
exponent) is refused with a Dutch message instead of guessed at. Typed as text, never through a
browser's number input: that one drops or reinterprets the comma by the browser's locale, so
that "1,5" arrived as 15.

Write (`format_decimal`): fixed decimals, a decimal comma and thousands dots ("1.234,5").
"""

import re
from decimal import ROUND_HALF_UP, Decimal

from django import forms

from raadsloket.lib.errors import InvalidInput

# Longer than any number we store; a longer text is a typing error, not a number.
MAX_LENGTH = 40
MAX_WHOLE_DIGITS = 12
MINUS = ("-", "\u2212")  # hyphen-minus and the minus sign that `format_decimal` writes
_SPACES = re.compile(r"[ \u00a0\u202f]")
_DIGITS = re.compile(r"[0-9]+")
_FIRST_GROUP = re.compile(r"[1-9][0-9]{0,2}")
_GROUP = re.compile(r"[0-9]{3}")
_STRICT = re.compile(r"-?[0-9]+(?:[.,][0-9]+)?")
# "12,-" is how Dutch prices write whole euros.
_WHOLE_DASH = (",-", ",--")

MALFORMED = "Vul een getal in zoals 1,5 of 1.234,56."


class NumberError(InvalidInput):
    """Text that is no number, or not one this field takes; `code` says which rule."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.code = code


_COUNT_WORDS = {1: "één cijfer", 2: "twee cijfers", 3: "drie cijfers"}


def decimals_message(places: int) -> str:
    if places == 0:
        return "Vul een heel getal in, zonder cijfers achter de komma."
    digits = _COUNT_WORDS.get(places, f"{places} cijfers")
    return f"Vul hoogstens {digits} achter de komma in."


def _ungroup(whole: str, separator: str) -> str | None:
    """'1.234.567' → '1234567' when every group after the first has three digits."""
    groups = whole.split(separator)
    if not _FIRST_GROUP.fullmatch(groups[0]):
        return None
    if not all(_GROUP.fullmatch(group) for group in groups[1:]):
        return None
    return "".join(groups)


def _point_is_grouping(text: str) -> bool:
    """Only dots: '1.234' and '1.234.567' are Dutch thousands; '1.5', '0.125' and '1234.56' a
    point."""
    if _SPACES.search(text) or _ungroup(text, ".") is None:
        return text.count(".") > 1
    return True


def _split(text: str) -> tuple[str | None, str]:
    """(whole part without grouping, fraction); None for the whole part when the separators
    make no sense."""
    spaced = bool(_SPACES.search(text))
    text = _SPACES.sub(" ", text)
    if "," in text and "." in text:
        # Both marks: the last one separates the decimals ("1.234,56", "1,234.56").
        point, group = (",", ".") if text.rfind(",") > text.rfind(".") else (".", ",")
    elif "," in text:
        point, group = ",", "."
    elif "." in text and not _point_is_grouping(text):
        point, group = ".", ","
    else:
        point, group = ",", "."
    whole, _, fraction = text.partition(point)
    if point in fraction or (spaced and group in whole):
        return None, fraction
    separator = " " if spaced else group
    if separator not in whole:
        return whole, fraction
    return _ungroup(whole, separator), fraction


def _check_places(fraction: str, places: int | None) -> None:
    # "1,50" is 1,5 and "2,0" is 2; but three digits after the mark ("1,230", "2,000") may be
    # thousands written the English way, so those zeros count.
    significant = fraction.rstrip("0") if len(fraction) < 3 else fraction
    if places is not None and len(significant) > places:
        raise NumberError(decimals_message(places), "decimals")


def _unsigned(raw: str, signed: bool) -> tuple[bool, str]:
    if not raw.startswith(MINUS):
        return False, raw
    if not signed:
        raise NumberError("Vul een getal in zonder minteken.", "negative")
    return True, raw[1:].lstrip()


def parse_decimal(
    text: str,
    *,
    places: int | None = None,
    signed: bool = False,
    currency: bool = False,
    strict: bool = False,
) -> Decimal:
    """The number typed in `text`, exactly; `places` is the most decimals the field takes,
    `currency` allows a leading euro sign, `strict` (the API's numbers, lib/api.py) takes only
    digits with one decimal point or comma: no grouping, spaces or sign around them.

    Raises NumberError with a Dutch message (codes: required, invalid, negative, decimals,
    too_large).
    """
    raw = (text or "") if strict else (text or "").strip()
    if not raw:
        raise NumberError("Vul een getal in.", "required")
    if len(raw) > MAX_LENGTH or (strict and not _STRICT.fullmatch(raw)):
        raise NumberError(MALFORMED, "invalid")
    negative, raw = _unsigned(raw, signed)
    if currency and raw.startswith("€"):
        raw = raw[1:].lstrip()
    if raw.endswith(_WHOLE_DASH):
        raw = raw.rpartition(",")[0] + ",0"
    whole, fraction = raw.replace(",", ".").partition(".")[::2] if strict else _split(raw)
    if (
        whole is None
        or not _DIGITS.fullmatch(whole or "0")
        or not _DIGITS.fullmatch(fraction or "0")
    ):
        raise NumberError(MALFORMED, "invalid")
    if not whole and not fraction:
        raise NumberError(MALFORMED, "invalid")
    _check_places(fraction, places)
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise NumberError("Dat getal is te groot.", "too_large")
    # Digits only, checked above: Decimal() cannot fail here.
    value = Decimal(f"{whole or '0'}.{fraction or '0'}")
    if places is not None:
        value = value.quantize(Decimal(1).scaleb(-places))
    return -value if negative else value


def format_decimal(value: Decimal | int | float | None, places: int = 1) -> str:
    """'1.234,5' for places=1: fixed decimals, rounded half up; a negative number as '−1,5'."""
    if value is None:
        return ""
    number = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "\u2212" if number < 0 else ""
    whole, _, fraction = f"{abs(number):,.{places}f}".partition(".")
    text = whole.replace(",", ".")
    return f"{sign}{text},{fraction}" if fraction else f"{sign}{text}"


class DutchDecimalField(forms.Field):
    """A number typed as text the Dutch way (see the module docstring); the value is a Decimal.

    A text input with inputmode=decimal, never type=number: a browser's number input drops or
    reinterprets the comma by its locale. Messages per rule can be set through
    `error_messages` with the NumberError codes (invalid, negative, decimals, too_large) and
    min_value / max_value.
    """

    widget = forms.TextInput

    def __init__(
        self,
        *,
        places: int | None = None,
        signed: bool = False,
        currency: bool = False,
        min_value: Decimal | int | str | None = None,
        max_value: Decimal | int | str | None = None,
        **kwargs,
    ):
        self.places, self.signed, self.currency = places, signed, currency
        self.min_value = None if min_value is None else Decimal(min_value)
        self.max_value = None if max_value is None else Decimal(max_value)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if isinstance(widget, forms.TextInput):
            attrs.update({"inputmode": "decimal", "maxlength": str(MAX_LENGTH)})
        return attrs

    def to_python(self, value):
        if value in self.empty_values:
            return None
        # A number (a JSON number of the API, cases.forms.plain_input) is a machine's: its
        # point is a decimal point, never Dutch grouping ("1.125" is not eleven hundred).
        machine = isinstance(value, int | float | Decimal) and not isinstance(value, bool)
        try:
            return parse_decimal(
                str(value),
                places=self.places,
                signed=self.signed,
                currency=self.currency and not machine,
                strict=machine,
            )
        except NumberError as error:
            message = self.error_messages.get(error.code, error.message)
            raise forms.ValidationError(message, code=error.code) from error

    def validate(self, value):
        super().validate(value)
        if value is None:
            return
        if self.min_value is not None and value < self.min_value:
            low = format_decimal(self.min_value, _places_of(self.min_value))
            raise forms.ValidationError(
                self.error_messages.get("min_value", f"Vul {low} of meer in."), code="min_value"
            )
        if self.max_value is not None and value > self.max_value:
            high = format_decimal(self.max_value, _places_of(self.max_value))
            raise forms.ValidationError(
                self.error_messages.get("max_value", f"Vul hoogstens {high} in."),
                code="max_value",
            )

    def prepare_value(self, value):
        """A stored value shown back in the input as the parser reads it: '1,5'."""
        if isinstance(value, Decimal | int) and not isinstance(value, bool):
            places = self.places if self.places is not None else _places_of(Decimal(value))
            return format_decimal(value, places)
        return value


class DutchIntegerField(DutchDecimalField):
    """A whole number typed as text ("1.200" is twelve hundred); the value is an int."""

    def __init__(self, **kwargs):
        kwargs["places"] = 0
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        if "inputmode" in attrs:
            attrs["inputmode"] = "numeric"
        return attrs

    def to_python(self, value):
        number = super().to_python(value)
        return None if number is None else int(number)


def _places_of(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    return -exponent if isinstance(exponent, int) and exponent < 0 else 0

# SPDX-License-Identifier: EUPL-1.2
"""Form fields every app's forms share."""

from django import forms
from django.core.validators import MaxLengthValidator

from raadsloket.lib.numbers import format_decimal


def dutch_count(number: int) -> str:
    """10412 → "10.412", as a Dutch reader writes a number of characters."""
    return format_decimal(number, 0)


class LongTextField(forms.CharField):
    """A long text whose limit the member sees and is held to, never cut.

    No HTML maxlength: a browser cuts a pasted text at it without a word, and the rest is lost.
    The server refuses an over-long text with its length and the limit, and the page shows the
    text again in full; `static/raadsloket/counter.js` counts down as one types.
    """

    def __init__(self, *, noun: str, max_length: int, **kwargs):
        self.noun = noun
        self.limit = max_length
        super().__init__(max_length=max_length, **kwargs)
        # Django's own validator would come first with its own words; ours says the numbers.
        self.validators = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def to_python(self, value):
        text = super().to_python(value) or ""
        # A browser sends a line break as CR LF; count (and store) it as one, as the counter does.
        return text.replace("\r\n", "\n")

    def validate(self, value):
        super().validate(value)
        if value and len(value) > self.limit:
            raise forms.ValidationError(
                f"{self.noun} is {dutch_count(len(value))} tekens; het maximum is "
                f"{dutch_count(self.limit)}.",
                code="max_length",
            )

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.pop("maxlength", None)
        attrs["data-limit"] = str(self.limit)
        return attrs

# SPDX-License-Identifier: EUPL-1.2
"""Forms of the fractieondersteuning pages: they parse what a browser sends into the values the
services take. Whether an action is allowed is the services' and the access layer's business;
the forms only turn text into dates, amounts and choices, with Dutch messages."""

import re
from decimal import Decimal

from django import forms
from django.urls import reverse

from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.fractie_support.seats import MAX_SEATS
from raadsloket.lib.idempotency import token_field
from raadsloket.policy.schema import FractieSupport

AMOUNT_EXAMPLE = "Vul een bedrag in zoals 1.234,56 of 1234.56."
DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
# A group of digits between thousands separators; the first group may be shorter.
_FIRST_GROUP = re.compile(r"[1-9][0-9]{0,2}|0")
_GROUP = re.compile(r"[0-9]{3}")
_DIGITS = re.compile(r"[0-9]*")
MAX_WHOLE_DIGITS = 12
CATEGORY_GROUPS = (
    ("allowed", "Toegestaan"),
    ("ask_griffie", "Eerst voorleggen aan de griffie"),
    ("not_allowed", "Niet toegestaan"),
)


def _ungroup(text: str, separator: str) -> str | None:
    """'1.234.567' → '1234567' when every group after the first has three digits."""
    groups = text.split(separator)
    if not _FIRST_GROUP.fullmatch(groups[0]) or (len(groups) > 1 and groups[0] == "0"):
        return None
    if not all(_GROUP.fullmatch(group) for group in groups[1:]):
        return None
    return "".join(groups)


def _split_amount(raw: str) -> tuple[str | None, str]:
    """(whole part without separators, fraction) of an amount written the Dutch or the English
    way; None for the whole part when the separators make no sense."""
    if "," in raw and "." in raw:
        # Both: the last one separates the cents ("1.234,56" or "1,234.56").
        decimal, thousands = (",", ".") if raw.rfind(",") > raw.rfind(".") else (".", ",")
        whole, _, fraction = raw.rpartition(decimal)
        return (None if decimal in whole else _ungroup(whole, thousands)), fraction
    if "," in raw:
        # The Dutch decimal comma; more than one makes no amount.
        whole, _, fraction = raw.partition(",")
        return (None if "," in fraction else whole), fraction
    if "." in raw:
        # "1.234" and "1.234.567" are Dutch thousands; "1234.56" is an English decimal point.
        grouped = _ungroup(raw, ".")
        if grouped is not None and (raw.count(".") > 1 or len(raw.rpartition(".")[2]) == 3):
            return grouped, ""
        whole, _, fraction = raw.partition(".")
        return (None if "." in fraction else whole), fraction
    return raw, ""


def parse_amount(text: str) -> Decimal:
    """An amount in euros as people type it: '1.234,56', '1234,56', '1234.56', '€ 12'."""
    raw = re.sub(r"[\s\u00a0\u202f€]", "", text or "")
    if raw.startswith(("-", "−")):
        raise forms.ValidationError("Vul een bedrag in zonder minteken.", code="negative")
    whole, fraction = _split_amount(raw)
    if whole is None or not _DIGITS.fullmatch(whole) or not _DIGITS.fullmatch(fraction):
        raise forms.ValidationError(AMOUNT_EXAMPLE, code="invalid")
    if not whole and not fraction:
        raise forms.ValidationError(AMOUNT_EXAMPLE, code="invalid")
    if len(fraction) > 2:
        raise forms.ValidationError(
            "Een bedrag heeft hoogstens twee cijfers achter de komma.", code="decimals"
        )
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise forms.ValidationError("Dat bedrag is te groot.", code="too_large")
    return Decimal(f"{whole or '0'}.{fraction or '0'}").quantize(Decimal("0.01"))


class AmountField(forms.CharField):
    """A euro amount typed as text, so the Dutch comma is not lost to a number input."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("widget", forms.TextInput(attrs={"inputmode": "decimal"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        text = super().to_python(value)
        if text in self.empty_values:
            return None
        if len(text) > self.max_length:
            raise forms.ValidationError(AMOUNT_EXAMPLE, code="max_length")
        return parse_amount(text)

    def validate(self, value):
        if value is None and self.required:
            raise forms.ValidationError(self.error_messages["required"], code="required")

    def run_validators(self, value):
        # CharField's length validators would measure the Decimal; to_python checked the text.
        return None


def date_field(label: str, **kwargs) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        error_messages={"invalid": "Vul een geldige datum in, bijvoorbeeld 31-12-2025."},
        **kwargs,
    )


def category_choices(support: FractieSupport) -> list:
    """The profile's categories grouped by what the verordening says of them."""
    groups = []
    for status, title in CATEGORY_GROUPS:
        options = [(c.code, c.label) for c in support.categories if c.status == status]
        if options:
            groups.append((title, options))
    return [("", "— kies een categorie —"), *groups]


class ExpenseForm(forms.Form):
    """One expense as the treasurer records it (field names as the service's `field`)."""

    on = date_field("Datum van de uitgave")
    amount = AmountField(label="Bedrag in euro", help_text="Bijvoorbeeld 1.234,56")
    category = forms.ChoiceField(label="Categorie")
    description = forms.CharField(label="Omschrijving", max_length=500, min_length=3)
    proof = forms.FileField(
        label="Bewijsstuk (factuur of bon)",
        help_text="Een PDF of een foto (.pdf, .png, .jpg), hoogstens 10 MB.",
    )
    question = forms.CharField(
        label="Vraag aan de griffie",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=(
            "Verplicht bij een categorie die u eerst aan de griffie voorlegt. Met een vraag telt "
            "de uitgave pas mee als de griffie heeft geantwoord dat ze is toegestaan."
        ),
    )
    submission_token = token_field()

    def __init__(self, *args, support: FractieSupport, **kwargs):
        super().__init__(*args, **kwargs)
        category = self.fields["category"]
        category.choices = category_choices(support)
        # With htmx the rule and the precedents of the chosen category appear beside the form;
        # without JavaScript the page lists them all below it.
        category.widget.attrs.update(
            {
                "hx-get": reverse("fractie_support:precedents"),
                "hx-trigger": "change",
                "hx-target": "#rl-budget-category-info",
                "hx-swap": "innerHTML",
            }
        )
        self.fields["proof"].required = support.proof_required


class ReviewForm(forms.Form):
    """The griffie's judgement of one expense line."""

    review = forms.ChoiceField(
        label="Beoordeling",
        choices=[("", "— kies —")] + [c for c in Expense.Review.choices if c[0]],
    )
    remark = forms.CharField(
        label="Opmerking",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Leeg laten kan alleen bij akkoord.",
    )

    def __init__(self, *args, expense_id: int, **kwargs):
        # Many review forms share one page: each gets its own ids.
        super().__init__(*args, auto_id=f"id_review_{expense_id}_%s", **kwargs)
        if self.data.get("review") == Expense.Review.OK:
            self.fields["remark"].required = False


class ReturnForm(forms.Form):
    remark = forms.CharField(
        label="Wat moet de fractie verbeteren?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="id_return_%s", **kwargs)


class ApproveForm(forms.Form):
    remark = forms.CharField(
        label="Opmerking bij de vaststelling",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="id_approve_%s", **kwargs)


class RepaymentForm(forms.Form):
    on = date_field("Terugbetaling ontvangen op")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="id_repaid_%s", **kwargs)


class OpeningReserveForm(forms.Form):
    amount = AmountField(
        label="Beginreserve in euro",
        help_text="De reserve van vóór raadsloket, of afgesproken bij een samenvoeging.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="id_opening_%s", **kwargs)


class AnswerForm(forms.Form):
    """The griffie's answer to a question about an expense; it becomes a precedent."""

    answer = forms.ChoiceField(
        label="Antwoord",
        choices=[c for c in SpendingQuestion.Answer.choices if c[0]],
        widget=forms.RadioSelect,
    )
    reasoning = forms.CharField(
        label="Motivering",
        max_length=4000,
        min_length=10,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text="Andere fracties zien vraag, antwoord en motivering (zonder bedragen of fractie).",
    )


# --- seats, splits and merges (the griffie) ------------------------------------------------


class SeatChangeForm(forms.Form):
    fractie = forms.ChoiceField(label="Fractie")
    on = date_field("Met ingang van")
    seats = forms.IntegerField(label="Nieuw aantal zetels", min_value=1, max_value=MAX_SEATS)
    note = forms.CharField(
        label="Toelichting",
        required=False,
        max_length=300,
        help_text="Bijvoorbeeld: raadslid stapt over naar een andere fractie.",
    )

    def __init__(self, *args, fracties, **kwargs):
        super().__init__(*args, auto_id="id_seats_%s", **kwargs)
        # Choices from the page's own list: an id of another municipality is not a choice.
        self.fields["fractie"].choices = [("", "— kies een fractie —")] + [
            (str(f.pk), f.name) for f in fracties
        ]


class SplitForm(forms.Form):
    fractie = forms.ChoiceField(widget=forms.HiddenInput)
    on = date_field("Met ingang van")
    name = forms.CharField(label="Naam van de nieuwe fractie", max_length=120)
    seats = forms.IntegerField(
        label="Zetels die de nieuwe fractie meeneemt", min_value=1, max_value=MAX_SEATS
    )
    members = forms.MultipleChoiceField(
        label="Leden die naar de nieuwe fractie gaan",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, fractie, members, **kwargs):
        super().__init__(*args, auto_id="id_split_%s", **kwargs)
        self.fields["fractie"].choices = [(str(fractie.pk), fractie.name)]
        self.fields["fractie"].initial = str(fractie.pk)
        self.fields["members"].choices = [
            (str(m.pk), m.get_full_name() or m.username) for m in members
        ]


class MergeForm(forms.Form):
    fracties = forms.MultipleChoiceField(
        label="Fracties die samengaan", widget=forms.CheckboxSelectMultiple
    )
    on = date_field("Met ingang van")
    name = forms.CharField(label="Naam van de nieuwe fractie", max_length=120)

    def __init__(self, *args, fracties, **kwargs):
        super().__init__(*args, auto_id="id_merge_%s", **kwargs)
        self.fields["fracties"].choices = [(str(f.pk), f.name) for f in fracties]


def add_service_error(form: forms.Form, error) -> None:
    """Put a DomainError on the field it is about, or on the form as a whole."""
    target = error.field if error.field in form.fields else None
    form.add_error(target, error.message)

# SPDX-License-Identifier: EUPL-1.2
"""Forms of the fractieondersteuning pages: they parse what a browser sends into the values the
services take. Whether an action is allowed is the services' and the access layer's business;
the forms only turn text into dates, amounts and choices, with Dutch messages."""

from django import forms
from django.urls import reverse

from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.fractie_support.seats import MAX_SEATS
from raadsloket.lib.forms import LongTextField
from raadsloket.lib.idempotency import token_field
from raadsloket.lib.money import AmountField
from raadsloket.lib.numbers import DutchIntegerField
from raadsloket.policy.schema import FractieSupport

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]
CATEGORY_GROUPS = (
    ("allowed", "Toegestaan"),
    ("ask_griffie", "Eerst voorleggen aan de griffie"),
    ("not_allowed", "Niet toegestaan"),
)


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
    question = LongTextField(
        noun="De vraag aan de griffie",
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
    remark = LongTextField(
        noun="De opmerking",
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
    remark = LongTextField(
        noun="De toelichting",
        label="Wat moet de fractie verbeteren?",
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, auto_id="id_return_%s", **kwargs)


class ApproveForm(forms.Form):
    remark = LongTextField(
        noun="De opmerking",
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
    reasoning = LongTextField(
        noun="De motivering",
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
    seats = DutchIntegerField(label="Nieuw aantal zetels", min_value=1, max_value=MAX_SEATS)
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
    seats = DutchIntegerField(
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

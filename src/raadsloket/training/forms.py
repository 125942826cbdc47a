# SPDX-License-Identifier: EUPL-1.2
"""Forms of the opleidingen pages: they read the input; the rules live in `training`.

The forms only turn text into values (an amount, a date) and say in Dutch what could not be
read. Whether a course fits the budget, and the rule that the budget is not for party-political
training (toolkit seed, "Leren en ontwikkelen"), are checked by `raadsloket.training.services`,
so the API and the pages give the same answer.
"""

from django import forms

from raadsloket.lib.forms import LongTextField
from raadsloket.lib.idempotency import token_field
from raadsloket.lib.money import AmountField
from raadsloket.training.models import TrainingRequest


class DutchDateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        # The browser's date picker sends and shows ISO dates.
        super().__init__(format="%Y-%m-%d")


def date_field(label: str, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        help_text=help_text,
        widget=DutchDateInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={
            "required": "Vul de datum in.",
            "invalid": "Vul een geldige datum in, bijvoorbeeld 15-03-2026.",
        },
    )


def _text(label: str, missing: str, max_length: int, help_text: str = "", **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        help_text=help_text,
        error_messages={
            "required": missing,
            "max_length": f"Hoogstens {max_length} tekens.",
        },
        **kwargs,
    )


KIND_CHOICES = [
    (TrainingRequest.Kind.PERSONAL, "Persoonlijk: uit uw eigen opleidingsbudget"),
    (TrainingRequest.Kind.COLLECTIVE, "Collectief: voor de raad, uit het collectieve budget"),
]


class TrainingRequestForm(forms.Form):
    kind = forms.ChoiceField(
        label="Uit welk budget",
        choices=KIND_CHOICES,
        initial=TrainingRequest.Kind.PERSONAL,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies persoonlijk of collectief.",
            "invalid_choice": "Kies persoonlijk of collectief.",
        },
    )
    title = _text("Naam van de opleiding", "Vul de naam van de opleiding in.", 200)
    provider = _text("Aanbieder", "Vul de aanbieder in.", 200)
    start_date = date_field(
        "Datum (eerste dag)",
        "Het jaar van deze datum bepaalt uit welk jaarbudget de opleiding wordt betaald.",
    )
    cost = AmountField(
        label="Kosten",
        help_text="In euro's, inclusief btw, bijvoorbeeld 1.234,56.",
        error_messages={"required": "Vul de kosten in."},
    )
    purpose = LongTextField(
        label="Doel voor uw raadswerk",
        noun="Het doel voor uw raadswerk",
        max_length=4000,
        help_text="Wat leert u, en hoe helpt dat u (of de raad) bij het raadswerk?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Beschrijf wat de opleiding bijdraagt aan uw raadswerk."},
    )
    not_party_political = forms.BooleanField(
        label="Deze opleiding is geen partijpolitieke scholing",
        required=False,
    )
    submission_token = token_field()

    def __init__(self, *args, rule: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.rule = rule
        self.fields["not_party_political"].help_text = rule

    def clean_not_party_political(self):
        ticked = self.cleaned_data.get("not_party_political")
        if not ticked:
            # Toolkit seed: the budget may not be spent on party-political training. Said here
            # as well as in `request_training`, so the rule shows beside any other error.
            raise forms.ValidationError(self.rule, code="party_political")
        return ticked


# A course chosen in the support directory opens the request form with its name and provider
# (toolkit seed, "Leren en ontwikkelen": competentiescan and offer lead to the budget).
PREFILL = {"opleiding": "title", "aanbieder": "provider"}
PREFILL_MAX = 200


def prefill(query) -> dict[str, str]:
    """The form's initial title and provider from `?opleiding=…&aanbieder=…`: only printable
    text within the field's length; anything else is left out, never shown half."""
    initial = {}
    for parameter, name in PREFILL.items():
        value = " ".join(str(query.get(parameter, "")).split())
        if value and len(value) <= PREFILL_MAX and value.isprintable():
            initial[name] = value
    return initial


class DecisionForm(forms.Form):
    """The griffie's motivering; whether one is needed (a refusal) is the domain's rule."""

    reden = LongTextField(
        label="Motivering",
        noun="De motivering",
        required=False,
        max_length=4000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class YearBudgetForm(forms.Form):
    collective = AmountField(
        label="Collectief budget voor de raad",
        help_text="Voor opleidingen van de raad als geheel, per jaar.",
        error_messages={"required": "Vul het collectieve budget in (€ 0,00 mag)."},
    )
    personal = AmountField(
        label="Persoonlijk budget per raadslid",
        help_text="Per raadslid en commissielid, per jaar.",
        error_messages={"required": "Vul het persoonlijke budget in (€ 0,00 mag)."},
    )
    decision = _text(
        "Raadsbesluit",
        "",
        300,
        "Verwijzing naar het besluit waarmee de raad het budget vaststelde, bijvoorbeeld "
        "'Programmabegroting 2026, p. 16'.",
        required=False,
    )

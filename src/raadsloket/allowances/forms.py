# SPDX-License-Identifier: EUPL-1.2
"""Forms of the vergoeding pages: they read the input and say in Dutch what could not be read;
the rules live in `allowances.services` (the same for the pages and the API)."""

from django import forms

from raadsloket.allowances.models import ExtraRole
from raadsloket.allowances.table import shipped_table
from raadsloket.lib.money import AmountField
from raadsloket.lib.numbers import DutchDecimalField
from raadsloket.training.forms import date_field


def _text(label: str, missing: str, max_length: int, **kwargs) -> forms.CharField:
    return forms.CharField(
        label=label,
        max_length=max_length,
        error_messages={"required": missing, "max_length": f"Hoogstens {max_length} tekens."},
        **kwargs,
    )


class LeaveLetterForm(forms.Form):
    """The politiek-verlof letter: to whom, and how many hours a week the member asks for."""

    employer_name = _text("Naam van uw werkgever", "Vul de naam van uw werkgever in.", 200)
    employer_address = _text(
        "Adres van uw werkgever",
        "Vul het adres van uw werkgever in.",
        300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    hours = DutchDecimalField(
        label="Gevraagd verlof, uren per week",
        help_text="Bijvoorbeeld 8 of 7,5.",
        places=1,
        min_value="0.5",
        max_value="40",
        error_messages={
            "required": "Vul het aantal uren per week in.",
            "invalid": "Vul een aantal uren in, bijvoorbeeld 7,5.",
            "negative": "Vul een aantal uren van 0,5 of meer in.",
            "decimals": "Hoogstens één cijfer achter de komma, bijvoorbeeld 7,5.",
            "min_value": "Vraag minstens 0,5 uur per week.",
            "max_value": "Vraag hoogstens 40 uur per week.",
        },
    )


class YearAmountsForm(forms.Form):
    """The indexed amounts of every inwonersklasse for one year (the griffie)."""

    year = forms.IntegerField(
        label="Jaar",
        min_value=2000,
        max_value=2100,
        widget=forms.TextInput(attrs={"inputmode": "numeric"}),
        error_messages={
            "required": "Vul het jaar in.",
            "invalid": "Vul een jaar in, bijvoorbeeld 2027.",
            "min_value": "Kies een jaar tussen 2000 en 2100.",
            "max_value": "Kies een jaar tussen 2000 en 2100.",
        },
    )
    source = _text("Bron (bijvoorbeeld de circulaire van BZK)", "Noem de bron.", 300)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for population_class in shipped_table().classes:
            self.fields[f"klasse_{population_class.label}"] = AmountField(
                label=f"Klasse {population_class.label} ({population_class.inhabitants_text} "
                "inwoners), per maand"
            )

    def amounts(self) -> dict:
        return {
            name.removeprefix("klasse_"): value
            for name, value in self.cleaned_data.items()
            if name.startswith("klasse_")
        }


class ExtraRoleForm(forms.Form):
    person = forms.TypedChoiceField(
        label="Raadslid", coerce=int, error_messages={"required": "Kies een raadslid."}
    )
    kind = forms.ChoiceField(
        label="Toelage",
        choices=ExtraRole.Kind.choices,
        error_messages={"invalid_choice": "Kies een van de toelagen uit de lijst."},
    )
    description = _text("Commissie (naam)", "", 200, required=False)
    since = date_field("Vanaf")

    def __init__(self, *args, members=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["person"].choices = [(p.pk, p.display_name) for p in members]
        self.fields["person"].error_messages["invalid_choice"] = "Kies een raadslid uit de lijst."

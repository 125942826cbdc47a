# SPDX-License-Identifier: EUPL-1.2
"""Forms of the support directory: they read the input and say in Dutch what is wrong."""

from django import forms
from django.core.validators import URLValidator

from raadsloket.directory.models import Category
from raadsloket.lib.forms import LongTextField

PHONE_CHARACTERS = set("0123456789 +-()")


def _text(label: str, max_length: int, *, required: bool = False, missing: str = "", **kwargs):
    return forms.CharField(
        label=label,
        max_length=max_length,
        required=required,
        error_messages={"required": missing, "max_length": f"Hoogstens {max_length} tekens."},
        **kwargs,
    )


class EntryForm(forms.Form):
    name = _text("Naam", 200, required=True, missing="Vul de naam in.")
    category = forms.ChoiceField(
        label="Categorie",
        choices=Category.choices,
        error_messages={
            "required": "Kies een categorie.",
            "invalid_choice": "Kies een van de categorieën uit de lijst.",
        },
    )
    purpose = LongTextField(
        label="Waarvoor",
        noun="Waarvoor",
        max_length=2000,
        help_text="Waarmee helpt deze ondersteuner een raadslid?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Beschrijf waarvoor een raadslid hier terecht kan."},
    )
    website = _text(
        "Website", 300, help_text="Het volledige adres, bijvoorbeeld https://www.raadsleden.nl"
    )
    phone = _text("Telefoon", 40, help_text="Alleen een openbaar nummer.")
    email = forms.EmailField(
        label="E-mail",
        max_length=200,
        required=False,
        error_messages={
            "invalid": "Vul een geldig e-mailadres in, bijvoorbeeld griffie@gemeente.nl.",
            "max_length": "Hoogstens 200 tekens.",
        },
    )
    provider = _text(
        "Aanbieder (bij een opleiding)",
        200,
        help_text="Wordt ingevuld in de aanvraag voor het opleidingsbudget.",
    )

    def clean_website(self) -> str:
        value = self.cleaned_data["website"].strip()
        if not value:
            return ""
        try:
            URLValidator(schemes=["http", "https"])(value)
        except forms.ValidationError:
            raise forms.ValidationError(
                "Vul een volledig webadres in dat begint met https://, bijvoorbeeld "
                "https://www.raadsleden.nl.",
                code="invalid",
            ) from None
        return value

    def clean_phone(self) -> str:
        value = self.cleaned_data["phone"].strip()
        if value and (not set(value) <= PHONE_CHARACTERS or sum(c.isdigit() for c in value) < 3):
            raise forms.ValidationError(
                "Een telefoonnummer bestaat uit cijfers, spaties, een streepje of een plus, "
                "bijvoorbeeld 070-373 8393.",
                code="invalid",
            )
        return value


class HelpForm(forms.Form):
    helps_with = LongTextField(
        label="Helpt met",
        noun="De tekst",
        max_length=2000,
        required=False,
        help_text="Waarmee kunnen raadsleden bij deze persoon terecht? Bijvoorbeeld: "
        "'Moties en amendementen, het Reglement van Orde, de rekenkamercommissie'.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class SearchForm(forms.Form):
    q = _text("Zoek", 200)
    categorie = forms.ChoiceField(
        label="Categorie",
        choices=[("", "Alle categorieën"), *Category.choices],
        required=False,
        error_messages={"invalid_choice": "Onbekende categorie; u ziet alle categorieën."},
    )

# SPDX-License-Identifier: EUPL-1.2
from django import forms

from raadsloket.api.models import MAX_DAYS
from raadsloket.lib.numbers import DutchIntegerField


class CodeForm(forms.Form):
    code = forms.CharField(
        label="Code uit uw app",
        help_text="De zes cijfers die uw authenticator-app nu toont.",
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        error_messages={"required": "Vul de code uit uw app in."},
    )

    def clean_code(self) -> str:
        code = "".join(self.cleaned_data["code"].split())
        if not code.isdigit() or len(code) != 6:
            raise forms.ValidationError("De code bestaat uit zes cijfers.")
        return code


class SetupForm(CodeForm):
    """The set-up's first code, and for a privileged person the enrolment code handed over."""

    enrolment_code = forms.CharField(
        label="Inschrijfcode",
        help_text="De eenmalige code die u van de functioneel beheerder of de griffier kreeg, "
        "bijvoorbeeld ABCD-EFGH-JKMN.",
        max_length=40,
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
        error_messages={
            "required": "Vul de inschrijfcode in die u van de functioneel beheerder of de "
            "griffier kreeg.",
            "max_length": "Een inschrijfcode is korter; controleer wat u invulde.",
        },
    )

    def __init__(self, *args, needs_enrolment_code: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not needs_enrolment_code:
            del self.fields["enrolment_code"]


class EnrolmentCodeForm(forms.Form):
    username = forms.CharField(
        label="Gebruikersnaam",
        help_text="Wie de code krijgt. Geef de code persoonlijk of telefonisch door, niet in "
        "dezelfde e-mail als het wachtwoord.",
        max_length=150,
        error_messages={"required": "Vul de gebruikersnaam in."},
    )


class TokenForm(forms.Form):
    label = forms.CharField(
        label="Omschrijving",
        help_text="Waarvoor gebruikt u deze sleutel, bijvoorbeeld de naam van de koppeling.",
        max_length=100,
        error_messages={
            "required": "Geef de sleutel een omschrijving.",
            "max_length": "Gebruik hoogstens 100 tekens.",
        },
    )
    days = DutchIntegerField(
        label="Geldig (dagen)",
        help_text=f"Hoogstens {MAX_DAYS} dagen; daarna werkt de sleutel niet meer.",
        initial=90,
        min_value=1,
        max_value=MAX_DAYS,
        error_messages={
            "required": "Vul het aantal dagen in.",
            "invalid": "Vul een geheel aantal dagen in.",
            "decimals": "Vul een geheel aantal dagen in.",
            "negative": "Minstens 1 dag.",
            "min_value": "Minstens 1 dag.",
            "max_value": f"Hoogstens {MAX_DAYS} dagen.",
        },
    )


class ResetForm(forms.Form):
    username = forms.CharField(
        label="Gebruikersnaam",
        max_length=150,
        error_messages={"required": "Vul de gebruikersnaam in."},
    )
    reason = forms.CharField(
        label="Reden",
        help_text="Bijvoorbeeld: telefoon kwijt. De reden komt in het auditlogboek.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={
            "required": "Geef een reden; die komt in het auditlogboek.",
            "max_length": "Gebruik hoogstens 500 tekens.",
        },
    )

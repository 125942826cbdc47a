# SPDX-License-Identifier: EUPL-1.2
"""Forms of the safety pages: they read the input; the rules live in `safety.services`.

The same forms read the page, the API and the demo, so the Dutch errors are the same.
"""

from django import forms

from raadsloket.cases.forms import MultipleFileField
from raadsloket.lib.forms import LongTextField
from raadsloket.safety.checklist import ITEMS
from raadsloket.safety.models import Answer, Channel, Severity, Status


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


SEVERITY_CHOICES = [
    (
        Severity.SMALL,
        "Klein incident (bijvoorbeeld een boze of kwetsende reactie): naar de griffier",
    ),
    (Severity.SERIOUS, "Groter incident (bedreiging, intimidatie): naar de burgemeester"),
    (
        Severity.ACUTE,
        "Acute dreiging: bel eerst 112 of de politie; de melding gaat naar de burgemeester",
    ),
]


class IncidentForm(forms.Form):
    happened_on = forms.DateField(
        label="Wanneer gebeurde het?",
        widget=DateInput(),
        input_formats=["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"],
        error_messages={
            "required": "Vul de datum in.",
            "invalid": "Vul een geldige datum in, bijvoorbeeld 15-03-2026.",
        },
    )
    place = forms.CharField(
        label="Waar gebeurde het?",
        max_length=200,
        help_text="Bijvoorbeeld: na de raadsvergadering bij het gemeentehuis, of online.",
        error_messages={
            "required": "Vul in waar het gebeurde.",
            "max_length": "Hoogstens 200 tekens.",
        },
    )
    channel = forms.ChoiceField(
        label="Hoe bereikte het u?",
        choices=Channel.choices,
        error_messages={
            "required": "Kies hoe het u bereikte.",
            "invalid_choice": "Kies hoe het u bereikte.",
        },
    )
    description = LongTextField(
        noun="De beschrijving",
        max_length=8000,
        label="Wat is er gebeurd?",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "Beschrijf wat er gebeurde."},
    )
    severity = forms.ChoiceField(
        label="Hoe ernstig is het?",
        choices=SEVERITY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Kies hoe ernstig het is.",
            "invalid_choice": "Kies hoe ernstig het is.",
        },
    )
    evidence = MultipleFileField(
        label="Bewijs",
        required=False,
        help_text="PDF, foto of schermafdruk (PDF, PNG, JPEG), hoogstens 10 MB per bestand.",
    )


class EvidenceForm(forms.Form):
    evidence = MultipleFileField(
        label="Bewijs toevoegen",
        help_text="PDF, foto of schermafdruk (PDF, PNG, JPEG), hoogstens 10 MB per bestand.",
        error_messages={"required": "Kies een bestand."},
    )


class StatusForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=Status.choices,
        error_messages={"required": "Kies een status.", "invalid_choice": "Kies een status."},
    )


class NoteForm(forms.Form):
    text = LongTextField(
        noun="De notitie",
        max_length=4000,
        label="Notitie van de behandelaar",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf de notitie."},
    )


class ReaderForm(forms.Form):
    username = forms.CharField(
        label="Gebruikersnaam van de lezer",
        max_length=150,
        help_text="Bijvoorbeeld de kabinetschef. Alleen iemand van uw gemeente.",
        error_messages={"required": "Vul een gebruikersnaam in."},
    )


class ChecklistForm(forms.Form):
    """One answer and a private note per item of the seed's preventive checklist."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for item in ITEMS:
            self.fields[f"{item.code}"] = forms.ChoiceField(
                label="Hoe staat het ervoor?",
                choices=Answer.choices,
                widget=forms.RadioSelect,
                required=False,
                help_text=item.hint,
            )
            self.fields[f"{item.code}_notitie"] = forms.CharField(
                label="Uw notitie (alleen voor u)",
                required=False,
                max_length=2000,
                widget=forms.Textarea(attrs={"rows": 2}),
                error_messages={"max_length": "Hoogstens 2000 tekens."},
            )

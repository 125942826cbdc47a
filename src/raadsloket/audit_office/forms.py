# SPDX-License-Identifier: EUPL-1.2
"""Forms of the rekenkamer pages: they read the input; the rules live in audit_office.services.

The same forms validate the pages and the API (cases.forms.clean_input), so the Dutch errors
are the same wherever the input comes from.
"""

from django import forms

from raadsloket.audit_office.models import CycleKind
from raadsloket.lib.forms import LongTextField

DATE_FORMATS = ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


def date_field(label: str, *, required: bool = True, what: str = "de datum") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        widget=DateInput(),
        input_formats=DATE_FORMATS,
        error_messages={
            "required": f"Vul {what} in.",
            "invalid": "Vul een geldige datum in, bijvoorbeeld 15-07-2027.",
        },
    )


def year_field(label: str) -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        min_value=2000,
        max_value=2100,
        error_messages={
            "required": "Vul het jaar in.",
            "invalid": "Vul een jaar in, bijvoorbeeld 2027.",
            "min_value": "Kies een jaar vanaf 2000.",
            "max_value": "Kies een jaar tot en met 2100.",
        },
    )


class ProposalForm(forms.Form):
    """A member's proposal: what the rekenkamer should study and why (Gemeentewet art. 182)."""

    subject = forms.CharField(
        label="Onderwerp",
        max_length=200,
        error_messages={"required": "Vul het onderwerp in.", "max_length": "Hoogstens 200 tekens."},
    )
    question = LongTextField(
        noun="De onderzoeksvraag",
        max_length=4000,
        label="Onderzoeksvraag",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Vul de onderzoeksvraag in."},
    )
    reason = LongTextField(
        noun="De toelichting",
        max_length=4000,
        label="Waarom vraagt de raad dit onderzoek?",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Schrijf waarom de raad dit onderzoek vraagt."},
    )


class FileProposalForm(forms.Form):
    """What makes a proposal the council's request: its raadsbesluit or its motion."""

    council_decision = forms.CharField(
        label="Raadsbesluit (kenmerk)",
        max_length=100,
        required=False,
        help_text="Het kenmerk van het raadsbesluit waarmee de raad het verzoek doet, als dat er is.",
        error_messages={"max_length": "Hoogstens 100 tekens."},
    )
    motion_number = forms.CharField(
        label="Nummer van de motie",
        max_length=40,
        required=False,
        help_text="Als de raad het verzoek met een motie deed: het nummer uit het motieregister.",
        error_messages={"max_length": "Hoogstens 40 tekens."},
    )


class StudyRequestForm(FileProposalForm, ProposalForm):
    """The griffie files a request of the council at once."""


class NotFileForm(forms.Form):
    reasons = LongTextField(
        noun="De toelichting",
        max_length=4000,
        label="Waarom wordt het voorstel niet ingediend?",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Schrijf waarom het voorstel niet wordt ingediend."},
    )


class TakeUpForm(forms.Form):
    decided_on = date_field("Besluit van de rekenkamer op", what="de datum van het besluit")
    reasons = LongTextField(
        noun="De toelichting",
        max_length=4000,
        label="Toelichting van de rekenkamer",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class RefuseForm(forms.Form):
    decided_on = date_field("Besluit van de rekenkamer op", what="de datum van het besluit")
    reasons = LongTextField(
        noun="De motivering",
        max_length=4000,
        label="Motivering van de rekenkamer",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Vul de motivering van de rekenkamer in."},
    )


class StartForm(forms.Form):
    """Starting the study asks nothing more."""


class ReportForm(forms.Form):
    report_title = forms.CharField(
        label="Titel van het rapport",
        max_length=300,
        error_messages={
            "required": "Vul de titel van het rapport in.",
            "max_length": "Hoogstens 300 tekens.",
        },
    )
    report_date = date_field("Aangeboden op", what="de datum waarop het rapport is aangeboden")
    report_url = forms.URLField(
        label="Link naar het rapport",
        max_length=500,
        required=False,
        assume_scheme="https",
        help_text="Het rapport op de website van de rekenkamer of in het raadsinformatiesysteem.",
        error_messages={
            "invalid": "Vul een geldige link in, bijvoorbeeld https://www.rekenkamer.nl/rapport.",
            "max_length": "Hoogstens 500 tekens.",
        },
    )


class DiscussForm(forms.Form):
    discussed_on = date_field("Besproken in de raad op", what="de datum van de raadsvergadering")


# Per action of services.ACTIONS its form: the page, the API and the tests use the same.
ACTION_FORMS: dict[str, type[forms.Form]] = {
    "indienen": FileProposalForm,
    "niet_indienen": NotFileForm,
    "in_behandeling": TakeUpForm,
    "afwijzen": RefuseForm,
    "starten": StartForm,
    "rapport": ReportForm,
    "besproken": DiscussForm,
}


class ProgrammeStudyForm(forms.Form):
    year = year_field("Jaar")
    quarter = forms.TypedChoiceField(
        label="Kwartaal",
        coerce=int,
        choices=[(1, "1e kwartaal"), (2, "2e kwartaal"), (3, "3e kwartaal"), (4, "4e kwartaal")],
        error_messages={
            "required": "Kies een kwartaal.",
            "invalid_choice": "Kies kwartaal 1 tot en met 4.",
        },
    )
    title = forms.CharField(
        label="Onderzoek",
        max_length=200,
        error_messages={
            "required": "Vul de naam van het onderzoek in.",
            "max_length": "Hoogstens 200 tekens.",
        },
    )
    description = LongTextField(
        noun="De toelichting",
        max_length=2000,
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class GenerateCycleForm(forms.Form):
    budget_year = year_field("Begrotingsjaar")


class CycleDateForm(forms.Form):
    budget_year = year_field("Begrotingsjaar")
    kind = forms.ChoiceField(
        label="Soort",
        choices=[
            (CycleKind.COMMITTEE, CycleKind.COMMITTEE.label),
            (CycleKind.OTHER, CycleKind.OTHER.label),
        ],
        error_messages={
            "required": "Kies een soort.",
            "invalid_choice": "Kies vergadering auditcommissie of overig.",
        },
    )
    date = date_field("Datum")
    title = forms.CharField(
        label="Omschrijving",
        max_length=200,
        error_messages={
            "required": "Vul een omschrijving in.",
            "max_length": "Hoogstens 200 tekens.",
        },
    )
    note = LongTextField(
        noun="De toelichting",
        max_length=2000,
        label="Toelichting",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


class MoveCycleDateForm(forms.Form):
    date = date_field("Nieuwe datum")

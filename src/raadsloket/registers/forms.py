# SPDX-License-Identifier: EUPL-1.2
"""Input of the registers: recording items, changing their status, importing a register.

The forms check the shape of the input (dates, lengths, choices); the rules themselves
(who may, which transition, numbers unique per municipality) are in raadsloket.registers.services.
"""

from django import forms

from raadsloket.cases.forms import PeopleChoiceField, PersonChoiceField, text_field
from raadsloket.lib.uploads import CSV, XLSX, Allowed
from raadsloket.organisation.models import Fractie, Person
from raadsloket.registers import services
from raadsloket.registers.imports import KINDS
from raadsloket.registers.links import KIND_LABELS
from raadsloket.registers.models import BACKWARD, LinkType, Outcome, Vote

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
REGISTER_FILES = Allowed(
    (CSV, XLSX), wrong_type="Kies een CSV- of XLSX-bestand; '{name}' is dat niet."
)
NO_VOTE = ""
VOTE_CHOICES = [(NO_VOTE, "onbekend / niet gestemd"), *Vote.Choice.choices]


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(label=label, required=required, widget=DATE, help_text=help_text)


class MunicipalityForm(forms.Form):
    def __init__(self, *args, municipality_id: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.municipality_id = municipality_id


class ProposalForm(MunicipalityForm):
    """A motie (or, with `amends`, an amendement) as the griffie records it."""

    number = forms.CharField(label="Nummer", max_length=40)
    title = forms.CharField(label="Titel", max_length=300)
    text = text_field("Tekst", required=False, max_length=20_000)
    meeting_date = _date("Vergaderdatum")
    agenda_item = forms.CharField(label="Agendapunt", max_length=200, required=False)
    outcome = forms.ChoiceField(label="Uitkomst", choices=Outcome.choices)
    submitters = PeopleChoiceField(label="Indieners", queryset=Person.objects.none())
    co_signers = PeopleChoiceField(
        label="Mede-indieners", queryset=Person.objects.none(), required=False
    )

    with_execution = True

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        members = services.council_members(self.municipality_id).order_by("last_name")
        self.fields["submitters"].queryset = members
        self.fields["co_signers"].queryset = members
        if self.with_execution:
            self.fields["portfolio_holder"] = PersonChoiceField(
                label="Uitvoerend portefeuillehouder",
                queryset=services.portfolio_holders(self.municipality_id).order_by("last_name"),
                required=False,
                empty_label="— kies een portefeuillehouder —",
                help_text="Nodig als de motie is aangenomen.",
            )
            self.fields["due_date"] = _date(
                "Uitvoeren uiterlijk", required=False, help_text="Nodig als de motie is aangenomen."
            )
        self.fracties = list(Fractie.objects.filter(municipality_id=self.municipality_id))
        for fractie in self.fracties:
            self.fields[f"vote_{fractie.pk}"] = forms.ChoiceField(
                label=f"Stem van {fractie.name}", choices=VOTE_CHOICES, required=False
            )

    def to_input(self) -> services.ProposalInput:
        data = self.cleaned_data
        votes = tuple(
            (fractie, data[f"vote_{fractie.pk}"])
            for fractie in self.fracties
            if data.get(f"vote_{fractie.pk}")
        )
        return services.ProposalInput(
            number=data["number"],
            title=data["title"],
            text=data.get("text") or "",
            meeting_date=data["meeting_date"],
            agenda_item=data.get("agenda_item") or "",
            outcome=data["outcome"],
            submitters=tuple(data["submitters"]),
            co_signers=tuple(data.get("co_signers") or ()),
            votes=votes,
            portfolio_holder=data.get("portfolio_holder"),
            due_date=data.get("due_date"),
            amends=data.get("amends") or "",
        )


class AmendmentForm(ProposalForm):
    with_execution = False
    amends = forms.CharField(label="Wijzigt het voorstel", max_length=300)


class CommitmentForm(MunicipalityForm):
    number = forms.CharField(
        label="Nummer", max_length=40, required=False, help_text="Leeg: de volgende vrije."
    )
    title = forms.CharField(label="Onderwerp", max_length=300)
    portfolio_holder = PersonChoiceField(
        label="Portefeuillehouder",
        queryset=Person.objects.none(),
        empty_label="— kies een portefeuillehouder —",
    )
    meeting_name = forms.CharField(label="Vergadering", max_length=200)
    meeting_date = _date("Vergaderdatum")
    made_to = forms.CharField(label="Toegezegd aan", max_length=200)
    text = text_field("Wat is toegezegd", min_length=5, max_length=10_000)
    due_date = _date("Uiterlijk")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio_holder"].queryset = services.portfolio_holders(
            self.municipality_id
        ).order_by("last_name")

    def to_input(self) -> services.CommitmentInput:
        return services.CommitmentInput(**self.cleaned_data)


class ProposeDoneForm(forms.Form):
    note = text_field("Hoe is de toezegging nagekomen?", min_length=10, max_length=4000)


class DecideDoneForm(forms.Form):
    accept = forms.TypedChoiceField(
        label="Besluit",
        choices=[("ja", "afgedaan"), ("nee", "niet afgedaan, blijft open")],
        coerce=lambda value: value == "ja",
        widget=forms.RadioSelect,
    )
    reference = forms.CharField(
        label="Besluit van raad of commissie",
        max_length=200,
        required=False,
        help_text="Bijvoorbeeld: commissie Bestuur 12-03-2026, agendapunt 4.",
    )
    reason = text_field("Reden (als niet afgedaan)", required=False, max_length=4000)


class CompleteMotionForm(forms.Form):
    letter = forms.FileField(label="Collegebrief (PDF)", required=False)
    reference = forms.CharField(label="Kenmerk van de collegebrief", max_length=200, required=False)


class DecideHeldForm(MunicipalityForm):
    outcome = forms.ChoiceField(
        label="Uitkomst", choices=[c for c in Outcome.choices if c[0] != Outcome.HELD]
    )
    portfolio_holder = PersonChoiceField(
        label="Uitvoerend portefeuillehouder (motie, aangenomen)",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— kies een portefeuillehouder —",
    )
    due_date = _date("Uitvoeren uiterlijk (motie, aangenomen)", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio_holder"].queryset = services.portfolio_holders(self.municipality_id)


class InitiativeForm(MunicipalityForm):
    title = forms.CharField(label="Titel", max_length=300)
    text = text_field("Het voorstel", min_length=20, max_length=50_000)
    co_submitters = PeopleChoiceField(
        label="Mede-indieners", queryset=Person.objects.none(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_submitters"].queryset = services.council_members(
            self.municipality_id
        ).order_by("last_name")


class ReviseInitiativeForm(forms.Form):
    title = forms.CharField(label="Titel", max_length=300)
    text = text_field("Het voorstel", min_length=20, max_length=50_000)


class CollegeViewsForm(forms.Form):
    college_views = text_field("Wensen en bedenkingen van het college", min_length=10)


class ScheduleForm(forms.Form):
    meeting_date = _date("Raadsvergadering")
    agenda_item = forms.CharField(label="Agendapunt", max_length=200, required=False)


class DecideInitiativeForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Uitkomst", choices=[("adopted", "aangenomen"), ("rejected", "verworpen")]
    )


class ConfirmForm(forms.Form):
    """An action that asks no more than a yes (indienen, intrekken)."""


class ImportForm(forms.Form):
    kind = forms.ChoiceField(label="Soort register", choices=[(kind, kind) for kind in KINDS])
    file = forms.FileField(label="Bestand (CSV of XLSX)")


# --- links ----------------------------------------------------------------------------------------

# A link's type read from the item whose page has the form: forward ("deze motie volgt uit …")
# or, with REVERSE, backward ("deze motie leidde tot …").
REVERSE = ":terug"


def link_type_choices() -> list[tuple[str, str]]:
    forward = [(str(value), f"… {label} …") for value, label in LinkType.choices]
    backward = [(f"{value}{REVERSE}", f"… {BACKWARD[value]} …") for value in LinkType.values]
    return [*forward, *backward]


class LinkForm(forms.Form):
    """Link the item of this page to another, chosen by its kind and number."""

    type = forms.ChoiceField(label="Dit item …", choices=link_type_choices)
    kind = forms.ChoiceField(label="Soort van het andere item", choices=())
    number = forms.CharField(
        label="Nummer van het andere item",
        max_length=40,
        help_text="Bijvoorbeeld M2026-003 voor een motie of RL-00042 voor een verzoek.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [(k, label) for k, label in KIND_LABELS.items()]

    def direction(self) -> tuple[str, bool]:
        """(link type, whether the other item is the link's from-end)."""
        value = self.cleaned_data["type"]
        return value.removesuffix(REVERSE), value.endswith(REVERSE)

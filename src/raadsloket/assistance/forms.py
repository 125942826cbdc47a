# SPDX-License-Identifier: EUPL-1.2
"""Input of the actions only ambtelijke bijstand has."""

from django import forms
from django.utils import timezone

from raadsloket.access.actors import Actor
from raadsloket.assistance.hours import MAX_DAY, correctable_entries, counted
from raadsloket.assistance.models import Evaluation, Mediation
from raadsloket.cases.forms import ActionForm, AssignForm, field_of, hours_field, text_field
from raadsloket.lib.numbers import DutchDecimalField, format_decimal


class ReasonForm(ActionForm):
    reason = text_field("Toelichting", min_length=10, max_length=5000)


class TriangleMediationForm(AssignForm):
    """The driehoek decides after an objection: assign after all, or uphold the refusal.

    By the profile (objection.decided_by) the burgemeester decides, or each of the three votes
    and the decision falls once they agree (RULES.md "Disputes"); the form says which."""

    outcome = forms.ChoiceField(
        label="Besluit",
        choices=[
            (Mediation.Outcome.ASSIGN, Mediation.Outcome.ASSIGN.label),
            (Mediation.Outcome.REFUSAL_UPHELD, Mediation.Outcome.REFUSAL_UPHELD.label),
        ],
    )
    notes = text_field("Toelichting", min_length=10, max_length=5000)

    field_order = ["outcome", "notes", "civil_servants", "hours_estimate", "capacity_confirmed"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["civil_servants"].required = False
        self.fields["hours_estimate"].required = False
        if self.viewer.policy.objection.decided_by == "triangle":
            self.fields["outcome"].label = "Uw stem"
            self.fields["outcome"].help_text = (
                "Griffier, gemeentesecretaris en burgemeester besluiten samen: het besluit valt "
                "als alle drie voor dezelfde uitkomst hebben gestemd."
            )
        else:
            self.fields["outcome"].help_text = (
                "De burgemeester beslist over het bezwaar, na bemiddeling in de driehoek "
                "(verordening ambtelijke bijstand)."
            )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Mediation.Outcome.ASSIGN:
            if not cleaned.get("civil_servants"):
                self.add_error("civil_servants", "Kies wie de bijstand verleent.")
            if cleaned.get("hours_estimate") is None:
                self.add_error("hours_estimate", "Geef een schatting van de uren.")
        return cleaned


class GriffieMediationForm(ActionForm):
    notes = text_field("Gemaakte afspraken", min_length=10, max_length=5000)


class PlanKickoffForm(ActionForm):
    planned_for = forms.DateTimeField(
        label="Datum en tijd", widget=forms.DateTimeInput(attrs={"type": "datetime-local"})
    )
    participants = forms.CharField(label="Deelnemers", max_length=500, min_length=3)

    def clean_planned_for(self):
        planned = self.cleaned_data["planned_for"]
        if planned < timezone.now() - timezone.timedelta(days=1):
            raise forms.ValidationError("Een startgesprek plant u niet in het verleden.")
        return planned


class RecordKickoffForm(ActionForm):
    """Startgesprek: goal, hours, loyalty concerns, and both acknowledge the spelregels."""

    held_on = forms.DateField(label="Gehouden op", widget=forms.DateInput(attrs={"type": "date"}))
    participants = forms.CharField(label="Deelnemers", max_length=500, min_length=3)
    background = text_field("Achtergrond van de vraag", min_length=5, noun="De achtergrond")
    goal = text_field("Doel", min_length=5, noun="Het doel")
    agreed_hours = hours_field("Afgesproken uren")
    due_date = forms.DateField(label="Opleverdatum", widget=forms.DateInput(attrs={"type": "date"}))
    loyalty_concerns = text_field(
        "Loyaliteitsvragen (spagaat)", required=False, noun="De loyaliteitsvragen"
    )
    member_acknowledged_rules = forms.BooleanField(
        label="Het raadslid kent de spelregels en onderschrijft ze",
        required=True,
        error_messages={"required": "Het raadslid moet de spelregels hebben onderschreven."},
    )
    civil_servant_acknowledged_rules = forms.BooleanField(
        label="De ambtenaar kent de spelregels en onderschrijft ze",
        required=True,
        error_messages={"required": "De ambtenaar moet de spelregels hebben onderschreven."},
    )

    def clean_held_on(self):
        held_on = self.cleaned_data["held_on"]
        if held_on > timezone.localdate():
            raise forms.ValidationError("Een startgesprek dat nog moet komen legt u niet vast.")
        return held_on

    def clean(self):
        cleaned = super().clean()
        held_on, due = cleaned.get("held_on"), cleaned.get("due_date")
        if held_on and due and due < held_on:
            self.add_error("due_date", "De opleverdatum ligt vóór het startgesprek.")
        return cleaned


class LogHoursForm(ActionForm):
    worked_on = forms.DateField(label="Datum", widget=forms.DateInput(attrs={"type": "date"}))
    hours = hours_field("Uren", maximum="24")
    note = forms.CharField(
        label="Toelichting (alleen binnen de bubbel)", max_length=500, required=False
    )

    def clean_worked_on(self):
        worked_on = self.cleaned_data["worked_on"]
        if worked_on > timezone.localdate():
            raise forms.ValidationError("Uren registreert u niet vooruit.")
        return worked_on


class CorrectHoursForm(ActionForm):
    """A correction of one's own logged hours: hours added or (negative) taken off, and why.

    Whether the correction keeps the entry's total at zero or more is checked by the effect
    (assistance.workflow.correct_hours), inside the transaction that writes it.
    """

    entry = forms.TypedChoiceField(
        label="Registratie die u corrigeert",
        coerce=int,
        error_messages={
            "required": "Kies de registratie die u corrigeert.",
            "invalid_choice": "Kies een registratie van uzelf bij dit verzoek.",
        },
    )
    hours = DutchDecimalField(
        label="Correctie in uren",
        places=1,
        signed=True,
        min_value=-MAX_DAY,
        max_value=MAX_DAY,
        help_text="Negatief om uren af te trekken (bijvoorbeeld -1,5), positief om bij te tellen.",
        error_messages={
            "required": "Vul in hoeveel uur u bijtelt of aftrekt.",
            "min_value": f"Hoogstens {format_decimal(MAX_DAY, 0)} uur per correctie.",
            "max_value": f"Hoogstens {format_decimal(MAX_DAY, 0)} uur per correctie.",
        },
    )
    reason = text_field("Reden van de correctie", min_length=5, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        entries = correctable_entries(self.case, self.viewer.person_id)
        field_of(self, "entry", forms.TypedChoiceField).choices = [("", "— kies —")] + [
            (entry.pk, f"{entry.worked_on:%d-%m-%Y}: {format_decimal(counted(entry))} uur")
            for entry in entries
        ]

    def clean_hours(self):
        hours = self.cleaned_data["hours"]
        if hours == 0:
            raise forms.ValidationError("Een correctie van 0 uur verandert niets.")
        return hours


class EvaluateForm(ActionForm):
    score = forms.TypedChoiceField(
        label="Cijfer",
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        widget=forms.RadioSelect,
    )
    remarks = text_field("Opmerkingen", required=False, max_length=5000)


PERSPECTIVE_BY_RELATION = (
    (Actor.REQUESTER, Evaluation.Perspective.MEMBER),
    (Actor.ASSIGNEE, Evaluation.Perspective.CIVIL_SERVANT),
    (Actor.GRIFFIE, Evaluation.Perspective.GRIFFIE),
)

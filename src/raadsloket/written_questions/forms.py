# SPDX-License-Identifier: EUPL-1.2
"""Input of the schriftelijke vragen actions: registration, answer, postponement, publication."""

from django import forms
from django.utils import timezone

from raadsloket.cases.forms import ActionForm, DeliverForm, PersonChoiceField, text_field
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import COLLEGE

# A postponement names a date; further than this is no longer a postponement but a refusal.
MAX_POSTPONEMENT_DAYS = 366
# An embargo delays publication; longer than a year would keep a public answer from the public.
MAX_EMBARGO_DAYS = 366


def portfolio_holders(viewer):
    return (
        Person.objects.filter(
            municipality_id=viewer.municipality_id,
            role_assignments__role__in=COLLEGE,
            is_active=True,
        )
        .distinct()
        .order_by("last_name", "first_name")
    )


class RegisterForm(ActionForm):
    portfolio_holder = PersonChoiceField(
        label="Portefeuillehouder (wethouder of burgemeester)",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— kies een portefeuillehouder —",
        help_text="Wie namens het college antwoordt; nodig voor de cijfers per portefeuillehouder.",
    )
    note = text_field("Toelichting", required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["portfolio_holder"].queryset = portfolio_holders(self.viewer)


class SendBackForm(ActionForm):
    # Reglement van Orde: questions are "kort en duidelijk"; the griffie checks the form.
    note = text_field("Wat moet het raadslid aanpassen?", min_length=10, max_length=2000)


class CollegeAnswerForm(DeliverForm):
    """The college's answer; geheimhouding (art. 25) keeps it to the council as a whole."""

    answer = text_field(
        "Antwoord van het college", min_length=2, max_length=50_000, noun="Het antwoord"
    )


class PostponeForm(ActionForm):
    """The uitstelbericht: reasons and a new date (Reglement van Orde; counts as an answer)."""

    reason = text_field(
        "Reden van het uitstel", min_length=10, max_length=2000, noun="De reden van het uitstel"
    )
    new_date = forms.DateField(
        label="Nieuwe datum van beantwoording", widget=forms.DateInput(attrs={"type": "date"})
    )

    def clean_new_date(self):
        new_date = self.cleaned_data["new_date"]
        today = timezone.localdate()
        if new_date <= today:
            raise forms.ValidationError("De nieuwe datum moet in de toekomst liggen.")
        if (new_date - today).days > MAX_POSTPONEMENT_DAYS:
            raise forms.ValidationError("Uitstel kan hoogstens een jaar.")
        due = self.case.answer_due
        if due is not None and new_date <= due:
            raise forms.ValidationError(
                f"De termijn loopt al tot {due:%d-%m-%Y}; uitstel noemt een latere datum."
            )
        previous = self.case.postponed_to
        if previous is not None and new_date <= previous:
            raise forms.ValidationError(
                f"Er is al uitstel tot {previous:%d-%m-%Y}; kies een latere datum."
            )
        return new_date


class PublishForm(ActionForm):
    meeting_date = forms.DateField(
        label="Ingekomen stuk voor de raadsvergadering van",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Het raadslid kan in die vergadering nadere vragen stellen.",
    )

    # Woo: the answer is published on the public pages and feeds at once unless the griffie
    # sets a later day (an embargo, e.g. until the college's press moment).
    answer_public_from = forms.DateField(
        label="Antwoord openbaar vanaf",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
        help_text="Leeg laten: het antwoord staat direct op de openbare pagina's.",
    )

    def clean_answer_public_from(self):
        day = self.cleaned_data.get("answer_public_from")
        today = timezone.localdate()
        if day is not None and day < today:
            raise forms.ValidationError(
                "De datum van openbaarmaking kan niet in het verleden liggen."
            )
        if day is not None and (day - today).days > MAX_EMBARGO_DAYS:
            raise forms.ValidationError("Een embargo duurt hoogstens een jaar.")
        return day

    def clean_meeting_date(self):
        meeting = self.cleaned_data.get("meeting_date")
        if meeting is not None and meeting < timezone.localdate():
            raise forms.ValidationError("Kies een vergadering die nog moet komen.")
        return meeting

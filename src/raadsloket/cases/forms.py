# SPDX-License-Identifier: EUPL-1.2
"""Forms that validate a new case and the input of each shared action.

The same forms serve the web pages and the API, so both give the same Dutch messages.
"""

from decimal import Decimal
from typing import TypeVar

from django import forms
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.viewer import Viewer
from raadsloket.cases.errors import InvalidInput
from raadsloket.cases.instruments import ADVISABLE_INSTRUMENTS, Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.lib import uploads
from raadsloket.lib.errors import DomainError
from raadsloket.lib.forms import LongTextField
from raadsloket.lib.idempotency import token_field
from raadsloket.lib.ids import MAX_ID
from raadsloket.lib.numbers import DutchDecimalField, format_decimal
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import PolicyArea, Role

MAX_TEXT = 10_000
MAX_FILES = 5
# Model-verordening: an answer comes with the documents asked for (inzage or afschrift):
# reports, letters, spreadsheets, photos. Checked by content (lib.uploads, ASVS V12.2.1).
ATTACHMENTS = uploads.Allowed(
    (
        uploads.PDF,
        uploads.DOCX,
        uploads.XLSX,
        uploads.ODT,
        uploads.ODS,
        uploads.CSV,
        uploads.TXT,
        uploads.PNG,
        uploads.JPEG,
    )
)


def _is_id(value) -> bool:
    text = str(value).strip()
    return text.isdigit() and int(text) <= MAX_ID


class PersonChoiceField(forms.ModelChoiceField):
    """A person by id; an id no database can hold is an invalid choice, not a crash.

    The empty option says in Dutch what to choose, never Django's "---------".
    """

    def __init__(self, *args, empty_label: str = "— kies een persoon —", **kwargs):
        super().__init__(*args, empty_label=empty_label, **kwargs)

    def to_python(self, value):
        if value not in self.empty_values and not _is_id(value):
            raise forms.ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice"
            )
        return super().to_python(value)


class PeopleChoiceField(forms.ModelMultipleChoiceField):
    def _check_values(self, value):
        for pk in value:
            if not _is_id(pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)  # type: ignore[misc]  # Django's, not in the stubs


def text_field(
    label: str,
    *,
    required: bool = True,
    min_length: int | None = None,
    max_length: int = MAX_TEXT,
    help_text: str = "",
    noun: str = "",
) -> LongTextField:
    """A long text; `noun` names it in the message about its length ("De vraag")."""
    return LongTextField(
        label=label,
        noun=noun or f"De tekst bij '{label}'",
        required=required,
        min_length=min_length,
        max_length=max_length,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=help_text,
    )


def hours_field(label: str, *, required: bool = True, maximum: str = "1000") -> DutchDecimalField:
    """Hours to the tenth, typed the Dutch way ("1,5"): a text input, since a browser's number
    input reads the comma by its own locale and "1,5" arrived as 15 (lib/numbers.py)."""
    return DutchDecimalField(
        label=label,
        required=required,
        places=1,
        min_value=Decimal("0.5"),
        max_value=Decimal(maximum),
        help_text="Bijvoorbeeld 1,5",
        error_messages={
            "min_value": "Vul minstens 0,5 uur in.",
            "max_value": f"Vul hoogstens {format_decimal(Decimal(maximum), 0)} uur in.",
        },
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    widget = MultipleFileInput

    def clean(self, data, initial=None):
        # Checked per file in the form's clean_<field>; here only collect them.
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


def plain_input(form: forms.Form, data) -> tuple[dict, dict[str, list[str]]]:
    """JSON input made safe for a Django form: one scalar per field unless it takes several.

    A list or object for a single-value field is refused (not stringified); numbers become
    text so that date and text fields parse them as a browser would send them, except for a
    number field, which reads them without the Dutch grouping of typed text.
    """
    if data is None:
        return {}, {}
    if hasattr(data, "getlist"):
        return data, {}  # a browser's QueryDict is already in the right shape
    cleaned: dict = {}
    errors: dict[str, list[str]] = {}
    for name, value in data.items():
        field = form.fields.get(name)
        multiple = field is not None and getattr(field.widget, "allow_multiple_selected", False)
        if isinstance(value, dict) or (isinstance(value, list | tuple) and not multiple):
            errors[name] = ["Geef één waarde op, geen lijst of object."]
        elif isinstance(value, list | tuple) and any(isinstance(v, list | dict) for v in value):
            errors[name] = ["Geef een lijst van losse waarden op."]
        elif isinstance(value, int | float) and not isinstance(value, bool):
            # A number field reads a JSON number as a machine's number (lib/numbers.py).
            cleaned[name] = value if isinstance(field, DutchDecimalField) else str(value)
        else:
            cleaned[name] = value
    return cleaned, errors


F = TypeVar("F", bound=forms.Field)


def field_of(form: forms.BaseForm, name: str, kind: type[F]) -> F:
    """A field of `form` as the kind it is, to set its choices or queryset per viewer."""
    field = form.fields[name]
    if not isinstance(field, kind):
        raise TypeError(f"{name} is a {type(field).__name__}, not a {kind.__name__}")
    return field


def form_errors(form) -> dict[str, list[str]]:
    return {name: [str(message) for message in messages] for name, messages in form.errors.items()}


def clean_input(form_class, data, files=None, **context) -> dict:
    """Validate input with `form_class` the same way for web, API and CLI; Dutch errors.

    The form is built once: its fields say which inputs may be lists (plain_input), then it
    validates the input made plain.
    """
    form = form_class(data={}, files=files, **context)
    plain, shape_errors = plain_input(form, data)
    if shape_errors:
        raise InvalidInput("Controleer de invoer.", errors=shape_errors)
    form.data = plain
    if not form.is_valid():
        raise InvalidInput("Controleer de invoer.", errors=form_errors(form))
    return dict(form.cleaned_data)


class ActionForm(forms.Form):
    """Every action form knows the case and who is acting."""

    def __init__(self, *args, case: Case, viewer: Viewer, **kwargs):
        self.case = case
        self.viewer = viewer
        super().__init__(*args, **kwargs)


# The fields each instrument's own form asks for. An agendapunt and "vertrouwelijk" only mean
# something for a technische vraag (cases/rules.py: is_confidential ignores it otherwise).
_COMMON_FIELDS = (
    "instrument",
    "title",
    "question",
    "background",
    "policy_area",
    "on_behalf_of",
    "co_requesters",
    "submission_token",
)
INSTRUMENT_FIELDS = {
    Instrument.ASSISTANCE: _COMMON_FIELDS,
    Instrument.TECHNICAL_QUESTION: (*_COMMON_FIELDS, "confidential", "agenda_item", "meeting_date"),
    Instrument.WRITTEN_QUESTION: _COMMON_FIELDS,
}
# Labels in each instrument's own words; the shared form keeps the general ones.
INSTRUMENT_LABELS = {
    Instrument.ASSISTANCE: {},
    Instrument.TECHNICAL_QUESTION: {
        "question": "Uw technische vraag",
        "agenda_item": "Agendapunt (als uw vraag over een raadsvoorstel gaat)",
    },
    Instrument.WRITTEN_QUESTION: {
        "question": "Uw vragen aan het college of de burgemeester",
        "background": "Toelichting bij uw vragen",
    },
}


def member_label(person: Person) -> str:
    """A council member as the co-requester list names them: name and fractie."""
    fractie = person.fractie.name if person.fractie is not None else ""
    return f"{person.display_name} ({fractie})" if fractie else person.display_name


class CaseForm(forms.Form):
    """A new request (verzoek) by a member.

    With `instrument` it is that instrument's own form: only its fields, and the instrument is
    the form's, whatever the input says. Without it (the API, the command line) the input names
    the instrument and every field may be given.
    """

    instrument = forms.ChoiceField(
        label="Instrument", choices=Instrument.choices, initial=Instrument.ASSISTANCE
    )
    title = forms.CharField(label="Onderwerp", max_length=200, min_length=3)
    question = text_field("Uw vraag of verzoek", min_length=10, noun="De vraag")
    background = text_field(
        "Achtergrond (waarvoor heeft u dit nodig?)", required=False, noun="De achtergrond"
    )
    policy_area = forms.ChoiceField(label="Beleidsterrein", choices=PolicyArea.choices)
    confidential = forms.BooleanField(
        label="Vertrouwelijk behandelen",
        required=False,
        help_text="Bij een technische vraag: zet dit aan als het antwoord niet openbaar mag worden.",
    )
    agenda_item = forms.CharField(
        label="Agendapunt (bij een technische vraag over een raadsvoorstel)",
        max_length=200,
        required=False,
    )
    meeting_date = forms.DateField(
        label="Datum van de vergadering",
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    on_behalf_of = PersonChoiceField(
        label="Namens raadslid (alleen voor een aangemelde fractiemedewerker)",
        queryset=Person.objects.none(),
        required=False,
        empty_label="— niet namens een raadslid —",
    )
    # Checkboxes, not a ctrl-click multi-select: they work for everyone without JavaScript, and
    # static/raadsloket/combobox.js turns them into a searchable list (cases/includes).
    co_requesters = PeopleChoiceField(
        label="Mede-indieners",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Raadsleden die het verzoek samen met u indienen; zij zien het verzoek en "
        "het antwoord.",
    )
    submission_token = token_field()

    def __init__(self, *args, viewer: Viewer, instrument: Instrument | None = None, **kwargs):
        self.viewer = viewer
        self.fixed_instrument = instrument
        super().__init__(*args, **kwargs)
        if instrument is None:
            # With htmx the rules beside the form follow the chosen instrument (cases/rules.py).
            field_of(self, "instrument", forms.ChoiceField).widget.attrs.update(
                {
                    "hx-get": reverse("case_new_rules"),
                    "hx-trigger": "change",
                    "hx-target": "#regels",
                    "hx-swap": "outerHTML",
                    "hx-sync": "this:replace",
                }
            )
        else:
            self._only_fields_of(instrument)
        members = (
            Person.objects.filter(
                municipality_id=viewer.tenant,
                role_assignments__role=Role.COUNCIL_MEMBER,
                is_active=True,
            )
            .exclude(pk=viewer.me)
            .select_related("fractie")
            .order_by("last_name", "first_name")
        )
        co_requesters = field_of(self, "co_requesters", forms.ModelMultipleChoiceField)
        co_requesters.queryset = members
        co_requesters.label_from_instance = member_label  # type: ignore[method-assign,assignment]
        field_of(self, "on_behalf_of", forms.ModelChoiceField).queryset = members

    def _only_fields_of(self, instrument: Instrument) -> None:
        wanted = INSTRUMENT_FIELDS[instrument]
        for name in [name for name in self.fields if name not in wanted]:
            del self.fields[name]
        if not self.viewer.policy.openness.technical_questions_public:
            # The answer is confidential anyway (cases/rules.py); a choice would mislead.
            self.fields.pop("confidential", None)
        elif "confidential" in self.fields:
            self.fields[
                "confidential"
            ].help_text = "Zet dit aan als het antwoord niet openbaar mag worden."
        for name, label in INSTRUMENT_LABELS[instrument].items():
            self.fields[name].label = label
        field = self.fields["instrument"]
        field.widget = forms.HiddenInput()
        field.initial = instrument
        field.required = False

    def clean_instrument(self):
        # The form's own instrument wins over anything posted with it.
        return self.fixed_instrument or self.cleaned_data.get("instrument")

    def clean_on_behalf_of(self):
        """Only a registered fractiemedewerker files for a member, and only of their own fractie."""
        member = self.cleaned_data.get("on_behalf_of")
        is_employee = Role.FRACTIE_EMPLOYEE in self.viewer.roles
        if member is not None and not is_employee:
            raise forms.ValidationError(
                "Alleen een aangemelde fractiemedewerker dient in namens een raadslid."
            )
        if is_employee and Role.COUNCIL_MEMBER not in self.viewer.roles and member is None:
            raise forms.ValidationError(
                "Een fractiemedewerker dient in namens een raadslid: kies wie."
            )
        if member is not None and member.fractie_id != self.viewer.fractie_id:
            raise forms.ValidationError(
                "U kunt alleen namens een raadslid van uw eigen fractie indienen."
            )
        return member

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        instrument = cleaned.get("instrument")
        has_agenda = cleaned.get("agenda_item") or cleaned.get("meeting_date")
        if has_agenda and instrument != Instrument.TECHNICAL_QUESTION:
            self.add_error("agenda_item", "Een agendapunt hoort alleen bij een technische vraag.")
        elif bool(cleaned.get("agenda_item")) != bool(cleaned.get("meeting_date")):
            field = "meeting_date" if cleaned.get("agenda_item") else "agenda_item"
            self.add_error(field, "Vul agendapunt en vergaderdatum allebei in, of geen van beide.")
        meeting = cleaned.get("meeting_date")
        if meeting is not None and meeting < timezone.localdate():
            self.add_error("meeting_date", "Die vergadering is al geweest.")
        return cleaned


class DirectContactForm(forms.Form):
    """A civil servant logs, afterwards, small factual information given to a member directly."""

    member = PersonChoiceField(
        label="Raadslid", queryset=Person.objects.none(), empty_label="— kies een raadslid —"
    )
    title = forms.CharField(label="Onderwerp", max_length=200, min_length=3)
    question = text_field("Vraag van het raadslid", min_length=5, noun="De vraag")
    answer = text_field("Gegeven informatie", min_length=2, noun="De gegeven informatie")
    policy_area = forms.ChoiceField(label="Beleidsterrein", choices=PolicyArea.choices)
    confidential = forms.BooleanField(label="Vertrouwelijk (niet openbaar)", required=False)

    def __init__(self, *args, viewer: Viewer, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "member", forms.ModelChoiceField).queryset = Person.objects.filter(
            municipality_id=viewer.tenant,
            role_assignments__role=Role.COUNCIL_MEMBER,
            is_active=True,
        ).order_by("last_name", "first_name")


def allowed_instrument_choices() -> list[tuple[str, str]]:
    return [("", "— geen instrument geadviseerd —")] + [
        (key, label) for key, label in ADVISABLE_INSTRUMENTS.items()
    ]


class NoteForm(ActionForm):
    note = text_field("Toelichting", required=False, max_length=2000)


class DeferForm(ActionForm):
    until = forms.DateField(label="Aanhouden tot", widget=forms.DateInput(attrs={"type": "date"}))
    reason = text_field("Reden", min_length=5, max_length=2000, noun="De reden")

    def clean_until(self):
        until = self.cleaned_data["until"]
        if until <= timezone.localdate():
            raise forms.ValidationError("De datum moet in de toekomst liggen.")
        if (until - timezone.localdate()).days > 366:
            raise forms.ValidationError("Aanhouden kan hoogstens een jaar.")
        return until


def civil_servants_of(viewer: Viewer):
    return (
        Person.objects.filter(
            municipality_id=viewer.tenant,
            role_assignments__role=Role.CIVIL_SERVANT,
            is_active=True,
        )
        .select_related("department")
        .order_by("last_name", "first_name")
    )


class AssignForm(ActionForm):
    civil_servants = PeopleChoiceField(
        label="Ambtenaar of ambtenaren",
        queryset=Person.objects.none(),
        widget=forms.CheckboxSelectMultiple,
    )
    hours_estimate = hours_field("Geschatte uren")
    capacity_confirmed = forms.BooleanField(
        label="Ik bevestig dat de capaciteit beschikbaar is",
        required=False,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(
            self, "civil_servants", forms.ModelMultipleChoiceField
        ).queryset = civil_servants_of(self.viewer)

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        hours = cleaned.get("hours_estimate")
        threshold = self.viewer.policy.routing.capacity_confirmation_hours
        if hours is not None and hours > threshold and not cleaned.get("capacity_confirmed"):
            # Profile: above this number of hours the routing officer confirms capacity.
            self.add_error(
                "capacity_confirmed",
                f"Boven {threshold} uur vraagt de verordening dat u de capaciteit bevestigt.",
            )
        return cleaned


class RefuseForm(ActionForm):
    ground = forms.ChoiceField(label="Weigeringsgrond")
    reasoning = text_field(
        "Motivering",
        min_length=20,
        noun="De motivering",
        help_text="Een weigering is met redenen omkleed (model-verordening).",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # No ground is preselected: the routing officer must choose one consciously.
        field_of(self, "ground", forms.ChoiceField).choices = [("", "— kies een grond —")] + [
            (ground.code, ground.label) for ground in self.viewer.policy.refusal_grounds
        ]


class DeliverForm(ActionForm):
    answer = text_field("Antwoord", min_length=2, max_length=50_000, noun="Het antwoord")
    secret = forms.BooleanField(
        label="Geheimhouding (art. 25 Gemeentewet): alleen aan de gehele raad",
        required=False,
    )
    # The form metaclass moves fields out of the class; `self.files` stays the uploaded files.
    files = MultipleFileField(  # type: ignore[assignment]
        label="Bijlagen",
        required=False,
        help_text="PDF, Word, Excel, OpenDocument, CSV, tekst of foto; hoogstens 5 bestanden "
        "van elk 10 MB.",
    )

    def clean_files(self):
        given = self.files.getlist("files") if self.files else []  # type: ignore[attr-defined]
        if len(given) > MAX_FILES:
            raise forms.ValidationError(f"Hoogstens {MAX_FILES} bijlagen.")
        checked = []
        for upload in given:
            try:
                checked.append(uploads.check_upload(upload, ATTACHMENTS))
            except DomainError as refused:
                raise forms.ValidationError(refused.message) from None
        return checked


class CloseForm(ActionForm):
    advised_instrument = forms.ChoiceField(
        label="Geadviseerd instrument (bij afsluiten na intake)",
        required=False,
        choices=allowed_instrument_choices,
    )
    note = text_field("Toelichting", required=False, max_length=2000)

    def clean(self):
        super().clean()
        cleaned = self.cleaned_data
        at_intake = self.case.state in (State.SUBMITTED, State.INTAKE)
        if at_intake and not cleaned.get("note"):
            self.add_error("note", "Leg uit waarom het verzoek na de intake wordt afgesloten.")
        if not at_intake and cleaned.get("advised_instrument"):
            self.add_error("advised_instrument", "Een ander instrument adviseert u bij de intake.")
        return cleaned


class ConvertForm(ActionForm):
    """The glijdende schaal (spelregel 1): the same case as another instrument."""

    target = forms.ChoiceField(label="Omzetten naar", required=False, choices=())
    # The API schema's values for the choices set per case below (cases/action_schemas.py).
    api_choices = {"target": Instrument.values}
    note = text_field("Toelichting", required=False, max_length=2000)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field_of(self, "target", forms.ChoiceField).choices = [("", "— standaard —")] + [
            (value, label) for value, label in Instrument.choices if value != self.case.instrument
        ]

    def clean_target(self):
        target = self.cleaned_data.get("target")
        requester = self.case.requester
        # Art. 155 Gemeentewet: schriftelijke vragen are put by a member of the council.
        if (
            target == Instrument.WRITTEN_QUESTION
            and not requester.role_assignments.filter(role=Role.COUNCIL_MEMBER).exists()
        ):
            raise forms.ValidationError(
                "Schriftelijke vragen stelt alleen een raadslid (art. 155 Gemeentewet)."
            )
        return target

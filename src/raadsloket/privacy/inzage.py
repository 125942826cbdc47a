# SPDX-License-Identifier: EUPL-1.2
"""AVG art. 15 (recht van inzage): everything raadsloket holds about one person.

`export(person)` gathers it as plain data (what the JSON download is, and what the PDF shows).
Cases go through the access layer (raadsloket.privacy.cases); the rest is the person's own rows:
profile, notifications, API tokens (prefix and dates, never the hash), two-factor devices
(name only, never the key), break-glass grants and the audit events they caused.

Audit events: their kind, moment and case reference only. Their detail can hold another
person's case content (a list read names the cases read, a break-glass reason may quote a
case), so it is left out.
"""

from django.apps import apps
from django.db.models import Q
from django.utils import timezone

from raadsloket.access.models import BreakGlass
from raadsloket.api.models import ApiToken
from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.fractie_support.models import Expense, SpendingQuestion
from raadsloket.lib.money import euro
from raadsloket.notify.models import Delivery, Notification, NotificationSetting
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role
from raadsloket.privacy import cases as case_part
from raadsloket.privacy.labels import audit_label, day, reference, when
from raadsloket.privacy.viewer import export_viewer
from raadsloket.training.models import TrainingRequest

TITLE = "Inzage persoonsgegevens"
LEGAL_BASIS = "Algemene verordening gegevensbescherming (AVG), artikel 15"
ROLE_LABELS = dict(Role.choices)
DELIVERY_LABELS = dict(Delivery.choices)

# AVG art. 15 lid 1: besides the data, the purposes, recipients, retention and rights.
EXPLANATION = [
    (
        "Doel",
        "raadsloket ondersteunt de gemeenteraad bij ambtelijke bijstand, technische en "
        "schriftelijke vragen (Gemeentewet art. 33, 155 en 169), en bij de fractieondersteuning "
        "en het opleidingsbudget (art. 33 lid 2 en 3). Uw gegevens dienen om uw verzoeken en "
        "aanvragen te behandelen, u te laten weten wat er gebeurt en vast te leggen wie wat "
        "deed.",
    ),
    (
        "Wie ziet uw gegevens",
        "Alleen wie bij een verzoek betrokken is, volgens de regels van de verordening: de "
        "griffie, de gemeentesecretaris of kabinetschef, de toegewezen ambtenaar en, voor zover "
        "het profiel dat bepaalt, de raad of het college. Een functioneel beheerder ziet alleen "
        "kenmerken; noodtoegang wordt vastgelegd en aan de griffier getoond.",
    ),
    (
        "Bewaartermijn",
        "Verzoeken en hun geschiedenis zijn archiefbescheiden van de gemeente (Archiefwet) en "
        "worden bewaard volgens de selectielijst. Na uw vertrek worden uw naam, e-mailadres, "
        "inloggegevens, meldingen en API-sleutels verwijderd of geanonimiseerd (AVG art. 17).",
    ),
    (
        "Wat dit overzicht niet toont",
        "Onderdelen van verzoeken die u volgens de verordening niet mag zien, ook als uw naam erbij "
        "staat, en de inhoud van auditregels (die kan gegevens van anderen bevatten).",
    ),
    (
        "Uw rechten",
        "U kunt de griffie vragen gegevens te verbeteren (AVG art. 16) of te wissen (art. 17), "
        "voor zover de Archiefwet dat toelaat. Bent u het niet eens met de afhandeling, dan kunt u "
        "een klacht indienen bij de Autoriteit Persoonsgegevens.",
    ),
]


def export(person: Person) -> dict:
    viewer = export_viewer(person)
    seen = case_part.CaseSections(viewer)
    return {
        "titel": TITLE,
        "grondslag": LEGAL_BASIS,
        "gemaakt_op": when(timezone.now()),
        "gemeente": person.municipality.name if person.municipality_id else None,
        "uitleg": [{"Onderwerp": topic, "Tekst": text} for topic, text in EXPLANATION],
        "persoon": profile(person),
        "verzoeken": case_part.case_rows(person, viewer, seen),
        "handelingen": case_part.timeline_rows(person, seen),
        "uren": case_part.hours_rows(person, seen),
        "evaluaties": case_part.evaluation_rows(person, seen),
        "bemiddelingen": case_part.mediation_rows(person, seen),
        "bestanden": case_part.file_rows(person, seen),
        "meldingen": notification_rows(person, seen),
        "meldingsinstelling": delivery_setting(person),
        "api_sleutels": token_rows(person),
        "tweestapsverificatie": otp_rows(person),
        "noodtoegang": break_glass_rows(person),
        "opleidingen": training_rows(person),
        "uitgaven_fractie": expense_rows(person),
        "vragen_fractieondersteuning": question_rows(person),
        "auditregels": audit_rows(person),
    }


def record_export(person: Person, file_format: str, *, actor=None) -> None:
    """Every export is audited: who asked whose data, in which form (never the data itself).

    `actor` is the person themselves on the web, or the operator's name on the command line
    (a written request handled by the griffie or the administrator).
    """
    chain.record(
        "privacy.export",
        actor=actor if actor is not None else person,
        municipality_id=person.municipality_id,
        detail={"person": person.pk, "format": file_format},
    )


def profile(person: Person) -> dict:
    expertise = getattr(person, "expertise", None)
    return {
        "Gebruikersnaam": person.username,
        "Voornaam": person.first_name,
        "Achternaam": person.last_name,
        "E-mailadres": person.email,
        "Account actief": "ja" if person.is_active else "nee",
        "Account aangemaakt": when(person.date_joined),
        "Laatst ingelogd": when(person.last_login),
        "Rollen": sorted(
            ROLE_LABELS.get(role, role)
            for role in person.role_assignments.values_list("role", flat=True)
        ),
        "Fractie": person.fractie.name if person.fractie_id else None,
        "Afdeling": person.department.name if person.department_id else None,
        "Leidinggevende van": sorted(d.name for d in person.managed_departments.all()),
        "Deskundigheid": {
            "Beleidsterreinen": expertise.policy_area_labels,
            "Trefwoorden": expertise.keywords,
            "Uren per week voor bijstand": str(expertise.weekly_hours),
        }
        if expertise is not None
        else None,
    }


def notification_rows(person: Person, seen: case_part.CaseSections) -> list[dict]:
    notifications = list(Notification.objects.filter(recipient=person).order_by("created_at", "pk"))
    seen.load(n.case_id for n in notifications if n.case_id)
    return [
        {
            "Verzoek": reference(n.case_id),
            "Melding": n.title
            if n.case_id is None or seen.sees(n.case_id, "request")
            # The title names the case's subject; shown only while the request is visible.
            else n.headline,
            "Tekst": n.body,
            "Gemaakt": when(n.created_at),
            "Gelezen": when(n.read_at),
            "Gemaild": when(n.emailed_at),
        }
        for n in notifications
    ]


def delivery_setting(person: Person) -> str:
    setting = NotificationSetting.objects.filter(person=person).first()
    chosen = setting.delivery if setting else Delivery.IMMEDIATELY
    return f"e-mail bij meldingen: {DELIVERY_LABELS.get(chosen, chosen)}"


def token_rows(person: Person) -> list[dict]:
    # Never the hash: it is a credential, not information about the person.
    tokens = ApiToken.objects.filter(person=person).order_by("created_at", "pk")
    return [
        {
            "Kenmerk": token.prefix,
            "Omschrijving": token.label or None,
            "Aangemaakt": when(token.created_at),
            "Verloopt": when(token.expires_at),
            "Ingetrokken": when(token.revoked_at),
            "Laatst gebruikt": when(token.last_used_at),
        }
        for token in tokens
    ]


def otp_rows(person: Person) -> list[dict]:
    """Two-factor devices by name; their secret keys are credentials and never exported."""
    if not apps.is_installed("django_otp"):
        return []
    from django_otp import devices_for_user

    return [
        {"Naam": device.name, "Bevestigd": "ja" if device.confirmed else "nee"}
        for device in devices_for_user(person, confirmed=None)
    ]


def break_glass_rows(person: Person) -> list[dict]:
    grants = BreakGlass.objects.filter(person=person).order_by("granted_at", "pk")
    return [
        {
            "Verzoek": reference(grant.case_id),
            "Verleend": when(grant.granted_at),
            "Verloopt": when(grant.expires_at),
            # The administrator's own words, which the griffier also sees.
            "Reden": grant.reason,
        }
        for grant in grants
    ]


def training_rows(person: Person) -> list[dict]:
    """The person's own requests for the opleidingsbudget, with the griffie's decision."""
    requests = TrainingRequest.objects.filter(person=person).order_by("submitted_at", "pk")
    return [
        {
            "Jaar": request.year,
            "Soort": request.get_kind_display(),
            "Opleiding": request.title,
            "Aanbieder": request.provider,
            "Datum": day(request.start_date),
            "Kosten": euro(request.cost),
            "Doel": request.purpose,
            "Aangevraagd": when(request.submitted_at),
            "Status": request.get_status_display(),
            "Besloten": when(request.decided_at),
            "Motivering": request.decision_reason or None,
        }
        for request in requests
    ]


def expense_rows(person: Person) -> list[dict]:
    """Expenses the person recorded as treasurer. The amounts are the fractie's, shown because
    the person entered them; the griffie's review belongs to the record of the entry."""
    expenses = (
        Expense.objects.filter(recorded_by=person)
        .select_related("fractie")
        .order_by("recorded_at", "pk")
    )
    return [
        {
            "Fractie": expense.fractie.name,
            "Jaar": expense.year,
            "Datum": day(expense.date),
            "Bedrag": euro(expense.amount),
            "Categorie": expense.category,
            "Omschrijving": expense.description,
            "Bewijsstuk": expense.proof_name or None,
            "Vastgelegd": when(expense.recorded_at),
            "Beoordeling griffie": expense.get_review_display(),
        }
        for expense in expenses
    ]


def question_rows(person: Person) -> list[dict]:
    """Questions about an expense the person put to the griffie, with the answer."""
    questions = (
        SpendingQuestion.objects.filter(asked_by=person)
        .select_related("fractie")
        .order_by("asked_at", "pk")
    )
    return [
        {
            "Fractie": question.fractie.name,
            "Categorie": question.category,
            "Vraag": question.question,
            "Gesteld": when(question.asked_at),
            "Antwoord": question.get_answer_display(),
            "Motivering": question.reasoning or None,
            "Beantwoord": when(question.answered_at),
        }
        for question in questions
    ]


def audit_rows(person: Person) -> list[dict]:
    """Events the person caused, and the privacy events about them (kind, moment, case)."""
    mine = Q(actor_ref=person.username) if person.username else Q(pk__in=[])
    about = Q(action__startswith="privacy.", detail__person=person.pk)
    # The order they were written in: numbers are per chain (audit/models.py).
    events = AuditEvent.objects.filter(mine | about).order_by("pk")
    return [
        {
            "Volgnummer": event.seq,
            "Soort": audit_label(event.action),
            "Code": event.action,
            "Tijdstip": when(event.at),
            "Verzoek": reference(event.case_ref),
        }
        for event in events.only("seq", "action", "at", "case_ref").iterator(chunk_size=2000)
    ]

# SPDX-License-Identifier: EUPL-1.2
"""One Case model for every instrument, with its assignments, timeline and files.

Nothing but raadsloket.cases.transitions.perform writes `state`.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone

from raadsloket.cases.instruments import Channel, Instrument
from raadsloket.cases.states import State
from raadsloket.lib.idempotency import TOKEN_LENGTH, token_constraint_condition
from raadsloket.organisation.models import Municipality
from raadsloket.organisation.roles import PolicyArea

# Newest first within one municipality (every list is of one). Naming the municipality first lets
# PostgreSQL walk index case_muni_newest; ordered by id alone it may walk the primary key
# through every other municipality's cases looking for this one's (docs/scaling.md: 0.7 s per page at a
# million cases). OLDEST_FIRST is the same index walked the other way.
NEWEST_FIRST = ("municipality_id", "-id")
OLDEST_FIRST = ("-municipality_id", "id")
# The long texts no list and no deadline pass reads (an answer can run to pages): deferred.
LONG_TEXTS = (
    "question",
    "background",
    "answer",
    "refusal_reasoning",
    "objection",
    "defer_reason",
    "closing_note",
    "postponement_reason",
)


class Case(models.Model):
    """One information request of any instrument.

    On PostgreSQL the table also has two columns the model does not name: `search_request` and
    `search_answer`, tsvectors that PostgreSQL derives from title, question, background and
    answer for full-text search (migration 0004). A migration that changes the type of one of
    those four fields must drop and re-add them around the change.
    """

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="cases")
    instrument = models.CharField("instrument", max_length=40, choices=Instrument.choices)
    state = models.CharField("status", max_length=30, choices=State.choices, default=State.DRAFT)
    # The request (section "request").
    title = models.CharField("onderwerp", max_length=200)
    question = models.TextField("vraag of verzoek")
    background = models.TextField("achtergrond", blank=True)
    policy_area = models.CharField("beleidsterrein", max_length=40, choices=PolicyArea.choices)
    channel = models.CharField(
        "kanaal", max_length=30, choices=Channel.choices, default=Channel.VIA_GRIFFIE
    )
    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="indiener",
        on_delete=models.PROTECT,
        related_name="requested_cases",
    )
    # A registered fractie employee may file for a member (model-verordening, variant).
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="ingediend door",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="filed_cases",
    )
    co_requesters = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name="mede-indieners",
        blank=True,
        related_name="co_requested_cases",
    )
    # Only the requesters receive the answer (profile openness "requester_only").
    confidential = models.BooleanField("vertrouwelijk", default=True)
    # Art. 25 Gemeentewet: secret information goes only to the whole council.
    secret = models.BooleanField("geheimhouding (art. 25 Gemeentewet)", default=False)

    # Handling (section "routing").
    handler = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="behandelaar griffie",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_cases",
    )
    routing_officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="doorgeleid aan",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routed_cases",
    )
    hours_estimate = models.DecimalField(
        "geschatte uren", max_digits=6, decimal_places=1, null=True, blank=True
    )
    capacity_confirmed = models.BooleanField("capaciteit bevestigd", default=False)
    refusal_ground = models.CharField("weigeringsgrond", max_length=40, blank=True)
    refusal_reasoning = models.TextField("motivering weigering", blank=True)
    objection = models.TextField("bezwaar", blank=True)
    deferred_until = models.DateField("aangehouden tot", null=True, blank=True)
    defer_reason = models.TextField("reden aanhouden", blank=True)
    resume_state = models.CharField(max_length=30, choices=State.choices, blank=True)
    advised_instrument = models.CharField("geadviseerd instrument", max_length=40, blank=True)
    closing_note = models.TextField("toelichting bij afsluiten", blank=True)
    # Schriftelijke vragen: the wethouder or burgemeester who answers (section "routing").
    portfolio_holder = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="portefeuillehouder",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="portfolio_cases",
    )
    # The college's postponement notice (uitstelbericht): reasons and a new date. Reglement van
    # Orde: the notice counts as an answer for the term.
    postponed_at = models.DateTimeField("uitstelbericht ontvangen", null=True, blank=True)
    postponed_to = models.DateField("nieuwe datum antwoord", null=True, blank=True)
    postponement_reason = models.TextField("reden uitstel", blank=True)
    # Technical questions about an agenda item; written questions: the meeting whose ingekomen
    # stukken list the published answer.
    agenda_item = models.CharField("agendapunt", max_length=200, blank=True)
    meeting_date = models.DateField("vergaderdatum", null=True, blank=True)
    # Technical question on an agenda item: answered before the meeting (profile cut-off).
    answer_before = models.DateTimeField("beantwoorden vóór", null=True, blank=True)

    # The answer (section "answer").
    answer = models.TextField("antwoord", blank=True)

    # Time.
    created_at = models.DateTimeField(default=timezone.now)
    submitted_at = models.DateTimeField(null=True, blank=True)
    forwarded_at = models.DateTimeField(null=True, blank=True)
    assigned_at = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    registered_at = models.DateTimeField("geregistreerd", null=True, blank=True)
    answered_at = models.DateTimeField("beantwoord", null=True, blank=True)
    published_at = models.DateTimeField("gepubliceerd", null=True, blank=True)
    # Woo publication of a written question's answer: the griffie may set an embargo; before
    # this day nothing of the answer is public (raadsloket.access.publication). Empty: public
    # as soon as it is published to the council.
    answer_public_from = models.DateField("antwoord openbaar vanaf", null=True, blank=True)
    intake_due = models.DateField("termijn intake", null=True, blank=True)
    decision_due = models.DateField("termijn besluit", null=True, blank=True)
    delivery_due = models.DateField("termijn oplevering", null=True, blank=True)
    # Schriftelijke vragen: the term of the Reglement van Orde, counted from registration.
    answer_due = models.DateField("termijn beantwoording", null=True, blank=True)

    # Optimistic locking: a transition names the version it saw.
    version = models.PositiveIntegerField(default=1)
    # The new-request form's token (lib/idempotency.py): Back and "Indienen" again file nothing.
    submission_token = models.CharField(max_length=TOKEN_LENGTH, blank=True, default="")

    class Meta:
        verbose_name = "verzoek"
        verbose_name_plural = "verzoeken"
        indexes = [
            models.Index(fields=["municipality", "state"], name="case_muni_state"),
            models.Index(fields=["municipality", "instrument", "state"], name="case_muni_instr"),
            models.Index(fields=["requester", "state"], name="case_requester"),
            models.Index(fields=["routing_officer", "state"], name="case_routing"),
            # The college's inbox and the overdue list: the few registered or postponed written
            # questions, found by state and then sorted (docs/scaling.md: ordered by answer_due alone,
            # the planner walked every published question of ten years to reach them).
            models.Index(
                fields=["municipality", "instrument", "state", "answer_due"],
                name="case_muni_state_due",
            ),
            # Each list walks its index in the order it shows and stops when the page is
            # full, so a page costs the same in a municipality of 100 or 100,000 cases. More such
            # indexes, and the full-text ones, in migration 0004 (PostgreSQL only).
            models.Index(fields=["municipality", "-id"], name="case_muni_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "submission_token"],
                condition=token_constraint_condition(),
                name="case_submitted_once",
            )
        ]

    def __str__(self) -> str:
        return f"#{self.pk} {self.get_instrument_display()}"

    @property
    def reference(self) -> str:
        return f"RL-{self.pk:05d}" if self.pk else "RL-nieuw"


class Assignment(models.Model):
    """A civil servant appointed by the routing officer (model-verordening art. 4)."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="assignments")
    civil_servant = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="assignments"
    )
    hours_estimate = models.DecimalField(max_digits=6, decimal_places=1, null=True, blank=True)
    assigned_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "toewijzing"
        verbose_name_plural = "toewijzingen"
        constraints = [
            models.UniqueConstraint(fields=["case", "civil_servant"], name="assignment_unique")
        ]
        indexes = [models.Index(fields=["civil_servant", "case"], name="assignment_servant")]


class TimelineEvent(models.Model):
    """One step in a case's history. `section` says whose eyes its detail is for."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="timeline")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=30, blank=True)
    to_state = models.CharField(max_length=30, blank=True)
    section = models.CharField(max_length=20)
    detail = models.TextField(blank=True)

    class Meta:
        ordering = ["at", "pk"]
        indexes = [models.Index(fields=["case", "at"], name="timeline_case_at")]


def _case_file_path(instance: "CaseFile", filename: str) -> str:
    # The stored name never comes from the user: it cannot traverse or collide.
    return f"cases/{instance.case.municipality_id}/{instance.case_id}/{instance.token}"


class CaseFile(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="files")
    section = models.CharField(max_length=20, default="answer")
    token = models.CharField(max_length=40, unique=True)
    file = models.FileField(upload_to=_case_file_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = "bestand"
        verbose_name_plural = "bestanden"

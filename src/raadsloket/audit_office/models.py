# SPDX-License-Identifier: EUPL-1.2
"""The rekenkamer and the accountant (toolkit seed, "Rekenkamer" and "Accountant").

- A study request (verzoek aan de rekenkamer): the council may ask the rekenkamer for a study
  (Gemeentewet art. 182); the rekenkamer decides for itself which studies it does (seed: "De
  rekenkamer(commissie) beslist vervolgens zelf welke onderzoeken zij precies uitvoert"). The
  griffie files the request on behalf of the council and records the rekenkamer's decision.
- The yearly programme (onderzoeksprogramma) of the rekenkamer (seed: "De meeste
  rekenkamer(commissie)s stellen jaarlijks een onderzoeksprogramma vast").
- The accountant cycle: per begrotingsjaar the dates of the control of the jaarrekening, ending
  with the legal last date on which the council adopts it (art. 198 lid 1, art. 200; seed: "De
  gemeenteraad moet uiterlijk op 15 juli in het jaar volgend op het boekjaar de jaarrekening
  vaststellen"), and the auditcommissie's meetings.

Nothing here is confidential: who reads it is decided in raadsloket.access.audit_office.
"""

from django.db import models

from raadsloket.organisation.models import Municipality, Person
from raadsloket.registers.models import Motion


class RequestStatus(models.TextChoices):
    # A raadslid's proposal: the council asks (art. 182), so the griffie files it only with the
    # raadsbesluit or the motion that carries it, or closes it as not filed.
    PROPOSED = "voorgesteld", "voorgesteld door een raadslid"
    FILED = "ingediend", "ingediend"
    TAKEN_UP = "in_behandeling", "in behandeling genomen"
    REFUSED = "afgewezen", "afgewezen door de rekenkamer"
    RUNNING = "onderzoek_loopt", "onderzoek loopt"
    REPORTED = "rapport_aangeboden", "rapport aangeboden"
    DISCUSSED = "besproken", "besproken in de raad"
    NOT_FILED = "niet_ingediend", "niet ingediend"


class StudyRequest(models.Model):
    """A request of the council to the rekenkamer for a study (Gemeentewet art. 182)."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT)
    subject = models.CharField("onderwerp", max_length=200)
    question = models.TextField("onderzoeksvraag")
    reason = models.TextField("waarom dit onderzoek")
    council_decision = models.CharField("raadsbesluit", max_length=100, blank=True)
    motion = models.ForeignKey(
        Motion, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Empty while it is a proposal: set when the griffie files it on behalf of the council.
    filed_by = models.ForeignKey(
        Person, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    filed_on = models.DateField("ingediend op", null=True, blank=True)
    status = models.CharField(
        max_length=20, choices=RequestStatus.choices, default=RequestStatus.FILED
    )
    decided_on = models.DateField("besluit rekenkamer op", null=True, blank=True)
    decision_reasons = models.TextField("motivering van de rekenkamer", blank=True)
    report_title = models.CharField("titel van het rapport", max_length=300, blank=True)
    report_date = models.DateField("rapport aangeboden op", null=True, blank=True)
    report_url = models.URLField("link naar het rapport", max_length=500, blank=True)
    discussed_on = models.DateField("besproken in de raad op", null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [
            models.Index(fields=["municipality", "-filed_on", "-id"], name="studyrequest_newest")
        ]

    def __str__(self) -> str:
        return f"verzoek aan de rekenkamer {self.pk}: {self.subject}"


class ProgrammeStudy(models.Model):
    """A study the rekenkamer plans in its yearly programme, in a quarter."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField("jaar")
    quarter = models.PositiveSmallIntegerField("kwartaal")
    title = models.CharField("onderzoek", max_length=200)
    description = models.TextField("toelichting", blank=True)
    request = models.ForeignKey(
        StudyRequest, on_delete=models.SET_NULL, null=True, blank=True, related_name="planned"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["municipality", "year"], name="programme_year")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(quarter__gte=1, quarter__lte=4), name="programme_quarter"
            )
        ]

    def __str__(self) -> str:
        return f"{self.year} K{self.quarter}: {self.title}"


class CycleKind(models.TextChoices):
    PROTOCOL = "controleprotocol", "controleprotocol vastgesteld"
    INTERIM = "interim", "interim-controle"
    TO_COUNCIL = "aanbieding", "jaarrekening aangeboden aan de raad"
    AUDIT_REPORT = "accountantsverslag", "accountantsverslag"
    ADOPTION = "vaststelling", "vaststelling jaarrekening door de raad"
    COMMITTEE = "auditcommissie", "vergadering auditcommissie"
    OTHER = "overig", "overig"


class CycleDate(models.Model):
    """One date of the accountant cycle of a begrotingsjaar."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT)
    budget_year = models.PositiveSmallIntegerField("begrotingsjaar")
    kind = models.CharField("soort", max_length=20, choices=CycleKind.choices)
    date = models.DateField("datum")
    title = models.CharField("omschrijving", max_length=200)
    note = models.TextField("toelichting", blank=True)
    # The date the law sets (art. 200 Gemeentewet): shown highlighted, never moved later.
    legal = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["municipality", "date"], name="cycledate_date")]
        constraints = [
            # The standard dates once per year; meetings and other dates as often as needed.
            models.UniqueConstraint(
                fields=["municipality", "budget_year", "kind"],
                condition=~models.Q(kind__in=["auditcommissie", "overig"]),
                name="cycledate_standard_once",
            )
        ]

    def __str__(self) -> str:
        return f"{self.budget_year}: {self.title} ({self.date})"


class CycleReminderLog(models.Model):
    """One reminder to the griffie before a cycle date: sent once per date it is on."""

    cycle_date = models.ForeignKey(CycleDate, on_delete=models.CASCADE, related_name="+")
    due = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["cycle_date", "due"], name="cycle_reminder_once")
        ]

    def __str__(self) -> str:
        return f"herinnering {self.cycle_date_id} voor {self.due}"

# SPDX-License-Identifier: EUPL-1.2
"""Reports of threats and intimidation, and the preventive self-check (toolkit seed,
"Advies bij bedreiging en intimidatie" of the Nederlandse Vereniging voor Raadsleden).

An incident is the most confidential object of raadsloket: who may read it is decided only in
raadsloket.access.safety. Evidence files are stored under MEDIA_ROOT (outside the web root, never
served by the web server) under a random name, and leave only through the access layer.
"""

from django.db import models

from raadsloket.organisation.models import Municipality, Person


class Channel(models.TextChoices):
    IN_PERSON = "in_persoon", "in persoon"
    PHONE = "telefoon", "telefoon"
    EMAIL = "e-mail", "e-mail"
    SOCIAL = "sociale_media", "sociale media"
    LETTER = "brief", "brief"
    HOME = "thuisadres", "aan het thuisadres"
    OTHER = "anders", "anders"


class Severity(models.TextChoices):
    # NVvR-advies (toolkit seed): "Meld kleine incidenten altijd bij de griffier. Meld grotere
    # incidenten bij de burgemeester. Stel bij acute dreiging altijd eerst de politie op de hoogte."
    SMALL = "klein", "klein incident"
    SERIOUS = "ernstig", "groter incident"
    ACUTE = "acuut", "acute dreiging"


class Handler(models.TextChoices):
    CLERK = "griffier", "griffier"
    MAYOR = "burgemeester", "burgemeester"


class Status(models.TextChoices):
    REPORTED = "gemeld", "gemeld"
    IN_PROGRESS = "in_behandeling", "in behandeling"
    DONE = "afgehandeld", "afgehandeld"


class Incident(models.Model):
    """One incident a member reports: what, when, where, how it reached them."""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT)
    reporter = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    happened_on = models.DateField("datum")
    place = models.CharField("waar", max_length=200)
    description = models.TextField("wat er gebeurde")
    channel = models.CharField("hoe het u bereikte", max_length=20, choices=Channel.choices)
    severity = models.CharField("ernst", max_length=10, choices=Severity.choices)
    handler = models.CharField("eerst behandeld door", max_length=20, choices=Handler.choices)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.REPORTED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        indexes = [models.Index(fields=["municipality", "-created_at"], name="incident_newest")]

    def __str__(self) -> str:
        return f"melding {self.pk}"


def evidence_path(incident_id: int, token: str) -> str:
    # The stored name never comes from the user: it cannot traverse, collide or be guessed.
    return f"safety/{incident_id}/{token}"


def _evidence_path(instance: "Evidence", filename: str) -> str:
    return evidence_path(instance.incident_id, instance.token)


class Evidence(models.Model):
    """A file with the incident: a PDF, a photo or a screenshot."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="evidence")
    file = models.FileField(upload_to=_evidence_path, max_length=200)
    token = models.CharField(max_length=40, unique=True)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"bewijs {self.pk}"


class HandlerNote(models.Model):
    """What the griffier or the burgemeester did or agreed, with the incident."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"notitie {self.pk}"


class AddedReader(models.Model):
    """Someone the burgemeester lets read one incident (e.g. the kabinetschef)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="readers")
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    added_by = models.ForeignKey(Person, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["incident", "person"], name="incident_reader_once")
        ]

    def __str__(self) -> str:
        return f"lezer {self.person_id} van melding {self.incident_id}"


class Answer(models.TextChoices):
    DONE = "gedaan", "gedaan"
    TODO = "nog_niet", "nog niet"
    NOT_APPLICABLE = "nvt", "niet van toepassing"


class ChecklistAnswer(models.Model):
    """A member's own answer to one item of the preventive checklist: only theirs to see."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE)
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="+")
    item = models.CharField(max_length=40)
    answer = models.CharField(max_length=10, choices=Answer.choices)
    note = models.TextField(blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["person", "item"], name="checklist_answer_once")
        ]

    def __str__(self) -> str:
        return f"{self.item}: {self.answer}"

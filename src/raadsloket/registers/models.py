# SPDX-License-Identifier: EUPL-1.2
"""The council's registers: moties, amendementen, toezeggingen and initiatiefvoorstellen.

One app for the four instruments (ARCHITECTURE.md: `registers/`): they share a number per
municipality, a meeting, a portefeuillehouder and a due date, one list, one set of on-time figures,
one import and one reminder pass. Each model has a stable `KIND` (the glossary's English term) and
`get_absolute_url`, so a later app can point at any register item by (kind, id) (`by_kind`).

"Te laat" is never stored: it follows from the due date and the status (`is_overdue`), so a late
item cannot be forgotten by a pass that did not run.
"""

from datetime import date
from typing import Any

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from raadsloket.organisation.models import Fractie, Municipality

PERSON = settings.AUTH_USER_MODEL


class Outcome(models.TextChoices):
    """How the council dealt with a motie or amendement (Reglement van Orde)."""

    ADOPTED = "adopted", "aangenomen"
    REJECTED = "rejected", "verworpen"
    WITHDRAWN = "withdrawn", "ingetrokken"
    HELD = "held", "aangehouden"


class RegisterQuerySet(models.QuerySet):
    def public(self):
        """What the publication app may show outside the desk (Woo): see `is_public`."""
        return self


class InitiativeQuerySet(RegisterQuerySet):
    def public(self):
        # A concept is the submitters' own work until it is submitted (art. 147a Gemeentewet).
        return self.exclude(status=InitiativeProposal.Status.CONCEPT)


class RegisterItem(models.Model):
    """What every register item has: its municipality, a number and a title."""

    KIND = ""
    LABEL = ""
    # The page's address: the register's Dutch plural.
    SLUG = ""

    municipality = models.ForeignKey(Municipality, on_delete=models.PROTECT, related_name="+")
    number = models.CharField("nummer", max_length=40)
    title = models.CharField("titel", max_length=300)
    recorded_by = models.ForeignKey(
        PERSON,
        verbose_name="vastgelegd door",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField("vastgelegd op", default=timezone.now)

    objects = RegisterQuerySet.as_manager()

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{self.LABEL} {self.number}: {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("registers:detail", args=[self.SLUG, self.pk])

    @property
    def kind(self) -> str:
        return self.KIND

    def is_public(self) -> bool:
        return True

    def is_overdue(self, today: date | None = None) -> bool:
        return False


class Proposal(RegisterItem):
    """A motie or amendement put to the vote in a council meeting."""

    text = models.TextField("tekst", max_length=20_000, blank=True)
    meeting_date = models.DateField("vergaderdatum")
    agenda_item = models.CharField("agendapunt", max_length=200, blank=True)
    outcome = models.CharField("uitkomst", max_length=20, choices=Outcome.choices)

    class Meta:
        abstract = True


class Motion(Proposal):
    """A motie: the council's statement that asks the college to act. An adopted motie is
    executed by a portefeuillehouder by a date; the college's letter says it is done."""

    KIND = "motion"
    LABEL = "motie"
    SLUG = "moties"

    class Execution(models.TextChoices):
        NONE = "", "—"
        IN_PROGRESS = "in_progress", "in uitvoering"
        DONE = "done", "afgedaan"

    submitters: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        PERSON, verbose_name="indieners", related_name="+"
    )
    co_signers: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        PERSON, verbose_name="mede-indieners", related_name="+", blank=True
    )
    portfolio_holder = models.ForeignKey(
        PERSON,
        verbose_name="uitvoerend portefeuillehouder",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    due_date = models.DateField("uitvoeren uiterlijk", null=True, blank=True)
    execution = models.CharField(
        "uitvoering", max_length=20, choices=Execution.choices, blank=True, default=""
    )
    letter = models.FileField("collegebrief", upload_to="registers/letters/", blank=True)
    letter_reference = models.CharField("kenmerk collegebrief", max_length=200, blank=True)
    done_at = models.DateTimeField("afgedaan op", null=True, blank=True)

    class Meta:
        verbose_name = "motie"
        verbose_name_plural = "moties"
        ordering = ["-meeting_date", "-pk"]
        constraints = [
            models.UniqueConstraint(fields=["municipality", "number"], name="motion_unique_number")
        ]
        indexes = [models.Index(fields=["municipality", "execution", "due_date"])]

    @property
    def status_label(self) -> str:
        if self.execution:
            return str(self.Execution(self.execution).label)
        return str(Outcome(self.outcome).label)

    def is_overdue(self, today: date | None = None) -> bool:
        today = today or timezone.localdate()
        return (
            self.execution == self.Execution.IN_PROGRESS
            and self.due_date is not None
            and self.due_date < today
        )


class Amendment(Proposal):
    """An amendement: a change to a proposal before the council (art. 147b Gemeentewet)."""

    KIND = "amendment"
    LABEL = "amendement"
    SLUG = "amendementen"

    submitters: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        PERSON, verbose_name="indieners", related_name="+"
    )
    co_signers: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        PERSON, verbose_name="mede-indieners", related_name="+", blank=True
    )
    amends = models.CharField("wijzigt het voorstel", max_length=300)

    class Meta:
        verbose_name = "amendement"
        verbose_name_plural = "amendementen"
        ordering = ["-meeting_date", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "number"], name="amendment_unique_number"
            )
        ]

    @property
    def status_label(self) -> str:
        return str(Outcome(self.outcome).label)


class Vote(models.Model):
    """How one fractie voted on a motie or amendement, where it is known."""

    class Choice(models.TextChoices):
        FOR = "for", "voor"
        AGAINST = "against", "tegen"

    motion = models.ForeignKey(
        Motion, on_delete=models.CASCADE, null=True, blank=True, related_name="votes"
    )
    amendment = models.ForeignKey(
        Amendment, on_delete=models.CASCADE, null=True, blank=True, related_name="votes"
    )
    fractie = models.ForeignKey(Fractie, on_delete=models.PROTECT, related_name="+")
    choice = models.CharField("stem", max_length=10, choices=Choice.choices)

    class Meta:
        verbose_name = "stem van een fractie"
        verbose_name_plural = "stemmen van fracties"
        ordering = ["fractie__name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(motion__isnull=False, amendment__isnull=True)
                | models.Q(motion__isnull=True, amendment__isnull=False),
                name="vote_on_one_item",
            ),
            models.UniqueConstraint(fields=["motion", "fractie"], name="vote_once_per_motion"),
            models.UniqueConstraint(
                fields=["amendment", "fractie"], name="vote_once_per_amendment"
            ),
        ]


class Commitment(RegisterItem):
    """A toezegging: a portefeuillehouder's promise to the council in a named meeting.

    The griffie records it; the college contact (or the portefeuillehouder) proposes it done; the
    griffie decides, on the council's or committee's decision, that it is done or not yet.
    """

    KIND = "commitment"
    LABEL = "toezegging"
    SLUG = "toezeggingen"

    class Status(models.TextChoices):
        OPEN = "open", "open"
        PROPOSED_DONE = "proposed_done", "voorgesteld afgedaan"
        DONE = "done", "afgedaan"

    portfolio_holder = models.ForeignKey(
        PERSON, verbose_name="portefeuillehouder", on_delete=models.PROTECT, related_name="+"
    )
    meeting_name = models.CharField("vergadering", max_length=200)
    meeting_date = models.DateField("vergaderdatum")
    made_to = models.CharField("toegezegd aan", max_length=200)
    text = models.TextField("wat is toegezegd", max_length=10_000)
    due_date = models.DateField("uiterlijk")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    proposed_by = models.ForeignKey(
        PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    proposed_at = models.DateTimeField(null=True, blank=True)
    proposal_note = models.TextField("toelichting van het college", max_length=4000, blank=True)
    decided_by = models.ForeignKey(
        PERSON, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    decision_reference = models.CharField(
        "besluit van raad of commissie", max_length=200, blank=True
    )
    rejection_reason = models.TextField("reden (niet afgedaan)", max_length=4000, blank=True)

    class Meta:
        verbose_name = "toezegging"
        verbose_name_plural = "toezeggingen"
        ordering = ["due_date", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "number"], name="commitment_unique_number"
            )
        ]
        indexes = [models.Index(fields=["municipality", "status", "due_date"])]

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status).label)

    def is_overdue(self, today: date | None = None) -> bool:
        # A proposal to close is still not done: the council decides (RULES.md, the griffie).
        today = today or timezone.localdate()
        return self.status != self.Status.DONE and self.due_date < today


class InitiativeProposal(RegisterItem):
    """An initiatiefvoorstel (art. 147a Gemeentewet): a council member's own draft decision.

    concept → ingediend → wensen en bedenkingen van het college → geagendeerd → aangenomen,
    verworpen or ingetrokken. A concept may be drafted with ambtelijke bijstand and is seen only
    by its submitters and the griffie until it is submitted.
    """

    KIND = "initiative_proposal"
    LABEL = "initiatiefvoorstel"
    SLUG = "initiatiefvoorstellen"

    class Status(models.TextChoices):
        CONCEPT = "concept", "concept"
        SUBMITTED = "submitted", "ingediend"
        COLLEGE_VIEWS = "college_views", "wensen en bedenkingen college ontvangen"
        SCHEDULED = "scheduled", "geagendeerd"
        ADOPTED = "adopted", "aangenomen"
        REJECTED = "rejected", "verworpen"
        WITHDRAWN = "withdrawn", "ingetrokken"

    submitters: models.ManyToManyField[Any, Any] = models.ManyToManyField(
        PERSON, verbose_name="indieners", related_name="+"
    )
    text = models.TextField("voorstel", max_length=50_000)
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.CONCEPT)
    submitted_at = models.DateTimeField(null=True, blank=True)
    college_views = models.TextField("wensen en bedenkingen van het college", blank=True)
    meeting_date = models.DateField("raadsvergadering", null=True, blank=True)
    agenda_item = models.CharField("agendapunt", max_length=200, blank=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    objects = InitiativeQuerySet.as_manager()

    class Meta:
        verbose_name = "initiatiefvoorstel"
        verbose_name_plural = "initiatiefvoorstellen"
        ordering = ["-recorded_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["municipality", "number"], name="initiative_unique_number"
            )
        ]

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status).label)

    def is_public(self) -> bool:
        return self.status != self.Status.CONCEPT


class RegisterReminderLog(models.Model):
    """One reminder per item, due date and threshold: a second pass sends nothing again."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=30)
    item_id = models.PositiveBigIntegerField()
    due = models.DateField()
    threshold = models.CharField(max_length=20)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "item_id", "due", "threshold"], name="register_reminder_once"
            )
        ]


# The register models by their stable kind: how another app names an item as (kind, id).
MODELS: dict[str, type[RegisterItem]] = {
    model.KIND: model for model in (Motion, Amendment, Commitment, InitiativeProposal)
}


def by_kind(kind: str) -> type[RegisterItem] | None:
    return MODELS.get(kind)


# --- links between items --------------------------------------------------------------------------

# How a link names a case (ambtelijke bijstand, technische or schriftelijke vragen); a register
# item is named by its model's KIND.
CASE_KIND = "case"
LINK_KINDS = (CASE_KIND, *MODELS)


class LinkType(models.TextChoices):
    """The ways one item follows from another, each read in both directions: "A <forward> B"
    on A's page, "B <backward> A" on B's page."""

    FOLLOWS_FROM = "follows_from", "volgt uit"
    ANSWERS = "answers", "beantwoordt"
    EXECUTES = "executes", "voert uit"
    ASKS_ABOUT = "asks_about", "vraagt naar"
    DRAFTED_WITH = "drafted_with", "opgesteld met bijstand"


# The same link read from its other end.
BACKWARD: dict[str, str] = {
    LinkType.FOLLOWS_FROM: "leidde tot",
    LinkType.ANSWERS: "wordt beantwoord door",
    LinkType.EXECUTES: "wordt uitgevoerd door",
    LinkType.ASKS_ABOUT: "waarover gevraagd in",
    LinkType.DRAFTED_WITH: "bijstand bij het opstellen van",
}


class Link(models.Model):
    """A typed link from one item to another of the same municipality: a case or a register
    item on either end, named by (kind, id). Who may see a link is decided for each end
    separately (raadsloket.access.links): the link itself carries nothing of either item."""

    municipality = models.ForeignKey(Municipality, on_delete=models.CASCADE, related_name="+")
    from_kind = models.CharField("van (soort)", max_length=30)
    from_id = models.PositiveBigIntegerField("van (id)")
    to_kind = models.CharField("naar (soort)", max_length=30)
    to_id = models.PositiveBigIntegerField("naar (id)")
    type = models.CharField("soort koppeling", max_length=20, choices=LinkType.choices)
    created_by = models.ForeignKey(
        PERSON,
        verbose_name="gekoppeld door",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    created_at = models.DateTimeField("gekoppeld op", default=timezone.now)

    class Meta:
        verbose_name = "koppeling"
        verbose_name_plural = "koppelingen"
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_kind", "from_id", "to_kind", "to_id", "type"], name="link_once"
            ),
            models.CheckConstraint(
                condition=~models.Q(from_kind=models.F("to_kind"), from_id=models.F("to_id")),
                name="link_not_to_itself",
            ),
            models.CheckConstraint(
                condition=models.Q(from_kind__in=LINK_KINDS, to_kind__in=LINK_KINDS),
                name="link_known_kinds",
            ),
            models.CheckConstraint(
                condition=models.Q(type__in=LinkType.values), name="link_known_type"
            ),
        ]
        indexes = [
            models.Index(fields=["from_kind", "from_id"]),
            models.Index(fields=["to_kind", "to_id"]),
        ]

    def __str__(self) -> str:
        return (
            f"{self.from_kind} {self.from_id} {self.get_type_display()} {self.to_kind} {self.to_id}"
        )

    def label_from(self, kind: str, pk: int) -> str:
        """How the link reads on the page of the item (kind, pk): forward from its from-end."""
        if (kind, pk) == (self.from_kind, self.from_id):
            return str(LinkType(self.type).label)
        return BACKWARD[self.type]

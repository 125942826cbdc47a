# SPDX-License-Identifier: EUPL-1.2
"""The register lists, their filters, the overdue rule and the on-time figures per
portefeuillehouder. Read through the access layer only (`access.registers.visible_items`).

"Te laat" is derived, never stored: a motie in uitvoering past its date, a toezegging not yet
afgedaan past its date (a proposal to close does not stop the clock: the council decides).
"""

from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import TruncDate

from raadsloket.access.registers import visible_items
from raadsloket.access.viewer import Viewer
from raadsloket.registers.models import (
    Amendment,
    Commitment,
    InitiativeProposal,
    Motion,
    Outcome,
    RegisterItem,
)
from raadsloket.written_questions.overview import OnTimeRow as Counts


@dataclass(frozen=True)
class Register:
    kind: str
    model: type[RegisterItem]
    title: str
    # Filter value → (label, condition).
    statuses: dict[str, tuple[str, Q]]
    has_holder: bool
    has_due: bool
    related: tuple[str, ...] = field(default=())

    def overdue(self, today: date) -> Q:
        if self.model is Motion:
            return Q(execution=Motion.Execution.IN_PROGRESS, due_date__lt=today)
        if self.model is Commitment:
            return Q(due_date__lt=today) & ~Q(status=Commitment.Status.DONE)
        return Q(pk__in=[])


def _outcomes() -> dict[str, tuple[str, Q]]:
    return {value: (label, Q(outcome=value)) for value, label in Outcome.choices}


REGISTERS: dict[str, Register] = {
    Motion.KIND: Register(
        Motion.KIND,
        Motion,
        "Moties",
        {
            **_outcomes(),
            "in_progress": ("in uitvoering", Q(execution=Motion.Execution.IN_PROGRESS)),
            "done": ("afgedaan", Q(execution=Motion.Execution.DONE)),
        },
        has_holder=True,
        has_due=True,
        related=("portfolio_holder",),
    ),
    Amendment.KIND: Register(
        Amendment.KIND, Amendment, "Amendementen", _outcomes(), has_holder=False, has_due=False
    ),
    Commitment.KIND: Register(
        Commitment.KIND,
        Commitment,
        "Toezeggingen",
        {value: (label, Q(status=value)) for value, label in Commitment.Status.choices},
        has_holder=True,
        has_due=True,
        related=("portfolio_holder",),
    ),
    InitiativeProposal.KIND: Register(
        InitiativeProposal.KIND,
        InitiativeProposal,
        "Initiatiefvoorstellen",
        {value: (label, Q(status=value)) for value, label in InitiativeProposal.Status.choices},
        has_holder=False,
        has_due=False,
    ),
}


@dataclass(frozen=True)
class ListFilter:
    status: str = ""
    holder: int | None = None
    meeting: date | None = None
    overdue: bool = False
    errors: tuple[str, ...] = ()


def read_filter(register: Register, params) -> ListFilter:
    """The filter from the query string; a value that is not one leaves it off, with a notice."""
    errors = []
    status = (params.get("status") or "").strip()
    if status and status not in register.statuses:
        errors.append("Onbekende status; het filter op status is weggelaten.")
        status = ""
    holder = None
    raw = (params.get("portefeuillehouder") or "").strip()
    if raw:
        if raw.isdigit():
            holder = int(raw)
        else:
            errors.append("Onbekende portefeuillehouder; dat filter is weggelaten.")
    meeting = None
    raw = (params.get("vergadering") or "").strip()
    if raw:
        try:
            meeting = date.fromisoformat(raw)
        except ValueError:
            errors.append("Ongeldige vergaderdatum; gebruik jjjj-mm-dd. Dat filter is weggelaten.")
    return ListFilter(
        status=status,
        holder=holder if register.has_holder else None,
        meeting=meeting,
        overdue=params.get("te_laat") == "ja" and register.has_due,
        errors=tuple(errors),
    )


def items(viewer: Viewer, register: Register) -> QuerySet:
    return visible_items(viewer, register.model.objects.all()).select_related(*register.related)


def filtered(viewer: Viewer, register: Register, chosen: ListFilter, today: date) -> QuerySet:
    queryset = items(viewer, register)
    if chosen.status:
        queryset = queryset.filter(register.statuses[chosen.status][1])
    if chosen.holder is not None:
        queryset = queryset.filter(portfolio_holder_id=chosen.holder)
    if chosen.meeting is not None:
        queryset = queryset.filter(meeting_date=chosen.meeting)
    if chosen.overdue:
        queryset = queryset.filter(register.overdue(today))
    return queryset


def meeting_dates(viewer: Viewer, register: Register) -> list[date]:
    return [
        day
        for day in items(viewer, register)
        .exclude(meeting_date__isnull=True)
        .order_by("-meeting_date")
        .values_list("meeting_date", flat=True)
        .distinct()[:60]
    ]


def holders(viewer: Viewer, register: Register) -> list[tuple[int, str]]:
    if not register.has_holder:
        return []
    rows = (
        items(viewer, register)
        .exclude(portfolio_holder__isnull=True)
        .values_list(
            "portfolio_holder_id", "portfolio_holder__first_name", "portfolio_holder__last_name"
        )
        .distinct()
    )
    return sorted(
        {(pk, f"{first} {last}".strip()) for pk, first, last in rows}, key=lambda row: row[1]
    )


@dataclass(frozen=True)
class OnTimeRow(Counts):
    """The written questions' counts and rate (written_questions.overview.OnTimeRow: done by
    the date, of those done or past their date), for one kind of register item."""

    kind: str = ""


def on_time_by_portfolio_holder(
    viewer: Viewer, start: date, end: date, today: date
) -> list[OnTimeRow]:
    """Per portefeuillehouder, moties adopted and toezeggingen made from `start` up to and
    including `end` (by meeting date).

    A motie counts on time when the college's letter came by its date; a toezegging when the
    college proposed it done by its date and the griffie accepted that (the proposal is the
    college's delivery; the council's decision may follow later).
    """
    motions = (
        visible_items(viewer, Motion.objects.all())
        .exclude(execution=Motion.Execution.NONE)
        .annotate(done_on=TruncDate("done_at"))
    )
    commitments = visible_items(viewer, Commitment.objects.all()).annotate(
        done_on=TruncDate("proposed_at")
    )
    rows: list[OnTimeRow] = []
    for queryset, kind, done in (
        (motions, "motie", Q(execution=Motion.Execution.DONE)),
        (commitments, "toezegging", Q(status=Commitment.Status.DONE)),
    ):
        rows += _rows(queryset, kind, start, end, done=done, today=today)
    return sorted(rows, key=lambda row: (row.holder, row.kind))


def _rows(queryset, kind, start, end, *, done: Q, today: date) -> list[OnTimeRow]:
    grouped = (
        queryset.filter(meeting_date__gte=start, meeting_date__lte=end, due_date__isnull=False)
        .order_by()
        .values("portfolio_holder__first_name", "portfolio_holder__last_name")
        .annotate(
            registered=Count("pk"),
            on_time=Count("pk", filter=done & Q(done_on__lte=F("due_date"))),
            late=Count("pk", filter=done & Q(done_on__gt=F("due_date"))),
            open_in_term=Count("pk", filter=~done & Q(due_date__gte=today)),
            open_overdue=Count("pk", filter=~done & Q(due_date__lt=today)),
        )
    )
    return [
        OnTimeRow(
            holder=" ".join(
                part
                for part in (
                    row.pop("portfolio_holder__first_name"),
                    row.pop("portfolio_holder__last_name"),
                )
                if part
            )
            or "(geen portefeuillehouder opgegeven)",
            kind=kind,
            **row,
        )
        for row in grouped
    ]

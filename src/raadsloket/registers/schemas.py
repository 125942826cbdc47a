# SPDX-License-Identifier: EUPL-1.2
"""The shapes of the registers in the API. Every status and choice is a Literal built from the
model's choices, so the OpenAPI schema lists the valid values and cannot drift from the model."""

from datetime import date, datetime
from typing import Annotated, Literal

from ninja import Field, Schema

from raadsloket.lib.api import OneOf
from raadsloket.lib.ids import MAX_ID
from raadsloket.registers.lists import REGISTERS
from raadsloket.registers.models import (
    LINK_KINDS,
    Commitment,
    InitiativeProposal,
    LinkType,
    Motion,
    Outcome,
    Vote,
)

OutcomeValue = Literal[tuple(Outcome.values)]  # type: ignore[valid-type]
ExecutionValue = Literal[tuple(v for v in Motion.Execution.values if v)]  # type: ignore[valid-type]
CommitmentStatus = Literal[tuple(Commitment.Status.values)]  # type: ignore[valid-type]
InitiativeStatus = Literal[tuple(InitiativeProposal.Status.values)]  # type: ignore[valid-type]
InitiativeOutcome = Literal["adopted", "rejected"]
VoteChoice = Literal[tuple(Vote.Choice.values)]  # type: ignore[valid-type]
Kind = Literal["motion", "amendment", "commitment", "initiative_proposal"]
# A reference to a person or fractie: a database id, so out-of-range numbers are a 422, not a
# database error.
RefId = Annotated[int, Field(ge=1, le=MAX_ID)]


class PersonRef(Schema):
    id: int
    name: str


class VoteOut(Schema):
    fractie: str
    choice: VoteChoice


class VoteIn(Schema):
    fractie_id: RefId
    choice: VoteChoice


class ItemOut(Schema):
    kind: Kind = Field(description="soort; samen met id de vaste verwijzing naar dit item")
    id: int
    number: str
    title: str
    url: str
    overdue: bool = Field(description="te laat: afgeleid van de uiterste datum en de status")


class ProposalOut(ItemOut):
    text: str
    meeting_date: date
    agenda_item: str
    outcome: OutcomeValue
    submitters: list[PersonRef]
    co_signers: list[PersonRef]
    votes: list[VoteOut]


class MotionOut(ProposalOut):
    portfolio_holder: PersonRef | None
    due_date: date | None
    execution: ExecutionValue | None
    letter_reference: str
    done_at: datetime | None


class AmendmentOut(ProposalOut):
    amends: str


class CommitmentOut(ItemOut):
    portfolio_holder: PersonRef
    meeting_name: str
    meeting_date: date
    made_to: str
    text: str
    due_date: date
    status: CommitmentStatus
    proposal_note: str
    decision_reference: str
    rejection_reason: str


class InitiativeOut(ItemOut):
    text: str
    status: InitiativeStatus
    submitters: list[PersonRef]
    college_views: str
    meeting_date: date | None
    agenda_item: str


class ListFilterIn(Schema):
    portfolio_holder: RefId | None = None
    meeting_date: date | None = None
    overdue: bool = Field(False, description="alleen wat te laat is")
    limit: int = Field(100, ge=1, le=500)


def _statuses(kind: str):
    return Literal[tuple(REGISTERS[kind].statuses)]  # type: ignore[valid-type]


class MotionFilterIn(ListFilterIn):
    status: _statuses("motion") | None = Field(  # type: ignore[valid-type]
        None, description="uitkomst (adopted, ...) of uitvoering (in_progress, done)"
    )


class AmendmentFilterIn(ListFilterIn):
    status: _statuses("amendment") | None = None  # type: ignore[valid-type]


class CommitmentFilterIn(ListFilterIn):
    status: CommitmentStatus | None = None


class InitiativeFilterIn(ListFilterIn):
    status: InitiativeStatus | None = None


class ProposalIn(Schema):
    number: str = Field(max_length=40)
    title: str = Field(max_length=300)
    text: str = Field("", max_length=20_000)
    meeting_date: date
    agenda_item: str = Field("", max_length=200)
    outcome: OutcomeValue
    submitter_ids: list[RefId] = Field(min_length=1)
    co_signer_ids: list[RefId] = []
    votes: list[VoteIn] = []


class MotionIn(ProposalIn):
    portfolio_holder_id: RefId | None = Field(None, description="nodig als de motie is aangenomen")
    due_date: date | None = Field(None, description="nodig als de motie is aangenomen")


class AmendmentIn(ProposalIn):
    amends: str = Field(max_length=300, description="het voorstel dat het amendement wijzigt")


class CompleteMotionIn(Schema):
    letter_reference: str = Field(max_length=200, description="kenmerk van de collegebrief")


class CommitmentIn(Schema):
    number: str = Field("", max_length=40, description="leeg: het volgende vrije nummer")
    title: str = Field(max_length=300)
    portfolio_holder_id: RefId
    meeting_name: str = Field(max_length=200)
    meeting_date: date
    made_to: str = Field(max_length=200)
    text: str = Field(max_length=10_000)
    due_date: date


class ProposeDoneIn(Schema):
    note: str = Field(max_length=4000, description="hoe de toezegging is nagekomen")


class DecideDoneIn(Schema):
    accept: bool
    reference: str = Field("", max_length=200, description="besluit van raad of commissie")
    reason: str = Field("", max_length=4000, description="reden als niet afgedaan")


class InitiativeIn(Schema):
    title: str = Field(max_length=300)
    text: str = Field(max_length=50_000)
    co_submitter_ids: list[RefId] = []


class CollegeViewsIn(Schema):
    college_views: str = Field(max_length=50_000)


class ScheduleIn(Schema):
    meeting_date: date
    agenda_item: str = Field("", max_length=200)


class DecideInitiativeIn(Schema):
    outcome: InitiativeOutcome


# --- links ----------------------------------------------------------------------------------------

LinkKindValue = Annotated[str, OneOf(LINK_KINDS)]
LinkTypeValue = Annotated[str, OneOf(LinkType)]


class LinkedItemOut(Schema):
    kind: LinkKindValue = Field(description="soort: case (verzoek) of een registersoort")
    id: int
    kind_label: str = Field(description="de soort in woorden, bijvoorbeeld 'motie'")
    number: str
    title: str
    status: str
    url: str
    overdue: bool


class LinkOut(Schema):
    id: int
    type: LinkTypeValue
    direction: Literal["outgoing", "incoming"] = Field(
        description="outgoing: dit item <type> het andere; incoming: het andere <type> dit item"
    )
    label: str = Field(description="hoe de koppeling leest vanaf dit item")
    other: LinkedItemOut
    created_at: datetime


class LinkFilterIn(Schema):
    kind: LinkKindValue
    id: int = Field(gt=0, le=MAX_ID)


class LinkIn(Schema):
    """from <type> to: e.g. a toezegging (from) volgt uit a motie (to)."""

    from_kind: LinkKindValue
    from_id: int = Field(gt=0, le=MAX_ID)
    type: LinkTypeValue
    to_kind: LinkKindValue
    to_id: int = Field(gt=0, le=MAX_ID)

# SPDX-License-Identifier: EUPL-1.2
"""The case API's shapes. Fields of sections the caller may not see are null (or absent lists)."""

from datetime import date, datetime
from typing import Annotated, Any

from ninja import Field, Schema

from raadsloket.assistance.models import Evaluation, Mediation
from raadsloket.cases.instruments import ADVISABLE_INSTRUMENTS, Channel, Instrument
from raadsloket.cases.states import State
from raadsloket.cases.workflow import ACTIONS
from raadsloket.lib.api import OneOf
from raadsloket.organisation.roles import PolicyArea

# Enum-like fields: their values in the OpenAPI schema, taken from the model choices.
InstrumentValue = Annotated[str, OneOf(Instrument)]
StateValue = Annotated[str, OneOf(State)]
PolicyAreaValue = Annotated[str, OneOf(PolicyArea)]
ActionValue = Annotated[str, OneOf(ACTIONS)]


class ActionOut(Schema):
    action: ActionValue
    label: str


class AssignmentOut(Schema):
    civil_servant: str
    hours_estimate: float | None


class HoursOut(Schema):
    civil_servant: str
    worked_on: date
    hours: float
    note: str | None = None
    # A correcting entry: the id of the entry it corrects (hours may be negative), and why
    # (inside the bubble only, like the note).
    id: int | None = None
    corrects: int | None = None
    reason: str | None = None


class KickoffOut(Schema):
    planned_for: datetime
    held_on: date | None
    participants: str
    background: str
    goal: str
    agreed_hours: float | None
    due_date: date | None
    loyalty_concerns: str
    member_acknowledged_rules: bool
    civil_servant_acknowledged_rules: bool


class EvaluationOut(Schema):
    perspective: Annotated[str, OneOf(Evaluation.Perspective)]
    score: int
    remarks: str


class MediationOut(Schema):
    forum: Annotated[str, OneOf(Mediation.Forum)]
    reason: str
    # Empty while the mediation is undecided.
    outcome: Annotated[str, OneOf(Mediation.Outcome, "")]
    notes: str
    requested_at: datetime
    decided_at: datetime | None


class FileOut(Schema):
    name: str
    size: int
    content_type: str
    url: str


class DeadlineOut(Schema):
    name: str
    due: date
    status: str
    rule: str


class CaseOut(Schema):
    id: int
    reference: str
    instrument: InstrumentValue
    sections: list[str]
    state: StateValue | None = None
    state_label: str | None = None
    version: int | None = None
    secret: bool = False
    notice: str | None = None
    policy_area: PolicyAreaValue | None = None
    created_at: datetime | None = None
    submitted_at: datetime | None = None
    assigned_at: datetime | None = None
    delivered_at: datetime | None = None
    closed_at: datetime | None = None
    intake_due: date | None = None
    decision_due: date | None = None
    delivery_due: date | None = None
    registered_at: datetime | None = None
    answer_due: date | None = None
    answered_at: datetime | None = None
    published_at: datetime | None = None
    agenda_item: str | None = None
    meeting_date: date | None = None
    answer_before: datetime | None = None
    running_deadline: DeadlineOut | None = None
    handler: str | None = None
    title: str | None = None
    question: str | None = None
    background: str | None = None
    requester: str | None = None
    co_requesters: list[str] | None = None
    channel: Annotated[str, OneOf(Channel)] | None = None
    confidential: bool | None = None
    routing_officer: str | None = None
    hours_estimate: float | None = None
    refusal_ground: str | None = None
    refusal_reasoning: str | None = None
    objection: str | None = None
    deferred_until: date | None = None
    defer_reason: str | None = None
    advised_instrument: Annotated[str, OneOf(ADVISABLE_INSTRUMENTS)] | None = None
    portfolio_holder: str | None = None
    postponed_at: datetime | None = None
    postponed_to: date | None = None
    postponement_reason: str | None = None
    assignments: list[AssignmentOut] | None = None
    hours: list[HoursOut] | None = None
    kickoff: KickoffOut | None = None
    answer: str | None = None
    files: list[FileOut] | None = None
    evaluations: list[EvaluationOut] | None = None
    mediations: list[MediationOut] | None = None
    available_actions: list[ActionOut] | None = None


class CaseListOut(Schema):
    items: list[CaseOut]
    next_after: int | None = Field(None, description="geef mee als ?after= voor de volgende pagina")


class CaseIn(Schema):
    instrument: InstrumentValue = Instrument.ASSISTANCE.value
    title: str
    question: str
    background: str = ""
    policy_area: PolicyAreaValue
    confidential: bool = False
    co_requesters: list[int] = []
    on_behalf_of: int | None = None
    agenda_item: str = ""
    meeting_date: str = ""
    submit: bool = False


class ActionIn(Schema):
    version: int | None = Field(
        None, description="de versie die u zag (optimistische vergrendeling)"
    )
    data: dict[str, Any] = {}


class TimelineOut(Schema):
    at: datetime
    action: str
    # States are metadata: null for whoever may not see the case's metadata.
    from_state: Annotated[str, OneOf(State, "")] | None = Field(
        None,
        description="status ervoor (leeg bij het aanmaken); null als u de kenmerken niet mag zien",
    )
    to_state: StateValue | None = Field(
        None, description="status erna; null als u de kenmerken niet mag zien"
    )
    # Who acted: null where the viewer may not know it (SECURITY.md, "Tijdlijn").
    actor: str | None = None
    detail: str


class DirectContactIn(Schema):
    member: int
    title: str
    question: str
    answer: str
    policy_area: PolicyAreaValue
    confidential: bool = False


class SimilarOut(Schema):
    id: int
    reference: str
    title: str
    instrument: InstrumentValue
    score: float

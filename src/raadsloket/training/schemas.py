# SPDX-License-Identifier: EUPL-1.2
"""The shapes of the opleidingsbudget API (raadsloket.training.api): filters, payloads and
answers. Amounts are strings with two decimals, never floats (raadsloket.lib.api)."""

import datetime as dt
from typing import Annotated

from ninja import Field, Schema

from raadsloket.lib.api import AMOUNT_HELP, OneOf, PageFilter
from raadsloket.training.models import TrainingRequest

# The values of the model's choices, as `enum` in the OpenAPI schema (lib/api.py OneOf).
KindValue = Annotated[str, OneOf(TrainingRequest.Kind)]
StatusValue = Annotated[str, OneOf(TrainingRequest.Status)]


class TrainingFilter(PageFilter):
    status: StatusValue | None = None


class TrainingOut(Schema):
    id: int
    mine: bool
    person: str | None = Field(None, description="alleen bij uw eigen aanvragen en voor de griffie")
    year: int
    kind: KindValue
    kind_label: str
    title: str
    provider: str
    start_date: dt.date
    cost: str
    purpose: str
    status: StatusValue
    status_label: str
    submitted_at: dt.datetime
    decided_at: dt.datetime | None
    decision_reason: str | None


class TrainingListOut(Schema):
    items: list[TrainingOut]
    next_after: int | None = None


class TrainingIn(Schema):
    kind: KindValue
    title: str = Field(..., max_length=1000)
    provider: str = Field(..., max_length=1000)
    start_date: dt.date
    cost: str = Field(..., max_length=32, description=AMOUNT_HELP)
    purpose: str = Field(..., max_length=10_000)
    not_party_political: bool = Field(
        ..., description="de opleiding is geen partijpolitieke scholing"
    )


class DecisionIn(Schema):
    approve: bool
    reason: str = Field("", max_length=10_000)


class BudgetOut(Schema):
    kind: KindValue
    year: int
    amount: str
    approved: str
    pending: str
    remaining: str


class TrainingBudgetOut(Schema):
    year: int
    rule: str
    personal: BudgetOut | None = Field(None, description="uw eigen persoonlijke budget")
    collective: BudgetOut

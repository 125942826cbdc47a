# SPDX-License-Identifier: EUPL-1.2
"""The shapes of the fractieondersteuning API (raadsloket.fractie_support.api): filters,
payloads and answers. Amounts are strings with two decimals, never floats (raadsloket.lib.api).
"""

import datetime as dt
from typing import Annotated, Literal

from ninja import Field, Schema

from raadsloket.fractie_support.models import Expense, SpendingQuestion, Statement
from raadsloket.lib.api import AMOUNT_HELP, OneOf, PageFilter, YearFilter
from raadsloket.policy.schema import CategoryStatus

# The values of the model's choices, as `enum` in the OpenAPI schema (lib/api.py OneOf).
StatementStatus = Annotated[str, OneOf(Statement.Status)]
ReviewValue = Annotated[str, OneOf(Expense.Review)]
# "" while a question waits for its answer.
AnswerValue = Annotated[str, OneOf(SpendingQuestion.Answer)]
GivenAnswer = Annotated[str, OneOf([a for a in SpendingQuestion.Answer.values if a])]

__all__ = ["PageFilter", "YearFilter"]


class QuestionFilter(Schema):
    state: Literal["open", "answered"] | None = Field(
        None, description="open: nog zonder definitief antwoord; answered: beantwoord"
    )
    after: int | None = None
    limit: int = 50


class PrecedentFilter(Schema):
    category: str | None = Field(None, max_length=40, description="de code van een categorie")
    limit: int = 50


class FractieRefOut(Schema):
    id: int
    name: str


class CategoryOut(Schema):
    code: str
    label: str
    status: CategoryStatus
    rule: str


class FractieRowOut(Schema):
    id: int
    name: str
    seats: int
    year: int
    status: StatementStatus
    status_label: str
    allocation: str
    spent: str
    balance: str
    unclear: int = Field(..., description="uitgaven die bij het presidium liggen")
    detail: bool = Field(
        ...,
        description="of u de hele begroting en de regels van deze "
        "fractie ziet; anders alleen de totalen",
    )
    # Only with detail: the rest of the statement's figures.
    opening_reserve: str | None = None
    not_counted: str | None = None
    closing_reserve: str | None = None
    to_repay: str | None = None
    deficit: str | None = None
    waiting: int | None = None
    deadline: dt.date | None = None
    provisional: bool | None = None


class FractieListOut(Schema):
    year: int
    items: list[FractieRowOut]


class AllocationLineOut(Schema):
    start: dt.date
    end: dt.date
    days: int
    seats: int
    fixed_part: str
    seat_part: str
    total: str


class AllocationOut(Schema):
    total: str
    days_in_year: int
    fixed_per_fractie: str
    per_seat: str
    explanation: str
    lines: list[AllocationLineOut]


class CategoryTotalOut(Schema):
    code: str
    label: str
    amount: str
    count: int


class StatementOut(Schema):
    fractie: FractieRefOut
    year: int
    status: StatementStatus
    status_label: str
    frozen: bool = Field(..., description="vastgesteld: de bedragen zijn die van de vaststelling")
    provisional: bool
    allocation: AllocationOut
    opening_reserve: str
    opening_source: str
    available: str
    by_category: list[CategoryTotalOut]
    spent: str
    not_counted: str
    balance: str
    reserve_cap: str | None
    closing_reserve: str
    to_repay: str
    deficit: str
    unspent_rule: str
    deadline: dt.date
    waiting: int
    unclear: int
    submitted_at: dt.datetime | None
    reviewed_at: dt.datetime | None
    review_remark: str
    repaid_on: dt.date | None


class QuestionRefOut(Schema):
    id: int
    question: str
    answer: AnswerValue
    answer_label: str
    reasoning: str


class ProofOut(Schema):
    name: str
    size: int
    content_type: str
    url: str


class ExpenseOut(Schema):
    id: int
    year: int
    date: dt.date
    amount: str
    category: str
    category_label: str
    description: str
    counts: bool
    counting_reason: str
    waiting: bool
    question: QuestionRefOut | None
    proof: ProofOut | None
    review: ReviewValue
    review_label: str
    review_remark: str
    recorded_by: str | None
    recorded_at: dt.datetime


class ExpenseListOut(Schema):
    year: int
    items: list[ExpenseOut]
    next_after: int | None = Field(None, description="geef mee als ?after= voor de volgende pagina")


class ExpenseIn(Schema):
    date: dt.date
    amount: str = Field(..., max_length=32, description=AMOUNT_HELP)
    category: str = Field(..., max_length=100, description="de code van een categorie")
    description: str = Field(..., max_length=2000)
    question: str = Field(
        "",
        max_length=10_000,
        description="vraag aan de griffie; verplicht bij een categorie 'eerst voorleggen'",
    )


class UnclearOut(Schema):
    id: int
    fractie: FractieRefOut
    year: int
    date: dt.date
    amount: str
    category: str
    category_label: str
    description: str
    review_remark: str


class QuestionExpenseOut(Schema):
    id: int
    date: dt.date
    amount: str
    description: str


class QuestionOut(Schema):
    id: int
    fractie: FractieRefOut
    category: str
    category_label: str
    question: str
    asked_by: str | None
    asked_at: dt.datetime
    answer: AnswerValue = Field(..., description="leeg zolang de vraag open is")
    answer_label: str
    reasoning: str
    answered_at: dt.datetime | None
    expenses: list[QuestionExpenseOut]


class QuestionListOut(Schema):
    items: list[QuestionOut]
    next_after: int | None = None


class AnswerIn(Schema):
    answer: GivenAnswer
    reasoning: str = Field(..., max_length=10_000)


class PrecedentOut(Schema):
    id: int
    category: str
    category_label: str
    question: str
    answer: AnswerValue
    answer_label: str
    reasoning: str
    answered_on: dt.date | None

# SPDX-License-Identifier: EUPL-1.2
"""The shapes of the written-questions overview in the API."""

from datetime import date

from ninja import Schema


class OverdueOut(Schema):
    id: int
    reference: str
    title: str
    requester: str
    portfolio_holder: str | None
    due: date
    rule: str


class OnTimeOut(Schema):
    portfolio_holder: str
    registered: int
    on_time: int
    late: int
    open_in_term: int
    open_overdue: int
    rate_percent: int | None


class WrittenOverviewOut(Schema):
    overdue: list[OverdueOut]
    on_time: list[OnTimeOut]

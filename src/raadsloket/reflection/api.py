# SPDX-License-Identifier: EUPL-1.2
"""The reflection report in the API: the same tables as the page and the files.

Who sees which report is decided by raadsloket.access.reflection only. A hidden cell has no
value here either: `value` is null and `shown` says "<3", "≥3" or "afgeschermd". Where a full
report has no figures per fractie, `withheld` says why (raadsloket.reflection.fractie_periods).
Without a report the answer is 404, as for a page that does not exist.
"""

from datetime import date
from typing import Literal

from django.utils import timezone
from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from raadsloket.access.viewer import viewer_for
from raadsloket.lib.api import ErrorOut
from raadsloket.reflection import periods
from raadsloket.reflection.figures import NoReport, Report, report_for

router = Router(tags=["reflectie"])


class ReportFilter(Schema):
    periode: str | None = Field(
        None,
        max_length=40,
        description='"2026" (jaar), "2026-k3" (kwartaal) of "raadsperiode-2026"; standaard '
        "het lopende jaar",
    )


class CellOut(Schema):
    value: int | float | None = Field(description="het getal; null als de cel verborgen of leeg is")
    shown: str = Field(description='zoals getoond: "12", "3,5", "<3", "≥3", "afgeschermd", "–"')
    hidden: Literal["small", "complement", "withheld"] | None = None
    unit: str = ""


class RowOut(Schema):
    label: str
    total: bool
    cells: list[CellOut]


class TableOut(Schema):
    key: str
    title: str
    columns: list[str]
    rows: list[RowOut]
    note: str


class ThemeOut(Schema):
    title: str
    source: str
    facts: list[str]
    questions: list[str]


class ReportOut(Schema):
    municipality: str
    title: str
    period: str
    period_label: str
    start: date
    end: date
    previous: str
    today: date
    audience: Literal["full", "aggregate"]
    withheld: str | None = Field(
        None,
        description="waarom dit volledige verslag geen cijfers per fractie bevat (alleen een "
        "afgesloten kalenderjaar heeft ze); null als ze er wel in staan, of in het "
        "geaggregeerde verslag, dat ze nooit heeft",
    )
    tables: list[TableOut]
    themes: list[ThemeOut]


@router.get(
    "/reflection/report",
    response={200: ReportOut, 400: ErrorOut, 401: ErrorOut, 404: ErrorOut, 422: ErrorOut},
    summary="Het reflectieverslag over een periode: aantallen en doorlooptijden, nooit inhoud",
)
def report(request, filters: Query[ReportFilter]):
    try:
        report = report_for(viewer_for(request.user), filters.periode, timezone.localdate())
    except NoReport:
        raise HttpError(404, "Niet gevonden.") from None
    except periods.PeriodError as error:
        raise HttpError(400, str(error)) from None
    return _payload(report)


def _payload(report: Report) -> dict:
    return {
        "municipality": report.municipality,
        "title": report.title,
        "period": report.period.slug,
        "period_label": report.period.label,
        "start": report.period.start,
        "end": report.period.end,
        "previous": report.previous.slug,
        "today": report.today,
        "audience": report.audience,
        "withheld": report.withheld or None,
        "tables": [
            {
                "key": table.key,
                "title": table.title,
                "columns": table.columns,
                "note": table.note,
                "rows": [
                    {
                        "label": row.label,
                        "total": row.is_total,
                        "cells": [
                            {
                                "value": cell.number,
                                "shown": cell.shown,
                                "hidden": cell.hidden.value if cell.hidden else None,
                                "unit": cell.unit,
                            }
                            for cell in row.cells
                        ],
                    }
                    for row in table.rows
                ],
            }
            for table in report.tables
        ],
        "themes": [
            {"title": t.title, "source": t.source, "facts": t.facts, "questions": t.questions}
            for t in report.themes
        ],
    }

# SPDX-License-Identifier: EUPL-1.2
"""Vergoedingen in the API: the table per inwonersklasse and a member's own figures (toolkit,
"Vergoeding en politiek verlof"). Who sees what: raadsloket.access.allowances; 404 for what the
caller may not see; amounts as strings (raadsloket.lib.api)."""

from ninja import Router, Schema
from ninja.errors import HttpError

from raadsloket.access.allowances import sees_allowance_pages, sees_own_allowance
from raadsloket.access.viewer import viewer_for
from raadsloket.allowances import services
from raadsloket.lib.api import ERRORS, api_amount

router = Router(tags=["vergoedingen"])


class AllowanceClassOut(Schema):
    population_class: str
    min_inhabitants: int
    max_inhabitants: int | None
    amount: str


class AllowanceTableOut(Schema):
    year: int
    source: str
    classes: list[AllowanceClassOut]


class AllowanceExtraOut(Schema):
    kind: str
    label: str
    amount: str
    description: str


class MyAllowanceOut(Schema):
    year: int
    source: str
    municipality: str
    inhabitants: int
    population_class: str
    monthly: str
    extras: list[AllowanceExtraOut]
    expenses: str


@router.get("/allowances/table", response={200: AllowanceTableOut, **ERRORS})
def allowance_table(request):
    viewer = viewer_for(request.user)
    if not sees_allowance_pages(viewer):
        raise HttpError(404, "Niet gevonden.")
    table = services.table_for(viewer.tenant)
    return {
        "year": table.year,
        "source": table.source,
        "classes": [
            {
                "population_class": c.label,
                "min_inhabitants": c.min_inhabitants,
                "max_inhabitants": c.max_inhabitants,
                "amount": api_amount(c.amount),
            }
            for c in table.classes
        ],
    }


@router.get("/allowances/mine", response={200: MyAllowanceOut, **ERRORS})
def my_allowance(request):
    viewer = viewer_for(request.user)
    if not sees_own_allowance(viewer):
        raise HttpError(404, "Niet gevonden.")
    figures = services.figures_for(viewer, request.user)
    return {
        "year": figures.table.year,
        "source": figures.table.source,
        "municipality": request.user.municipality.name,
        "inhabitants": figures.inhabitants,
        "population_class": figures.population_class.label,
        "monthly": api_amount(figures.monthly),
        "extras": [
            {
                "kind": str(extra.kind),
                "label": extra.label,
                "amount": api_amount(extra.amount),
                "description": extra.description,
            }
            for extra in figures.extras
        ],
        "expenses": api_amount(figures.expenses),
    }

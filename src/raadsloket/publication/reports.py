# SPDX-License-Identifier: EUPL-1.2
"""Source "jaarverslag": the public year report on ambtelijke bijstand and informatievoorziening.

Only the aggregate report (no figures per fractie) over a calendar year that has ended, and only
where raadsloket.access.publication says the year is public. The figures are the reflection
app's own (`build_report(..., full=False)`): its small-cell suppression and closed-period rule
hold here as they do for the council members (SECURITY.md "Rapportages").
"""

from collections.abc import Iterator
from datetime import date, datetime, time

from django.utils import timezone

from raadsloket.access.publication import public_report_years
from raadsloket.organisation.models import Municipality
from raadsloket.publication.diwoo import JAARVERSLAGEN
from raadsloket.publication.sources import PublicDocument, PublicItem, Source
from raadsloket.reflection.figures import Report, build_report
from raadsloket.reflection.periods import year

KIND = "jaarverslag"
TITLE = "Jaarverslag ambtelijke bijstand en informatievoorziening {year}"


def _item(municipality: Municipality, year_number: int, today: date) -> PublicItem:
    path = f"/openbaar/{municipality.slug}/{KIND}/{year_number}/"
    # Counted afresh every day ("over de termijn" is the state of today): modified today.
    modified = timezone.make_aware(datetime.combine(today, time.min))
    title = TITLE.format(year=year_number)
    return PublicItem(
        kind=KIND,
        item_id=str(year_number),
        title=title,
        day=date(year_number + 1, 1, 1),
        modified=modified,
        summary=(
            f"Aantallen, doorlooptijden en uitkomsten van de verzoeken van raadsleden in "
            f"{year_number}, zonder cijfers per fractie en zonder inhoud."
        ),
        path=path,
        category=JAARVERSLAGEN,
        ori_type="Report",
        documents=(PublicDocument(title, path),),
    )


def items(municipality: Municipality, today: date) -> Iterator[PublicItem]:
    for year_number in public_report_years(municipality, today):
        yield _item(municipality, year_number, today)


def find(municipality: Municipality, item_id: str, today: date) -> PublicItem | None:
    if not item_id.isdigit() or len(item_id) != 4:
        return None
    if int(item_id) not in public_report_years(municipality, today):
        return None
    return _item(municipality, int(item_id), today)


def public_report(municipality: Municipality, item: PublicItem, today: date) -> Report:
    """The aggregate report of a public year item (`find` checked the year is public)."""
    return build_report(municipality, year(int(item.item_id)), today, full=False)


SOURCE = Source(KIND, "Jaarverslagen ambtelijke bijstand", JAARVERSLAGEN, items, find)

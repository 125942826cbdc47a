# SPDX-License-Identifier: EUPL-1.2
"""The reflection report as a printed document: HTML from a template, PDF by WeasyPrint.

"Jaarverslag ambtelijke bijstand en informatievoorziening" for a year, the same document for a
quarter or a council term: the figures per section, each chart with its table beside it, and at
the end the agenda for the presidium's conversation (handreiking, "Voer het gesprek").

As in raadsloket.privacy.report, the PDF is made from exactly the HTML `render_html` returns and
WeasyPrint is imported only when a PDF is asked for.
"""

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from django.core.cache import cache
from django.template.loader import render_to_string

from raadsloket.lib import pdf as lib_pdf
from raadsloket.lib.pdf import PdfUnavailable
from raadsloket.reflection.charts import CACHE_SECONDS, cached_chart_svg, chart_description
from raadsloket.reflection.exports import AUDIENCES, hidden_legend
from raadsloket.reflection.figures import Report
from raadsloket.reflection.tables import Table

__all__ = ["PdfUnavailable", "render_html", "write_pdf"]

STYLESHEET = Path(__file__).with_name("report.css")
KEY_FIGURES = "Kerncijfers"


@dataclass(frozen=True)
class Figure:
    table: Table
    # data: URL of the chart's SVG, or "" when the table has no chart.
    chart: str
    alt: str


@dataclass(frozen=True)
class Chapter:
    title: str
    intro: str
    figures: list[Figure]


def render_html(report: Report) -> str:
    return render_to_string(
        "reflection/report_pdf.html",
        {
            "report": report,
            "chapters": chapters(report),
            "audience": AUDIENCES.get(report.audience, report.audience),
            "legend": hidden_legend(report),
        },
    )


def chapters(report: Report) -> list[Chapter]:
    first = Chapter(KEY_FIGURES, "", [figure(report.key_figures)])
    return [first] + [
        Chapter(section.title, section.intro, [figure(table) for table in section.tables])
        for section in report.sections
    ]


def figure(table: Table) -> Figure:
    """The table with its chart as a data: URL: an image, so the page's CSP (no inline styles)
    does not apply to the chart's own styles, and the same picture goes into the PDF."""
    svg = cached_chart_svg(table)
    if svg is None:
        return Figure(table, "", "")
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return Figure(table, f"data:image/svg+xml;base64,{encoded}", chart_description(table))


def write_pdf(report: Report) -> bytes:
    html = render_html(report)
    # The same figures give the same document; WeasyPrint takes seconds over fifteen charts.
    key = "reflection-pdf:" + hashlib.sha256(html.encode("utf-8")).hexdigest()
    cached = cache.get(key)
    if cached is not None:
        return cached
    # Only the charts, embedded as data: URLs, are loaded; nothing is fetched from elsewhere.
    pdf = lib_pdf.write_pdf(html, STYLESHEET, allow_data_urls=True)
    cache.set(key, pdf, CACHE_SECONDS)
    return pdf

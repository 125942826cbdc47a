# SPDX-License-Identifier: EUPL-1.2
"""The yearly statement of a fractie as a document: HTML and PDF (WeasyPrint), and XLSX.

Gemeentewet art. 33 lid 3 and RULES.md "Fractieondersteuning": the fractie accounts for the
year with a statement and its proofs, before the profile's deadline. One `StatementDocument`
feeds every form (PDF, XLSX, the command line), so they show the same numbers to the cent.
Once the griffie approved the statement, the totals come from its snapshot: an approved account
is not rewritten by a later change of the profile.

As in raadsloket.privacy.report, the PDF is made from exactly the HTML `render_html` returns and
WeasyPrint is imported only when a PDF is asked for.
"""

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from io import BytesIO
from pathlib import Path

from django.template.loader import render_to_string
from django.utils import timezone

from raadsloket.fractie_support.allocation import AllocationLine
from raadsloket.fractie_support.figures import CategoryRow, StatementFigures, statement_figures
from raadsloket.fractie_support.models import Statement
from raadsloket.fractie_support.statement import figures
from raadsloket.fractie_support.workbook import statement_workbook
from raadsloket.lib import pdf
from raadsloket.lib.money import ZERO
from raadsloket.lib.pdf import PdfUnavailable
from raadsloket.organisation.models import Fractie
from raadsloket.policy.schema import PolicyProfile

__all__ = ["PdfUnavailable", "build_document", "render_html", "write_pdf", "write_xlsx"]

STYLESHEET = Path(__file__).with_name("statement.css")
PAYMENT_LABELS = {
    "fractie": "rechtstreeks aan de fractie",
    "stichting": "via een stichting van de fractie",
    "subsidy": "als subsidie",
}


@dataclass(frozen=True)
class ExpenseRow:
    date: date
    category: str
    description: str
    amount: Decimal
    has_proof: bool
    counts: bool
    reason: str
    review: str
    review_remark: str
    question: str


@dataclass(frozen=True)
class StatementDocument:
    municipality: str
    fractie: str
    fractie_id: int
    year: int
    status: str
    approved: bool
    provisional: bool
    deadline: date
    payment: str
    unspent: str
    unspent_rule: str
    opening_source: str
    fixed_per_fractie: Decimal
    per_seat: Decimal
    amounts_explanation: str
    days_in_year: int
    allocation_lines: tuple[AllocationLine, ...]
    categories: tuple[CategoryRow, ...]
    # The totals (opening reserve … deficit, available) as figures.py shows them.
    totals: StatementFigures
    expenses: tuple[ExpenseRow, ...]
    review_remark: str
    submitted_at: datetime | None
    reviewed_at: datetime | None
    repaid_on: date | None
    retention_years: int
    made_at: datetime

    @property
    def title(self) -> str:
        return (
            f"Verantwoording fractieondersteuning {self.year} — {self.fractie}, {self.municipality}"
        )

    @property
    def expenses_total(self) -> Decimal:
        return sum((row.amount for row in self.expenses), ZERO)


def build_document(fractie: Fractie, year: int, profile: PolicyProfile) -> StatementDocument:
    """The statement over `year` as it stands: approved figures if approved, else the records."""
    support = profile.fractie_support
    statement = Statement.objects.filter(fractie=fractie, year=year).first()
    shown = statement_figures(figures(fractie, year, support), statement, support)
    current = shown.current
    return StatementDocument(
        municipality=fractie.municipality.name,
        fractie=fractie.name,
        fractie_id=fractie.pk,
        year=year,
        status=shown.status_label,
        approved=shown.frozen,
        provisional=shown.provisional,
        deadline=current.deadline,
        payment=PAYMENT_LABELS.get(support.payment, support.payment),
        unspent=support.unspent,
        unspent_rule=current.unspent_rule,
        opening_source=shown.opening_source,
        fixed_per_fractie=shown.fixed_per_fractie,
        per_seat=shown.per_seat,
        amounts_explanation=shown.explanation,
        days_in_year=shown.days_in_year,
        allocation_lines=shown.allocation_lines,
        categories=shown.by_category,
        totals=shown,
        expenses=tuple(_expense_row(line, support) for line in current.lines),
        review_remark=statement.review_remark if statement else "",
        submitted_at=statement.submitted_at if statement else None,
        reviewed_at=statement.reviewed_at if statement else None,
        repaid_on=statement.repaid_on if statement else None,
        retention_years=support.proof_retention_years,
        made_at=timezone.localtime(),
    )


def _expense_row(line, support) -> ExpenseRow:
    expense = line.expense
    return ExpenseRow(
        date=expense.date,
        category=support.category_label(expense.category),
        description=expense.description,
        amount=expense.amount,
        has_proof=bool(expense.proof),
        counts=line.counting.counts,
        reason=line.counting.reason,
        review=expense.get_review_display(),
        review_remark=expense.review_remark,
        question=expense.question.get_answer_display() if expense.question else "",
    )


# --- HTML and PDF ---------------------------------------------------------------------------


def render_html(document: StatementDocument) -> str:
    return render_to_string("fractie_support/statement_pdf.html", {"doc": document})


def write_pdf(html: str) -> bytes:
    return pdf.write_pdf(html, STYLESHEET)


# --- XLSX -----------------------------------------------------------------------------------


def write_xlsx(document: StatementDocument) -> bytes:
    buffer = BytesIO()
    statement_workbook(document).save(buffer)
    return buffer.getvalue()

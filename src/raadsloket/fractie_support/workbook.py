# SPDX-License-Identifier: EUPL-1.2
"""The statement as an XLSX workbook (openpyxl) that adds up in Excel.

Three sheets: "Verantwoording" (the summary), "Uitgaven" (one row per expense) and "Toekenning"
(the allocation calculation). Amounts are numeric cells in euro format, written as exact
decimals; dates are date cells. Beside each computed amount of the summary stands the same
amount as an Excel formula over the other cells and sheets, and whether both agree, so a
treasurer or the griffie can check every step of the statement in the spreadsheet itself.

Descriptions and remarks are users' own text: they are always written as text, never as a
formula, whatever they start with.
"""

from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from raadsloket.lib.text import counted

if TYPE_CHECKING:
    from raadsloket.fractie_support.exports import StatementDocument

EURO = "€ #,##0.00"
DAY = "DD-MM-YYYY"
BOLD = Font(bold=True)
EXPENSE_HEADERS = (
    "Datum",
    "Categorie",
    "Omschrijving",
    "Bedrag",
    "Bewijsstuk",
    "Telt mee",
    "Reden",
    "Beoordeling griffie",
    "Opmerking griffie",
    "Vraag aan de griffie",
)
ALLOCATION_HEADERS = ("Van", "Tot en met", "Dagen", "Zetels", "Vast deel", "Zeteldeel", "Totaal")


def _text(sheet: Worksheet, row: int, column: int, value: str) -> None:
    cell = sheet.cell(row=row, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", value or ""))
    # openpyxl takes a string starting with "=" for a formula; user text never is one.
    cell.data_type = "s"


def _amount(sheet: Worksheet, row: int, column: int, value) -> None:
    sheet.cell(row=row, column=column, value=value).number_format = EURO


def _date(sheet: Worksheet, row: int, column: int, value) -> None:
    sheet.cell(row=row, column=column, value=value).number_format = DAY


def _header(sheet: Worksheet, row: int, headers) -> None:
    for column, header in enumerate(headers, start=1):
        sheet.cell(row=row, column=column, value=header).font = BOLD


def _widths(sheet: Worksheet, widths) -> None:
    for letter, width in zip("ABCDEFGHIJ", widths, strict=False):
        sheet.column_dimensions[letter].width = width


def statement_workbook(doc: "StatementDocument") -> Workbook:
    book = Workbook()
    summary = book.active
    summary.title = "Verantwoording"
    expenses = book.create_sheet("Uitgaven")
    allocation = book.create_sheet("Toekenning")
    counted_range, amount_range = _expense_sheet(expenses, doc)
    allocation_range = _allocation_sheet(allocation, doc)
    _summary_sheet(summary, doc, allocation_range, counted_range, amount_range)
    return book


def _expense_sheet(sheet: Worksheet, doc: "StatementDocument") -> tuple[str, str]:
    _header(sheet, 1, EXPENSE_HEADERS)
    for row, line in enumerate(doc.expenses, start=2):
        _date(sheet, row, 1, line.date)
        _text(sheet, row, 2, line.category)
        _text(sheet, row, 3, line.description)
        _amount(sheet, row, 4, line.amount)
        _text(sheet, row, 5, "ja" if line.has_proof else "nee")
        _text(sheet, row, 6, "ja" if line.counts else "nee")
        _text(sheet, row, 7, line.reason)
        _text(sheet, row, 8, line.review)
        _text(sheet, row, 9, line.review_remark)
        _text(sheet, row, 10, line.question)
    last = len(doc.expenses) + 1
    total = last + 2
    sheet.cell(row=total, column=1, value="Totaal alle uitgaven").font = BOLD
    _amount(sheet, total, 4, f"=SUM(D2:D{last})" if doc.expenses else 0)
    sheet.cell(row=total + 1, column=1, value="waarvan telt mee").font = BOLD
    _amount(sheet, total + 1, 4, f'=SUMIF(F2:F{last},"ja",D2:D{last})' if doc.expenses else 0)
    sheet.freeze_panes = "A2"
    _widths(sheet, (12, 34, 48, 14, 11, 9, 40, 22, 40, 26))
    if not doc.expenses:
        return "", ""
    return f"Uitgaven!F2:F{last}", f"Uitgaven!D2:D{last}"


def _allocation_sheet(sheet: Worksheet, doc: "StatementDocument") -> str:
    _header(sheet, 1, ALLOCATION_HEADERS)
    for row, line in enumerate(doc.allocation_lines, start=2):
        _date(sheet, row, 1, line.start)
        _date(sheet, row, 2, line.end)
        sheet.cell(row=row, column=3, value=line.days)
        sheet.cell(row=row, column=4, value=line.seats)
        _amount(sheet, row, 5, line.fixed_part)
        _amount(sheet, row, 6, line.seat_part)
        _amount(sheet, row, 7, line.total)
    last = len(doc.allocation_lines) + 1
    total = last + 1
    sheet.cell(row=total, column=1, value="Totaal").font = BOLD
    _amount(sheet, total, 7, f"=SUM(G2:G{last})" if doc.allocation_lines else 0)
    facts = (
        ("Vast bedrag per fractie per jaar", doc.fixed_per_fractie),
        ("Bedrag per zetel per jaar", doc.per_seat),
    )
    row = total + 2
    for label, value in facts:
        sheet.cell(row=row, column=1, value=label)
        _amount(sheet, row, 5, value)
        row += 1
    sheet.cell(row=row, column=1, value="Dagen in het jaar")
    sheet.cell(row=row, column=5, value=doc.days_in_year)
    sheet.cell(row=row + 1, column=1, value="Grondslag")
    _text(sheet, row + 1, 5, doc.amounts_explanation)
    sheet.cell(
        row=row + 2,
        column=1,
        value="Per regel: bedrag × dagen ÷ dagen in het jaar; "
        "de regels tellen op tot het exact afgeronde jaarbedrag.",
    )
    _widths(sheet, (14, 14, 8, 8, 14, 14, 14))
    return f"Toekenning!G2:G{last}" if doc.allocation_lines else ""


def _info_rows(sheet, doc) -> int:
    """The statement's header (municipality, fractie, status, ...); returns the last row used."""
    state = "vastgesteld door de griffie" if doc.approved else "concept: nog niet vastgesteld"
    if doc.provisional:
        state += "; voorlopig, de beginreserve hangt af van een eerder jaar"
    info = (
        ("Gemeente", doc.municipality),
        ("Fractie", doc.fractie),
        ("Jaar", doc.year),
        ("Status", doc.status),
        ("Cijfers", state),
        ("Uiterste datum", doc.deadline),
        ("Uitbetaling", doc.payment),
        ("Niet besteed", doc.unspent_rule),
        ("Gemaakt op", doc.made_at.strftime("%d-%m-%Y %H:%M")),
    )
    for row, (label, value) in enumerate(info, start=3):
        sheet.cell(row=row, column=1, value=label).font = BOLD
        if label == "Uiterste datum":
            _date(sheet, row, 2, value)
        elif isinstance(value, str):
            _text(sheet, row, 2, value)
        else:
            sheet.cell(row=row, column=2, value=value)
    return len(info) + 2


def _closing_formula(doc, balance: str, cap: str) -> str | int:
    """The closing reserve as Excel computes it: the profile's rule for what is not spent."""
    if doc.unspent == "repay":
        return 0
    if doc.totals.reserve_cap is None:
        return f"=MAX({balance},0)"
    return f"=MIN(MAX({balance},0),{cap})"


def _summary_sheet(sheet, doc, allocation_range, counted_range, amount_range) -> None:
    sheet.cell(row=1, column=1, value=doc.title).font = Font(bold=True, size=14)
    row = _info_rows(sheet, doc) + 2
    _header(sheet, row, ("Onderdeel", "Bedrag", "Controle (formule)", "Klopt", "Toelichting"))
    rows: dict[str, int] = {}

    def line(key, label, value, formula=None, note="", bold=False):
        nonlocal row
        row += 1
        rows[key] = row
        sheet.cell(row=row, column=1, value=label).font = Font(bold=bold)
        if value is None:
            _text(sheet, row, 2, "geen")
        else:
            _amount(sheet, row, 2, value)
        if formula is not None:
            _amount(sheet, row, 3, formula)
            sheet.cell(row=row, column=4, value=f'=IF(ROUND(C{row}-B{row},2)=0,"ja","nee")')
        if note:
            _text(sheet, row, 5, note)

    t = doc.totals
    line("opening", "Beginreserve", t.opening_reserve, note=doc.opening_source)
    line(
        "allocation",
        "Toekenning",
        t.allocation,
        f"=SUM({allocation_range})" if allocation_range else 0,
        doc.amounts_explanation,
    )
    line("available", "Beschikbaar", t.available, f"=B{rows['opening']}+B{rows['allocation']}")
    first = row + 1
    for category in doc.categories:
        line(
            f"cat-{category.code}",
            f"Besteed: {category.label}",
            category.amount,
            note=counted(category.count, "uitgave", "uitgaven"),
        )
    spent_formula = f"=SUM(B{first}:B{row})" if doc.categories else 0
    line("spent", "Besteed (telt mee)", t.spent, spent_formula, bold=True)
    line(
        "not_counted",
        "Telt niet mee",
        t.not_counted,
        f'=SUMIF({counted_range},"nee",{amount_range})' if counted_range else 0,
        "uitgaven buiten de verordening of nog zonder antwoord van de griffie",
    )
    line(
        "balance",
        "Saldo",
        t.balance,
        f"=B{rows['opening']}+B{rows['allocation']}-B{rows['spent']}",
        "beginreserve + toekenning − besteed",
        bold=True,
    )
    line("cap", "Reservemaximum", t.reserve_cap)
    balance, cap = f"B{rows['balance']}", f"B{rows['cap']}"
    line(
        "closing", "Eindreserve", t.closing_reserve, _closing_formula(doc, balance, cap), bold=True
    )
    line(
        "to_repay",
        "Terug te betalen",
        t.to_repay,
        f"=MAX({balance},0)-B{rows['closing']}",
        bold=True,
    )
    line(
        "deficit",
        "Tekort",
        t.deficit,
        f"=MAX(-{balance},0)",
        "meer besteed dan beschikbaar: komt voor rekening van de fractie",
    )
    sheet.cell(
        row=row + 2,
        column=1,
        value=(
            "Kolom B zijn de bedragen van raadsloket; kolom C rekent ze na met formules over de "
            "andere bladen. Kolom D zegt of beide gelijk zijn."
        ),
    )
    _widths(sheet, (30, 16, 18, 8, 60))
    for cells in sheet.iter_rows(min_row=3, max_row=row, max_col=5):
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column == 5)

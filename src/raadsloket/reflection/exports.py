# SPDX-License-Identifier: EUPL-1.2
"""A reflection report as data files: CSV (one line per cell) and XLSX (one sheet per table).

Both read a cell through `shown` and `number` only, so a hidden cell gives its "<3", "≥3" or
"afgeschermd" and never its value.

CSV, for Dutch Excel and for scripts: `;` between fields, columns `figuur;rij;kolom;waarde;eenheid`
(figuur is the table's title). A number is written plainly with a decimal comma and no thousands
separator ("12", "3,5", "-2"): Dutch Excel reads that as a number, where "3.5" would become a
date; a script reads it with `decimal=","`. Non-whole numbers are rounded to one decimal, as in
the report. An unknown value (no lead time without cases) is an empty field. Where a full report
has no figures per fractie, a last line "Gebruik per fractie;niet gepubliceerd;;<reden>;tekst"
says why. The caller adds a
UTF-8 byte order mark when it serves the file, so Excel reads "≥" and "é" correctly.
"""

import csv
import re
from decimal import ROUND_HALF_UP, Decimal
from io import BytesIO, StringIO

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from raadsloket.reflection.fairness import SECTION_TITLE
from raadsloket.reflection.figures import Report
from raadsloket.reflection.tables import Cell, Table

CSV_HEADER = ("figuur", "rij", "kolom", "waarde", "eenheid")
# The one line that is not a cell: why a full report has no figures per fractie.
WITHHELD_ROW = "niet gepubliceerd"
UNIT_NAMES = {
    "": "aantal",
    "uur": "uur",
    "dagen": "dagen",
    "%": "procent",
    "cijfer": "cijfer (1–5)",
    "ratio": "per 10 zetels",
}
AUDIENCES = {
    "full": "volledig: met de cijfers per fractie (griffie, presidium, driehoek)",
    "aggregate": "geaggregeerd: zonder de cijfers per fractie",
}
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SHEET_NAME_MAX = 31
_SHEET_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)
ONE_DECIMAL = "0.0"
PERCENT = '0"%"'


def hidden_legend(report: Report) -> list[str]:
    """What "<3" and "≥3" mean, in the threshold the report used (for every form of it)."""
    threshold = _threshold(report)
    return [
        f"<{threshold}: minder dan {threshold} (nul meegerekend). Zo'n klein aantal trajecten "
        "zou naar een fractie en haar vertrouwelijke verzoek kunnen wijzen; daarom staat het "
        "getal er niet.",
        f"≥{threshold} of afgeschermd: ook verborgen, zodat een kleine cel niet uit een totaal "
        "is terug te rekenen.",
    ]


def _threshold(report: Report) -> int:
    for table in report.tables:
        for row in table.rows:
            for cell in row.cells:
                if cell.hidden:
                    return cell.threshold
    return Cell(None).threshold


# --- CSV ------------------------------------------------------------------------------------


def report_csv(report: Report) -> str:
    buffer = StringIO()
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(CSV_HEADER)
    for table in report.tables:
        for row in table.rows:
            for column, cell in zip(table.columns, row.cells, strict=True):
                writer.writerow(
                    (
                        _csv_text(table.title),
                        _csv_text(row.label),
                        _csv_text(column),
                        _csv_value(cell),
                        _csv_text(UNIT_NAMES.get(cell.unit, cell.unit)),
                    )
                )
    if report.withheld:
        # Not silently absent: the reason the figures per fractie are not in this file.
        writer.writerow((SECTION_TITLE, WITHHELD_ROW, "", _csv_text(report.withheld), "tekst"))
    return buffer.getvalue()


def _csv_text(text: str) -> str:
    # A leading apostrophe makes Excel and LibreOffice show the text instead of running it.
    return f"'{text}" if text.startswith(_FORMULA_START) else text


def _csv_value(cell: Cell) -> str:
    if cell.hidden:
        return _csv_text(cell.shown)
    if cell.number is None:
        return ""
    return plain_number(cell.number)


def plain_number(value) -> str:
    """12, -2, 3,5: decimal comma, no thousands separator, at most one decimal."""
    if isinstance(value, int):
        return str(value)
    # Half up, as on the page (tables.format_number): 2,45 is 2,5 in both.
    text = f"{Decimal(str(value)).quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):f}"
    if text.endswith(".0"):
        text = text[:-2]
    if text == "-0":
        text = "0"
    return text.replace(".", ",")


# --- XLSX -----------------------------------------------------------------------------------


def report_xlsx(report: Report) -> bytes:
    book = Workbook()
    explanation = book.active
    explanation.title = "Toelichting"
    _explanation_sheet(explanation, report)
    used = {explanation.title.lower()}
    for table in report.tables:
        name = sheet_name(table.title, used)
        used.add(name.lower())
        _table_sheet(book.create_sheet(name), table, report)
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def sheet_name(title: str, used: set[str]) -> str:
    """Excel's rules: at most 31 characters, none of []:*?/\\, no quote at either end, unique
    (Excel compares names without regard to case)."""
    base = _SHEET_FORBIDDEN.sub(" ", ILLEGAL_CHARACTERS_RE.sub("", title))
    base = " ".join(base.split()).strip("'") or "Tabel"
    number = 1
    while True:
        suffix = "" if number == 1 else f" ({number})"
        room = SHEET_NAME_MAX - len(suffix)
        name = base if len(base) <= room else base[: room - 1].rstrip() + "…"
        name = name.strip("'") + suffix
        if name.lower() not in used:
            return name
        number += 1


def _text(sheet: Worksheet, row: int, column: int, value: str, *, bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", value or ""))
    # openpyxl takes a string starting with "=" for a formula; report text never is one.
    cell.data_type = "s"
    if bold:
        cell.font = BOLD


def _number(sheet: Worksheet, row: int, column: int, cell: Cell, *, bold: bool) -> None:
    value = cell.number
    target = sheet.cell(
        row=row, column=column, value=float(value) if isinstance(value, Decimal) else value
    )
    if cell.unit == "%":
        target.number_format = PERCENT
    elif not isinstance(value, int) or cell.unit:
        target.number_format = ONE_DECIMAL
    if bold:
        target.font = BOLD


def _explanation_sheet(sheet: Worksheet, report: Report) -> None:
    sheet.cell(row=1, column=1, value=report.title).font = Font(bold=True, size=14)
    period, previous = report.period, report.previous
    facts = (
        ("Gemeente", report.municipality),
        ("Periode", f"{period.label} ({period.start:%d-%m-%Y} t/m {period.end:%d-%m-%Y})"),
        (
            "Vergeleken met",
            f"{previous.label} ({previous.start:%d-%m-%Y} t/m {previous.end:%d-%m-%Y})",
        ),
        ("Gemaakt op", f"{report.today:%d-%m-%Y}"),
        ("Versie", AUDIENCES.get(report.audience, report.audience)),
        *((("Cijfers per fractie", report.withheld),) if report.withheld else ()),
    )
    row = 3
    for label, value in facts:
        _text(sheet, row, 1, label, bold=True)
        _text(sheet, row, 2, value)
        row += 1
    row += 1
    _text(sheet, row, 1, "Verborgen cellen", bold=True)
    for line in hidden_legend(report):
        _text(sheet, row, 2, line)
        row += 1
    _text(
        sheet,
        row,
        2,
        "Elke tabel staat op een eigen blad; de toelichting bij de telling staat onder de tabel.",
    )
    row += 2
    _text(sheet, row, 1, "Gespreksthema's", bold=True)
    row += 1
    for theme in report.themes:
        _text(sheet, row, 1, theme.title, bold=True)
        row += 1
        _text(sheet, row, 1, "Handreiking")
        _text(sheet, row, 2, theme.source)
        row += 1
        for label, lines in (("Feiten", theme.facts), ("Vragen", theme.questions)):
            for index, line in enumerate(lines):
                _text(sheet, row, 1, label if index == 0 else "")
                _text(sheet, row, 2, line)
                row += 1
        row += 1
    sheet.column_dimensions["A"].width = 22
    sheet.column_dimensions["B"].width = 110
    for cells in sheet.iter_rows(min_row=3, max_row=row, max_col=2):
        for cell in cells:
            cell.alignment = Alignment(vertical="top", wrap_text=cell.column == 2)


def _table_sheet(sheet: Worksheet, table: Table, report: Report) -> None:
    _text(sheet, 1, 1, table.title)
    sheet.cell(row=1, column=1).font = Font(bold=True, size=12)
    header = 3
    _text(sheet, header, 1, "", bold=True)
    for column, name in enumerate(table.columns, start=2):
        _text(sheet, header, column, name, bold=True)
    for row, data in enumerate(table.rows, start=header + 1):
        _text(sheet, row, 1, data.label, bold=data.is_total)
        for column, cell in enumerate(data.cells, start=2):
            if cell.number is None:
                _text(sheet, row, column, cell.shown, bold=data.is_total)
                sheet.cell(row=row, column=column).alignment = Alignment(horizontal="right")
            else:
                _number(sheet, row, column, cell, bold=data.is_total)
    row = header + len(table.rows) + 2
    if table.note:
        _text(sheet, row, 1, table.note)
        row += 1
    if table.has_hidden:
        for line in hidden_legend(report):
            _text(sheet, row, 1, line)
            row += 1
    sheet.freeze_panes = sheet.cell(row=header + 1, column=2)
    sheet.column_dimensions["A"].width = 48
    for column in range(2, len(table.columns) + 2):
        sheet.column_dimensions[sheet.cell(row=header, column=column).column_letter].width = 16
    for cells in sheet.iter_rows(min_row=header, max_row=header, max_col=len(table.columns) + 1):
        for cell in cells:
            cell.alignment = Alignment(wrap_text=True, vertical="bottom")

# SPDX-License-Identifier: EUPL-1.2
"""The reflection report as files: the SVG charts, CSV, XLSX, the PDF and `raadsloket report`.

Gemeente Voorbeeld this year: Lokaal Belang (raadslid1) asked ambtelijke bijstand three times,
VVD (raadslid7) once, so VVD's count is a small cell that every file must show as "<3". D66 is
renamed to a name with markup, CDA to one that a spreadsheet would run as a formula.
"""

import csv
import io
import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.db import transaction
from django.test import override_settings
from django.utils import timezone
from openpyxl import load_workbook
from PIL import Image

from raadsloket.demo.lifecycle import new_case, run_to
from raadsloket.demo.people import World
from raadsloket.organisation.models import Fractie
from raadsloket.reflection.charts import DARK, chart_description, chart_svg
from raadsloket.reflection.exports import (
    CSV_HEADER,
    plain_number,
    report_csv,
    report_xlsx,
    sheet_name,
)
from raadsloket.reflection.figures import Report, build_report
from raadsloket.reflection.periods import parse, year
from raadsloket.reflection.tables import Cell, Hidden, Row, Table
from raadsloket.reflection.yearreport import PdfUnavailable, render_html, write_pdf
from tests.support.world import build_voorbeeld

# Every test is marked, so pytest-django sets up the test database even when only tests that use
# the module's scene are selected (unmarked, `scene` would run on the development database).
pytestmark = pytest.mark.django_db

FAST_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
SVG = "{http://www.w3.org/2000/svg}"
MARKUP = "<script>alert('x')</script> & Co"
FORMULA = "=cmd|' /C calc'!A0"
SECRET = 37  # a hidden cell's true value in the hand-made table; it must appear nowhere


@dataclass
class Scene:
    world: World
    report: Report


@pytest.fixture(scope="module")
def scene(django_db_setup, django_db_blocker, tmp_path_factory):
    """This year's full report with cases, built once and rolled back after the module.

    The `world` fixture's municipality, made here once: building it and driving four cases
    through the workflow for every test would take minutes. Tests that touch the database still
    run in their own savepoint (the `db` fixture).
    """
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=FAST_HASHERS, MEDIA_ROOT=tmp_path_factory.mktemp("reflection-files")
        ),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_voorbeeld()
            fracties = Fractie.objects.filter(municipality=world.municipality)
            fracties.filter(name="D66").update(name=MARKUP)
            fracties.filter(name="CDA").update(name=FORMULA)
            for number in range(3):
                run_to(world, new_case(world, "raadslid1", title=f"Verzoek {number}"), "closed")
            vvd = new_case(world, "raadslid7", title="Verzoek VVD")
            run_to(world, vvd, "delivered", member="raadslid7")
            # Read on the first day of next year: figures per fractie come with a closed year.
            closed = date(timezone.localdate().year + 1, 1, 1)
            yield Scene(world, build_report(world.municipality, year(closed.year - 1), closed))
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def report(scene) -> Report:
    return scene.report


def row_of(table: Table, start: str) -> Row:
    return next(row for row in table.rows if row.label.startswith(start))


def texts(svg: str) -> list[str]:
    root = ET.fromstring(svg)
    return ["".join(element.itertext()) for element in root.iter(f"{SVG}text")]


def hand_made(label: str = MARKUP) -> Table:
    return Table(
        key="proef",
        title="Verzoeken per fractie & <b>afdeling</b>",
        columns=["2026", "2025", "verschil"],
        rows=[
            Row("Lokaal Belang", [Cell(9), Cell(5), Cell(4)]),
            Row(label, [Cell(SECRET, hidden=Hidden.COMPLEMENT), Cell(4), Cell(33)]),
            Row("VVD", [Cell(1, hidden=Hidden.SMALL), Cell(2), Cell(-1)]),
            Row("Totaal", [Cell(47), Cell(11), Cell(36)], is_total=True),
        ],
        compare_column=1,
    )


# --- charts ---------------------------------------------------------------------------------


def test_a_chart_is_an_svg_with_title_description_and_its_labels_as_text():
    table = hand_made()
    svg = chart_svg(table)
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert root.get("role") == "img"
    assert root.get("aria-label") == chart_description(table)
    assert root.find(f"{SVG}title").text == "Verzoeken per fractie & <b>afdeling</b>"
    assert root.find(f"{SVG}desc").text == chart_description(table)
    shown = texts(svg)
    assert {"Lokaal Belang", MARKUP, "VVD", "2026", "2025"} <= set(shown)
    # Values as the table shows them; the total row is not a bar.
    assert {"9", "5", "4", "2"} <= set(shown)
    assert "Totaal" not in shown and "47" not in shown


def test_a_hidden_cell_gets_its_mark_and_no_bar():
    table = hand_made()
    svg = chart_svg(table)
    shown = texts(svg)
    assert "<3" in shown and "≥3" in shown
    # The true values appear nowhere: not as a label, not in the text alternative, and no bar
    # reaches them (the axis would run past 37).
    assert str(SECRET) not in shown and str(SECRET) not in chart_description(table)
    ticks = [
        float(text.replace(",", "."))
        for text in shown
        if text.replace(",", "").isdigit() and text not in table.columns
    ]
    assert max(ticks) < 12
    assert "Een afgeschermde waarde heeft geen staaf." in chart_description(table)


def test_markup_in_a_label_stays_text_in_the_svg():
    svg = chart_svg(hand_made())
    assert "<script" not in svg and "<b>" not in svg
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; Co" in svg
    # A name with dollar signs or control characters is text too, and the SVG stays valid XML.
    odd = chart_svg(hand_made(label="D$66$ \x0b fractie"))
    assert "D$66$  fractie" in texts(odd)


def test_the_description_reads_every_bar_in_dutch():
    description = chart_description(hand_made())
    assert description.startswith("Staafdiagram: Verzoeken per fractie & <b>afdeling</b>. ")
    assert "Lokaal Belang: 9 (2026), 5 (2025)" in description
    assert "VVD: <3 (2026), 2 (2025)" in description
    hours = Table("uren", "Uren", ["besteed"], [Row("Financiën", [Cell(3.5, "uur")])])
    assert chart_description(hours) == "Staafdiagram: Uren. Financiën: 3,5 uur (besteed)."


def test_a_chart_is_the_same_every_time_and_only_made_when_there_is_something_to_draw():
    assert chart_svg(hand_made()) == chart_svg(hand_made())
    assert "<dc:date>" not in chart_svg(hand_made())
    no_chart = Table("k", "Kerncijfers", ["2026"], [Row("a", [Cell(1)])], chart_column=None)
    only_total = Table("t", "Totaal", ["2026"], [Row("Totaal", [Cell(1)], is_total=True)])
    assert chart_svg(no_chart) is None and chart_svg(only_total) is None


def test_every_charted_table_of_the_report_has_its_chart(report):
    charted = [table for table in report.tables if table.chart_column is not None]
    assert report.key_figures.chart_column is None and len(charted) >= 10
    for table in charted:
        svg = chart_svg(table)
        if not table.data_rows:
            assert svg is None
            continue
        root = ET.fromstring(svg)
        assert root.find(f"{SVG}title").text == table.title
        # Long labels wrap over lines; together the lines hold the whole label.
        joined = "".join(texts(svg)).replace(" ", "")
        for row in table.data_rows:
            assert row.label.replace(" ", "") in joined, (table.key, row.label)


def test_the_fractie_chart_shows_a_small_cell_as_small(report):
    table = report.table("per_fractie")
    assert row_of(table, "VVD").cells[1].shown == "<3"
    shown = texts(chart_svg(table))
    assert "<3" in shown and "3" in shown  # VVD hidden, Lokaal Belang's three shown
    assert "VVD (oppositie): <3 (ambtelijke bijstand)" in chart_description(table)
    assert "&lt;script&gt;" in chart_svg(table)


# --- CSV ------------------------------------------------------------------------------------


def csv_lines(report: Report) -> list[list[str]]:
    return list(csv.reader(io.StringIO(report_csv(report)), delimiter=";"))


def test_the_csv_has_one_line_per_cell(report):
    lines = csv_lines(report)
    assert tuple(lines[0]) == CSV_HEADER == ("figuur", "rij", "kolom", "waarde", "eenheid")
    cells = [
        (table, row, column, cell)
        for table in report.tables
        for row in table.rows
        for column, cell in zip(table.columns, row.cells, strict=True)
    ]
    assert len(lines) - 1 == len(cells)
    for line, (table, _row, column, cell) in zip(lines[1:], cells, strict=True):
        assert line[0] == table.title and line[2] == column
        if cell.hidden:
            assert line[3] == cell.shown
        elif cell.number is None:
            assert line[3] == ""
        else:
            assert Decimal(line[3].replace(",", ".")) == round(Decimal(str(cell.number)), 1)


def test_the_csv_never_gives_a_hidden_value_and_defuses_formulas(report):
    by_row = {(line[0], line[1], line[2]): line for line in csv_lines(report)[1:]}
    vvd = by_row[("Gebruik per fractie", "VVD (oppositie)", "ambtelijke bijstand")]
    assert vvd[3] == "<3" and vvd[4] == "aantal"
    # VVD's 3,5 hours are hidden with its count (as "<3" or "afgeschermd", as the report says).
    hidden = report.table("per_fractie").cell("VVD (oppositie)", "uren ontvangen")
    hours = by_row[("Gebruik per fractie", "VVD (oppositie)", "uren ontvangen")]
    assert hidden.hidden and hours[3] == hidden.shown and hours[4] == "uur"
    defused = by_row[("Gebruik per fractie", f"'{FORMULA} (oppositie)", "zetels")]
    assert defused[3] == "4"
    assert all(
        not field.startswith(("=", "+", "-", "@", "\t", "\r"))
        for line in csv_lines(report)
        for field in (line[0], line[1], line[2], line[4])
    )
    assert (
        by_row[("Geschatte en bestede uren per afdeling", "Sociaal Domein", "verschil")][3] == "-34"
    )


def test_files_over_a_council_term_say_why_they_have_no_figures_per_fractie(scene):
    # A council term overlaps five calendar years; the figures per fractie are withheld and the
    # reason is in every file, not an unexplained absence (raadsloket.reflection.fractie_periods).
    term = build_report(scene.world.municipality, parse("raadsperiode-2022"), date(2026, 12, 7))
    assert term.withheld and "raadsperiode" in term.withheld
    *cells, last = csv_lines(term)[1:]
    assert last == ["Gebruik per fractie", "niet gepubliceerd", "", term.withheld, "tekst"]
    assert not any(line[0] == "Gebruik per fractie" for line in cells)
    explanation = load_workbook(io.BytesIO(report_xlsx(term)))["Toelichting"]
    facts = {row[0]: row[1] for row in explanation.iter_rows(values_only=True) if row[0]}
    assert facts["Cijfers per fractie"] == term.withheld
    assert term.withheld in re.sub(r"\s+", " ", render_html(term))
    # A closed year has them, and no such line.
    assert all(line[1] != "niet gepubliceerd" for line in csv_lines(scene.report))


def test_numbers_in_the_csv_are_plain_with_a_decimal_comma():
    assert [plain_number(value) for value in (12, -2, 3.5, 14.0, Decimal("4.25"), -0.04)] == [
        "12",
        "-2",
        "3,5",
        "14",
        "4,3",  # half up, as on the page
        "0",
    ]


# --- XLSX -----------------------------------------------------------------------------------


def test_the_workbook_holds_the_report_numbers_and_hides_what_the_report_hides(report):
    book = load_workbook(io.BytesIO(report_xlsx(report)))
    assert book.sheetnames[0] == "Toelichting"
    assert len(book.sheetnames) == len(report.tables) + 1
    explanation = [
        cell for row in book["Toelichting"].iter_rows(values_only=True) for cell in row if cell
    ]
    assert report.title in explanation and "Gemeente Voorbeeld" in explanation
    assert any(text.startswith("<3: minder dan 3") for text in explanation)
    assert [theme.title for theme in report.themes] == [
        text for text in explanation if text in {theme.title for theme in report.themes}
    ]
    for name, table in zip(book.sheetnames[1:], report.tables, strict=True):
        sheet = book[name]
        assert len(name) <= 31 and sheet["A1"].value == table.title
        assert [
            sheet.cell(row=3, column=c).value for c in range(2, len(table.columns) + 2)
        ] == table.columns
        assert sheet.cell(row=3, column=2).font.bold
        for offset, row in enumerate(table.rows):
            assert sheet.cell(row=4 + offset, column=1).value == row.label
            for column, cell in enumerate(row.cells, start=2):
                written = sheet.cell(row=4 + offset, column=column)
                if cell.number is None:
                    assert written.data_type == "s" and written.value == cell.shown, (
                        name,
                        row.label,
                    )
                else:
                    assert written.data_type == "n"
                    assert written.value == pytest.approx(float(cell.number)), (name, row.label)
    fracties = book[book.sheetnames[1 + report.tables.index(report.table("per_fractie"))]]
    labels = {fracties.cell(row=r, column=1).value: r for r in range(4, fracties.max_row + 1)}
    assert fracties.cell(row=labels["VVD (oppositie)"], column=3).value == "<3"
    formula = fracties.cell(row=labels[f"{FORMULA} (oppositie)"], column=1)
    assert formula.data_type == "s" and formula.value == f"{FORMULA} (oppositie)"
    assert labels[f"{MARKUP} (oppositie)"]
    hours = book[book.sheetnames[1 + report.tables.index(report.table("uren_per_afdeling"))]]
    assert hours["C4"].value == 14 and hours["C4"].number_format == "0.0"


def test_sheet_names_follow_excels_rules():
    used = {"toelichting"}
    long = "Ambtelijke bijstand en technische vragen per afdeling"
    first = sheet_name(long, used)
    used.add(first.lower())
    second = sheet_name(long, used)
    assert len(first) == 31 and first.endswith("…") and len(second) <= 31 and second != first
    assert sheet_name("Vragen [a]: b*c?d/e\\f", set()) == "Vragen a b c d e f"
    assert sheet_name("Toelichting", used) == "Toelichting (2)"


# --- HTML and PDF ---------------------------------------------------------------------------


def test_the_document_has_every_table_with_its_chart_and_ends_with_the_agenda(report):
    html = render_html(report)
    assert "<h1>Jaarverslag ambtelijke bijstand en informatievoorziening" in html
    charted = [table for table in report.tables if chart_svg(table)]
    assert html.count('<img class="chart" src="data:image/svg+xml;base64,') == len(charted)
    for table in report.tables:
        assert f"<caption>Tabel: {table.title}</caption>" in html
    assert f'alt="{chart_description(report.table("per_instrument"))}"' in html
    assert '<th scope="col" class="number">ambtelijke bijstand</th>' in html
    assert '<td class="number hidden">&lt;3</td>' in html
    # User text is escaped, never markup.
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; Co" in html
    assert "<script" not in html
    agenda = html.index("<h2>Agenda voor het presidium: gespreksthema's</h2>")
    assert agenda > html.rindex("<caption>")
    for theme in report.themes:
        assert html.index(theme.title) > agenda


@pytest.fixture
def pdf(report) -> bytes:
    try:
        return write_pdf(report)
    except PdfUnavailable:
        pytest.skip("WeasyPrint is not available here")


def test_the_pdf_renders_with_text_and_charts(pdf, report, tmp_path):
    assert pdf.startswith(b"%PDF")
    if not (shutil.which("pdftotext") and shutil.which("pdftoppm")):
        pytest.skip("poppler-utils (pdftotext, pdftoppm) are not installed")
    path = tmp_path / "verslag.pdf"
    path.write_bytes(pdf)
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert report.title in " ".join(text.split())
    assert "gespreksthema's" in text and "Gemeente Voorbeeld" in text
    assert "pagina 1 van" in text
    first = render_page(path, 1, tmp_path)
    assert first.getextrema() != ((255, 255), (255, 255), (255, 255)), "the first page is blank"
    # The charts are drawn, not just linked: the page of the first one has dark blue bars.
    page = text[: text.index("Tabel: Verzoeken per instrument")].count("\f") + 1
    assert dark_blue_pixels(render_page(path, page, tmp_path)) > 500


def render_page(path, page: int, folder) -> Image.Image:
    prefix = folder / f"page{page}"
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "50",
            "-f",
            str(page),
            "-l",
            str(page),
            "-singlefile",
            str(path),
            str(prefix),
        ],
        check=True,
    )
    return Image.open(f"{prefix}.png").convert("RGB")


def dark_blue_pixels(image: Image.Image) -> int:
    red, green, blue = (int(DARK[i : i + 2], 16) for i in (1, 3, 5))
    return sum(
        count
        for count, (r, g, b) in image.getcolors(maxcolors=1 << 24)
        if abs(r - red) < 30 and abs(g - green) < 30 and abs(b - blue) < 30
    )


# --- raadsloket report ----------------------------------------------------------------------


def next_new_year():
    """The command reads today's date; on 1 January the year of the scene's cases is closed."""
    year_after = timezone.localdate().year + 1
    return time_machine.travel(datetime(year_after, 1, 1, 12, tzinfo=ZoneInfo("Europe/Amsterdam")))


def test_the_command_prints_the_report_and_writes_the_files(scene, tmp_path, capsys):
    period = str(scene.report.period.start.year)
    charts = tmp_path / "grafieken"
    with next_new_year():
        call_command(
            "report",
            "--gemeente",
            "voorbeeld",
            "--periode",
            period,
            "--xlsx",
            str(tmp_path / "v.xlsx"),
            "--csv",
            str(tmp_path / "v.csv"),
            "--svg-map",
            str(charts),
        )
    out, err = capsys.readouterr()
    assert out.startswith(scene.report.title + "\n")
    assert "Gebruik per fractie" in out and "Agenda voor het presidium: gespreksthema's" in out
    vvd = next(line for line in out.splitlines() if line.strip().startswith("VVD (oppositie)"))
    assert vvd.split()[2:4] == ["5", "<3"]
    assert "CSV geschreven naar" in err
    assert (tmp_path / "v.csv").read_bytes().startswith(b"\xef\xbb\xbffiguur;rij;kolom")
    assert load_workbook(tmp_path / "v.xlsx").sheetnames[0] == "Toelichting"
    written = sorted(path.name for path in charts.iterdir())
    assert "per_instrument.svg" in written and "per_fractie.svg" in written
    assert "kerncijfers.svg" not in written
    ET.parse(charts / "per_fractie.svg")


def test_the_aggregate_report_leaves_out_the_fracties(scene, capsys):
    period = str(timezone.localdate().year)
    call_command("report", "--gemeente", "voorbeeld", "--periode", period, "--geaggregeerd")
    out = capsys.readouterr().out
    assert "Gebruik per fractie" not in out and "VVD" not in out
    assert "geaggregeerd" in out


def test_the_command_writes_a_pdf(scene, tmp_path, capsys):
    try:
        write_pdf(scene.report)
    except PdfUnavailable:
        pytest.skip("WeasyPrint is not available here")
    target = tmp_path / "verslag.pdf"
    period = str(timezone.localdate().year)
    call_command("report", "--gemeente", "voorbeeld", "--periode", period, "--pdf", str(target))
    assert target.read_bytes().startswith(b"%PDF")
    assert f"PDF geschreven naar {target}." in capsys.readouterr().err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (
            ["--gemeente", "nergens", "--periode", "2026"],
            "Gemeente 'nergens' bestaat niet. Bekend: voorbeeld.",
        ),
        (["--periode", "2026"], "Geef de gemeente op met --gemeente"),
        (
            ["--gemeente", "voorbeeld", "--periode", "2026-k5"],
            "'2026-k5' is geen periode. Schrijf een jaar",
        ),
        (
            ["--gemeente", "voorbeeld", "--periode", "raadsperiode-2027"],
            "2027 is geen verkiezingsjaar",
        ),
        (["--gemeente", "voorbeeld"], "Geef de periode op met --periode"),
        (["--gemeente", "voorbeeld", "--periode", "2099"], "De periode 2099 is nog niet begonnen"),
    ],
)
def test_wrong_input_gives_a_dutch_message(scene, arguments, message):
    with pytest.raises(CommandError, match=re.escape(message)) as raised:
        call_command("report", *arguments)
    assert raised.value.returncode == 2


def test_a_file_that_cannot_be_written_gives_a_dutch_message(scene, tmp_path):
    target = tmp_path / "bestaat-niet" / "v.csv"
    with pytest.raises(CommandError, match=re.escape(f"Kan '{target}' niet schrijven: No such")):
        call_command("report", "--gemeente", "voorbeeld", "--periode", "2026", "--csv", str(target))

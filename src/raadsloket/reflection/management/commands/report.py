# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket report --gemeente SLUG --periode 2026 [--volledig|--geaggregeerd] [--pdf F]
[--xlsx F] [--csv F] [--svg-map MAP]`.

Prints the reflection report (handreiking, "Periodieke reflectie") as Dutch text tables and, when asked, writes the same
report as PDF, XLSX, CSV and one SVG chart per table: for the griffie preparing the presidium's
papers, and for showing the demo. The figures are those of raadsloket.reflection.figures, as on
the web. Wrong input gives a Dutch message and exit code 2.
"""

import textwrap
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from raadsloket.audit.chain import record
from raadsloket.organisation.cli import bad_input, municipality_by_slug, write_file
from raadsloket.reflection.charts import chart_svg
from raadsloket.reflection.exports import AUDIENCES, hidden_legend, report_csv, report_xlsx
from raadsloket.reflection.figures import Report, build_report
from raadsloket.reflection.periods import Period, PeriodError, parse_past
from raadsloket.reflection.tables import Table
from raadsloket.reflection.yearreport import PdfUnavailable, write_pdf

# Who exported, in the audit chain: there is no logged-in person on the command line.
OPERATOR = "opdrachtregel"
WIDTH = 100
LABEL_WIDTH = 44
MIN_LABEL_WIDTH = 16
# A column is at least this wide before its heading wraps onto more lines.
HEADING_WIDTH = 10


def render_text(report: Report) -> str:
    lines = [
        report.title,
        "=" * min(len(report.title), WIDTH),
        f"Gemeente: {report.municipality}",
        f"Periode: {report.period.label} ({report.period.start:%d-%m-%Y} t/m "
        f"{report.period.end:%d-%m-%Y}), vergeleken met {report.previous.label}",
        f"Gemaakt op: {report.today:%d-%m-%Y}   Versie: {AUDIENCES.get(report.audience, report.audience)}",
        "",
        "Verborgen cellen:",
        *(_wrapped(line, "  ") for line in hidden_legend(report)),
        "",
        _heading("Kerncijfers"),
        *table_text(report.key_figures),
    ]
    for section in report.sections:
        lines += ["", _heading(section.title)]
        if section.intro:
            lines.append(_wrapped(section.intro, ""))
        for table in section.tables:
            lines += ["", *table_text(table)]
    lines += ["", _heading("Agenda voor het presidium: gespreksthema's")]
    for number, theme in enumerate(report.themes, start=1):
        lines += ["", f"{number}. {theme.title}", _wrapped(f"Handreiking: “{theme.source}”", "   ")]
        lines += [_wrapped(fact, "   - ") for fact in theme.facts]
        lines.append("   Vragen:")
        lines += [_wrapped(question, "   ? ") for question in theme.questions]
    return "\n".join(lines)


def _heading(text: str) -> str:
    return f"{text}\n{'-' * len(text)}"


def _wrapped(text: str, first: str) -> str:
    return "\n".join(
        textwrap.wrap(text, WIDTH, initial_indent=first, subsequent_indent=" " * len(first))
    )


def table_text(table: Table) -> list[str]:
    """The table with aligned columns: labels left, values right, headings wrapped if long."""
    widths, headings = [], []
    for index, column in enumerate(table.columns):
        values = [len(row.cells[index].shown) for row in table.rows]
        longest_word = max(len(word) for word in column.split() or [""])
        width = max(values + [longest_word, min(len(column), HEADING_WIDTH)])
        widths.append(width)
        headings.append(textwrap.wrap(column, width) or [""])
    # Labels take what the values leave of the line, and wrap when longer.
    room = WIDTH - 2 - sum(width + 2 for width in widths)
    longest = max([len(row.label) for row in table.rows] + [MIN_LABEL_WIDTH])
    label_width = min(longest, max(MIN_LABEL_WIDTH, min(LABEL_WIDTH, room)))
    depth = max(len(heading) for heading in headings)
    lines = [table.title]
    for line in range(depth):
        parts = []
        for heading, width in zip(headings, widths, strict=True):
            missing = depth - len(heading)  # bottom-aligned headings
            parts.append(f"{heading[line - missing] if line >= missing else '':>{width}}")
        lines.append((f"  {'':<{label_width}}" + "".join(f"  {part}" for part in parts)).rstrip())
    full_width = label_width + sum(width + 2 for width in widths)
    for row in table.rows:
        if row.is_total:
            lines.append("  " + "-" * full_width)
        label = textwrap.wrap(row.label, label_width) or [""]
        values = "".join(
            f"  {cell.shown:>{width}}" for cell, width in zip(row.cells, widths, strict=True)
        )
        lines.append(f"  {label[0]:<{label_width}}{values}".rstrip())
        lines += [f"  {more}" for more in label[1:]]
    if not table.rows:
        lines.append("  (geen gegevens in deze periode)")
    if table.note:
        lines.append(_wrapped(table.note, "  "))
    return lines


class Command(BaseCommand):
    help = (
        "Het reflectieverslag over ambtelijke bijstand en informatievoorziening van één gemeente "
        "over één periode: als tabellen op standaarduitvoer, met --pdf, --xlsx, --csv en "
        "--svg-map ook als bestanden."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", metavar="SLUG", help="de gemeente (bijv. voorbeeld)")
        parser.add_argument(
            "--periode",
            metavar="PERIODE",
            help="een jaar (2026), een kwartaal (2026-k3) of een raadsperiode (raadsperiode-2026)",
        )
        audience = parser.add_mutually_exclusive_group()
        audience.add_argument(
            "--volledig",
            action="store_true",
            help="met de cijfers per fractie (griffie, presidium, driehoek); de standaard",
        )
        audience.add_argument(
            "--geaggregeerd", action="store_true", help="zonder de cijfers per fractie"
        )
        parser.add_argument("--pdf", metavar="BESTAND", help="schrijf ook de PDF naar dit bestand")
        parser.add_argument("--xlsx", metavar="BESTAND", help="schrijf ook het Excel-bestand")
        parser.add_argument("--csv", metavar="BESTAND", help="schrijf ook de cijfers als CSV")
        parser.add_argument(
            "--svg-map", metavar="MAP", help="schrijf elke grafiek als SVG-bestand in deze map"
        )

    def handle(self, *args, gemeente, periode, geaggregeerd, pdf, xlsx, csv, svg_map, **options):
        municipality = municipality_by_slug(gemeente)
        today = timezone.localdate()
        period = self._period(periode, today)
        report = build_report(municipality, period, today, full=not geaggregeerd)
        written = []
        if pdf:
            try:
                content = write_pdf(report)
            except PdfUnavailable as error:
                raise CommandError(
                    "De PDF kan niet worden gemaakt: de PDF-voorziening (WeasyPrint) is niet "
                    f"beschikbaar ({error}). Het Excel-bestand werkt wel (--xlsx)."
                ) from error
            write_file(pdf, content)
            written.append(("pdf", f"PDF geschreven naar {pdf}."))
        if xlsx:
            write_file(xlsx, report_xlsx(report))
            written.append(("xlsx", f"Excel-bestand geschreven naar {xlsx}."))
        if csv:
            # With a byte order mark Excel reads the file as UTF-8 ("≥", "é").
            write_file(csv, report_csv(report).encode("utf-8-sig"))
            written.append(("csv", f"CSV geschreven naar {csv}."))
        if svg_map:
            count = self._write_charts(Path(svg_map), report)
            written.append(("svg", f"{count} grafieken (SVG) geschreven naar {svg_map}."))
        record(
            "reflection.report_exported",
            actor=OPERATOR,
            municipality_id=municipality.pk,
            detail={
                "period": period.slug,
                "audience": report.audience,
                "formats": ["tekst"] + [kind for kind, _ in written],
            },
        )
        self.stdout.write(render_text(report))
        for _, message in written:
            self.stderr.write(message)

    @staticmethod
    def _period(text: str | None, today) -> Period:
        if not text:
            raise bad_input(
                "Geef de periode op met --periode: een jaar (2026), een kwartaal (2026-k3) of "
                "een raadsperiode (raadsperiode-2026)."
            )
        try:
            return parse_past(text, today)
        except PeriodError as error:
            raise bad_input(f"Ongeldige periode: {error}") from error

    def _write_charts(self, folder: Path, report: Report) -> int:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise CommandError(
                f"Kan de map '{folder}' niet maken: {error.strerror or error}."
            ) from error
        count = 0
        for table in report.tables:
            svg = chart_svg(table)
            if svg is not None:
                write_file(str(folder / f"{table.key}.svg"), svg.encode("utf-8"))
                count += 1
        return count

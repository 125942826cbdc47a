# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket statement --gemeente SLUG --fractie NAAM|ID --jaar JAAR [--pdf F] [--xlsx F]`.

Prints a fractie's yearly statement (Gemeentewet art. 33 lid 3) as a Dutch text table and, when
asked, writes the same statement as PDF and XLSX: for the griffie or a beheerder preparing the
papers, and for showing the demo. The figures are those of raadsloket.fractie_support.exports, as on the
web. Wrong input gives a Dutch message and exit code 2.
"""

import textwrap

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from raadsloket.audit.chain import record
from raadsloket.fractie_support.downloads import FIRST_YEAR
from raadsloket.fractie_support.exports import (
    PdfUnavailable,
    StatementDocument,
    build_document,
    render_html,
    write_pdf,
    write_xlsx,
)
from raadsloket.lib.money import euro
from raadsloket.organisation.cli import bad_input, municipality_by_slug, write_file
from raadsloket.organisation.models import Fractie, Municipality

# Who exported, in the audit chain: there is no logged-in person on the command line.
OPERATOR = "opdrachtregel"
WIDTH = 88
# Expense details line up under the category, after date and amount.
INDENT = " " * 29


def _is_number(text: str) -> bool:
    # ASCII only: str.isdigit() also accepts "²", which int() refuses.
    return text.isascii() and text.isdigit()


def _fit(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _row(label: str, amount, note: str = "") -> str:
    label = f"{label} ({note})" if note else label
    return f"  {_fit(label, WIDTH - 18):<{WIDTH - 18}}{euro(amount):>16}"


def render_text(doc: StatementDocument) -> str:
    t = doc.totals
    if doc.approved:
        when = f" op {timezone.localtime(doc.reviewed_at):%d-%m-%Y}" if doc.reviewed_at else ""
        state = (
            f"Status: {doc.status}{when} door de griffie; de bedragen zijn die van de vaststelling"
        )
    else:
        state = f"Status: {doc.status} — concept, nog niet vastgesteld door de griffie"
    if doc.provisional:
        state += "; voorlopig (de beginreserve hangt af van een eerder jaar)"
    lines = [
        doc.title,
        "=" * min(len(doc.title), WIDTH),
        state,
        f"Uiterste datum: {doc.deadline:%d-%m-%Y}   Uitbetaling: {doc.payment}",
        "",
        *textwrap.wrap(
            f"Toekenning: {euro(doc.fixed_per_fractie)} per fractie en {euro(doc.per_seat)} per "
            f"zetel per jaar ({doc.amounts_explanation}); naar rato van {doc.days_in_year} dagen",
            WIDTH,
        ),
        f"  {'Van':<11} {'Tot en met':<11} {'Dagen':>5} {'Zetels':>6} {'Vast deel':>15} "
        f"{'Zeteldeel':>15} {'Totaal':>15}",
    ]
    lines += [
        f"  {line.start:%d-%m-%Y}  {line.end:%d-%m-%Y}  {line.days:>5} {line.seats:>6} "
        f"{euro(line.fixed_part):>15} {euro(line.seat_part):>15} {euro(line.total):>15}"
        for line in doc.allocation_lines
    ]
    lines += [_row("Totaal toekenning", t.allocation), "", "Besteding per categorie"]
    for category in doc.categories:
        lines.append(_row(category.label, category.amount, f"{category.count}×"))
    if not doc.categories:
        lines.append("  (geen uitgaven die meetellen)")
    lines += [
        _row("Besteed", t.spent),
        "",
        "Overzicht",
        _row("Beginreserve", t.opening_reserve, doc.opening_source),
        _row("Toekenning", t.allocation),
        _row("Beschikbaar", t.available),
        _row("Besteed", t.spent),
        _row("Saldo", t.balance),
        _row("Telt niet mee", t.not_counted),
        _row("Reservemaximum", t.reserve_cap)
        if t.reserve_cap is not None
        else f"  {'Reservemaximum':<{WIDTH - 18}}{'geen':>16}",
        _row("Eindreserve", t.closing_reserve),
        _row("Terug te betalen", t.to_repay),
        _row("Tekort", t.deficit),
        *textwrap.wrap(doc.unspent_rule, WIDTH, initial_indent="  ", subsequent_indent="  "),
        "",
        f"Uitgaven ({len(doc.expenses)})",
    ]
    for line in doc.expenses:
        counted = "telt mee" if line.counts else f"telt niet mee: {line.reason}"
        review = line.review + (f" ({line.review_remark})" if line.review_remark else "")
        lines.append(
            f"  {line.date:%d-%m-%Y} {euro(line.amount):>14}  {_fit(line.category, WIDTH - 29)}"
        )
        lines += textwrap.wrap(
            f"{line.description}. Bewijsstuk: {'ja' if line.has_proof else 'NEE'}; {counted}; "
            f"griffie: {review}",
            WIDTH,
            initial_indent=INDENT,
            subsequent_indent=INDENT,
        )
    if not doc.expenses:
        lines.append("  (geen uitgaven vastgelegd)")
    return "\n".join(lines)


class Command(BaseCommand):
    help = (
        "De verantwoording fractieondersteuning van één fractie over één jaar: als tabel op "
        "standaarduitvoer, met --pdf en --xlsx ook als bestanden."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", metavar="SLUG", help="de gemeente (bijv. voorbeeld)")
        parser.add_argument(
            "--fractie", metavar="NAAM", help="de naam of het nummer van de fractie"
        )
        parser.add_argument("--jaar", metavar="JAAR", help="het jaar van de verantwoording")
        parser.add_argument("--pdf", metavar="BESTAND", help="schrijf ook de PDF naar dit bestand")
        parser.add_argument("--xlsx", metavar="BESTAND", help="schrijf ook het Excel-bestand")

    def handle(self, *args, gemeente, fractie, jaar, pdf, xlsx, **options):
        municipality = municipality_by_slug(gemeente)
        support = municipality.policy.fractie_support
        if not support.enabled:
            raise bad_input(f"{municipality.name} kent geen fractieondersteuning in raadsloket.")
        found = self._fractie(municipality, fractie)
        year = self._year(jaar)
        document = build_document(found, year, municipality.policy)
        formats = ["tekst"]
        if pdf:
            try:
                write_file(pdf, write_pdf(render_html(document)))
            except PdfUnavailable as error:
                raise CommandError(
                    "De PDF kan niet worden gemaakt: de PDF-voorziening (WeasyPrint) is niet "
                    f"beschikbaar ({error}). Het Excel-bestand werkt wel (--xlsx)."
                ) from error
            formats.append("pdf")
        if xlsx:
            write_file(xlsx, write_xlsx(document))
            formats.append("xlsx")
        record(
            "budgets.statement_exported",
            actor=OPERATOR,
            municipality_id=municipality.pk,
            detail={"fractie": found.pk, "year": year, "formats": formats},
        )
        self.stdout.write(render_text(document))
        for name, path in (("PDF", pdf), ("Excel-bestand", xlsx)):
            if path:
                self.stderr.write(f"{name} geschreven naar {path}.")

    @staticmethod
    def _fractie(municipality: Municipality, value: str | None) -> Fractie:
        fracties = Fractie.objects.filter(municipality=municipality).select_related("municipality")
        found = None
        if value and _is_number(value.strip()) and len(value.strip()) < 19:
            found = fracties.filter(pk=int(value)).first()
        elif value and value.strip():
            found = fracties.filter(name__iexact=value.strip()).first()
        if found is None:
            known = ", ".join(f"{f.name} ({f.pk})" for f in fracties.order_by("name"))
            asked = f"'{value}' " if value else ""
            raise bad_input(
                f"Fractie {asked}bestaat niet in {municipality.name}. Geef --fractie met de "
                f"naam of het nummer; bekend: {known or 'geen'}."
            )
        return found

    @staticmethod
    def _year(value: str | None) -> int:
        last = timezone.localdate().year
        text = (value or "").strip()
        if not _is_number(text) or not FIRST_YEAR <= int(text) <= last:
            raise bad_input(
                f"Ongeldig jaar '{value or ''}': geef --jaar met een jaar van {FIRST_YEAR} tot "
                f"en met {last}."
            )
        return int(text)

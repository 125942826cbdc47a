# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket inzage USERNAME [--pdf FILE]`: a written AVG art. 15 request, handled by the
griffie or the administrator. Prints the JSON export; with --pdf also writes the report."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raadsloket.lib.pdf import PdfUnavailable
from raadsloket.organisation.models import Person
from raadsloket.privacy.inzage import export, record_export
from raadsloket.privacy.report import render_html, write_pdf

# Who exported, in the audit chain: there is no logged-in person on the command line.
OPERATOR = "opdrachtregel"


class Command(BaseCommand):
    help = (
        "Inzage persoonsgegevens (AVG art. 15) van één persoon: de JSON op standaarduitvoer, "
        "met --pdf ook het leesbare overzicht als PDF."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--pdf", metavar="BESTAND", help="schrijf ook de PDF naar dit bestand")

    def handle(self, *args, username, pdf, **options):
        person = Person.objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        data = export(person)
        if pdf:
            try:
                content = write_pdf(render_html(data))
            except PdfUnavailable as error:
                raise CommandError(
                    f"De PDF kan niet worden gemaakt: de PDF-voorziening (WeasyPrint) is niet "
                    f"beschikbaar ({error}). De JSON-uitvoer werkt wel (zonder --pdf)."
                ) from error
            Path(pdf).write_bytes(content)
            record_export(person, "pdf", actor=OPERATOR)
            self.stderr.write(f"PDF geschreven naar {pdf}.")
        self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
        record_export(person, "json", actor=OPERATOR)
        if not person.is_active:
            self.stderr.write(
                "Let op: dit account is niet meer actief. De export toont van verzoeken alleen "
                "wat de eigen rol als indiener of toegewezen ambtenaar laat zien, niet wat een "
                "vroegere functie liet zien."
            )

# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket register-import SOORT BESTAND --gemeente SLUG [--als GEBRUIKER] [--dry-run]`.

Imports a register a griffie keeps in Excel (CSV or XLSX) as the griffie would on the upload
page (raadsloket.registers.imports): every bad row reported in Dutch, nothing stored until all
rows are good, then all in one transaction. Exit code 2 on bad input or bad rows.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from raadsloket.access.viewer import viewer_for
from raadsloket.lib.errors import DomainError
from raadsloket.organisation.cli import bad_input, municipality_by_slug
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role
from raadsloket.registers.imports import COLUMNS, KINDS, run_import


class Command(BaseCommand):
    help = "Importeer een register van moties, amendementen of toezeggingen uit CSV of XLSX."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS), help="soort: " + ", ".join(KINDS))
        parser.add_argument("file", help="CSV- (UTF-8) of XLSX-bestand met een kopregel")
        parser.add_argument("--gemeente", dest="slug", help="de gemeente (slug)")
        parser.add_argument(
            "--als", dest="username", help="namens welke griffiemedewerker (standaard: de griffier)"
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="alleen controleren, niets opslaan"
        )

    def handle(self, *args, kind, file, slug, username, dry_run, **options):
        municipality = municipality_by_slug(slug)
        people = Person.objects.filter(municipality=municipality, is_active=True)
        person = (
            people.filter(username=username).first()
            if username
            else people.filter(role_assignments__role=Role.CLERK).order_by("pk").first()
        )
        if person is None:
            raise bad_input("Geen griffiemedewerker gevonden; noem er een met --als.")
        path = Path(file)
        if not path.is_file():
            raise bad_input(f"Bestand '{file}' bestaat niet.")
        try:
            report = run_import(
                viewer_for(person),
                kind,
                path.name,
                path.read_bytes(),
                dry_run=dry_run,
                actor=person,
            )
        except DomainError as error:
            raise bad_input(error.message) from None
        for error in report.errors:
            self.stdout.write(str(error))
        if report.errors:
            raise bad_input(
                f"{len(report.errors)} fout(en) in {report.rows} rijen; niets opgeslagen. "
                f"Kolommen: {', '.join(COLUMNS[kind])}."
            )
        if dry_run:
            self.stdout.write(f"Proefimport: {report.rows} rijen zijn goed; niets opgeslagen.")
        else:
            self.stdout.write(f"{report.stored} rijen opgeslagen ({kind}).")

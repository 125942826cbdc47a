# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket council-term-install BESTAND --date JJJJ-MM-DD --gemeente SLUG [--als GEBRUIKER]
[--dry-run]`.

Installs the new council from the CSV of the credentials decision as the griffier would on the
page (raadsloket.council_term.services): every bad row reported in Dutch and nothing changed;
a dry run prints the whole change; the real run applies it in one transaction. Requests of a
leaving member go to the fractievoorzitter of their fractie in the new council (or another
member of it who stays), else they are ended with a reason. Exit code 2 on bad input.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from raadsloket.access.viewer import viewer_for
from raadsloket.council_term.forms import parse_day
from raadsloket.council_term.imports import COLUMNS, FileRefused
from raadsloket.council_term.services import Plan, install
from raadsloket.lib.errors import DomainError
from raadsloket.organisation.cli import bad_input, municipality_by_slug
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role


def describe(plan: Plan) -> list[str]:
    lines = [f"Installatie op {plan.on:%d-%m-%Y}: {plan.rows} leden in het bestand."]
    lines += [f"  nieuw: {r.name} <{r.email}>, {r.fractie}, {r.role}" for r in plan.new]
    for stay in plan.changed_staying:
        lines.append(f"  blijft: {stay.person.display_name}: {'; '.join(stay.changes)}")
    for leaving in plan.leaving:
        lines.append(
            f"  vertrekt: {leaving.person.display_name} ({leaving.fractie or 'geen fractie'}), "
            f"toegang tot {plan.on:%d-%m-%Y}"
        )
        lines += [f"    verzoek {step.case.reference}: {step.label}" for step in leaving.cases]
    for change in plan.seats:
        what = "nieuw" if change.new else "houdt op" if change.ends else "zetels"
        lines.append(f"  fractie {change.fractie}: {what}, {change.before} → {change.after}")
    lines += [f"  {note}" for note in plan.budgets]
    return lines


class Command(BaseCommand):
    help = "Installeer de nieuwe raad uit het CSV-bestand van het geloofsbrievenonderzoek."

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV (UTF-8) met kolommen " + ", ".join(COLUMNS))
        parser.add_argument("--date", dest="day", help="installatiedatum, jjjj-mm-dd")
        parser.add_argument("--gemeente", dest="slug", help="de gemeente (slug)")
        parser.add_argument("--als", dest="username", help="namens welke griffier")
        parser.add_argument("--dry-run", action="store_true", help="alleen tonen, niets wijzigen")

    def _clerk(self, municipality, username):
        people = Person.objects.filter(
            municipality=municipality, is_active=True, role_assignments__role=Role.CLERK
        )
        person = (people.filter(username=username) if username else people.order_by("pk")).first()
        if person is None:
            raise bad_input("Geen griffier gevonden; noem hem of haar met --als.")
        return person

    def handle(self, *args, file, day, slug, username, dry_run, **options):
        municipality = municipality_by_slug(slug)
        on = parse_day(day or "")
        if on is None:
            raise bad_input("Geef de installatiedatum op met --date jjjj-mm-dd.")
        clerk = self._clerk(municipality, username)
        path = Path(file)
        if not path.is_file():
            raise bad_input(f"Bestand '{file}' bestaat niet.")
        try:
            plan = install(
                viewer_for(clerk), clerk, path.name, path.read_bytes(), on=on, dry_run=dry_run
            )
        except (DomainError, FileRefused) as error:
            raise bad_input(error.message) from None
        if plan.errors:
            for error in plan.errors:
                self.stdout.write(str(error))
            raise bad_input(f"{len(plan.errors)} fout(en); er is niets veranderd.")
        if plan.is_empty:
            self.stdout.write("Er verandert niets: deze raad is al geïnstalleerd.")
            return
        for line in describe(plan):
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Proefrun: er is niets veranderd.")
            return
        for person, token in plan.invitations:
            self.stdout.write(f"  uitnodiging {person.username}: /raadsperiode/uitnodiging/{token}")
        self.stdout.write("De nieuwe raad is geïnstalleerd.")

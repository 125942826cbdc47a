# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket anonymise USERNAME... [--dry-run]`: anonymise people who left (AVG art. 17).

All named people in one transaction: if one of them cannot be anonymised (unknown, still
active, already done), nobody is, and the command says why for each.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from raadsloket.organisation.models import Person
from raadsloket.privacy.anonymise import anonymise, refusal

OPERATOR = "opdrachtregel"


class Command(BaseCommand):
    help = (
        "Anonimiseer de persoonsgegevens van mensen die vertrokken zijn (einde raadsperiode, "
        "uit dienst). Verzoeken, tijdlijn, uren en evaluaties blijven bewaard."
    )

    def add_arguments(self, parser):
        parser.add_argument("usernames", nargs="+", metavar="USERNAME")
        parser.add_argument(
            "--dry-run", action="store_true", help="toon wat er zou gebeuren, wijzig niets"
        )

    def handle(self, *args, usernames, dry_run, **options):
        found = {p.username: p for p in Person.objects.filter(username__in=usernames)}
        problems = []
        for username in dict.fromkeys(usernames):
            person = found.get(username)
            problem = f"'{username}' bestaat niet." if person is None else refusal(person)
            if problem:
                problems.append(problem)
        if problems:
            for problem in problems:
                self.stderr.write(f"FOUT: {problem}")
            raise CommandError("Niets geanonimiseerd: los eerst de fouten hierboven op.")
        with transaction.atomic():
            results = [
                anonymise(found[username], dry_run=dry_run, actor=OPERATOR)
                for username in dict.fromkeys(usernames)
            ]
        prefix = "Zou anonimiseren" if dry_run else "Geanonimiseerd"
        for username, result in zip(dict.fromkeys(usernames), results, strict=True):
            counts = ", ".join(f"{label}: {n}" for label, n in result.counts.items())
            self.stdout.write(f"{prefix}: {username} → {result.pseudonym} ({counts})")
        if dry_run:
            self.stdout.write("Proefdraai: er is niets gewijzigd.")

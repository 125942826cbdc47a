# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand, CommandError

from raadsloket.lib.text import counted
from raadsloket.organisation.models import Person
from raadsloket.security.two_factor import privileged, reset_two_factor


class Command(BaseCommand):
    help = (
        "Herstel de tweestapsverificatie van een gebruiker (bijv. telefoon kwijt): de app-koppeling "
        "vervalt en bij de volgende keer inloggen stelt de gebruiker haar opnieuw in."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam")
        parser.add_argument(
            "--reden", default="", help="waarom (komt in het auditlogboek), bijv. 'telefoon kwijt'"
        )

    def handle(self, *args, username, reden, **options):
        person = Person.objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        count = reset_two_factor(
            person, actor="commandoregel (reset_two_factor)", reason=reden[:500]
        )
        self.stdout.write(
            f"Tweestapsverificatie van '{username}' hersteld ({counted(count, 'koppeling', 'koppelingen')} verwijderd). "
            "Bij de volgende keer inloggen stelt deze gebruiker haar opnieuw in."
        )
        if privileged(person):
            # A code made before the reset no longer works (security/enrolment.py).
            self.stdout.write(
                f"Maak een nieuwe inschrijfcode met: raadsloket enrolment_code {username}"
            )

# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand, CommandError

from raadsloket.lib.text import counted
from raadsloket.organisation.models import Person
from raadsloket.security.lockout import unlock


class Command(BaseCommand):
    help = "Hef de blokkade na te veel mislukte inlogpogingen op voor een gebruiker."

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam van de geblokkeerde persoon")

    def handle(self, *args, username, **options):
        person = Person.objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        count = unlock(person, actor="commandoregel (unlock)")
        if count:
            self.stdout.write(
                f"Blokkade van '{username}' opgeheven: {counted(count, 'registratie', 'registraties')} van mislukte "
                "inlogpogingen gewist. De opheffing staat in het auditlogboek."
            )
        else:
            self.stdout.write(f"'{username}' was niet geblokkeerd; er is niets gewijzigd.")

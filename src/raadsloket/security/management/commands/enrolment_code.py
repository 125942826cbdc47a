# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone
from django.utils.formats import date_format

from raadsloket.organisation.models import Person
from raadsloket.security.enrolment import issue_code


class Command(BaseCommand):
    help = (
        "Maak een eenmalige inschrijfcode voor tweestapsverificatie: de griffie, het college, de "
        "routering en de beheerder koppelen de eerste keer (en na een herstel) alleen met zo'n "
        "code een app. Een nieuwe code vervangt een ongebruikte oude."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="gebruikersnaam van wie de code krijgt")

    def handle(self, *args, username, **options):
        person = Person.objects.filter(username=username).first()
        if person is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet.")
        code, expires_at = issue_code(person, actor="commandoregel (enrolment_code)")
        until = date_format(timezone.localtime(expires_at), "j F Y H:i")
        self.stdout.write(
            f"Inschrijfcode voor '{username}': {code}\n"
            f"Geldig tot {until}, voor één keer. Geef de code persoonlijk of telefonisch door."
        )

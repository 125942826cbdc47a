# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand, CommandError

from raadsloket.api.tokens import issue
from raadsloket.organisation.models import Person


class Command(BaseCommand):
    help = "Maak een nieuwe API-sleutel voor een gebruiker en toon die eenmalig."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("--days", type=int, default=90, help="geldigheid in dagen (1-365)")
        parser.add_argument("--label", default="", help="omschrijving, bijv. de koppeling")

    def handle(self, *args, username, days, label, **options):
        if not 1 <= days <= 365:
            raise CommandError("--days moet tussen 1 en 365 liggen.")
        person = Person.objects.filter(username=username, is_active=True).first()
        if person is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet of is niet actief.")
        self.stdout.write(issue(person, days=days, label=label))

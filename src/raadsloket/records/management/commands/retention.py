# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from raadsloket.lib.text import counted
from raadsloket.organisation.models import Municipality, Person
from raadsloket.records import destruction
from raadsloket.records.destruction import RecordsError
from raadsloket.records.models import DestructionList
from raadsloket.records.retention import due_cases


class Command(BaseCommand):
    help = (
        "Bewaartermijnen (Archiefwet, selectielijst): toon de verzoeken waarvan de termijn is "
        "verstreken, stel een vernietigingslijst voor, laat de griffier die goedkeuren en voer "
        "hem uit. Toont nooit inhoud."
    )

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", dest="slug", help="alleen deze gemeente (slug)")
        actions = parser.add_mutually_exclusive_group()
        actions.add_argument(
            "--propose",
            action="store_true",
            help="maak per gemeente een vernietigingslijst van wat vervallen is",
        )
        actions.add_argument("--show", type=int, metavar="LIJST", help="toon een lijst")
        actions.add_argument(
            "--approve",
            type=int,
            metavar="LIJST",
            help="keur een lijst goed (met --as GEBRUIKERSNAAM van de griffier)",
        )
        actions.add_argument(
            "--destroy",
            type=int,
            metavar="LIJST",
            help="vernietig de verzoeken van een goedgekeurde lijst",
        )
        actions.add_argument(
            "--cancel", type=int, metavar="LIJST", help="trek een lijst in die niet is uitgevoerd"
        )
        parser.add_argument("--as", dest="username", help="de griffier die goedkeurt")

    def handle(
        self,
        *args,
        slug=None,
        propose=False,
        show=None,
        approve=None,
        destroy=None,
        cancel=None,
        username=None,
        **options,
    ):
        if username and approve is None:
            raise CommandError("--as hoort bij --approve.")
        try:
            if approve is not None:
                self._approve(approve, username)
            elif destroy is not None:
                done = destruction.destroy(destroy, timezone.localdate())
                self.stdout.write(
                    f"Vernietigingslijst {done.pk}: {counted(done.items.count(), 'verzoek', 'verzoeken')} vernietigd "
                    f"met bestanden en tijdlijn; per verzoek een regel in de auditketen. De lijst "
                    "blijft bewaard als verklaring van vernietiging."
                )
            elif cancel is not None:
                destruction.cancel(cancel)
                self.stdout.write(f"Vernietigingslijst {cancel} is ingetrokken.")
            elif show is not None:
                self._show(show)
            elif propose:
                self._propose(self._municipalities(slug))
            else:
                self._list(self._municipalities(slug))
        except RecordsError as error:
            raise CommandError(str(error)) from None

    def _municipalities(self, slug):
        municipalities = Municipality.objects.order_by("name")
        if slug:
            municipalities = municipalities.filter(slug=slug)
            if not municipalities.exists():
                raise CommandError(f"Gemeente '{slug}' bestaat niet.")
        return municipalities

    def _list(self, municipalities) -> None:
        today = timezone.localdate()
        for municipality in municipalities:
            due = due_cases(municipality, today)
            self.stdout.write(
                f"{municipality.name}: {counted(len(due), 'verzoek', 'verzoeken')} voorbij de bewaartermijn"
            )
            for retention in due:
                case = retention.case
                # Reference, instrument and dates only: no content (selectielijst overview).
                self.stdout.write(
                    f"  {case.reference}  {case.get_instrument_display():<22} afgesloten "
                    f"{retention.ended_on:%d-%m-%Y}  vernietigbaar vanaf "
                    f"{retention.retention_date:%d-%m-%Y} ({retention.years} jaar)"
                )

    def _propose(self, municipalities) -> None:
        today = timezone.localdate()
        for municipality in municipalities:
            made = destruction.propose(municipality, today)
            if made is None:
                self.stdout.write(f"{municipality.name}: niets voor te stellen.")
                continue
            self.stdout.write(
                f"{municipality.name}: vernietigingslijst {made.pk} met "
                f"{counted(made.items.count(), 'verzoek', 'verzoeken')}. De griffier keurt hem goed met: raadsloket retention --approve "
                f"{made.pk} --as GEBRUIKERSNAAM"
            )

    def _approve(self, list_id: int, username: str | None) -> None:
        if not username:
            raise CommandError("Geef met --as de gebruikersnaam van de griffier die goedkeurt.")
        person = Person.objects.filter(username=username, is_active=True).first()
        if person is None:
            raise CommandError(f"Gebruiker '{username}' bestaat niet of is niet actief.")
        approved = destruction.approve(list_id, person)
        self.stdout.write(
            f"Vernietigingslijst {approved.pk} is goedgekeurd door {person.display_name} "
            f"({person.username}). Uitvoeren met: raadsloket retention --destroy {approved.pk}"
        )

    def _show(self, list_id: int) -> None:
        shown = (
            DestructionList.objects.select_related("municipality", "approved_by")
            .filter(pk=list_id)
            .first()
        )
        if shown is None:
            raise CommandError(f"Vernietigingslijst {list_id} bestaat niet.")
        self.stdout.write(
            f"Vernietigingslijst {shown.pk} ({shown.municipality.name}): "
            f"{shown.get_status_display()}"
        )
        self.stdout.write(f"  voorgesteld {timezone.localtime(shown.proposed_at):%d-%m-%Y %H:%M}")
        if shown.approved_by:
            self.stdout.write(
                f"  goedgekeurd {timezone.localtime(shown.approved_at):%d-%m-%Y %H:%M} door "
                f"{shown.approved_by.display_name} ({shown.approved_by.username})"
            )
        if shown.destroyed_at:
            self.stdout.write(
                f"  vernietigd {timezone.localtime(shown.destroyed_at):%d-%m-%Y %H:%M}"
            )
        for item in shown.items.all():
            self.stdout.write(
                f"  {item.reference}  {item.get_instrument_display():<22} afgesloten "
                f"{item.closed_on:%d-%m-%Y}  vernietigbaar vanaf {item.retention_date:%d-%m-%Y}"
            )

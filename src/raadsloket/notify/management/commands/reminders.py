# SPDX-License-Identifier: EUPL-1.2
from datetime import date

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from raadsloket.audit_office.reminders import remind_cycle
from raadsloket.fractie_support.reminders import remind_statements
from raadsloket.lib.text import counted
from raadsloket.notify.digest import send_digests
from raadsloket.notify.reminders import remind
from raadsloket.registers.reminders import remind_registers


def _parse_day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"Ongeldige datum '{value}': gebruik JJJJ-MM-DD, bijvoorbeeld 2025-03-14."
        ) from None


class Command(BaseCommand):
    help = (
        "Eén ronde voor cron: herinneringen bij naderende en verlopen termijnen (verzoeken en "
        "verantwoordingen fractieondersteuning, moties en toezeggingen), en de dagelijkse samenvattingen per e-mail "
        "(dagelijks draaien, aan het eind van de dag)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--date", dest="day", help="de dag van deze ronde (JJJJ-MM-DD); standaard vandaag"
        )

    def handle(self, *args, day=None, **options):
        today = _parse_day(day) if day else timezone.localdate()
        reminders = remind(today)
        # Before the digests, so today's statement reminders are in today's summary.
        statements = remind_statements(today)
        registers = remind_registers(today)
        cycle = remind_cycle(today)
        digests = send_digests(today)
        self.stdout.write(
            f"Herinneringen {today:%d-%m-%Y}: {counted(reminders.near, 'verzoek', 'verzoeken')} met naderende "
            f"termijn, {reminders.overdue} met verlopen termijn; "
            f"{counted(reminders.notifications, 'melding', 'meldingen')} gemaakt."
        )
        self.stdout.write(
            f"Verantwoordingen fractieondersteuning: {counted(statements.near, 'herinnering', 'herinneringen')} voor de "
            f"termijn, {statements.overdue} na de termijn; "
            f"{counted(statements.notifications, 'melding', 'meldingen')} gemaakt."
        )
        self.stdout.write(
            f"Moties en toezeggingen: {counted(registers.near, 'herinnering', 'herinneringen')} "
            f"voor de uiterste datum, {registers.overdue} erna; "
            f"{counted(registers.notifications, 'melding', 'meldingen')} gemaakt."
        )
        self.stdout.write(
            f"Accountantscyclus: {counted(cycle.dates, 'datum', 'data')} binnenkort; "
            f"{counted(cycle.notifications, 'melding', 'meldingen')} gemaakt."
        )
        self.stdout.write(
            f"Dagelijkse samenvatting: {counted(digests.mails, 'e-mail', 'e-mails')} met "
            f"{counted(digests.notifications, 'melding', 'meldingen')} verstuurd."
        )

# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket council-term-due`: run daily (a timer, like the reminders). Ends the access of
members whose term ended on or before today and anonymises those past the retention period
(raadsloket.council_term.services.run_due). Running it twice a day changes nothing twice."""

from django.core.management.base import BaseCommand

from raadsloket.council_term.services import run_due


class Command(BaseCommand):
    help = "Sluit accounts van vertrokken raadsleden op de dag en anonimiseer na de bewaartermijn."

    def handle(self, *args, **options):
        report = run_due()
        self.stdout.write(
            f"{report.ended} account(s) gesloten, {report.anonymised} geanonimiseerd."
        )
        for message in report.refused:
            self.stdout.write(f"  niet geanonimiseerd: {message}")

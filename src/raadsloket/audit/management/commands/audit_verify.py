# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand, CommandError

from raadsloket.audit.chain import verify
from raadsloket.audit.models import AuditEvent
from raadsloket.lib.text import counted


class Command(BaseCommand):
    help = "Controleer de auditketen: meldt elke gewijzigde, ingevoegde of verwijderde regel."

    def handle(self, *args, **options):
        findings = verify()
        if findings:
            for finding in findings:
                self.stderr.write(f"FOUT: {finding.message}")
            raise CommandError(
                f"Auditketen is NIET intact: {counted(len(findings), 'bevinding', 'bevindingen')}."
            )
        count = AuditEvent.objects.count()
        self.stdout.write(f"Auditketen intact: {count} regels gecontroleerd.")

# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand

from raadsloket.cases.services import resume_due_deferrals
from raadsloket.lib.text import counted


class Command(BaseCommand):
    help = "Hervat aangehouden verzoeken waarvan de datum is bereikt (dagelijks draaien)."

    def handle(self, *args, **options):
        resumed = resume_due_deferrals()
        self.stdout.write(
            f"{counted(len(resumed), 'aangehouden verzoek', 'aangehouden verzoeken')} hervat."
        )

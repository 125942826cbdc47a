# SPDX-License-Identifier: EUPL-1.2
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from raadsloket.cases.deadlines import NEAR, OVERDUE, running_deadline
from raadsloket.cases.models import Case
from raadsloket.cases.states import OPEN_STATES
from raadsloket.lib.text import counted
from raadsloket.organisation.models import Municipality


class Command(BaseCommand):
    help = "Toon per gemeente de verzoeken waarvan de termijn nadert of verlopen is (geen inhoud)."

    def add_arguments(self, parser):
        parser.add_argument("--gemeente", dest="slug", help="alleen deze gemeente (slug)")

    def handle(self, *args, slug=None, **options):
        municipalities = Municipality.objects.order_by("name")
        if slug:
            municipalities = municipalities.filter(slug=slug)
            if not municipalities.exists():
                raise CommandError(f"Gemeente '{slug}' bestaat niet.")
        today = timezone.localdate()
        for municipality in municipalities:
            profile = municipality.policy
            cases = Case.objects.filter(municipality=municipality, state__in=OPEN_STATES)
            flagged = []
            for case in cases.order_by("pk"):
                deadline = running_deadline(case, profile, today)
                if deadline and deadline.status in (NEAR, OVERDUE):
                    flagged.append((case, deadline))
            self.stdout.write(
                f"{municipality.name}: {counted(len(flagged), 'verzoek', 'verzoeken')} met aandacht"
            )
            for case, deadline in flagged:
                # Reference and state only: this list may be read outside the bubble.
                self.stdout.write(
                    f"  {case.reference}  {case.get_state_display():<28} {deadline.name}: "
                    f"{deadline.due:%d-%m-%Y} ({deadline.status_label}; {deadline.rule})"
                )

# SPDX-License-Identifier: EUPL-1.2
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.test.utils import override_settings
from django.utils import timezone

from raadsloket.demo.audit_office import load_audit_office
from raadsloket.demo.budgets import load_budgets
from raadsloket.demo.cases import load_cases
from raadsloket.demo.council_term import demo_line as council_term_demo_line
from raadsloket.demo.directory import load_directory
from raadsloket.demo.enrolment import DEMO_CODE, hand_out_codes
from raadsloket.demo.follow import load_follows
from raadsloket.demo.history import load_coalition, load_history
from raadsloket.demo.links import load_links
from raadsloket.demo.people import build_municipality
from raadsloket.demo.registers import load_registers
from raadsloket.demo.safety import load_safety
from raadsloket.demo.toolkit import load_toolkit
from raadsloket.organisation.models import Municipality

# The last field is a CBS gemeentecode for the DiWoo metadata (raadsloket.publication): the
# demo towns are invented, so are their codes (no real gemeente has a code from 9900).
MAIN = ("Gemeente Voorbeeld", "voorbeeld", "vng-model", "", 60_000, "9991")
SECOND = ("Gemeente Domstede", "domstede", "utrecht", "u-", 120_000, "9992")


class Command(BaseCommand):
    help = "Laad (eenmalig) de demogemeenten met gebruikers en verzoeken in elke status."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="ook laden als DEBUG uit staat (nooit in productie)",
        )

    def handle(self, *args, force, **options):
        if not (settings.DEBUG or force):
            raise CommandError("Demogegevens laden kan alleen met DEBUG=true of --force.")
        if Municipality.objects.filter(slug=MAIN[1]).exists():
            self.stdout.write("Demogegevens zijn al geladen.")
        else:
            # Demo history leaves its notifications in raadsloket but sends no mail and queues no
            # tasks: the demo people's inboxes are invented.
            quiet = override_settings(
                EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend",
                TASKS={"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}},
            )
            with quiet, transaction.atomic():
                for name, slug, preset, prefix, inhabitants, code in (MAIN, SECOND):
                    world = build_municipality(
                        name, slug, preset=preset, prefix=prefix, inhabitants=inhabitants
                    )
                    world.municipality.cbs_code = code
                    world.municipality.save(update_fields=["cbs_code"])
                    count = load_cases(world, small=bool(prefix))
                    self.stdout.write(f"{name} ({preset}): {count} verzoeken geladen.")
                    self.stdout.write(f"  {load_budgets(world, small=bool(prefix)).line()}")
                    self.stdout.write(f"  {self.history(world, main=not prefix)}")
                    if not prefix:
                        # A year of registers for the main municipality (the second keeps none).
                        self.stdout.write(f"  {load_registers(world).line()}")
                        self.stdout.write(f"  {council_term_demo_line()}")
                        self.stdout.write(f"  {load_directory(world)}")
                        chain = load_links(world)
                        self.stdout.write(f"  {chain.line()}")
                        self.stdout.write(f"  {load_follows(world, chain)}")
                        self.stdout.write(f"  {load_toolkit(world)}")
                        self.stdout.write(f"  {load_safety(world)}")
                        self.stdout.write(f"  {load_audit_office(world)}")
        hand_out_codes((MAIN[1], SECOND[1]))
        self.print_logins()

    def history(self, world, *, main: bool) -> str:
        # Two years of requests make the demo's year report; they take most of the loading
        # time, so only the main municipality gets them (the second keeps its coalition).
        year = timezone.localdate().year
        if not main:
            load_coalition(world)
            return "Coalitie vastgelegd (de geschiedenis voor het jaarverslag: Gemeente Voorbeeld)."
        count = load_history(world)
        return (
            f"Geschiedenis voor het jaarverslag: {count} verzoeken in {year - 1} en {year}, "
            "met de coalitie."
        )

    def print_logins(self):
        self.stdout.write(
            "\nInloggen op http://127.0.0.1:8000/ — wachtwoord voor iedereen: demo\n"
            "  Gemeente Voorbeeld (profiel vng-model):\n"
            "    griffier, raadsadviseur        griffie\n"
            "    secretaris                     gemeentesecretaris (wijst ambtenaren toe)\n"
            "    kabinetschef, burgemeester, wethouder1..4, beheerder\n"
            "    collegecontact                 inbox van het college voor schriftelijke vragen\n"
            "    raadslid1..29                  raadsleden (raadslid1: lopend traject)\n"
            "    raadslid2, 8, 13, 18, 22, 25, 27, 29\n"
            "                                   penningmeesters (fractieondersteuning)\n"
            "    raadslid5, raadslid6           Groep Van Dam, afgesplitst van Lokaal Belang\n"
            "                                   (raadslid6 is penningmeester)\n"
            "    ambtenaar1..30, manager1..6    ambtenaren en leidinggevenden\n"
            "  Gemeente Domstede (profiel utrecht): dezelfde namen met u- ervoor,\n"
            "    bijvoorbeeld u-griffier, u-raadslid1, u-ambtenaar1.\n"
            "  Met tweestapsverificatie aan (make run TWEESTAPS=aan) vragen de griffie,\n"
            "  secretaris, kabinetschef, college en beheerder bij het instellen om een\n"
            f"  inschrijfcode; in de demo is die voor iedereen: {DEMO_CODE}\n"
        )

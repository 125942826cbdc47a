# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket generate`: a national data set for benchmarks (docs/scaling.md)."""

import argparse

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from raadsloket.audit.maintenance import flush_everything
from raadsloket.demo.generate import SLUG_PREFIX, generate
from raadsloket.organisation.cli import bad_input
from raadsloket.organisation.models import Municipality


def _count(low: int, high: int):
    def parse(text: str) -> int:
        try:
            value = int(text.replace("_", "").replace(".", ""))
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is geen geheel getal") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} ligt niet tussen {low} en {high}")
        return value

    return parse


class Command(BaseCommand):
    help = (
        "Schrijf een landelijke testdataset: gemeenten naar inwonersklasse met hun raad, "
        "griffie, college en ambtenaren, en jaren aan verzoeken in elk instrument en elke "
        "status. Alleen voor meten: nooit in een database met echte gegevens."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipalities",
            "--gemeenten",
            type=_count(1, 342),
            default=342,
            help="aantal gemeenten (1–342, standaard 342)",
        )
        parser.add_argument(
            "--cases",
            "--verzoeken",
            type=_count(0, 5_000_000),
            default=10_000,
            help="aantal verzoeken in totaal (standaard 10000)",
        )
        parser.add_argument(
            "--years",
            "--jaren",
            type=_count(1, 30),
            default=10,
            help="over hoeveel jaar tot vandaag (standaard 10)",
        )
        parser.add_argument(
            "--seed",
            type=_count(0, 2**31),
            default=1,
            help="startwaarde van het toeval: dezelfde waarde geeft dezelfde set",
        )
        parser.add_argument(
            "--password",
            default=None,
            help="wachtwoord voor alle gebruikers (standaard: niet inlogbaar)",
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="een eerder gegenereerde set eerst helemaal wissen",
        )

    def handle(self, *args, municipalities, cases, years, seed, password, replace, **options):
        self._check_database(replace)
        self.stdout.write(
            f"Genereren: {municipalities} gemeenten, {cases} verzoeken over "
            f"{years} jaar ({connection.vendor})."
        )
        totals = generate(
            municipalities, cases, years, seed=seed, password=password, log=self.stdout.write
        )
        rows = sum(totals.rows.values())
        self.stdout.write(
            f"Klaar in {totals.seconds:.1f} s: {totals.municipalities} gemeenten, "
            f"{totals.people} personen, {totals.cases} verzoeken, {rows} rijen "
            f"({rows / max(totals.seconds, 0.001):,.0f} rijen/s)."
        )
        for label, count in sorted(totals.rows.items()):
            self.stdout.write(f"  {label}: {count}")
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")

    def _check_database(self, replace: bool) -> None:
        real = Municipality.objects.exclude(slug__startswith=SLUG_PREFIX)
        if real.exists():
            names = ", ".join(real.order_by("slug").values_list("slug", flat=True)[:5])
            raise bad_input(
                f"Deze database bevat gemeenten die niet gegenereerd zijn ({names}). Genereer "
                "alleen in een lege database voor metingen; er is niets veranderd."
            )
        if Municipality.objects.exists():
            if not replace:
                raise bad_input(
                    "Er staat al een gegenereerde set in deze database. Gebruik "
                    "--replace om die eerst te wissen; er is niets veranderd."
                )
            try:
                # Past the append-only trigger, the one documented way (audit/maintenance.py).
                flush_everything()
            except CommandError as error:
                raise CommandError(f"Wissen van de vorige set mislukt: {error}") from error

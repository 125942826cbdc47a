# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from raadsloket.lib.text import counted
from raadsloket.records.backup import BackupError
from raadsloket.records.restore import restore_backup


class Command(BaseCommand):
    help = (
        "Zet een back-up terug: eerst gecontroleerd, dan in één transactie geladen, dan de "
        "bestanden, dan de controle van de auditketen."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", metavar="MAP", help="de map van de back-up")
        parser.add_argument(
            "--replace",
            action="store_true",
            help="vervang alle huidige gegevens (anders moet de database leeg zijn)",
        )

    def handle(self, *args, directory, replace=False, **options):
        try:
            restored = restore_backup(Path(directory), replace=replace)
        except BackupError as error:
            raise CommandError(str(error)) from None
        except Exception as error:  # noqa: BLE001 - a beheerder gets a message, not a traceback
            raise CommandError(f"Herstel mislukt: {type(error).__name__}: {error}") from None
        manifest = restored.manifest
        self.stdout.write(
            f"Back-up van {manifest['created_at']} (raadsloket {manifest['app_version']}, "
            f"{manifest['database']['vendor']}) is gecontroleerd en teruggezet."
        )
        self.stdout.write(f"  database: {restored.rows} rijen geladen in één transactie")
        self.stdout.write(f"  bestanden: {restored.files} teruggezet")
        if restored.old_files_kept_at:
            self.stdout.write(
                f"  de bestanden van vóór het herstel staan in {restored.old_files_kept_at}"
            )
        if restored.chain_findings:
            for finding in restored.chain_findings:
                self.stderr.write(f"FOUT: {finding}")
            raise CommandError(
                f"Hersteld, maar de auditketen is NIET intact: "
                f"{counted(len(restored.chain_findings), 'bevinding', 'bevindingen')}."
            )
        self.stdout.write(
            f"Auditketen intact: {restored.chain_events} regels gecontroleerd; het herstel is "
            "als nieuwe regel vastgelegd."
        )

# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from raadsloket.lib.text import counted
from raadsloket.records.backup import BackupError, make_backup, manifest_digest, verify_backup


def _megabytes(manifest: dict) -> str:
    return f"{sum(entry['size'] for entry in manifest['files']) / 1_000_000:.1f} MB"


class Command(BaseCommand):
    help = (
        "Maak een controleerbare back-up (database, bestanden en een manifest met SHA-256), "
        "of controleer er een met --verify."
    )

    def add_arguments(self, parser):
        parser.add_argument("--to", dest="target", help="nieuwe of lege map voor de back-up")
        parser.add_argument(
            "--verify",
            dest="verify",
            metavar="MAP",
            help="controleer een bestaande back-up; verandert niets",
        )

    def handle(self, *args, target=None, verify=None, **options):
        if verify and target:
            raise CommandError("Gebruik --to of --verify, niet beide.")
        try:
            if verify:
                self._verify(Path(verify))
            else:
                self._backup(Path(target) if target else self._default_target())
        except BackupError as error:
            raise CommandError(str(error)) from None
        except CommandError:
            raise
        except Exception as error:  # noqa: BLE001 - a beheerder gets a message, not a traceback
            raise CommandError(f"Back-up mislukt: {type(error).__name__}: {error}") from None

    def _default_target(self) -> Path:
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
        return Path(settings.VAR_DIR) / "backups" / f"raadsloket-{stamp}"

    def _backup(self, target: Path) -> None:
        manifest = make_backup(target)
        rows = sum(manifest["counts"].values())
        uploads = sum(1 for entry in manifest["files"] if entry["path"].startswith("files/"))
        self.stdout.write(f"Back-up geschreven naar {target}")
        self.stdout.write(
            f"  database: {rows} rijen uit {len(manifest['counts'])} tabellen "
            f"({manifest['database']['vendor']}, één transactie)"
        )
        self.stdout.write(f"  bestanden: {uploads} geüpload; de back-up is {_megabytes(manifest)}")
        self.stdout.write(f"  auditketen: {manifest['audit']['events']} regels")
        self.stdout.write(f"  manifest SHA-256: {manifest_digest(target)}")
        self.stdout.write(
            f"Gecontroleerd: alle {len(manifest['files'])} bestanden opnieuw gelezen, de "
            "checksums kloppen."
        )

    def _verify(self, directory: Path) -> None:
        result = verify_backup(directory)
        if not result.ok:
            for finding in result.findings:
                self.stderr.write(f"FOUT: {finding}")
            raise CommandError(
                f"Back-up {directory} is NIET in orde: {counted(len(result.findings), 'bevinding', 'bevindingen')}."
            )
        manifest = result.manifest
        self.stdout.write(
            f"Back-up {directory} is in orde: {len(manifest['files'])} bestanden "
            f"({_megabytes(manifest)}), SHA-256 en aantallen kloppen."
        )
        self.stdout.write(
            f"  gemaakt {manifest['created_at']} met raadsloket {manifest['app_version']} "
            f"op {manifest['database']['vendor']}; manifest SHA-256: {manifest_digest(directory)}"
        )

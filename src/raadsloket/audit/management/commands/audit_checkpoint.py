# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from raadsloket.audit.checkpoints import CheckpointError, load_key, write_checkpoint
from raadsloket.lib.text import counted


class Command(BaseCommand):
    help = (
        "Onderteken het eindpunt van elke auditketen en schrijf het checkpoint in een map "
        "(dagelijks via raadsloket-audit-checkpoint.timer, en op verzoek)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dir",
            type=Path,
            default=None,
            help="map voor de checkpoints (standaard AUDIT_CHECKPOINT_DIR)",
        )

    def handle(self, *args, **options):
        directory = options["dir"] or Path(settings.AUDIT_CHECKPOINT_DIR)
        try:
            key = load_key(Path(settings.AUDIT_SIGNING_KEY))
            written, chains = write_checkpoint(directory, key)
        except CheckpointError as error:
            raise CommandError(str(error)) from None
        except OSError as error:
            raise CommandError(
                f"Checkpoint niet geschreven in {directory}: {error.strerror or error}."
            ) from None
        self.stdout.write(
            f"Checkpoint geschreven: {written} ({counted(chains, 'keten', 'ketens')})."
        )

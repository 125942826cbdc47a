# SPDX-License-Identifier: EUPL-1.2
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from raadsloket.audit.checkpoints import CheckpointError, prove


class Command(BaseCommand):
    help = (
        "Druk het bewijs af dat één auditregel in een ondertekend checkpoint staat (Merkle-pad, "
        "zoals Certificate Transparency); controleer het met `audit-verify --proof FILE`."
    )

    def add_arguments(self, parser):
        parser.add_argument("event_id", type=int, help="id van de auditregel")
        parser.add_argument(
            "--dir", type=Path, default=None, help="map met checkpoints (AUDIT_CHECKPOINT_DIR)"
        )

    def handle(self, *args, **options):
        directory = options["dir"] or Path(settings.AUDIT_CHECKPOINT_DIR)
        try:
            proof = prove(options["event_id"], directory)
        except CheckpointError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(json.dumps(proof, indent=1))

# SPDX-License-Identifier: EUPL-1.2
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from raadsloket.audit.checkpoints import CheckpointError, fingerprint, generate_key


class Command(BaseCommand):
    help = (
        "Maak de Ed25519-sleutel waarmee `audit-checkpoint` de auditketens ondertekent "
        "(AUDIT_SIGNING_KEY); een bestaande sleutel blijft staan."
    )

    def handle(self, *args, **options):
        path = Path(settings.AUDIT_SIGNING_KEY)
        try:
            key = generate_key(path)
        except CheckpointError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            f"Sleutel gemaakt: {path} (alleen leesbaar voor de eigenaar). Vingerafdruk van de "
            f"publieke sleutel: {fingerprint(key.public_key())}. Geef die vingerafdruk aan de "
            "griffier; bewaar de sleutel niet op de databaseserver."
        )

# SPDX-License-Identifier: EUPL-1.2
import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from raadsloket.audit import chain
from raadsloket.audit.checkpoints import CheckpointError, check_proof, verify_checkpoints
from raadsloket.audit.models import AuditEvent
from raadsloket.lib.text import counted
from raadsloket.organisation.models import Municipality


class Command(BaseCommand):
    help = (
        "Controleer de auditketens (per gemeente en de landelijke): meldt elke gewijzigde, "
        "ingevoegde of verwijderde regel, en met --checkpoints ook een keten die na een "
        "ondertekend checkpoint is herberekend."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--municipality", metavar="CODE", help="alleen de keten van deze gemeente (slug)"
        )
        parser.add_argument(
            "--checkpoints", metavar="DIR", type=Path, help="map met ondertekende checkpoints"
        )
        parser.add_argument(
            "--proof",
            metavar="FILE",
            type=Path,
            help="controleer een bewijs van `audit-prove` (met de map van --checkpoints, "
            "standaard AUDIT_CHECKPOINT_DIR)",
        )
        parser.add_argument(
            "--public-key",
            metavar="FILE",
            type=Path,
            help="publieke sleutel van elders (standaard public-key.pem in de map)",
        )

    def handle(self, *args, **options):
        if options["proof"]:
            return self._check_proof(options)
        only = None
        if options["municipality"]:
            municipality = Municipality.objects.filter(slug=options["municipality"]).first()
            if municipality is None:
                raise CommandError(f"Onbekende gemeente: {options['municipality']}.")
            only = municipality.pk
        findings = chain.verify(only)
        lines = [f"{f.message} ({chain.label(f.chain)})" for f in findings]
        first_breaks: dict[int, int | None] = {}
        for finding in findings:
            first_breaks.setdefault(finding.chain, finding.seq)
        checked_files = 0
        if options["checkpoints"]:
            try:
                checked_files, problems = verify_checkpoints(
                    options["checkpoints"], options["public_key"]
                )
            except CheckpointError as error:
                raise CommandError(str(error)) from None
            lines += [p.message for p in problems if only is None or p.chain in (None, only)]
        if lines:
            for line in lines:
                self.stderr.write(f"FOUT: {line}")
            for broken, seq in sorted(first_breaks.items()):
                where = f"regel {seq}" if seq is not None else "het eindpunt"
                self.stderr.write(f"Eerste breuk in de {chain.label(broken)}: {where}.")
            raise CommandError(
                f"Auditketen is NIET intact: {counted(len(lines), 'bevinding', 'bevindingen')}."
            )
        events = AuditEvent.objects.all() if only is None else AuditEvent.objects.filter(chain=only)
        chains = [only] if only is not None else chain.chains()
        scope = chain.label(only) if only is not None else counted(len(chains), "keten", "ketens")
        message = f"Auditketen intact: {events.count()} regels gecontroleerd ({scope})"
        if options["checkpoints"]:
            message += f"; {counted(checked_files, 'ondertekend checkpoint', 'ondertekende checkpoints')} gecontroleerd"
        self.stdout.write(message + ".")

    def _check_proof(self, options) -> None:
        directory = options["checkpoints"] or Path(settings.AUDIT_CHECKPOINT_DIR)
        try:
            proof = json.loads(options["proof"].read_text(encoding="utf-8"))
            problems = check_proof(proof, directory, options["public_key"])
        except (OSError, ValueError) as error:
            raise CommandError(f"Het bewijs is niet te lezen: {error}.") from None
        except CheckpointError as error:
            raise CommandError(str(error)) from None
        if problems:
            for problem in problems:
                self.stderr.write(f"FOUT: {problem}")
            raise CommandError("Bewijs NIET geldig.")
        self.stdout.write(
            f"Bewijs geldig: regel {proof['seq']} van de {chain.label(proof['chain'])} staat in "
            f"het ondertekende checkpoint {proof['checkpoint']}."
        )

# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket policy check FILE` and `raadsloket policy show NAME`.

For the griffier who edits the municipality's profile: check says in Dutch what is wrong, show
prints a preset (or a file with `extends` resolved) as the full TOML the application uses.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import PRESETS, load_file, load_preset, profile_to_toml
from raadsloket.policy.schema import PolicyProfile


class Command(BaseCommand):
    help = "Controleer of toon een profiel (verordening ambtelijke bijstand als gegevens)."
    # Reads files only: a griffier can check a profile even while the rest is misconfigured.
    requires_system_checks = []

    def add_arguments(self, parser: CommandParser) -> None:
        subcommands = parser.add_subparsers(dest="subcommand", required=True, metavar="check|show")
        check = subcommands.add_parser("check", help="Controleer een profielbestand (TOML).")
        check.add_argument("file", help="pad naar het TOML-bestand")
        show = subcommands.add_parser("show", help="Toon een profiel volledig als TOML.")
        show.add_argument("name", help=f"een van: {', '.join(PRESETS)}; of een TOML-bestand")

    def handle(self, *args, subcommand: str, **options) -> None:
        if subcommand == "check":
            self.check_file(options["file"])
        else:
            self.show(options["name"])

    def check_file(self, path: str) -> None:
        try:
            profile = load_file(path)
        except PolicyError as error:
            noun = "fout" if len(error.messages) == 1 else "fouten"
            header = f"Profiel niet in orde ({len(error.messages)} {noun}):"
            raise CommandError("\n".join([header, *error.messages])) from None
        self.stdout.write(f"Profiel in orde: {profile.label} ({profile.name})")

    def show(self, name: str) -> None:
        try:
            profile = self._resolve(name)
        except PolicyError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(profile_to_toml(profile), ending="")

    def _resolve(self, name: str) -> PolicyProfile:
        if name not in PRESETS and Path(name).is_file():
            return load_file(name)
        return load_preset(name)

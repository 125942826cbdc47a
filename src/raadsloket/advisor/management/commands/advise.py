# SPDX-License-Identifier: EUPL-1.2
"""`raadsloket advise`: the instrumentenwijzer on the command line.

    echo "Hoeveel ...?" | raadsloket advise        one question from stdin
    raadsloket advise --jsonl vragen.jsonl          {"text": ...} per line ("-" is stdin)
    raadsloket advise --evaluate                    cross-validated over municipalities, on
                                                    the real texts: top-1, top-2 per municipality,
                                                    confusion, calibration (ECE)
    raadsloket advise --evaluate --compare          the same for rules, TF-IDF, cues, combined
    raadsloket advise --evaluate SET                accuracy, precision/recall, confusion on SET
    raadsloket advise --bench [SET]                 milliseconds per question

Each advice is one JSON object on one line. Input it cannot use is a Dutch sentence on stderr and
exit code 2, never a traceback: a griffier feeds it files, not a programmer.
"""

import json
import sys
from typing import IO

from django.core.management.base import BaseCommand, CommandError, CommandParser

from raadsloket.advisor import evaluation
from raadsloket.advisor.advisor import DOUBT_MARGIN, advise, warm_up
from raadsloket.advisor.evaluation import InputError

USAGE_ERROR = 2
DEFAULT_SET = "__default__"


class Fout(CommandError):
    """Django prints a CommandError as "<class name>: <message>"; this name makes that Dutch."""


class Command(BaseCommand):
    help = "Instrumentenwijzer: welk instrument past bij een vraag? Eén vraag via stdin."
    # Works on files and text only: no database or settings check is needed.
    requires_system_checks = []
    # Tests pass their own stdin: call_command("advise", stdin=io.StringIO(...)).
    stealth_options = ("stdin",)

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--jsonl",
            metavar="BESTAND",
            help='een vraag per regel als {"text": "..."}; "-" leest van stdin',
        )
        parser.add_argument(
            "--evaluate",
            nargs="?",
            const=DEFAULT_SET,
            metavar="SET",
            help="meet de nauwkeurigheid op een gelabelde set (standaard de meegeleverde)",
        )
        parser.add_argument(
            "--bench",
            nargs="?",
            const=DEFAULT_SET,
            metavar="SET",
            help="meet de snelheid in milliseconden per vraag",
        )
        parser.add_argument(
            "--split",
            choices=evaluation.SPLITS,
            help="bij --evaluate: alleen de regels van deze split",
        )
        parser.add_argument(
            "--compare",
            action="store_true",
            help="bij --evaluate: vergelijk cue-regels, TF-IDF, cues en het gecombineerde model",
        )
        parser.add_argument(
            "--errors",
            action="store_true",
            help="bij --evaluate: toon ook de verkeerd geadviseerde vragen",
        )

    def handle(self, *args, **options) -> None:
        modes = [name for name in ("jsonl", "evaluate", "bench") if options[name] is not None]
        if len(modes) > 1:
            raise Fout(
                f"Kies één van --jsonl, --evaluate en --bench, niet {' en '.join('--' + m for m in modes)}.",
                returncode=USAGE_ERROR,
            )
        stdin: IO[str] = options.get("stdin") or sys.stdin
        try:
            if options["evaluate"] is not None:
                if options["evaluate"] == DEFAULT_SET and not options["split"]:
                    self.cross_validate(options["compare"])
                else:
                    self.evaluate(options["evaluate"], options["split"], options["errors"])
            elif options["bench"] is not None:
                self.bench(options["bench"])
            elif options["jsonl"] is not None:
                self.advise_all(self.read_jsonl(options["jsonl"], stdin))
            else:
                self.advise_all([self.read_question(stdin)])
        except InputError as error:
            raise Fout(str(error), returncode=USAGE_ERROR) from None

    def read_question(self, stdin: IO[str]) -> str:
        if stdin.isatty():
            self.stderr.write("Typ uw vraag en sluit af met Ctrl-D:")
        text = _read_all(stdin)
        if not text.strip():
            raise InputError(
                "Geen vraag ontvangen: de invoer is leeg. Geef één vraag via stdin, of gebruik "
                "--jsonl BESTAND."
            )
        return text.strip()

    def read_jsonl(self, path: str, stdin: IO[str]) -> list[str]:
        if path == "-":
            lines = enumerate(_read_all(stdin).splitlines(), start=1)
        else:
            lines = evaluation.read_lines(path)
        return evaluation.read_questions(lines)

    def advise_all(self, texts: list[str]) -> None:
        warm_up()
        for text in texts:
            self.stdout.write(json.dumps(advise(text).as_json(), ensure_ascii=False))

    def evaluate(self, path: str, split: str | None, show_errors: bool) -> None:
        items = evaluation.read_items(self._set_path(path))
        if split:
            items = [item for item in items if item.split == split]
            if not items:
                raise InputError(f'De set bevat geen regels met split "{split}".')
        report = evaluation.evaluate(items)
        self.stdout.write(evaluation.format_report(report))
        if show_errors and report.errors():
            self.stdout.write("\nVerkeerd geadviseerd")
            self.stdout.write(evaluation.format_errors(report))

    def cross_validate(self, compare: bool) -> None:
        result = evaluation.cross_validate()
        self.stdout.write(evaluation.format_cross_validation(result, DOUBT_MARGIN))
        if compare:
            results = [
                (variant, evaluation.cross_validate(variant))
                for variant in evaluation.VARIANTS[:-1]
            ]
            results.append((evaluation.VARIANTS[-1], result))
            self.stdout.write("\n" + evaluation.format_comparison(results))

    def bench(self, path: str) -> None:
        texts = [item.text for item in evaluation.read_items(self._set_path(path))]
        rounds = 5
        mean, p95 = evaluation.bench(texts, rounds=rounds)
        self.stdout.write(
            f"Snelheid over {len(texts)} vragen x {rounds} rondes: gemiddeld {mean:.3f} ms, "
            f"p95 {p95:.3f} ms per vraag."
        )

    def _set_path(self, path: str) -> str:
        if path != DEFAULT_SET:
            return path
        default = evaluation.default_path()
        if not default.exists():
            raise InputError(f"De meegeleverde evaluatieset ontbreekt ({default}).")
        return str(default)


def _read_all(stdin: IO[str]) -> str:
    """All of stdin as text, decoded strictly: a locale may otherwise let bad bytes through."""
    raw = getattr(stdin, "buffer", None)
    try:
        if raw is not None:
            return raw.read().decode("utf-8-sig")
        return stdin.read()
    except UnicodeDecodeError:
        raise InputError("De invoer is geen UTF-8-tekst.") from None

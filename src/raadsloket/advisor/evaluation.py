# SPDX-License-Identifier: EUPL-1.2
"""Measure the instrumentenwijzer on a labelled set: accuracy, precision/recall, confusion, speed.

The set is JSON Lines, one item a line: {"text", "label", "split", "provenance", "source"} and
optionally "warn" (a warning code or a list of codes the advice must give). "split" is "dev" or
"test": the advisor's cues and examples are tuned on dev only, so test shows what it does on texts
it was not shaped for.
"""

import json
import math
import statistics
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from raadsloket.advisor.advisor import WARNINGS, Advice, advise, warm_up
from raadsloket.advisor.catalogue import INSTRUMENT_IDS

SPLITS: tuple[str, ...] = ("dev", "test")

# Short column heads for the confusion matrix; the legend under the table spells them out.
ABBREVIATIONS: dict[str, str] = {
    "technical_question": "tv",
    "written_question": "sv",
    "assistance": "ab",
    "fractie_support": "fo",
    "motion": "mo",
    "amendment": "am",
    "initiative_proposal": "iv",
    "interpellation": "ip",
    "council_inquiry": "ro",
    "audit_office": "rk",
    "budget_right": "br",
}


def default_path() -> Path:
    return Path(str(resources.files("raadsloket.advisor") / "data" / "evaluation.jsonl"))


class InputError(ValueError):
    """Input the advisor cannot use; the message is one Dutch sentence for the member."""


@dataclass(frozen=True)
class Item:
    line: int
    text: str
    label: str
    split: str
    warn: tuple[str, ...] | None = None
    provenance: str = ""
    source: str = ""


def read_lines(path: str | Path) -> Iterator[tuple[int, str]]:
    """Numbered lines of a UTF-8 text file; unreadable files become a Dutch `InputError`."""
    file = Path(path)
    if not file.exists():
        raise InputError(f"Het bestand '{path}' bestaat niet.")
    if file.is_dir():
        raise InputError(f"'{path}' is een map, geen bestand.")
    try:
        content = file.read_bytes()
    except PermissionError:
        raise InputError(
            f"Het bestand '{path}' kan niet worden gelezen: geen leesrechten."
        ) from None
    except OSError as error:
        raise InputError(
            f"Het bestand '{path}' kan niet worden gelezen ({error.strerror})."
        ) from None
    yield from numbered_lines(content, f"Het bestand '{path}'")


def numbered_lines(content: bytes, what: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(content.splitlines(), start=1):
        try:
            yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
        except UnicodeDecodeError:
            raise InputError(f"{what} is geen UTF-8-tekst (regel {number}).") from None


def parse_object(number: int, line: str) -> dict:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputError(
            f"Regel {number} is geen geldige JSON ({_json_reason(error)}, teken {error.colno})."
        ) from None
    except RecursionError:
        # json recurses per nested list or object; found by fuzzing, a Dutch error instead.
        raise InputError(f"Regel {number} is te diep genest om te lezen.") from None
    if not isinstance(data, dict):
        raise InputError(f'Regel {number} moet een JSON-object zijn, zoals {{"text": "..."}}.')
    return data


def text_of(number: int, data: dict) -> str:
    text = data.get("text")
    if not isinstance(text, str):
        raise InputError(f'Regel {number} heeft geen veld "text" met een tekst erin.')
    if not text.strip():
        raise InputError(f'Regel {number}: het veld "text" is leeg.')
    return text


def read_questions(lines: Iterable[tuple[int, str]]) -> list[str]:
    """The texts of a JSONL stream of {"text": ...}; blank lines are skipped."""
    texts = [text_of(number, parse_object(number, line)) for number, line in lines if line.strip()]
    if not texts:
        raise InputError("Geen vragen gevonden: de invoer bevat geen regels met een vraag.")
    return texts


def read_items(path: str | Path) -> list[Item]:
    items = []
    for number, line in read_lines(path):
        if not line.strip():
            continue
        data = parse_object(number, line)
        text = text_of(number, data)
        label = data.get("label")
        if label not in INSTRUMENT_IDS:
            raise InputError(
                f"Regel {number}: onbekend label {json.dumps(label, ensure_ascii=False)}; "
                f"kies uit: {', '.join(INSTRUMENT_IDS)}."
            )
        split = data.get("split")
        if split not in SPLITS:
            raise InputError(
                f'Regel {number}: split moet "dev" of "test" zijn, niet '
                f"{json.dumps(split, ensure_ascii=False)}."
            )
        items.append(
            Item(
                line=number,
                text=text,
                label=label,
                split=split,
                warn=_warn_codes(number, data),
                provenance=str(data.get("provenance", "")),
                source=str(data.get("source", "")),
            )
        )
    if not items:
        raise InputError(f"De evaluatieset '{path}' bevat geen vragen.")
    return items


def _warn_codes(number: int, data: dict) -> tuple[str, ...] | None:
    if "warn" not in data or data["warn"] is None:
        return None
    warn = data["warn"]
    codes = [warn] if isinstance(warn, str) else warn
    if not isinstance(codes, list) or not all(isinstance(code, str) for code in codes):
        raise InputError(f'Regel {number}: "warn" moet een code of een lijst met codes zijn.')
    unknown = [code for code in codes if code not in WARNINGS]
    if unknown:
        raise InputError(
            f"Regel {number}: onbekende waarschuwing {', '.join(unknown)}; "
            f"kies uit: {', '.join(WARNINGS)}."
        )
    return tuple(codes)


def _json_reason(error: json.JSONDecodeError) -> str:
    reasons = {
        "Expecting value": "waarde verwacht",
        "Expecting property name enclosed in double quotes": "veldnaam tussen dubbele aanhalingstekens verwacht",
        "Unterminated string starting at": "tekst niet afgesloten",
        "Extra data": "extra tekens na het JSON-object",
        "Expecting ',' delimiter": "komma verwacht",
        "Expecting ':' delimiter": "dubbele punt verwacht",
        "Invalid control character at": "ongeldig teken in tekst",
    }
    return reasons.get(error.msg, "ongeldige opbouw")


@dataclass
class Report:
    items: list[Item]
    predictions: list[Advice]
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)

    def __post_init__(self) -> None:
        for item, advice in zip(self.items, self.predictions, strict=True):
            self.confusion[(item.label, advice.instrument)] += 1

    def accuracy(self, split: str | None = None) -> tuple[int, int]:
        pairs = [
            (item, advice)
            for item, advice in zip(self.items, self.predictions, strict=True)
            if split is None or item.split == split
        ]
        return sum(item.label == advice.instrument for item, advice in pairs), len(pairs)

    def precision_recall(self, label: str) -> tuple[float | None, float | None, int]:
        true_positive = self.confusion[(label, label)]
        predicted = sum(n for (_, guess), n in self.confusion.items() if guess == label)
        support = sum(n for (gold, _), n in self.confusion.items() if gold == label)
        precision = true_positive / predicted if predicted else None
        recall = true_positive / support if support else None
        return precision, recall, support

    def errors(self) -> list[tuple[Item, Advice]]:
        return [
            (item, advice)
            for item, advice in zip(self.items, self.predictions, strict=True)
            if item.label != advice.instrument
        ]

    def unjudged_warnings(self) -> Counter[str]:
        """Warnings given on items without "warn": not wrong by definition, but worth a look."""
        return Counter(
            code
            for item, advice in zip(self.items, self.predictions, strict=True)
            if item.warn is None
            for code in advice.warning_codes
        )

    def warning_counts(self) -> dict[str, tuple[int, int, int]]:
        """Per warning code: (expected and given, expected, given) over items that carry "warn"."""
        counts: dict[str, tuple[int, int, int]] = {}
        judged = [
            (item, advice)
            for item, advice in zip(self.items, self.predictions, strict=True)
            if item.warn is not None
        ]
        if not judged:
            return counts
        for code in WARNINGS:
            expected = {id(i) for i, _ in judged if code in (i.warn or ())}
            given = {id(i) for i, a in judged if code in a.warning_codes}
            if expected or given:
                counts[code] = (len(expected & given), len(expected), len(given))
        return counts


def evaluate(items: list[Item]) -> Report:
    warm_up()
    return Report(items, [advise(item.text) for item in items])


def _fraction(correct: int, total: int) -> str:
    return f"{correct / total:.3f} ({correct}/{total})" if total else "-"


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def format_report(report: Report) -> str:
    lines = ["Nauwkeurigheid (accuracy)"]
    lines.append(f"  alles  {_fraction(*report.accuracy())}")
    lines.extend(f"  {split:<6} {_fraction(*report.accuracy(split))}" for split in SPLITS)
    lines.append("")
    lines.append("Per instrument")
    lines.append(f"  {'instrument':<20} {'precisie':>8} {'recall':>7} {'aantal':>7}")
    for label in INSTRUMENT_IDS:
        precision, recall, support = report.precision_recall(label)
        lines.append(f"  {label:<20} {_number(precision):>8} {_number(recall):>7} {support:>7}")
    lines.append("")
    lines.append("Verwarringsmatrix (rij: juist label, kolom: advies)")
    heads = [ABBREVIATIONS[label] for label in INSTRUMENT_IDS]
    lines.append("  " + " " * 4 + "".join(f"{head:>4}" for head in heads))
    for gold in INSTRUMENT_IDS:
        cells = "".join(f"{report.confusion[(gold, guess)] or '.':>4}" for guess in INSTRUMENT_IDS)
        lines.append(f"  {ABBREVIATIONS[gold]:<4}{cells}")
    lines.append("  " + ", ".join(f"{ABBREVIATIONS[label]} = {label}" for label in INSTRUMENT_IDS))
    warnings = report.warning_counts()
    if warnings:
        lines.append("")
        lines.append('Waarschuwingen (alleen regels met "warn")')
        for code, (hit, expected, given) in warnings.items():
            lines.append(f"  {code:<17} verwacht {expected}, gegeven {given}, terecht {hit}")
    unjudged = report.unjudged_warnings()
    if unjudged:
        given = ", ".join(f"{code} {count}x" for code, count in sorted(unjudged.items()))
        lines.append(f'  op regels zonder "warn" gegeven: {given}')
    return "\n".join(lines)


def format_errors(report: Report) -> str:
    lines = []
    for item, advice in report.errors():
        lines.append(
            f"regel {item.line} [{item.split}] juist: {item.label}, advies: {advice.instrument} "
            f"{dict(sorted(advice.scores.items(), key=lambda kv: -kv[1])[:3])}\n    {item.text}"
        )
    return "\n".join(lines)


def bench(texts: list[str], rounds: int = 5) -> tuple[float, float]:
    """Mean and 95th percentile in milliseconds per question, after a warm-up."""
    warm_up()
    for text in texts:
        advise(text)
    timings = []
    for _ in range(rounds):
        for text in texts:
            start = time.perf_counter()
            advise(text)
            timings.append((time.perf_counter() - start) * 1000)
    timings.sort()
    p95 = timings[min(len(timings) - 1, math.ceil(0.95 * len(timings)) - 1)]
    return statistics.fmean(timings), p95

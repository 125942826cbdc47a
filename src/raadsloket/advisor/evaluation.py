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
from dataclasses import dataclass, field, replace
from importlib import resources
from pathlib import Path

import numpy as np

from raadsloket.advisor import corpus, model
from raadsloket.advisor.advisor import WARNINGS, Advice, advise, evidence, warm_up
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


# --- Cross-validation over municipalities, on real texts only (data/README.md, "How we measure")

FOLDS = 5
# Equal-width bins of the first instrument's probability for the expected calibration error.
CALIBRATION_BINS = 10
# Temperatures tried when the softmax is calibrated on out-of-fold predictions.
_TEMPERATURES = tuple(round(0.3 + 0.05 * step, 2) for step in range(75))


@dataclass(frozen=True)
class Variant:
    """One way of advising that the cross-validation compares."""

    key: str
    label: str
    # Block weights of the model (model.BLOCK_WEIGHTS); None: the cue rules alone, no model.
    blocks: dict[str, float] | None
    # TF-IDF alone has no rule scores to lean on and needs a lighter penalty to fit at all.
    penalty: float = model.PENALTY


VARIANTS: tuple[Variant, ...] = (
    Variant("rules", "cue-regels (zonder model)", None),
    Variant(
        "tfidf",
        "TF-IDF woorden + letter-n-grammen, logistische regressie",
        {"w": 1.0, "c": 1.0, "e": 0.0},
        penalty=0.0005,
    ),
    Variant(
        "cues",
        "cues, vraagvormen en regelscores, logistische regressie",
        {"w": 0.0, "c": 0.0, "e": 1.0},
    ),
    Variant("combined", "alles in één model (het advies)", None),
)


@dataclass
class CrossValidation:
    """Out-of-fold advice for every real text: the model never saw its municipality."""

    texts: list[corpus.LabelledText]
    rankings: list[list[tuple[str, float]]]
    # Top-1 probability per text before calibration (temperature 1), for the ECE before.
    uncalibrated: list[float]
    temperature: float
    folds: int

    def top(self, n: int, group: str | None = None) -> tuple[int, int]:
        pairs = [
            (text, ranking)
            for text, ranking in zip(self.texts, self.rankings, strict=True)
            if group is None or text.group == group
        ]
        hits = sum(text.label in [i for i, _ in ranking[:n]] for text, ranking in pairs)
        return hits, len(pairs)

    def confusion(self) -> Counter[tuple[str, str]]:
        return Counter(
            (text.label, ranking[0][0])
            for text, ranking in zip(self.texts, self.rankings, strict=True)
        )

    def ece(self, calibrated: bool = True) -> float:
        confidences = (
            [ranking[0][1] for ranking in self.rankings] if calibrated else self.uncalibrated
        )
        correct = [
            text.label == ranking[0][0]
            for text, ranking in zip(self.texts, self.rankings, strict=True)
        ]
        return expected_calibration_error(confidences, correct)

    def by_margin(self, margin: float) -> dict[bool, tuple[int, int, int]]:
        """Close (below `margin`) and clear: (top-1 hits, top-2 hits, texts)."""
        counts = {True: [0, 0, 0], False: [0, 0, 0]}
        for text, ranking in zip(self.texts, self.rankings, strict=True):
            close = ranking[0][1] - ranking[1][1] < margin
            cell = counts[close]
            cell[0] += text.label == ranking[0][0]
            cell[1] += text.label in (ranking[0][0], ranking[1][0])
            cell[2] += 1
        return {key: (a, b, c) for key, (a, b, c) in counts.items()}


def expected_calibration_error(confidences: list[float], correct: list[bool]) -> float:
    """Sum over equal-width bins of |accuracy - mean confidence|, weighted by the bin's share."""
    total = len(confidences)
    if not total:
        return 0.0
    bins: dict[int, list[tuple[float, bool]]] = {}
    for confidence, hit in zip(confidences, correct, strict=True):
        index = min(CALIBRATION_BINS - 1, int(confidence * CALIBRATION_BINS))
        bins.setdefault(index, []).append((confidence, hit))
    error = 0.0
    for members in bins.values():
        accuracy = sum(hit for _, hit in members) / len(members)
        mean = sum(confidence for confidence, _ in members) / len(members)
        error += len(members) / total * abs(accuracy - mean)
    return error


def fit_temperature(logits: list, labels: list[int]) -> float:
    """The softmax temperature with the lowest log loss on these out-of-fold logits."""
    if not labels:
        return model.TEMPERATURE
    stacked = np.array(logits)
    rows = np.arange(len(labels))

    def loss(temperature: float) -> float:
        probabilities = model.softmax(stacked, temperature)
        return -float(np.log(probabilities[rows, labels] + 1e-12).mean())

    return min(_TEMPERATURES, key=loss)


def cross_validate(variant: Variant | None = None, folds: int = FOLDS) -> CrossValidation:
    """Stratified group k-fold over municipalities; each fold's temperature from the others."""
    variant = variant or VARIANTS[-1]
    texts = list(corpus.labelled_texts())
    real = list(corpus.real_texts())
    if not real:
        raise InputError("Er zijn geen echte, gelabelde teksten om op te meten.")
    if variant.blocks is None and variant.key == "rules":
        return _rules_only(real, folds)
    groups = corpus.group_folds(tuple(real), folds)
    fold_of = {group: index for index, members in enumerate(groups) for group in members}
    trained: list[model.Model] = []
    for index in range(folds):
        examples = [
            model.Example(text.text, text.label, corpus.REAL_WEIGHT if text.real else 1.0)
            for text in texts
            if not (text.real and fold_of.get(text.group) == index)
        ]
        trained.append(
            model.train(examples, evidence, blocks=variant.blocks, penalty=variant.penalty)
        )
    logits = [trained[fold_of[text.group]].logits(evidence(text.text)) for text in real]
    labels = [INSTRUMENT_IDS.index(text.label) for text in real]
    rankings, uncalibrated = [], []
    for text, row in zip(real, logits, strict=True):
        index = fold_of[text.group]
        others = [i for i, t in enumerate(real) if fold_of[t.group] != index]
        temperature = fit_temperature([logits[i] for i in others], [labels[i] for i in others])
        fold_model = replace(trained[index], temperature=temperature)
        advice = advise(text.text, using=fold_model)
        rankings.append(list(advice.ranking))
        uncalibrated.append(float(model.softmax(row).max()))
    return CrossValidation(real, rankings, uncalibrated, fit_temperature(logits, labels), folds)


def _rules_only(real: list[corpus.LabelledText], folds: int) -> CrossValidation:
    """The cue rules rank by their own score; nothing is learnt, so no fold sees anything."""
    rankings = []
    for text in real:
        scores = evidence(text.text).rule_scores
        total = sum(max(0.0, value) for value in scores.values()) or 1.0
        ordered = sorted(INSTRUMENT_IDS, key=lambda i: (-scores[i], INSTRUMENT_IDS.index(i)))
        rankings.append([(i, max(0.0, scores[i]) / total) for i in ordered])
    return CrossValidation(real, rankings, [r[0][1] for r in rankings], 1.0, folds)


def format_cross_validation(result: CrossValidation, margin: float) -> str:
    municipalities = sorted({text.group for text in result.texts})
    top1, total = result.top(1)
    top2, _ = result.top(2)
    lines = [
        f"Kruisvalidatie over gemeenten ({result.folds} folds, geen gemeente in training en test), "
        f"alleen echte teksten: {total} teksten uit {len(municipalities)} gemeenten",
        f"  top-1 {_fraction(top1, total)}",
        f"  top-2 {_fraction(top2, total)}",
        f"  ECE (verwachte kalibratiefout, {CALIBRATION_BINS} bakken): "
        f"{result.ece():.3f} gekalibreerd, {result.ece(calibrated=False):.3f} zonder kalibratie; "
        f"temperatuur {result.temperature:.2f}",
    ]
    close = result.by_margin(margin)
    for is_close, name in ((True, "dicht bij elkaar (twijfel)"), (False, "duidelijk")):
        hits1, hits2, count = close[is_close]
        lines.append(f"  {name}, verschil < {margin:.2f}: " if is_close else f"  {name}: ")
        lines[-1] += (
            f"{count} teksten, top-1 {_fraction(hits1, count)}, top-2 {_fraction(hits2, count)}"
        )
    lines.append("")
    lines.append("Per gemeente (top-1, top-2, aantal)")
    for group in municipalities:
        hits1, count = result.top(1, group)
        hits2, _ = result.top(2, group)
        lines.append(f"  {group:<28} {hits1 / count:>5.2f} {hits2 / count:>5.2f} {count:>4}")
    lines.append("")
    lines.append("Verwarringsmatrix (rij: juist label, kolom: eerste advies)")
    heads = [ABBREVIATIONS[label] for label in INSTRUMENT_IDS]
    lines.append("  " + " " * 4 + "".join(f"{head:>4}" for head in heads))
    confusion = result.confusion()
    for gold in INSTRUMENT_IDS:
        cells = "".join(f"{confusion[(gold, guess)] or '.':>4}" for guess in INSTRUMENT_IDS)
        lines.append(f"  {ABBREVIATIONS[gold]:<4}{cells}")
    lines.append("  " + ", ".join(f"{ABBREVIATIONS[label]} = {label}" for label in INSTRUMENT_IDS))
    return "\n".join(lines)


def format_comparison(results: list[tuple[Variant, CrossValidation]]) -> str:
    lines = ["Vergelijking (kruisvalidatie over gemeenten, alleen echte teksten)"]
    lines.append(f"  {'variant':<58} {'top-1':>6} {'top-2':>6} {'ECE':>6}")
    for variant, result in results:
        top1, total = result.top(1)
        top2, _ = result.top(2)
        lines.append(
            f"  {variant.label:<58} {top1 / total:>6.3f} {top2 / total:>6.3f} {result.ece():>6.3f}"
        )
    return "\n".join(lines)

# SPDX-License-Identifier: EUPL-1.2
"""The labelled texts the model learns from, and which of them are real.

- `data/evaluation.jsonl`: items with provenance "public" are real council texts (their
  municipality is in the `source` citation); "seed" and "written" items are ours.
- `data/real.jsonl` (optional): real questions, motions and requests with their municipality,
  labelled by how the council filed them (data/README.md, "real.jsonl").
- `data/prototypes.toml` and the handreiking's example questions in the catalogue: ours.

Figures are reported on real items only (data/README.md, "How we measure"); our own texts may
be used for training only.
"""

import functools
import json
import re
import tomllib
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from raadsloket.advisor import catalogue
from raadsloket.advisor.catalogue import INSTRUMENT_IDS

# A real text counts this much more than one of ours when the model is fitted: councils write
# differently from us, and the real texts are what the advice is judged on.
REAL_WEIGHT = 2.0

# "gemeente Echt-Susteren, fractie ..." / "gemeenten Hulst en Terneuzen, ..." in a citation.
_MUNICIPALITY = re.compile(r"\b(?:gemeenten?|stadsdeel) ([A-Z'][^,(]*?)(?:,| \(|$| via )")
# A stadsdeel belongs to its city: one municipality in the folds.
_STADSDEEL = {"Amsterdam-Centrum": "Amsterdam"}


@dataclass(frozen=True)
class LabelledText:
    text: str
    label: str
    real: bool
    # The municipality (a real text) or "" (ours); texts of one group stay in one fold.
    group: str
    origin: str


def real_path() -> Path:
    return Path(str(resources.files("raadsloket.advisor") / "data" / "real.jsonl"))


def evaluation_path() -> Path:
    return Path(str(resources.files("raadsloket.advisor") / "data" / "evaluation.jsonl"))


def municipality_of(source: str) -> str:
    """The municipality a public citation names, '' when it names none."""
    found = _MUNICIPALITY.search(source)
    if not found:
        return ""
    name = found.group(1).strip()
    # "gemeenten Hulst en Terneuzen": a joint body; the first one keeps it in one fold.
    name = name.split(" en ")[0].strip()
    return _STADSDEEL.get(name, name)


def _group(name: str) -> str:
    return " ".join(name.lower().replace("’", "'").split())


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]


@functools.cache
def labelled_texts() -> tuple[LabelledText, ...]:
    """Every labelled text, the real ones with their municipality, in a fixed order."""
    texts: list[LabelledText] = []
    for row in _jsonl(evaluation_path()):
        real = row.get("provenance") == "public"
        group = ""
        if real:
            # A citation without a municipality is a group of its own: it can only help or hurt
            # itself.
            group = _group(municipality_of(row.get("source", ""))) or f"bron {row['id']}"
        texts.append(LabelledText(row["text"], row["label"], real, group, row["id"]))
    if real_path().exists():
        for row in _jsonl(real_path()):
            if row.get("label") not in INSTRUMENT_IDS or not row.get("municipality"):
                continue
            texts.append(
                LabelledText(
                    row["text"], row["label"], True, _group(row["municipality"]), row["id"]
                )
            )
    source = resources.files("raadsloket.advisor") / "data" / "prototypes.toml"
    prototypes = tomllib.loads(source.read_text(encoding="utf-8"))
    for instrument in catalogue.all_instruments():
        own = prototypes.get(instrument.id, {}).get("texts", [])
        for number, text in enumerate([*instrument.example_questions, *own]):
            texts.append(LabelledText(text, instrument.id, False, "", f"{instrument.id}#{number}"))
    return tuple(texts)


def real_texts() -> tuple[LabelledText, ...]:
    return tuple(text for text in labelled_texts() if text.real)


def group_folds(texts: tuple[LabelledText, ...], k: int) -> list[set[str]]:
    """Stratified group k-fold: each municipality in exactly one of `k` folds, labels spread.

    Deterministic: municipalities are placed largest first (ties by name) into the fold where
    they bring the label counts closest to an even share, the way scikit-learn's
    StratifiedGroupKFold does without shuffling.
    """
    groups: dict[str, list[str]] = {}
    for text in texts:
        groups.setdefault(text.group, []).append(text.label)
    totals = {label: sum(t.label == label for t in texts) for label in INSTRUMENT_IDS}
    folds: list[dict[str, int]] = [dict.fromkeys(INSTRUMENT_IDS, 0) for _ in range(k)]
    members: list[set[str]] = [set() for _ in range(k)]
    order = sorted(groups, key=lambda g: (-len(groups[g]), g))
    for group in order:
        labels = groups[group]

        def spread(index: int, labels: list[str] = labels) -> tuple[float, int, int]:
            trial = dict(folds[index])
            for label in labels:
                trial[label] += 1
            deviation = 0.0
            for label, total in totals.items():
                if total:
                    shares = [(trial if i == index else folds[i])[label] / total for i in range(k)]
                    mean = sum(shares) / k
                    deviation += sum((s - mean) ** 2 for s in shares)
            return deviation, sum(folds[index].values()), index

        best = min(range(k), key=spread)
        for label in labels:
            folds[best][label] += 1
        members[best].add(group)
    return members

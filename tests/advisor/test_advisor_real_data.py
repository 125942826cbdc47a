# SPDX-License-Identifier: EUPL-1.2
"""The real council texts in advisor/data/real.jsonl: well-formed, varied, and kept apart.

The set is meant for cross-validation over municipalities (issue "Instrumentenwijzer, round
two"), so it must hold many municipalities, none of which dominates, no letter that is quoted
over and over, and no text that also sits in the development set evaluation.jsonl.
"""

import json
import re
from collections import Counter
from importlib import resources
from pathlib import Path

import pytest

from raadsloket.advisor.catalogue import INSTRUMENT_IDS

DATA = Path(str(resources.files("raadsloket.advisor") / "data"))
FIELDS = {"id", "text", "label", "filed_as", "municipality", "source", "date", "provenance"}
OPTIONAL_FIELDS = {"guide_label"}
# What the collection reached; lower it only together with the README section on real.jsonl.
MIN_ITEMS = 400
MIN_MUNICIPALITIES = 130
MAX_PER_MUNICIPALITY = 15
MAX_PER_SOURCE = 4
MAX_TEXT_LENGTH = 450
# Flemish council pages look alike; these words only occur in Belgian local government.
BELGIAN_MARKERS = ("schepen", "ocmw", "decreet lokaal bestuur")


def _normalise(text: str) -> str:
    return " ".join(text.lower().split())


def _read(name: str) -> list[dict]:
    with (DATA / name).open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


ROWS = _read("real.jsonl")


def test_every_line_is_one_complete_item():
    with (DATA / "real.jsonl").open(encoding="utf-8") as handle:
        lines = handle.read().splitlines()
    assert lines and all(line.strip() for line in lines), "geen lege regels in real.jsonl"
    for row in ROWS:
        assert FIELDS <= row.keys() <= FIELDS | OPTIONAL_FIELDS, row["id"]
        assert row["provenance"] == "public", row["id"]


def test_ids_are_unique_and_in_file_order():
    ids = [row["id"] for row in ROWS]
    assert ids == [f"r{n:04d}" for n in range(1, len(ROWS) + 1)]


def test_labels_are_glossary_instruments():
    for row in ROWS:
        assert row["label"] in INSTRUMENT_IDS, row["id"]
        if "guide_label" in row:
            assert row["guide_label"] in INSTRUMENT_IDS, row["id"]
            assert row["guide_label"] != row["label"], row["id"]


def test_every_item_names_its_source_and_municipality():
    for row in ROWS:
        assert re.match(r"https?://\S+$", row["source"]), row["id"]
        assert row["municipality"].strip() == row["municipality"] != "", row["id"]
        assert row["filed_as"].strip(), row["id"]
        assert re.fullmatch(r"(\d{4}(-\d{2}-\d{2})?)?", row["date"]), row["id"]


def test_texts_are_short_trimmed_quotes():
    for row in ROWS:
        text = row["text"]
        assert text == text.strip() and "  " not in text, row["id"]
        assert 15 <= len(text) <= MAX_TEXT_LENGTH, row["id"]


def test_enough_municipalities_and_none_dominates():
    per_town = Counter(row["municipality"] for row in ROWS)
    assert len(ROWS) >= MIN_ITEMS
    assert len(per_town) >= MIN_MUNICIPALITIES
    town, most = per_town.most_common(1)[0]
    assert most <= MAX_PER_MUNICIPALITY, town


def test_no_document_is_quoted_more_than_four_times():
    per_source = Counter(row["source"] for row in ROWS)
    source, most = per_source.most_common(1)[0]
    assert most <= MAX_PER_SOURCE, source


def test_no_text_is_repeated_or_taken_from_the_evaluation_set():
    texts = Counter(_normalise(row["text"]) for row in ROWS)
    assert texts.most_common(1)[0][1] == 1
    development = {_normalise(row["text"]) for row in _read("evaluation.jsonl")}
    shared = [row["id"] for row in ROWS if _normalise(row["text"]) in development]
    assert shared == []


def test_only_dutch_municipal_councils():
    for row in ROWS:
        haystack = f"{row['text']} {row['filed_as']}".lower()
        assert not any(marker in haystack for marker in BELGIAN_MARKERS), row["id"]
        assert ".be/" not in row["source"] and not row["source"].rstrip("/").endswith(".be")


@pytest.mark.parametrize("label", INSTRUMENT_IDS)
def test_readme_counts_match_the_file(label):
    """The README's label table is generated (bench/advisor/real_data_counts.py); stale is wrong."""
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Real council texts (real.jsonl)", 1)[1]
    match = re.search(rf"^\| {label} \| (\d+) \|", section, flags=re.MULTILINE)
    assert match, f"{label} ontbreekt in de tabel van README.md"
    assert int(match.group(1)) == sum(row["label"] == label for row in ROWS)

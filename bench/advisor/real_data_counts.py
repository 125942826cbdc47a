# SPDX-License-Identifier: EUPL-1.2
"""Print the count tables of the real-data section in advisor/data/README.md.

The README's tables for real.jsonl are generated, not typed, so they cannot drift from the file:
run this after every change to real.jsonl and paste its output over the old tables.

    PYTHONPATH=src python bench/advisor/real_data_counts.py
"""

import json
import sys
from collections import Counter
from importlib import resources
from pathlib import Path

from raadsloket.advisor.catalogue import INSTRUMENT_IDS


def real_path() -> Path:
    return Path(str(resources.files("raadsloket.advisor") / "data" / "real.jsonl"))


def read_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def label_table(rows: list[dict]) -> str:
    labels = Counter(row["label"] for row in rows)
    guided = Counter(row["label"] for row in rows if row.get("guide_label"))
    lines = [
        "| label | items | municipalities | with `guide_label` |",
        "|---|---:|---:|---:|",
    ]
    for label in INSTRUMENT_IDS:
        towns = {row["municipality"] for row in rows if row["label"] == label}
        lines.append(f"| {label} | {labels[label]} | {len(towns)} | {guided[label]} |")
    towns_total = len({row["municipality"] for row in rows})
    lines.append(
        f"| **total** | **{len(rows)}** | **{towns_total}** | **{sum(guided.values())}** |"
    )
    return "\n".join(lines)


def guide_table(rows: list[dict]) -> str:
    pairs = Counter((row["label"], row["guide_label"]) for row in rows if row.get("guide_label"))
    lines = ["| filed as (`label`) | guide says (`guide_label`) | items |", "|---|---|---:|"]
    for (label, guide), count in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"| {label} | {guide} | {count} |")
    return "\n".join(lines)


def municipality_line(rows: list[dict]) -> str:
    towns = Counter(row["municipality"] for row in rows)
    ordered = sorted(towns.items(), key=lambda kv: (-kv[1], kv[0]))
    return "; ".join(f"{town} {count}" for town, count in ordered) + "."


def main(argv: list[str]) -> int:
    rows = read_rows(Path(argv[1]) if len(argv) > 1 else real_path())
    print(label_table(rows))
    print()
    print(guide_table(rows))
    print()
    print(municipality_line(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))

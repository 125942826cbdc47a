# SPDX-License-Identifier: EUPL-1.2
"""The shape of a national data set: 342 municipalities, their councils and civil services.

Sizes follow the CBS gemeentegrootteklassen (inhabitants per municipality, 342 municipalities
in 2025) and the council size of art. 8 Gemeentewet; the number of requests a council makes grows
less than linearly with its size (large councils have more staff of their own). Names are
invented: a generated municipality is never mistaken for a real one.
"""

import random
from dataclasses import dataclass

# (lowest, highest inhabitants, number of municipalities): CBS size classes, 342 in all.
SIZE_CLASSES = [
    (900, 5_000, 5),
    (5_000, 10_000, 12),
    (10_000, 20_000, 56),
    (20_000, 50_000, 170),
    (50_000, 100_000, 66),
    (100_000, 150_000, 17),
    (150_000, 250_000, 12),
]
# The four largest cities, with their own sizes (order of magnitude, not their names).
LARGEST = [930_000, 670_000, 560_000, 370_000]

# Art. 8 Gemeentewet: seats by inhabitants (upper bound of each band).
SEATS = [
    (3_000, 9),
    (6_000, 11),
    (10_000, 13),
    (15_000, 15),
    (20_000, 17),
    (25_000, 19),
    (30_000, 21),
    (35_000, 23),
    (40_000, 25),
    (45_000, 27),
    (50_000, 29),
    (60_000, 31),
    (70_000, 33),
    (80_000, 35),
    (100_000, 37),
    (200_000, 39),
]
MAX_SEATS = 45

PARTIES = [
    "Lokaal Belang",
    "VVD",
    "GroenLinks-PvdA",
    "CDA",
    "D66",
    "ChristenUnie",
    "SP",
    "Partij voor de Dieren",
    "JA21",
    "SGP",
    "Volt",
    "BBB",
    "50PLUS",
    "DENK",
    "Gemeentebelangen",
    "Dorpslijst",
]
PREFIXES = [
    "Noord",
    "Zuid",
    "Oost",
    "West",
    "Groot",
    "Klein",
    "Nieuw",
    "Oud",
    "Hoog",
    "Laag",
    "Sint",
    "Ter",
    "Ooster",
    "Wester",
    "Beneden",
    "Boven",
    "Berg",
    "Dal",
    "Heide",
    "Meer",
    "Zand",
    "Linde",
    "Eiken",
    "Wilgen",
    "Beuk",
    "Vlas",
    "Rogge",
    "Haver",
    "Molen",
    "Brug",
]
SUFFIXES = [
    "veen",
    "dam",
    "dijk",
    "wijk",
    "horst",
    "broek",
    "hoven",
    "rade",
    "lo",
    "meer",
    "zande",
    "stede",
    "berg",
    "haven",
    "sloot",
    "wolde",
    "hem",
    "um",
]
PRESETS = [("vng-model", 0.8), ("utrecht", 0.1), ("echt-susteren", 0.1)]


@dataclass
class MunicipalityShape:
    name: str
    slug: str
    inhabitants: int
    seats: int
    preset: str
    aldermen: int
    council_advisors: int
    civil_servants: int
    departments: int
    fracties: list[tuple[str, int]]
    cases: int = 0


def seats_for(inhabitants: int) -> int:
    for upper, seats in SEATS:
        if inhabitants <= upper:
            return seats
    return MAX_SEATS


def _inhabitants(rng: random.Random) -> list[int]:
    sizes = []
    for low, high, count in SIZE_CLASSES:
        # Log-uniform within the class: more small than large municipalities in each band.
        sizes += [int(low * (high / low) ** rng.random()) for _ in range(count)]
    return sorted(sizes + LARGEST, reverse=True)


def _pick(sizes: list[int], count: int) -> list[int]:
    """`count` municipalities spread over all sizes (every k-th of the sorted list)."""
    if count >= len(sizes):
        return sizes
    step = len(sizes) / count
    return [sizes[int(i * step)] for i in range(count)]


def _fracties(seats: int, rng: random.Random) -> list[tuple[str, int]]:
    count = max(4, min(len(PARTIES), seats // 3))
    parties = rng.sample(PARTIES, count)
    weights = [1 / (rank + 1.5) for rank in range(count)]
    allotted = [1] * count
    for _ in range(seats - count):
        allotted[rng.choices(range(count), weights)[0]] += 1
    return list(zip(parties, allotted, strict=True))


def _names(count: int, rng: random.Random) -> list[str]:
    pool = [p + s for p in PREFIXES for s in SUFFIXES]
    rng.shuffle(pool)
    return pool[:count]


def shapes(municipalities: int, cases: int, seed: int) -> list[MunicipalityShape]:
    rng = random.Random(seed)
    sizes = _pick(_inhabitants(rng), municipalities)
    names = _names(len(sizes), rng)
    result = []
    for number, (inhabitants, name) in enumerate(zip(sizes, names, strict=True), start=1):
        seats = seats_for(inhabitants)
        preset = rng.choices([p for p, _ in PRESETS], [w for _, w in PRESETS])[0]
        servants = max(12, inhabitants // 700)
        result.append(
            MunicipalityShape(
                name=f"Gemeente {name}",
                slug=f"gen-{number:03d}-{name.lower()}",
                inhabitants=inhabitants,
                seats=seats,
                preset=preset,
                # Art. 36 Gemeentewet: at most 20% of the seats, at least two.
                aldermen=max(2, int(seats * 0.2)),
                council_advisors=max(1, inhabitants // 60_000),
                civil_servants=servants,
                departments=max(4, min(40, servants // 25)),
                fracties=_fracties(seats, rng),
            )
        )
    _share_cases(result, cases)
    return result


def _share_cases(shapes_: list[MunicipalityShape], total: int) -> None:
    """Cases in proportion to inhabitants^0.7, summing to exactly `total` (largest remainder)."""
    weights = [shape.inhabitants**0.7 for shape in shapes_]
    whole = sum(weights)
    exact = [total * w / whole for w in weights]
    counts = [int(x) for x in exact]
    short = total - sum(counts)
    for index in sorted(range(len(exact)), key=lambda i: exact[i] - counts[i], reverse=True)[
        :short
    ]:
        counts[index] += 1
    for shape, count in zip(shapes_, counts, strict=True):
        shape.cases = count

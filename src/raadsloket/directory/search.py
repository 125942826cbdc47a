# SPDX-License-Identifier: EUPL-1.2
"""Find who helps with a question: a search over the directory (Dutch stems, lib/text.py) and
the cues of the toolkit that point a need to a kind of support ("Wie kan mij hiermee helpen?").

A municipality's directory is a few dozen short texts, so it is ranked in memory per request.
"""

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from raadsloket.access.directory import visible_entries
from raadsloket.directory.models import Category, Entry
from raadsloket.lib.text import normalise, stems

# The name counts more than the description: "rekenkamer" should find the rekenkamer first.
NAME_WEIGHT = 3.0
SUGGESTIONS = 3


@dataclass(frozen=True)
class Cue:
    """A need, as words on the normalised text, and the national entries that help with it."""

    pattern: re.Pattern[str]
    keys: tuple[str, ...]
    why: str


def _cue(pattern: str, keys: tuple[str, ...], why: str) -> Cue:
    return Cue(re.compile(pattern), keys, why)


CUES: tuple[Cue, ...] = (
    # Toolkit, "Nederlandse Vereniging voor Raadsleden": small incidents to the griffier, larger
    # ones to the burgemeester, acute threat first to the police; the NVvR's vertrouwenspersoon.
    _cue(
        r"\b(bedreig|intimid|geintimideerd|grensoverschrijd|dreig|bedreiging|geweld)",
        ("politie", "burgemeester", "nvvr-vertrouwenspersoon"),
        "bedreiging of intimidatie",
    ),
    # Toolkit, "Rekenkamer" and "Accountant": doelmatigheid, rechtmatigheid, the jaarrekening.
    _cue(
        r"\b(begroting|jaarrekening|jaarstukken|budget|financ|rekenkamer|doelmatig|doeltreffend"
        r"|rechtmatig|accountant|kosten|overschrijding)",
        ("rekenkamer", "accountant", "auditcommissie"),
        "geld, begroting of jaarrekening",
    ),
    # Toolkit, "Kennis en data": the knowledge institutions.
    _cue(
        r"\b(cijfers?|statistie|data\b|gegevens over|leefbaarheid|onderzoek naar|benchmark"
        r"|vergelijk)",
        ("cbs", "waarstaatjegemeente", "leefbarometer"),
        "cijfers en statistiek",
    ),
    # Toolkit, "Ministerie van BZK" and "VNG": the rechtspositie of raadsleden.
    _cue(
        r"\b(rechtspositie|vergoeding|politiek verlof|onkosten|ambtsdrager)",
        ("bzk-helpdesk", "vng-klantcontactcentrum"),
        "rechtspositie of vergoeding",
    ),
    # Toolkit, "Leren en ontwikkelen".
    _cue(
        r"\b(opleiding|cursus|training|scholing|leren|competentie)",
        ("competentiescan", "raadsacademie", "leeromgeving"),
        "opleiding en ontwikkeling",
    ),
    # Toolkit, "Kennispunt Lokale Politieke Partijen".
    _cue(
        r"\b(lokale partij|campagne|kandidatenlijst|ledenwerving|partijbureau)",
        ("kennispunt",),
        "lokale politieke partij",
    ),
)


def _entry_stems(entry: Entry) -> tuple[set[str], set[str]]:
    label = dict(Category.choices).get(entry.category, "")
    return set(stems(entry.name)), set(stems(f"{entry.purpose} {label} {entry.provider}"))


def score(query_stems: Sequence[str], name: set[str], rest: set[str]) -> float:
    return sum(NAME_WEIGHT if term in name else 1.0 for term in query_stems if term in name | rest)


def rank(entries: Iterable[Entry], query: str, min_score: float = 1.0) -> list[Entry]:
    """The entries that share a stemmed word with the query, best first (then in their order)."""
    wanted = list(dict.fromkeys(stems(query)))
    if not wanted:
        return []
    scored = []
    for number, entry in enumerate(entries):
        value = score(wanted, *_entry_stems(entry))
        if value >= min_score:
            scored.append((-value, number, entry))
    return [entry for _, _, entry in sorted(scored, key=lambda row: row[:2])]


def rank_texts(items: Iterable[tuple[object, str]], query: str) -> list[object]:
    """Any (item, text) pairs that share a stemmed word with the query, best first."""
    wanted = set(stems(query))
    scored = [
        (-len(wanted & set(stems(text))), number, item)
        for number, (item, text) in enumerate(items)
        if wanted & set(stems(text))
    ]
    return [item for _, _, item in sorted(scored, key=lambda row: row[:2])]


@dataclass(frozen=True)
class Suggestion:
    entry: Entry
    why: str


def suggest(entries: Sequence[Entry], text: str, limit: int = SUGGESTIONS) -> list[Suggestion]:
    """Who can help with this need: entries a cue points to first, then the best search hits."""
    normalised = normalise(text)
    by_key = {entry.national_key: entry for entry in entries if entry.national_key}
    found: dict[int, Suggestion] = {}
    for cue in CUES:
        if cue.pattern.search(normalised):
            for key in cue.keys:
                entry = by_key.get(key)
                if entry is not None and entry.pk not in found:
                    found[entry.pk] = Suggestion(entry, f"uw vraag gaat over {cue.why}")
    # A search hit only where a word of the name occurs: the advice is short, so no guesses.
    for entry in rank(entries, text, min_score=NAME_WEIGHT):
        if entry.pk not in found and entry.category != Category.GRIFFIE:
            found[entry.pk] = Suggestion(entry, "uw vraag lijkt op wat deze ondersteuner doet")
    return list(found.values())[:limit]


def helpers_for(viewer, text: str) -> list[Suggestion]:
    """The instrumentenwijzer's "Wie kan mij hiermee helpen?": suggestions from the viewer's
    own directory (the access layer decides which entries that is)."""
    if not text.strip():
        return []
    return suggest(list(visible_entries(viewer, Entry.objects.filter(hidden=False))), text)

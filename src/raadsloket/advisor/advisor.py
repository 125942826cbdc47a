# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer: which instrument fits what a member writes, and why.

Three parts:

1. cue phrases (`cues.FORMS`) that reveal the need behind the text, following the handreiking's
   table "Praktijkvoorbeeld: wanneer gebruik je welk instrument?" and the toolkit's "Ken je
   instrumenten";
2. TF-IDF similarity to example texts per instrument (`data/prototypes.toml` plus the
   handreiking's example questions in the catalogue), which catches phrasings no cue lists;
3. a linear model (`model.py`) over the cues, the question forms (`cues.QUESTION_FORMS`), the
   rule scores of 1 and 2, and the words and character n-grams, trained on the labelled texts
   (`corpus.py`, real council texts among them) and calibrated: it ranks all instruments with a
   probability. The ranking decides, except where a rule of law does (spelregel 5, art. 33 lid 1).

Every advice names what it found (ARCHITECTURE.md, "Everything is explained"), lists at least
two instruments with their probability, says "twijfel" when the first two are close, and warns
for the two things a member must know before asking: spelregel 5 of the handreiking and art. 25
Gemeentewet. No network: a question takes about a millisecond once the model is trained (at
first use, from the data files, deterministically).
"""

import contextlib
import ctypes
import functools
import gc
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, Literal

from raadsloket.advisor import catalogue, corpus, cues, model
from raadsloket.advisor.catalogue import INSTRUMENT_IDS
from raadsloket.lib.text import STOPWORDS, TfidfIndex, Vector, normalise, stem, stems, words

# How much the similarity to the examples counts against the cue weights (a cue is 1-3).
SIMILARITY_WEIGHT = 4.0
# Neighbours among the examples that take part in the similarity score.
NEIGHBOURS = 7
# Below this many content words there is too little to go on (warning "too_short").
MIN_CONTENT_WORDS = 3
# Besides the runner-up (always named), an alternative needs this calibrated probability.
ALTERNATIVE_PROBABILITY = 0.1
MAX_ALTERNATIVES = 3
# "Twijfel": the first two are this close in calibrated probability. Chosen on the
# cross-validation over municipalities (data/README.md, "How we measure"): below this margin the
# first instrument was right in fewer than half of the real texts (18 of 40) while the right one
# was among the two named in 37 of 40; above it the first was right in 85%. So both are named
# and the member chooses.
DOUBT_MARGIN = 0.2
# Confidence from the calibrated probability of the first instrument: in the cross-validation,
# advice above 0.8 was right in 88-97% of the texts, between 0.5 and 0.8 in 55-65%.
HIGH_PROBABILITY = 0.8
MEDIUM_PROBABILITY = 0.5
# A phrase longer than this is shortened in a signal; the member knows the rest of the sentence.
MAX_PHRASE = 60

Confidence = Literal["hoog", "middel", "laag"]

_CONFIDENCE_TEXT: dict[str, str] = {
    "hoog": "Zekerheid van dit advies: hoog; de signalen wijzen duidelijk één kant op.",
    "middel": "Zekerheid van dit advies: middel; bekijk ook de alternatieven.",
    "laag": "Zekerheid van dit advies: laag; bespreek uw vraag met de griffie.",
}

_OWN_PROPOSAL_INSTRUMENTS = ("motion", "amendment", "initiative_proposal")
_HELP_WITH_OWN_PROPOSAL = (
    "U vraagt hulp bij het uitwerken van uw eigen motie, amendement of voorstel: dat is "
    "ambtelijke bijstand (art. 33 lid 1 Gemeentewet); het instrument zelf dient u daarna in."
)
_SOUNDING_OUT_SIGNAL = (
    "De tekst vraagt een ambtenaar naar de mening of het standpunt van het college; wat het "
    "college vindt, vraagt u het college zelf met schriftelijke vragen."
)


@dataclass(frozen=True)
class AdviceWarning:
    code: str
    message: str
    # The rule the warning rests on, cited as a member would look it up.
    rule: str

    def __str__(self) -> str:
        return f"{self.message} ({self.rule})"


WARNINGS: dict[str, AdviceWarning] = {
    "college_position": AdviceWarning(
        "college_position",
        "Let op: ambtelijke bijstand geeft objectieve informatie. Een ambtenaar uithoren over de "
        "mening of het standpunt van het college of een wethouder is niet de bedoeling; wilt u "
        "weten wat het college vindt, stel het college dan schriftelijke vragen.",
        "spelregel 5 van de VNG-handreiking ambtelijke bijstand",
    ),
    "secret": AdviceWarning(
        "secret",
        "Let op: informatie waarop geheimhouding rust, mag alleen aan de hele raad worden "
        "gegeven, nooit aan één raadslid of een paar raadsleden. Gaat het antwoord over zulke "
        "informatie, dan krijgt de hele raad het, als geheim gemarkeerd, en hoort u dat vooraf.",
        "art. 25 Gemeentewet, sinds 1 april 2023",
    ),
    "too_short": AdviceWarning(
        "too_short",
        "De tekst is te kort voor een goed advies; dit is een eerste inschatting. Beschrijf in "
        "een paar zinnen wat u wilt weten of bereiken, of bespreek het met de griffie.",
        "instrumentenwijzer: een advies noemt altijd waarop het steunt",
    ),
}


@dataclass(frozen=True)
class Advice:
    instrument: str
    alternatives: tuple[str, ...]
    signals: tuple[str, ...]
    warnings: tuple[AdviceWarning, ...]
    confidence: Confidence
    # Rule score per instrument, for the evaluation and for a griffier who wants the balance.
    scores: Mapping[str, float] = field(default_factory=dict)
    # Every instrument with its calibrated probability, most likely first (the text advice);
    # empty for the questionnaire, which asks rather than guesses.
    ranking: tuple[tuple[str, float], ...] = ()
    # "Twijfel": the first two instruments fit about equally well; the member chooses.
    doubt: bool = False

    @property
    def warning_codes(self) -> tuple[str, ...]:
        return tuple(warning.code for warning in self.warnings)

    def as_json(self) -> dict[str, Any]:
        return {
            "instrument": self.instrument,
            "alternatives": list(self.alternatives),
            "signals": list(self.signals),
            "warnings": [str(warning) for warning in self.warnings],
            "ranking": [
                {"instrument": instrument_id, "probability": probability}
                for instrument_id, probability in self.ranking
            ],
            "twijfel": self.doubt,
        }


def advise(text: str, using: model.Model | None = None) -> Advice:
    """All instruments ranked for `text` with their probability, the reasons and the warnings.

    `using` is another trained model (cross-validation); by default the one trained on all data.
    """
    reading = _read(text)
    trained = using or _model()
    evidence = _evidence_of(reading)
    probabilities = _ruled(
        dict(zip(INSTRUMENT_IDS, trained.probabilities(evidence).tolist(), strict=True)),
        _ruled_first(reading),
    )
    ranked = rank(probabilities)
    best = ranked[0]
    too_short = len(reading.content_words) < MIN_CONTENT_WORDS
    doubt = probabilities[best] - probabilities[ranked[1]] < DOUBT_MARGIN
    confidence = _confidence(probabilities[best], doubt, too_short)
    return Advice(
        instrument=best,
        alternatives=_alternatives(reading, ranked, probabilities),
        signals=_signals(reading, ranked, probabilities, doubt, confidence, trained, evidence),
        warnings=_warnings(reading, best, too_short),
        confidence=confidence,
        scores={key: round(value, 3) for key, value in reading.scores.items()},
        ranking=tuple((i, round(probabilities[i], 3)) for i in ranked),
        doubt=doubt,
    )


def rank(probabilities: Mapping[str, float]) -> list[str]:
    """Instruments by probability, ties in catalogue order."""
    return sorted(INSTRUMENT_IDS, key=lambda i: (-probabilities[i], INSTRUMENT_IDS.index(i)))


def _ruled(probabilities: dict[str, float], first: str | None) -> dict[str, float]:
    """Where a rule of law decides, its instrument changes places with the model's first.

    The list stays ordered and sums to one; the model's own first is then named right after it.
    """
    if first is None:
        return probabilities
    top = rank(probabilities)[0]
    probabilities[first], probabilities[top] = probabilities[top], probabilities[first]
    return probabilities


def _ruled_first(reading: "_Reading") -> str | None:
    """The instrument a rule of law puts first, whatever the model says; None when none does."""
    if reading.helps_with_own_proposal:
        # Handreiking, table: "uitwerken van eigen inbreng" is ambtelijke bijstand (art. 33 lid 1).
        return "assistance"
    if reading.sounding_out:
        # Spelregel 5: the college's opinion is asked of the college, with written questions.
        return "written_question"
    if max(reading.scores.values()) <= 0 and not reading.content_words:
        # Nothing to go on: the lightest instrument; the griffie converts it at intake if needed.
        return "technical_question"
    return None


@functools.cache
def _model() -> model.Model:
    """The model trained on every labelled text, once per process (about a second)."""
    examples = [
        model.Example(text.text, text.label, corpus.REAL_WEIGHT if text.real else 1.0)
        for text in corpus.labelled_texts()
    ]
    trained = model.train(examples, evidence)
    _release_training_memory()
    return trained


def _release_training_memory() -> None:
    """Hand the memory of the training's temporaries back to the system (glibc keeps it).

    The trained model needs a few MB; what the fit used would otherwise stay in the process
    (budget: 50 MB, data/README.md "How we measure"). Elsewhere than glibc this does nothing.
    """
    gc.collect()
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL("libc.so.6").malloc_trim(0)


@dataclass
class _Reading:
    """What was found in one text, and the scores it adds up to."""

    text: str
    normalised: str
    word_count: int
    content_words: list[str]
    matches: list[cues.Match]
    forms: dict[str, cues.Match]
    addressees: list[tuple[str, str, str, dict[str, float]]]
    helps_with_own_proposal: bool
    sounding_out: bool
    # The instruments the member will file after the help: named first among the alternatives.
    follow_ups: list[str]
    query: Vector
    neighbours: list[tuple[tuple[str, int], float]]
    scores: dict[str, float]


def _read(text: str) -> _Reading:
    normalised = normalise(text)
    tokens = words(normalised)
    content_words = [token for token in tokens if token not in STOPWORDS]
    scores = dict.fromkeys(INSTRUMENT_IDS, 0.0)

    matches = cues.find_forms(normalised)
    for match in matches:
        for instrument_id, share in match.form.targets.items():
            scores[instrument_id] += match.weight * share
    addressees = _addressees(normalised)
    for _key, _label, _phrase, targets in addressees:
        for instrument_id, weight in targets.items():
            scores[instrument_id] += weight

    forms = {match.form.key: match for match in matches}
    helps_with_own_proposal = _asks_help_with_own_proposal(forms, addressees)
    follow_ups: list[str] = []
    if helps_with_own_proposal:
        # Handreiking, table: "uitwerken van eigen inbreng" is ambtelijke bijstand (art. 33 lid 1),
        # also when the member names the motie or amendement it is for.
        follow_ups = [i for i in _OWN_PROPOSAL_INSTRUMENTS if scores[i] > 0]
        for instrument_id in _OWN_PROPOSAL_INSTRUMENTS:
            scores[instrument_id] *= 0.5
        scores["assistance"] += 2.0
    sounding_out = _sounds_out_civil_servant(normalised, "help_request" in forms)
    if sounding_out and not helps_with_own_proposal:
        # Spelregel 5: the college's opinion is asked of the college, with written questions.
        # Alongside real help with an own proposal it stays assistance, with the warning.
        scores["written_question"] += 2.0

    _apply_precedence(forms, scores)

    examples = _examples()
    query = examples.index.vector_of_terms(stem(token) for token in content_words)
    neighbours = examples.index.search(query, k=NEIGHBOURS)
    for instrument_id, similarity in _similarity_per_instrument(neighbours).items():
        scores[instrument_id] += SIMILARITY_WEIGHT * similarity
    follow_ups.sort(key=lambda i: -scores[i])

    return _Reading(
        text=text,
        normalised=normalised,
        word_count=len(tokens),
        content_words=content_words,
        matches=matches,
        forms=forms,
        addressees=addressees,
        helps_with_own_proposal=helps_with_own_proposal,
        sounding_out=sounding_out,
        follow_ups=follow_ups,
        query=query,
        neighbours=neighbours,
        scores=scores,
    )


def _apply_precedence(forms: Mapping[str, cues.Match], scores: dict[str, float]) -> None:
    """Two rules that decide between close instruments whatever the other cues add up to."""
    # Deciding amounts or cover at the begroting, voorjaarsnota, najaarsnota or jaarrekening is
    # the budgetrecht, also when the vehicle is an amendement or motie on the begroting
    # (toolkit "Ken je instrumenten": budgetrecht).
    if "planning_cycle" in forms and "money" in forms:
        steering = max(scores[i] for i in ("amendment", "motion", "initiative_proposal"))
        scores["budget_right"] = max(scores["budget_right"], steering + 0.5)
    # Facts together with the college's view or explanation need the college's answer: a
    # schriftelijke vraag (handreiking, table: "informatie en opvattingen van het college").
    view = forms.get("college_view")
    if view is not None and view.weight >= 2.5:
        scores["written_question"] = max(
            scores["written_question"], scores["technical_question"] + 0.5
        )


def _alternatives(
    reading: _Reading, ranked: list[str], probabilities: Mapping[str, float]
) -> tuple[str, ...]:
    """The runner-up always, the instruments filed after the help first, then the likely ones."""
    best = ranked[0]
    likely = [i for i in ranked[2:] if probabilities[i] >= ALTERNATIVE_PROBABILITY]
    candidates = [*reading.follow_ups, ranked[1], *likely]
    return tuple(i for i in dict.fromkeys(candidates) if i != best)[:MAX_ALTERNATIVES]


def _percent(probability: float) -> str:
    return f"{round(100 * probability)}%"


def _signals(
    reading: _Reading,
    ranked: list[str],
    probabilities: Mapping[str, float],
    doubt: bool,
    confidence: Confidence,
    trained: model.Model,
    evidence: model.Evidence,
) -> tuple[str, ...]:
    best, second = ranked[0], ranked[1]
    signals = _form_signals(reading.matches, best)
    signals.extend(_question_form_signals(trained, evidence, best))
    if reading.helps_with_own_proposal:
        signals.append(_HELP_WITH_OWN_PROPOSAL)
    if reading.sounding_out:
        signals.append(_SOUNDING_OUT_SIGNAL)
    for _key, label, phrase, _targets in reading.addressees:
        signals.append(f"De tekst is gericht aan of gaat over {label} ('{phrase}').")
    example = _closest_example(reading.query, reading.neighbours, best)
    if example:
        signals.append(
            f"De tekst lijkt op voorbeelden van {catalogue.name(best).lower()}, zoals: '{example}'"
        )
    signals.append(_length_signal(reading.text, reading.word_count))
    signals.append(
        f"Kans per instrument: {catalogue.name(best).lower()} {_percent(probabilities[best])}, "
        f"{catalogue.name(second).lower()} {_percent(probabilities[second])}."
    )
    if doubt:
        signals.append(
            f"Twijfel: {catalogue.name(best).lower()} en {catalogue.name(second).lower()} passen "
            "ongeveer even goed; u kiest zelf, de griffie kijkt bij de intake mee."
        )
    signals.append(_CONFIDENCE_TEXT[confidence])
    return tuple(signals)


def _question_form_signals(trained: model.Model, evidence: model.Evidence, best: str) -> list[str]:
    """The question forms in the text that speak for the advice, in the model's own weights."""
    column = INSTRUMENT_IDS.index(best)
    sentences = []
    for key, description, _pattern in cues.QUESTION_FORMS:
        row = trained.columns.get(f"q:{key}")
        if key in evidence.question_forms and row is not None and trained.weights[row, column] > 0:
            sentences.append(f"De tekst {description}.")
    return sentences[:3]


def _warnings(reading: _Reading, best: str, too_short: bool) -> tuple[AdviceWarning, ...]:
    warnings = []
    if reading.sounding_out or (best == "assistance" and "college_view" in reading.forms):
        warnings.append(WARNINGS["college_position"])
    if cues.SECRET.search(reading.normalised):
        warnings.append(WARNINGS["secret"])
    if too_short:
        warnings.append(WARNINGS["too_short"])
    return tuple(warnings)


def _addressees(normalised: str) -> list[tuple[str, str, str, dict[str, float]]]:
    found = []
    for key, label, pattern, targets in cues.ADDRESSEES:
        hit = pattern.search(normalised)
        if hit:
            found.append((key, label, hit.group(0), targets))
    return found


def _asks_help_with_own_proposal(forms: Mapping[str, cues.Match], addressees) -> bool:
    """Help with the member's own motie, amendement or voorstel: ambtelijke bijstand.

    "Ik wil een motie opstellen" is a motion; asking someone to help draft it is assistance.
    """
    names_instrument = any(
        key in forms
        for key in (
            "motion_named",
            "amendment_named",
            "initiative_named",
            "own_proposal",
            "change_decision",
        )
    )
    if not names_instrument:
        return False
    to_civil_service = any(key == "civil_service" for key, *_ in addressees)
    return "help_request" in forms or ("drafting" in forms and to_civil_service)


def _sounds_out_civil_servant(normalised: str, asks_help: bool) -> bool:
    """Spelregel 5: the text asks a civil servant for the college's opinion or position.

    Whoever is asked to help with one's own proposal is a civil servant too, named or not.
    """
    if not (asks_help or cues.CIVIL_SERVANT.search(normalised)):
        return False
    if cues.SOUNDING_OUT.search(normalised):
        return True
    return bool(cues.OPINION.search(normalised) and cues.COLLEGE.search(normalised))


def _confidence(probability: float, doubt: bool, too_short: bool) -> Confidence:
    if too_short:
        return "laag"
    if probability >= HIGH_PROBABILITY and not doubt:
        return "hoog"
    return "middel" if probability >= MEDIUM_PROBABILITY else "laag"


def _quote(phrase: str) -> str:
    if len(phrase) > MAX_PHRASE:
        phrase = phrase[: MAX_PHRASE - 1].rstrip() + "…"
    return f"'{phrase}'"


def _form_signals(matches: list[cues.Match], best: str) -> list[str]:
    """One sentence per form found, those that point to the advice first."""
    ordered = sorted(
        matches, key=lambda m: (-(m.form.targets.get(best, 0.0) * m.weight), -m.weight)
    )
    sentences = []
    for match in ordered[:4]:
        phrases = ", ".join(_quote(p) for p in match.phrases[:3])
        sentences.append(f"De tekst {match.form.description} (gevonden: {phrases}).")
    return sentences


def _length_signal(text: str, words: int) -> str:
    questions = text.count("?")
    word_text = "woord" if words == 1 else "woorden"
    if questions == 0:
        return f"De tekst telt {words} {word_text} en geen vraagteken."
    question_text = "vraag" if questions == 1 else "vragen"
    return f"De tekst telt {words} {word_text} en {questions} {question_text}."


@dataclass(frozen=True)
class _Examples:
    index: TfidfIndex[tuple[str, int]]
    texts: dict[tuple[str, int], str]
    keys_by_instrument: dict[str, frozenset[tuple[str, int]]]


def _analyse(text: str) -> list[str]:
    return stems(text)


@functools.cache
def _examples() -> _Examples:
    """The example texts per instrument, indexed once per process."""
    source = resources.files("raadsloket.advisor") / "data" / "prototypes.toml"
    data = tomllib.loads(source.read_text(encoding="utf-8"))
    index: TfidfIndex[tuple[str, int]] = TfidfIndex(_analyse)
    texts: dict[tuple[str, int], str] = {}
    for instrument in catalogue.all_instruments():
        own = data.get(instrument.id, {}).get("texts", [])
        for number, example in enumerate([*instrument.example_questions, *own]):
            key = (instrument.id, number)
            index.add(key, example)
            texts[key] = example
    unknown = set(data) - set(INSTRUMENT_IDS)
    if unknown:
        raise catalogue.CatalogueError(
            f"prototypes.toml noemt onbekende instrumenten: {', '.join(sorted(unknown))}"
        )
    index.build()
    keys_by_instrument = {
        instrument_id: frozenset(key for key in texts if key[0] == instrument_id)
        for instrument_id in INSTRUMENT_IDS
    }
    return _Examples(index, texts, keys_by_instrument)


def _similarity_per_instrument(neighbours: list[tuple[tuple[str, int], float]]) -> dict[str, float]:
    """Per instrument: the best neighbour's similarity plus half of the second best."""
    per_instrument: dict[str, list[float]] = {}
    for (instrument_id, _), similarity in neighbours:
        per_instrument.setdefault(instrument_id, []).append(similarity)
    return {
        instrument_id: sims[0] + 0.5 * (sims[1] if len(sims) > 1 else 0.0)
        for instrument_id, sims in per_instrument.items()
    }


_SENTENCE_END = re.compile(r"(?<=[.?!])\s")


def _closest_example(
    query: Vector, neighbours: list[tuple[tuple[str, int], float]], instrument_id: str
) -> str | None:
    examples = _examples()
    hit = next((n for n in neighbours if n[0][0] == instrument_id), None)
    if hit is None:
        allowed = examples.keys_by_instrument[instrument_id]
        hit = next(iter(examples.index.search(query, k=1, allowed=allowed)), None)
    if hit is None or hit[1] < 0.15:
        return None
    example = examples.texts[hit[0]]
    first = _SENTENCE_END.split(example, maxsplit=1)[0]
    return first if len(first) <= 120 else first[:119].rstrip() + "…"


def evidence(text: str) -> model.Evidence:
    """What the explainable part finds in `text`: the model's evidence features."""
    reading = _read(text)
    return _evidence_of(reading)


def _evidence_of(reading: "_Reading") -> model.Evidence:
    return model.Evidence(
        normalised=reading.normalised,
        forms={match.form.key: match.weight for match in reading.matches},
        addressees=tuple(key for key, *_ in reading.addressees),
        question_forms=cues.find_question_forms(reading.normalised),
        rule_scores=reading.scores,
    )


def warm_up() -> None:
    """Load the catalogue and index the examples now rather than on the first question."""
    catalogue.all_instruments()
    _examples()
    _model()

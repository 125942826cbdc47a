# SPDX-License-Identifier: EUPL-1.2
"""Dutch text tools: normalise, tokenise, stem, and a small TF-IDF index.

Used by the instrumentenwijzer (advisor) and, through `TfidfIndex`, by "is dit al eerder
gevraagd?" for earlier technical questions (ARCHITECTURE.md, text similarity: snowballstemmer +
TF-IDF, no model download). Pure Python on sparse dicts: a few hundred short texts are queried in
well under a millisecond, so numpy or scikit-learn would only add weight.
"""

import functools
import math
import re
import threading
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Hashable, Iterable
from typing import Generic, TypeVar

import snowballstemmer

# Characters that are one letter in Dutch but two in ASCII, and typographic variants that would
# otherwise split or hide a word ("auto’s", "ĳsbaan", "co‑financiering").
_REPLACEMENTS = str.maketrans(
    {
        "ĳ": "ij",
        "Ĳ": "ij",
        "’": "'",
        "‘": "'",
        "`": "'",
        "´": "'",
        "‐": "-",
        "‑": "-",
        "–": "-",
        "—": "-",
        "\u00a0": " ",
    }
)

# Combining marks left after NFKD decomposition: the accents of é, ë, ï, ê, ...
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_TOKEN = re.compile(r"[a-z]&[a-z]\b|[a-z0-9]+(?:'[a-z]+)?")

# The snowball list for Dutch, minus the question words that tell what a member asks for
# ("hoe", "wat", "wie", "waarom" are signals, not noise) and minus "geen" and "niet", which turn
# a request around.
STOPWORDS: frozenset[str] = frozenset(
    """
    de en van ik te dat die in een hij het zijn is was op aan met als voor had er maar om hem dan
    zou of mijn men dit zo door over ze zich bij ook tot je mij uit der daar haar naar heb heeft
    hebben deze u want nog zal me zij nu ge omdat iets worden toch al waren veel meer doen toen
    moet ben zonder kan hun dus alles onder ja eens hier werd altijd doch wordt wezen kunnen ons
    zelf tegen na reeds wil kon niets uw iemand geweest andere we wij jullie onze graag
    """.split()
)

# The "dutch" snowball stemmer strips a leading "ge-" (right for "gesteld" -> "stel"), which also
# turns "gemeente" into "meen", the stem of "mening": a council text is full of the one and the
# advisor listens for the other. Words starting with these roots keep the root.
_KEEP_ROOTS: tuple[str, ...] = ("gemeente", "geheim", "geld")
# What may follow a kept root and still be the same word: plural, adjective.
_ROOT_ENDINGS = frozenset({"", "n", "s", "e", "lijk", "lijke"})

_stemmer = snowballstemmer.stemmer("dutch")


def counted(count: int, singular: str, plural: str) -> str:
    """ "1 uitgave", "0 uitgaven", "2 uitgaven": the singular for exactly one, never "uitgave(n)"."""
    return f"{count} {singular if count == 1 else plural}"


# A snowball stemmer keeps its state on the object while it works; one at a time.
_stemmer_lock = threading.Lock()


def normalise(text: str) -> str:
    """Lower case, accents removed, typographic variants made plain, whitespace collapsed.

    Accents go but the letters stay ("geïnterpelleerd" -> "geinterpelleerd", "enquête" ->
    "enquete"), so the result is still readable Dutch and matches what members type without them.
    """
    text = text.translate(_REPLACEMENTS).lower()
    if not text.isascii():
        text = _COMBINING.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.split())


def tokenise(text: str, *, keep_stopwords: bool = True) -> list[str]:
    """Words of the normalised text; "b&w" stays one token, "auto's" becomes "autos"."""
    tokens = words(normalise(text))
    if keep_stopwords:
        return tokens
    return [token for token in tokens if token not in STOPWORDS]


def words(normalised: str) -> list[str]:
    """`tokenise` for a text that is already normalised."""
    return [token.replace("'", "") for token in _TOKEN.findall(normalised)]


@functools.lru_cache(maxsize=65536)
def stem(token: str) -> str:
    """The snowball stem of one normalised token, cached: council texts repeat their words."""
    for root in _KEEP_ROOTS:
        if token.startswith(root):
            rest = token[len(root) :]
            if rest in _ROOT_ENDINGS:
                return root
            return root + (stem(rest) if len(rest) > 2 else rest)
    with _stemmer_lock:
        return _stemmer.stemWord(token)


def stems(text: str, *, keep_stopwords: bool = False) -> list[str]:
    return [stem(token) for token in tokenise(text, keep_stopwords=keep_stopwords)]


Vector = dict[str, float]


def _unit(weights: dict[str, float]) -> Vector:
    norm = math.sqrt(sum(w * w for w in weights.values()))
    if not norm:
        return {}
    return {term: w / norm for term, w in weights.items()}


K = TypeVar("K", bound=Hashable)


class TfidfIndex(Generic[K]):
    """Texts under keys; `query` finds the keys whose texts are most alike (cosine, TF-IDF).

    Term frequency is sublinear (1 + log tf) so a word repeated in one long text does not drown
    the rest; idf is smoothed, log((1 + N) / (1 + df)) + 1, so a word in every text still counts
    a little. Queries walk an inverted index: cost grows with the postings of the query's terms,
    not with the number of texts.
    """

    def __init__(self, analyse: Callable[[str], list[str]] = stems) -> None:
        self._analyse = analyse
        self._terms: dict[K, Counter[str]] = {}
        self._idf: dict[str, float] = {}
        self._vectors: dict[K, Vector] = {}
        self._postings: dict[str, list[tuple[K, float]]] = {}
        self._order: dict[K, int] = {}
        self._built = True

    def __len__(self) -> int:
        return len(self._terms)

    def __contains__(self, key: object) -> bool:
        return key in self._terms

    def add(self, key: K, text: str) -> None:
        """Add or replace the text under `key`; the index is rebuilt before the next query."""
        self._terms[key] = Counter(self._analyse(text))
        self._built = False

    def remove(self, key: K) -> None:
        if self._terms.pop(key, None) is not None:
            self._built = False

    def build(self) -> None:
        count = len(self._terms)
        df: Counter[str] = Counter()
        for terms in self._terms.values():
            df.update(terms.keys())
        self._idf = {term: math.log((1 + count) / (1 + n)) + 1 for term, n in df.items()}
        self._vectors = {key: self._weigh(terms) for key, terms in self._terms.items()}
        postings: dict[str, list[tuple[K, float]]] = defaultdict(list)
        for key, vector in self._vectors.items():
            for term, weight in vector.items():
                postings[term].append((key, weight))
        self._postings = dict(postings)
        self._order = {key: i for i, key in enumerate(self._terms)}
        self._built = True

    def vector(self, text: str) -> Vector:
        """The unit TF-IDF vector of `text` in this index's vocabulary (unknown words drop out)."""
        return self.vector_of_terms(self._analyse(text))

    def vector_of_terms(self, terms: Iterable[str]) -> Vector:
        """As `vector`, for terms already analysed (saves a second pass over a long text)."""
        if not self._built:
            self.build()
        return self._weigh(Counter(term for term in terms if term in self._idf))

    def query(
        self, text: str, k: int = 5, allowed: Collection[K] | None = None
    ) -> list[tuple[K, float]]:
        """Up to `k` keys with a similarity above zero, most similar first.

        `allowed` limits the answer to those keys (for instance the cases a viewer may see);
        ties are broken by the order in which the keys were added.
        """
        return self.search(self.vector(text), k, allowed)

    def search(
        self, query_vector: Vector, k: int = 5, allowed: Collection[K] | None = None
    ) -> list[tuple[K, float]]:
        """As `query`, for a vector from `vector` or `vector_of_terms`."""
        if not self._built:
            self.build()
        scores: dict[K, float] = defaultdict(float)
        for term, q_weight in query_vector.items():
            for key, weight in self._postings.get(term, ()):
                if allowed is None or key in allowed:
                    scores[key] += q_weight * weight
        order = self._order
        ranked = sorted(scores.items(), key=lambda item: (-item[1], order[item[0]]))
        return [(key, round(score, 6)) for key, score in ranked[:k] if score > 0]

    def similarity(self, key: K, text: str) -> float:
        if not self._built:
            self.build()
        document = self._vectors.get(key, {})
        return sum(w * document.get(term, 0.0) for term, w in self.vector(text).items())

    def _weigh(self, counts: Counter[str] | dict[str, int]) -> Vector:
        return _unit(
            {term: (1 + math.log(n)) * self._idf[term] for term, n in counts.items() if n > 0}
        )

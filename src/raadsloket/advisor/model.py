# SPDX-License-Identifier: EUPL-1.2
"""A linear model over what the cues find and the words themselves, with calibrated probabilities.

Features of one text, in three blocks, each scaled so no block drowns the others:

- ``w:`` word stems and pairs of stems (TF-IDF, sublinear term frequency, unit length);
- ``c:`` character n-grams of 3-5 letters inside words (TF-IDF, unit length), so a Dutch compound
  ("raadsvragen", "begrotingsamendement") shares evidence with its parts;
- ``f:``/``a:``/``q:``/``s:`` the explainable evidence: the cue forms of `cues.FORMS` with their
  weight, the addressee, the question forms of `cues.QUESTION_FORMS`, and the rule score of each
  instrument.

A multinomial logistic regression (softmax, L2 penalty) is fitted with L-BFGS in numpy: a few
hundred short texts need no scikit-learn, whose import alone would cost more memory than this
whole model (see data/README.md, "How we measure"). Training is deterministic: the same files
give the same weights, so the model is trained from the data at first use instead of shipping an
artefact that can drift from the data. The probabilities are divided by a temperature fitted by
cross-validation over municipalities (`TEMPERATURE`).
"""

import math
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from raadsloket.advisor.catalogue import INSTRUMENT_IDS
from raadsloket.lib.text import stem, words

# Character n-gram sizes: 3-5 letters catch the parts of Dutch compounds.
CHAR_SIZES = (3, 4, 5)
# A word or character feature must occur in this many training texts to be kept.
MIN_DOCUMENT_FREQUENCY = 2
# How much each block counts; the evidence block carries the named signals.
BLOCK_WEIGHTS: dict[str, float] = {"w": 1.0, "c": 1.0, "e": 1.0}
# The L2 penalty per training text (larger: smoother, less fitted to the training set).
PENALTY = 0.02
# Labels are evened out to this power of their share (0: as found, 1: all labels equal): the
# real texts are mostly what councils publish, schriftelijke vragen and moties, while technical
# questions go by e-mail and are rarely published; their share is no prior for a member's text.
LABEL_BALANCE = 0.25
# L-BFGS: iterations and remembered steps.
MAX_ITERATIONS = 300
MEMORY = 5
# Softmax temperature: fitted on out-of-fold predictions by cross-validation over municipalities
# (`raadsloket advise --evaluate` prints the fitted value; a test keeps the two close).
TEMPERATURE = 0.55


@dataclass(frozen=True)
class Evidence:
    """What the explainable part of the advisor found in one text."""

    normalised: str
    # Cue form key -> its (capped) weight.
    forms: Mapping[str, float]
    addressees: tuple[str, ...]
    question_forms: tuple[str, ...]
    # The rule score of each instrument (cues, addressees, precedence, example similarity).
    rule_scores: Mapping[str, float]


@dataclass(frozen=True)
class Example:
    text: str
    label: str
    weight: float = 1.0


def _ngrams(tokens: list[str]) -> Iterable[str]:
    for token in tokens:
        padded = f" {token} "
        for size in CHAR_SIZES:
            for start in range(len(padded) - size + 1):
                yield padded[start : start + size]


def _raw_features(evidence: Evidence) -> tuple[Counter[str], Counter[str], dict[str, float]]:
    tokens = words(evidence.normalised)
    stemmed = [stem(token) for token in tokens]
    word_counts: Counter[str] = Counter(stemmed)
    word_counts.update(f"{a} {b}" for a, b in zip(stemmed, stemmed[1:], strict=False))
    char_counts: Counter[str] = Counter(_ngrams(tokens))
    top = max(evidence.rule_scores.values(), default=0.0)
    cue: dict[str, float] = {"bias": 1.0}
    # How the text opens ("Motie ...", "Interpellatieverzoek ...", "Kan het college ...") is
    # how councils head what they file.
    if stemmed:
        cue[f"o:{stemmed[0]}"] = 1.0
        if len(stemmed) > 1:
            cue[f"o:{stemmed[0]} {stemmed[1]}"] = 1.0
    for key, weight in evidence.forms.items():
        cue[f"f:{key}"] = weight / 3.0
    for key in evidence.addressees:
        cue[f"a:{key}"] = 1.0
    for key in evidence.question_forms:
        cue[f"q:{key}"] = 1.0
    if top > 0:
        for instrument_id, score in evidence.rule_scores.items():
            if score > 0:
                cue[f"s:{instrument_id}"] = score / top
        best = max(INSTRUMENT_IDS, key=lambda i: evidence.rule_scores.get(i, 0.0))
        cue[f"r:{best}"] = 1.0
    return word_counts, char_counts, cue


def _weighted(
    counts: Counter[str], idf: Mapping[str, float], prefix: str, weight: float
) -> dict[str, float]:
    vector = {
        f"{prefix}{term}": (1.0 + math.log(count)) * idf[term]
        for term, count in counts.items()
        if term in idf
    }
    norm = math.sqrt(sum(value * value for value in vector.values()))
    if not norm:
        return {}
    scale = weight / norm
    return {key: value * scale for key, value in vector.items()}


@dataclass(frozen=True)
class Model:
    word_idf: Mapping[str, float]
    char_idf: Mapping[str, float]
    # Feature name -> row of `weights`.
    columns: Mapping[str, int]
    # Features x instruments, and one bias per instrument.
    weights: np.ndarray
    bias: np.ndarray
    temperature: float = TEMPERATURE
    blocks: Mapping[str, float] = field(default_factory=lambda: dict(BLOCK_WEIGHTS))

    def features(self, evidence: Evidence) -> dict[str, float]:
        return self._vector(*_raw_features(evidence))

    def _vector(
        self, word_counts: Counter[str], char_counts: Counter[str], cue: dict[str, float]
    ) -> dict[str, float]:
        vector: dict[str, float] = {}
        if self.blocks["w"]:
            vector.update(_weighted(word_counts, self.word_idf, "w:", self.blocks["w"]))
        if self.blocks["c"]:
            vector.update(_weighted(char_counts, self.char_idf, "c:", self.blocks["c"]))
        evidence_weight = self.blocks["e"]
        if evidence_weight:
            vector.update({k: v * evidence_weight for k, v in cue.items()})
        else:
            vector["bias"] = 1.0
        return vector

    def logits(self, evidence: Evidence) -> np.ndarray:
        columns = self.columns
        found = [
            (columns[name], value)
            for name, value in self.features(evidence).items()
            if name in columns
        ]
        if not found:
            return self.bias.copy()
        rows = np.fromiter((row for row, _ in found), dtype=np.int64, count=len(found))
        values = np.fromiter((value for _, value in found), dtype=np.float32, count=len(found))
        return self.bias + (values[:, None] * self.weights[rows]).sum(axis=0)

    def probabilities(self, evidence: Evidence, temperature: float | None = None) -> np.ndarray:
        return softmax(
            self.logits(evidence), self.temperature if temperature is None else temperature
        )

    def nbytes(self) -> int:
        return int(self.weights.nbytes + self.bias.nbytes)


def softmax(logits: np.ndarray, temperature: float = 1.0) -> np.ndarray:
    scaled = logits / temperature
    scaled = scaled - scaled.max(axis=-1, keepdims=True)
    exp = np.exp(scaled)
    return exp / exp.sum(axis=-1, keepdims=True)


def _idf(frequency: Counter[str], n: int) -> dict[str, float]:
    return {
        term: math.log((1 + n) / (1 + df)) + 1.0
        for term, df in frequency.items()
        if df >= MIN_DOCUMENT_FREQUENCY
    }


def train(
    examples: Sequence[Example],
    evidence_of: Callable[[str], Evidence],
    *,
    penalty: float = PENALTY,
    temperature: float = TEMPERATURE,
    blocks: Mapping[str, float] | None = None,
) -> Model:
    """Fit the model on `examples`; the same examples always give the same weights."""
    evidences = [evidence_of(example.text) for example in examples]
    word_df: Counter[str] = Counter()
    char_df: Counter[str] = Counter()
    for evidence in evidences:
        word_counts, char_counts, _cue = _raw_features(evidence)
        word_df.update(word_counts.keys())
        char_df.update(char_counts.keys())
    word_idf, char_idf = _idf(word_df, len(evidences)), _idf(char_df, len(evidences))
    del word_df, char_df
    blocks = dict(BLOCK_WEIGHTS if blocks is None else blocks)
    empty = Model(word_idf, char_idf, {}, np.zeros((0, 0)), np.zeros(0), temperature, blocks)
    # Features are computed again rather than kept: the counts of every text would take more
    # memory than the model itself. Columns are numbered in order of first appearance.
    columns: dict[str, int] = {}
    matrix = _Sparse(
        (
            [
                (columns.setdefault(name, len(columns)), value)
                for name, value in empty.features(evidence).items()
            ]
            for evidence in evidences
        ),
        columns,
    )
    labels = np.array([INSTRUMENT_IDS.index(example.label) for example in examples])
    sample_weights = np.array([example.weight for example in examples], dtype=np.float64)
    totals = np.bincount(labels, weights=sample_weights, minlength=len(INSTRUMENT_IDS))
    present = totals > 0
    balance = np.ones(len(INSTRUMENT_IDS))
    balance[present] = (totals[present].mean() / totals[present]) ** LABEL_BALANCE
    sample_weights = sample_weights * balance[labels]
    weights, bias = _fit(matrix, labels, sample_weights, len(INSTRUMENT_IDS), penalty)
    return Model(word_idf, char_idf, columns, weights.astype(np.float32), bias, temperature, blocks)


class _Sparse:
    """Rows of features as coordinate lists, with the two products the fit needs."""

    def __init__(self, rows: Iterable[list[tuple[int, float]]], columns: Mapping[str, int]) -> None:
        # One small array per row: the feature dicts of all rows at once would take more memory
        # than the model.
        row_parts, col_parts, value_parts = [], [], []
        for i, row in enumerate(rows):
            col_parts.append(np.array([c for c, _ in row], dtype=np.int32))
            value_parts.append(np.array([v for _, v in row], dtype=np.float64))
            row_parts.append(np.full(len(row), i, dtype=np.int32))
        # `columns` is complete only now that every row has been read.
        self.shape = (len(row_parts), len(columns))
        self.rows = np.concatenate(row_parts)
        self.cols = np.concatenate(col_parts)
        self.values = np.concatenate(value_parts)

    # Products one instrument at a time with `bincount`: no temporary of features x instruments,
    # which would take more memory than the model.
    def dot(self, weights: np.ndarray) -> np.ndarray:
        """matrix @ weights."""
        n = self.shape[0]
        return np.stack(
            [
                np.bincount(self.rows, weights=self.values * weights[self.cols, k], minlength=n)
                for k in range(weights.shape[1])
            ],
            axis=1,
        )

    def tdot(self, residual: np.ndarray) -> np.ndarray:
        """matrix.T @ residual."""
        d = self.shape[1]
        return np.stack(
            [
                np.bincount(self.cols, weights=self.values * residual[self.rows, k], minlength=d)
                for k in range(residual.shape[1])
            ],
            axis=1,
        )


def _fit(
    matrix: _Sparse, labels: np.ndarray, sample_weights: np.ndarray, classes: int, penalty: float
) -> tuple[np.ndarray, np.ndarray]:
    n, d = matrix.shape
    targets = np.zeros((n, classes))
    targets[np.arange(n), labels] = 1.0
    share = sample_weights / sample_weights.sum()

    def loss_and_gradient(theta: np.ndarray) -> tuple[float, np.ndarray]:
        weights = theta[: d * classes].reshape(d, classes)
        bias = theta[d * classes :]
        logits = matrix.dot(weights) + bias
        logits -= logits.max(axis=1, keepdims=True)
        log_p = logits - np.log(np.exp(logits).sum(axis=1, keepdims=True))
        loss = -float((share[:, None] * targets * log_p).sum())
        loss += 0.5 * penalty * float((weights * weights).sum())
        residual = share[:, None] * (np.exp(log_p) - targets)
        grad_w = matrix.tdot(residual) + penalty * weights
        grad_b = residual.sum(axis=0)
        return loss, np.concatenate([grad_w.ravel(), grad_b])

    theta = _lbfgs(loss_and_gradient, np.zeros(d * classes + classes))
    return theta[: d * classes].reshape(d, classes), theta[d * classes :]


def _dot(a: np.ndarray, b: np.ndarray) -> float:
    # Elementwise, not BLAS: a multi-threaded BLAS call per vector costs more than it saves on a
    # busy server for vectors this size.
    return float(np.multiply(a, b).sum())


def _lbfgs(
    function: Callable[[np.ndarray], tuple[float, np.ndarray]], theta: np.ndarray
) -> np.ndarray:
    """Limited-memory BFGS with a backtracking (Armijo) line search; deterministic."""
    loss, gradient = function(theta)
    steps: list[tuple[np.ndarray, np.ndarray, float]] = []
    for _ in range(MAX_ITERATIONS):
        direction = -gradient
        alphas = []
        for s, y, rho in reversed(steps):
            alpha = rho * _dot(s, direction)
            alphas.append(alpha)
            direction -= alpha * y
        if steps:
            s, y, _rho = steps[-1]
            direction *= _dot(s, y) / _dot(y, y)
        for (s, y, rho), alpha in zip(steps, reversed(alphas), strict=True):
            beta = rho * _dot(y, direction)
            direction += (alpha - beta) * s
        slope = _dot(gradient, direction)
        if slope >= 0:
            direction, slope = -gradient, -_dot(gradient, gradient)
            steps.clear()
        step = 1.0
        while True:
            candidate = theta + step * direction
            new_loss, new_gradient = function(candidate)
            if new_loss <= loss + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s, y = candidate - theta, new_gradient - gradient
        sy = _dot(s, y)
        if sy > 1e-12:
            steps.append((s, y, 1.0 / sy))
            if len(steps) > MEMORY:
                steps.pop(0)
        converged = abs(loss - new_loss) <= 1e-9 * max(1.0, abs(loss))
        theta, loss, gradient = candidate, new_loss, new_gradient
        if converged or float(np.abs(gradient).max()) < 1e-6:
            break
    return theta

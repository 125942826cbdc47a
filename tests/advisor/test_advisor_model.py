# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer's model and its measuring: municipalities, folds, calibration."""

import numpy as np
import pytest

from raadsloket.advisor import corpus, model
from raadsloket.advisor.advisor import evidence
from raadsloket.advisor.evaluation import expected_calibration_error, fit_temperature


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        (
            "https://x.nl/a — gemeente Echt-Susteren, fractie GroenLinks, schriftelijke vragen",
            "Echt-Susteren",
        ),
        ("https://x.nl/b — gemeenten Hulst en Terneuzen, rekenkamercommissie-onderzoek", "Hulst"),
        ("https://x.nl/c — stadsdeel Amsterdam-Centrum, amendement op de Regeling", "Amsterdam"),
        (
            "https://x.nl/d — gemeente Utrechtse Heuvelrug, BVH Lokaal (datum)",
            "Utrechtse Heuvelrug",
        ),
        ("https://x.nl/e — Oké-partij, schriftelijke vragen over tarief grof vuil", ""),
    ],
)
def test_the_municipality_is_read_from_a_public_citation(source, expected):
    assert corpus.municipality_of(source) == expected


def test_every_public_item_of_the_evaluation_set_has_a_group_and_ours_have_none():
    texts = corpus.labelled_texts()
    public = [t for t in texts if t.origin.startswith("e") and t.real]

    assert len(public) == 73
    assert all(t.group for t in public)
    assert all(not t.group for t in texts if not t.real)


def test_folds_keep_a_municipality_together_and_spread_the_labels():
    texts = tuple(
        corpus.LabelledText(f"t{i}", label, True, f"g{i % 9}", f"x{i}")
        for i, label in enumerate(["motion", "written_question", "amendment"] * 12)
    )
    folds = corpus.group_folds(texts, 3)

    assert sorted(g for fold in folds for g in fold) == sorted({t.group for t in texts})
    for fold in folds:
        labels = {t.label for t in texts if t.group in fold}
        assert labels == {"motion", "written_question", "amendment"}


def test_expected_calibration_error():
    # Ten advices at 90%: nine right is perfectly calibrated, five right is 0.4 off.
    assert expected_calibration_error([0.9] * 10, [True] * 9 + [False]) == pytest.approx(0.0)
    assert expected_calibration_error([0.9] * 10, [True] * 5 + [False] * 5) == pytest.approx(0.4)


def test_an_overconfident_model_gets_a_temperature_above_one():
    # Logits that are always sure and right only half of the time: soften them.
    logits = [np.array([5.0, 0.0]), np.array([5.0, 0.0])] * 10
    labels = [0, 1] * 10

    assert fit_temperature(logits, labels) > 1.0


SMALL = [
    model.Example("Hoeveel bomen zijn er vorig jaar gekapt in de wijk?", "technical_question"),
    model.Example("Hoeveel meldingen kwamen er binnen over de brug?", "technical_question"),
    model.Example("Is het college bereid de bomenkap te stoppen?", "written_question"),
    model.Example("Waarom heeft het college de bewoners niet gehoord?", "written_question"),
    model.Example("Verzoekt het college om de bomen te sparen.", "motion"),
    model.Example("Draagt het college op de brug te herstellen.", "motion"),
]


def test_training_is_deterministic_and_learns_the_examples():
    first = model.train(SMALL, evidence)
    second = model.train(SMALL, evidence)

    assert first.columns == second.columns
    assert np.array_equal(first.weights, second.weights)
    for example in SMALL:
        probabilities = first.probabilities(evidence(example.text))
        assert model.INSTRUMENT_IDS[int(probabilities.argmax())] == example.label
        assert probabilities.sum() == pytest.approx(1.0)

# SPDX-License-Identifier: EUPL-1.2
"""The catalogue of instruments: complete, valid, and read strictly."""

import pydantic
import pytest

from raadsloket.advisor import catalogue
from raadsloket.advisor.catalogue import INSTRUMENT_IDS, Instrument

HANDLED_HERE = {"technical_question", "written_question", "assistance"}


def test_every_instrument_is_there_once_in_order():
    assert INSTRUMENT_IDS == (
        "technical_question",
        "written_question",
        "assistance",
        "fractie_support",
        "motion",
        "amendment",
        "initiative_proposal",
        "interpellation",
        "council_inquiry",
        "audit_office",
        "budget_right",
    )
    assert tuple(instrument.id for instrument in catalogue.all_instruments()) == INSTRUMENT_IDS


@pytest.mark.parametrize("instrument_id", INSTRUMENT_IDS)
def test_each_instrument_is_described_in_full(instrument_id):
    instrument = catalogue.get(instrument_id)

    for text in (
        instrument.name,
        instrument.what_it_is,
        instrument.how_it_works,
        instrument.when_to_use,
        instrument.legal_basis,
        instrument.executed_by,
        instrument.need,
    ):
        assert text.strip() and "\n" not in text and "  " not in text
    assert instrument.kind in ("controlerend", "kaderstellend", "informatie", "ondersteuning")
    assert instrument.sources
    assert set(instrument.see_also) <= set(INSTRUMENT_IDS) - {instrument_id}


def test_raadsloket_handles_three_instruments_and_advises_on_the_rest():
    handled = {i.id for i in catalogue.all_instruments() if i.handled_here}

    assert handled == HANDLED_HERE


@pytest.mark.parametrize(
    ("instrument_id", "article"),
    [
        ("assistance", "Art. 33 lid 1 Gemeentewet"),
        ("fractie_support", "Art. 33 lid 2"),
        ("written_question", "art. 169 lid 3"),
        ("amendment", "Art. 147b Gemeentewet"),
        ("initiative_proposal", "Art. 147a Gemeentewet"),
        ("interpellation", "Art. 155 lid 2 Gemeentewet"),
        ("council_inquiry", "Art. 155a Gemeentewet"),
        ("technical_question", "Kamerstukken II 1985/86, 19403"),
    ],
)
def test_the_legal_basis_cites_the_source(instrument_id, article):
    assert article in catalogue.get(instrument_id).legal_basis


def test_the_handreiking_table_examples_are_kept_with_their_instrument():
    with_examples = {
        i.id: i.example_questions for i in catalogue.all_instruments() if i.example_questions
    }

    assert set(with_examples) == {
        "technical_question",
        "written_question",
        "fractie_support",
        "assistance",
    }
    assert any("Hoe verklaart het college" in q for q in with_examples["written_question"])
    assert catalogue.get("assistance").executed_by.startswith("Een ambtenaar")
    assert catalogue.get("technical_question").executed_by == (
        "Via de griffier door de ambtelijke organisatie"
    )


def test_the_kinds_follow_the_toolkit():
    kinds = {i.id: i.kind for i in catalogue.all_instruments()}

    # Toolkit "Ken je instrumenten": three controlling and four framework-setting instruments.
    assert {k for k, v in kinds.items() if v == "controlerend"} >= {
        "council_inquiry",
        "interpellation",
        "written_question",
    }
    assert {k for k, v in kinds.items() if v == "kaderstellend"} == {
        "initiative_proposal",
        "budget_right",
        "amendment",
        "motion",
    }


def test_an_unknown_instrument_is_a_dutch_key_error():
    with pytest.raises(KeyError, match="onbekend instrument 'petitie'"):
        catalogue.get("petitie")


def test_the_model_is_strict():
    good = catalogue.get("motion").model_dump()

    with pytest.raises(pydantic.ValidationError):
        Instrument.model_validate({**good, "handled_here": "ja"})
    with pytest.raises(pydantic.ValidationError):
        Instrument.model_validate({**good, "kind": "adviserend"})
    with pytest.raises(pydantic.ValidationError):
        Instrument.model_validate({**good, "id": "petitie"})
    with pytest.raises(pydantic.ValidationError):
        Instrument.model_validate({**good, "see_also": ["petitie"]})
    with pytest.raises(pydantic.ValidationError):
        Instrument.model_validate({**good, "extra": 1})
    with pytest.raises(pydantic.ValidationError):
        Instrument.model_validate({**good, "name": ""})


def test_the_catalogue_is_read_once():
    assert catalogue.get("motion") is catalogue.get("motion")
    assert catalogue.all_instruments() == catalogue.all_instruments()

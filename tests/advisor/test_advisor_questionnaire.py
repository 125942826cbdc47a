# SPDX-License-Identifier: EUPL-1.2
"""The questionnaire: a need chosen from the handreiking's table gives its instrument and why."""

import pytest

from raadsloket.advisor import catalogue
from raadsloket.advisor.questionnaire import NEEDS, advise_need

EXPECTED = {
    "facts": ("technical_question", ()),
    "college_view": ("written_question", ()),
    "explore_own_input": ("fractie_support", ()),
    "work_out_own_proposal": ("assistance", ("motion", "amendment", "initiative_proposal")),
    "change_draft_decision": ("amendment", ()),
    "debate_off_agenda": ("interpellation", ()),
    "investigate_policy": ("council_inquiry", ("audit_office",)),
    "direct_college": ("motion", ()),
    "set_budget": ("budget_right", ()),
}


def test_every_need_is_offered_once_with_a_dutch_label():
    assert [need.code for need in NEEDS] == list(EXPECTED)
    assert all(
        need.label and need.label[0].isupper() or need.label.startswith("(") for need in NEEDS
    )
    assert NEEDS[0].label == "(Beperkte) feitelijke informatie"


@pytest.mark.parametrize("code", list(EXPECTED))
def test_each_need_gives_its_instrument_with_the_reason_and_legal_basis(code):
    instrument_id, alternatives = EXPECTED[code]

    advice = advise_need(code)

    assert advice.instrument == instrument_id
    assert advice.alternatives[: len(alternatives)] == alternatives
    assert instrument_id not in advice.alternatives
    instrument = catalogue.get(instrument_id)
    assert any(s.startswith(f"{instrument.name} past, want ") for s in advice.signals)
    assert f"Grondslag: {instrument.legal_basis}." in advice.signals
    assert advice.warnings == ()
    data = advice.as_json()
    assert list(data) == ["instrument", "alternatives", "signals", "warnings", "ranking", "twijfel"]
    # The member chose the need: nothing is estimated, so no probabilities and no doubt.
    assert data["ranking"] == [] and data["twijfel"] is False


def test_assistance_names_article_33():
    assert (
        "Grondslag: Art. 33 lid 1 Gemeentewet; verordening ambtelijke bijstand en "
        "fractieondersteuning." in advise_need("work_out_own_proposal").signals
    )


def test_an_unknown_need_is_a_dutch_key_error():
    with pytest.raises(KeyError, match="onbekende behoefte 'koffie'"):
        advise_need("koffie")

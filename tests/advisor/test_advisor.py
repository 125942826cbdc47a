# SPDX-License-Identifier: EUPL-1.2
"""The instrumentenwijzer: advice for what a member writes, with its reasons and warnings."""

import pytest

from raadsloket.advisor import catalogue
from raadsloket.advisor.advisor import DOUBT_MARGIN, WARNINGS, advise
from raadsloket.advisor.catalogue import INSTRUMENT_IDS

# The example questions of the handreiking's table "Praktijkvoorbeeld: wanneer gebruik je welk
# instrument?", with the instrument of their row.
SEED_EXAMPLES = [
    (question, instrument.id)
    for instrument in catalogue.all_instruments()
    for question in instrument.example_questions
]


def test_the_seed_table_has_examples_for_its_four_instruments():
    assert {instrument_id for _, instrument_id in SEED_EXAMPLES} == {
        "technical_question",
        "written_question",
        "fractie_support",
        "assistance",
    }


@pytest.mark.parametrize(("question", "expected"), SEED_EXAMPLES)
def test_the_handreiking_examples_get_their_instrument(question, expected):
    assert advise(question).instrument == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hoeveel meldingen over zwerfafval kwamen er vorig jaar binnen?", "technical_question"),
        ("Is het college bereid de subsidie aan de muziekschool te verlengen?", "written_question"),
        ("Kan een ambtenaar mij helpen bij het opstellen van een amendement?", "assistance"),
        (
            "Mag onze fractie een cursus debatteren betalen uit het fractiebudget?",
            "fractie_support",
        ),
        ("Ik wil het college oproepen om meer bomen te planten in de wijk.", "motion"),
        ("Ik wil beslispunt 3 van het raadsvoorstel over het zwembad schrappen.", "amendment"),
        ("Ik wil een initiatiefvoorstel indienen voor een jongerenraad.", "initiative_proposal"),
        (
            "Ik wil een debat met de burgemeester over de rellen; het staat niet op de agenda.",
            "interpellation",
        ),
        (
            "De raad moet een raadsenquête houden met openbare verhoren over de grondverkoop.",
            "council_inquiry",
        ),
        ("Kan de rekenkamer onderzoeken of het armoedebeleid doeltreffend is?", "audit_office"),
        ("Ik wil bij de voorjaarsnota extra geld vrijmaken voor jongerenwerk.", "budget_right"),
    ],
)
def test_one_plain_example_per_instrument(text, expected):
    assert advise(text).instrument == expected


def test_help_with_ones_own_motion_is_assistance_with_the_motion_as_alternative():
    advice = advise(
        "Ik wil een motie over deelscooters indienen en zoek een ambtenaar die helpt "
        "bij het schrijven van de tekst."
    )

    assert advice.instrument == "assistance"
    assert "motion" in advice.alternatives
    assert any("art. 33 lid 1 Gemeentewet" in signal for signal in advice.signals)


def test_signals_name_what_was_found():
    advice = advise("Hoe verklaart het college dat de wachtlijst voor de jeugdzorg is gegroeid?")

    assert advice.instrument == "written_question"
    assert any(
        "vraagt naar een mening, verklaring of voornemen van het college" in signal
        and "'hoe verklaart'" in signal
        for signal in advice.signals
    )
    assert any(
        "het college, een wethouder of de burgemeester" in s and "'het college'" in s
        for s in advice.signals
    )
    assert any(s.startswith("De tekst telt 12 woorden en 1 vraag") for s in advice.signals)


def test_a_question_for_figures_says_so():
    advice = advise("Hoeveel kinderen maken gebruik van het leerlingenvervoer?")

    assert advice.instrument == "technical_question"
    assert "De tekst vraagt om cijfers of feiten (gevonden: 'hoeveel')." in advice.signals
    # Councils file such questions as schriftelijke vragen too (real.jsonl): the calibrated
    # confidence says so, and the written question is the first alternative.
    assert advice.alternatives[0] == "written_question"
    assert any(s.startswith("Zekerheid van dit advies: middel") for s in advice.signals)


def test_a_clear_question_to_the_college_has_high_confidence():
    advice = advise("Is het college bereid de subsidie aan de muziekschool te verlengen?")

    assert advice.instrument == "written_question"
    assert advice.confidence == "hoog"
    assert any(s.startswith("Zekerheid van dit advies: hoog") for s in advice.signals)


def test_an_addressee_in_the_civil_service_is_named():
    advice = advise("Kan de griffie navragen wanneer de brug wordt gerenoveerd?")

    assert advice.instrument == "technical_question"
    assert any("een ambtenaar of de griffie ('griffie')" in s for s in advice.signals)


def test_alternatives_are_other_instruments_with_a_meaningful_score():
    advice = advise(
        "Ik wil een amendement op de begroting om meer geld voor de bibliotheek vrij te maken."
    )

    assert advice.instrument in ("amendment", "budget_right")
    assert {"amendment", "budget_right"} <= {advice.instrument, *advice.alternatives}
    assert advice.instrument not in advice.alternatives
    assert len(advice.alternatives) <= 3
    assert set(advice.alternatives) <= set(INSTRUMENT_IDS)


# Spelregel 5 of the handreiking: assistance is no way to sound out a civil servant about the
# college's opinion or position.
@pytest.mark.parametrize(
    "text",
    [
        "Kan een ambtenaar mij vertellen wat de wethouder echt vindt van het plan voor het zwembad?",
        "Ik wil via ambtelijke bijstand achterhalen wat het standpunt van het college is over de "
        "sluiting van de bibliotheek.",
        "Kan de beleidsmedewerker mij onder vier ogen zeggen welke variant het college wil?",
    ],
)
def test_sounding_out_a_civil_servant_about_the_college_is_warned(text):
    advice = advise(text)

    assert "college_position" in advice.warning_codes
    assert advice.instrument == "written_question"
    warning = str(WARNINGS["college_position"])
    assert warning in advice.as_json()["warnings"]
    assert "spelregel 5" in warning


def test_help_with_an_amendment_plus_the_college_view_stays_assistance_with_the_warning():
    advice = advise(
        "Kan de ambtenaar die mij helpt met mijn amendement ook vertellen of de "
        "wethouder het amendement gaat ontraden?"
    )

    assert advice.instrument == "assistance"
    assert advice.warning_codes == ("college_position",)


def test_asking_the_college_itself_for_its_view_is_not_warned():
    advice = advise("Wat is het standpunt van het college over de sluiting van de bibliotheek?")

    assert advice.instrument == "written_question"
    assert advice.warnings == ()


# Art. 25 Gemeentewet (since 1 April 2023): secret information only to the whole council.
@pytest.mark.parametrize(
    "text",
    [
        "Ik wil de taxatierapporten inzien die onder geheimhouding aan de raad zijn gestuurd.",
        "In de besloten vergadering is iets gezegd over de grondprijs; hoe zit dat precies?",
        "Kan ik een kopie krijgen van het vertrouwelijke rapport over de reorganisatie?",
        "Mag ik de geheime bijlage bij het raadsvoorstel mee naar huis nemen?",
    ],
)
def test_secret_information_is_warned(text):
    advice = advise(text)

    assert "secret" in advice.warning_codes
    assert any("art. 25 Gemeentewet" in warning for warning in advice.as_json()["warnings"])


def test_confidential_advice_is_not_secret_information():
    # Utrecht's "bubbel": asking a civil servant in confidence is allowed and no art. 25 matter.
    advice = advise(
        "Kan ik vertrouwelijk met een ambtenaar meedenken over mijn initiatiefvoorstel?"
    )

    assert "secret" not in advice.warning_codes


def test_a_too_short_text_still_gets_a_guess_with_low_confidence():
    advice = advise("motie")

    assert advice.instrument == "motion"
    assert advice.warning_codes == ("too_short",)
    assert advice.confidence == "laag"
    assert any(s.startswith("Zekerheid van dit advies: laag") for s in advice.signals)


def test_an_empty_text_gets_the_lightest_instrument_and_the_warning():
    advice = advise("   ")

    assert advice.instrument == "technical_question"
    assert advice.warning_codes == ("too_short",)


def test_as_json_has_exactly_the_agreed_shape():
    data = advise("Hoeveel kost de nieuwe sporthal?").as_json()

    assert list(data) == ["instrument", "alternatives", "signals", "warnings", "ranking", "twijfel"]
    assert data["instrument"] in INSTRUMENT_IDS
    assert all(isinstance(value, str) for key in ("signals", "warnings") for value in data[key])
    assert all(value in INSTRUMENT_IDS for value in data["alternatives"])
    assert isinstance(data["twijfel"], bool)
    assert [list(entry) for entry in data["ranking"]] == [["instrument", "probability"]] * 11


@pytest.mark.parametrize(
    "text",
    [
        "Hoeveel kost de nieuwe sporthal?",
        "Kan het college aangeven hoeveel meldingen er vorig jaar binnenkwamen over de markt?",
        "Verzoekt het college om voor 1 juli 150.000 euro vrij te maken voor de speeltuinen.",
        "motie",
    ],
)
def test_every_advice_ranks_all_instruments_with_probabilities(text):
    advice = advise(text)
    ranking = advice.ranking

    assert [instrument for instrument, _ in ranking][0] == advice.instrument
    assert sorted(instrument for instrument, _ in ranking) == sorted(INSTRUMENT_IDS)
    probabilities = [probability for _, probability in ranking]
    assert probabilities == sorted(probabilities, reverse=True)
    assert abs(sum(probabilities) - 1) < 0.01
    # The two best are always named: the advice and its first alternative.
    assert advice.alternatives[0] == ranking[1][0]
    assert any(s.startswith("Kans per instrument: ") for s in advice.signals)


def test_twijfel_names_both_when_the_first_two_are_close():
    advice = next(
        advice
        for advice in map(
            advise,
            [
                # Short factual questions: councils file them as technical and as written
                # questions alike.
                "Hoeveel bomen zijn er gekapt?",
                "Wanneer wordt de brug gerenoveerd?",
                "Hoe vaak is de brug dit jaar gestremd geweest?",
            ],
        )
        if advice.doubt
    )
    first, second = advice.ranking[0], advice.ranking[1]

    assert first[1] - second[1] < DOUBT_MARGIN
    doubt = next(s for s in advice.signals if s.startswith("Twijfel: "))
    assert catalogue.name(first[0]).lower() in doubt
    assert catalogue.name(second[0]).lower() in doubt


def test_a_clear_advice_is_no_twijfel():
    advice = advise("Is het college bereid de subsidie aan de muziekschool te verlengen?")

    assert not advice.doubt
    assert advice.ranking[0][1] - advice.ranking[1][1] >= DOUBT_MARGIN
    assert not any(s.startswith("Twijfel: ") for s in advice.signals)

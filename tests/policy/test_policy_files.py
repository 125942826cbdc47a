# SPDX-License-Identifier: EUPL-1.2
"""A griffier's profile file: what loads, and the Dutch messages for what does not."""

import pydantic
import pytest

from raadsloket.policy.errors import PolicyError, dutch_messages
from raadsloket.policy.loader import load_file, load_preset, profile_to_toml
from raadsloket.policy.schema import PolicyProfile, Routing, Term


def messages_of(path) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        load_file(path)
    return caught.value.messages


def test_a_file_extending_a_preset_overrides_single_fields(write_toml):
    path = write_toml(
        'extends = "utrecht"\nname = "houten"\nlabel = "Houten"\n\n[terms.decision]\ndays = 15\n'
    )

    profile = load_file(path)

    assert (profile.name, profile.label) == ("houten", "Houten")
    assert profile.terms.decision == Term(days=15, kind="working")
    assert profile.channel == load_preset("utrecht").channel


def test_a_complete_file_needs_no_preset(write_toml):
    text = profile_to_toml(load_preset("vng-model")).replace('"vng-model"', '"eigen"', 1)

    assert load_file(write_toml(text)).name == "eigen"


def test_a_wrong_choice_names_the_allowed_values(write_toml):
    path = write_toml('extends = "vng-model"\n[routing]\nofficer = "mayor"\n')

    assert messages_of(path) == [
        "routing.officer: 'mayor' is niet toegestaan; kies uit: municipal_secretary, cabinet_chief"
    ]


def test_an_unknown_field_names_the_allowed_fields(write_toml):
    path = write_toml('extends = "vng-model"\n[openness]\nfoo = true\n')

    assert messages_of(path) == [
        "openness.foo: onbekend veld; toegestane velden: answers, college_notified_of_start, "
        "technical_questions_public"
    ]


def test_a_missing_term_is_named(write_toml):
    text = profile_to_toml(load_preset("vng-model"))
    text = text.replace(
        '[terms.intake]\ndays = 5\nkind = "working"\nnext_working_day = false\n', ""
    )

    assert messages_of(write_toml(text)) == ["terms.intake: verplicht veld ontbreekt"]


def test_text_where_a_number_belongs_is_not_coerced(write_toml):
    path = write_toml('extends = "vng-model"\n[terms.intake]\ndays = "5"\n')

    assert messages_of(path) == ["terms.intake.days: moet een geheel getal zijn"]


def test_a_number_out_of_range_gives_the_bounds(write_toml):
    path = write_toml(
        'extends = "vng-model"\n[terms.decision]\ndays = 400\n'
        "[requesters]\nfractie_employees_per_fractie = -1\n"
    )

    assert messages_of(path) == [
        "requesters.fractie_employees_per_fractie: moet tussen 0 en 10 liggen (nu: -1)",
        "terms.decision.days: moet tussen 0 en 365 liggen (nu: 400)",
    ]


def test_every_error_in_a_file_is_reported_at_once(write_toml):
    path = write_toml(
        'extends = "vng-model"\n'
        '[channel]\nmode = 1\nreport_to_portfolio_holder = "ja"\n'
        '[[refusal_grounds]]\ncode = "Grond A"\nlabel = ""\n'
    )

    assert messages_of(path) == [
        "channel.mode: 1 is niet toegestaan; kies uit: griffie_only, direct_small_facts",
        "channel.report_to_portfolio_holder: moet true of false zijn",
        "refusal_grounds.1.code: mag alleen kleine letters (a-z), cijfers en _ bevatten",
        "refusal_grounds.1.label: mag niet leeg zijn",
        "refusal_grounds.1.legal_text: verplicht veld ontbreekt",
    ]


def test_refusal_ground_codes_must_be_unique(write_toml):
    ground = '[[refusal_grounds]]\ncode = "a"\nlabel = "A"\nlegal_text = "Tekst."\n'
    path = write_toml('extends = "vng-model"\n' + ground + ground)

    assert messages_of(path) == [
        "refusal_grounds: de code 'a' komt meer dan eens voor; elke weigeringsgrond heeft een "
        "eigen code"
    ]


def test_at_least_one_refusal_ground(write_toml):
    path = write_toml('extends = "vng-model"\nrefusal_grounds = []\n')

    assert messages_of(path) == ["refusal_grounds: moet minstens 1 element bevatten"]


def test_a_table_where_a_table_belongs(write_toml):
    path = write_toml('extends = "vng-model"\nrouting = "kabinetschef"\n')

    assert messages_of(path) == ["routing: moet een tabel zijn"]


def test_the_member_right_cannot_be_switched_off(write_toml):
    path = write_toml('extends = "vng-model"\n[requesters]\ncouncil_member = false\n')

    assert messages_of(path) == [
        "requesters.council_member: moet true zijn: elk raadslid heeft recht op ambtelijke "
        "bijstand (Gemeentewet art. 33 lid 1)"
    ]


def test_bad_toml_syntax_gives_the_line_number(write_toml):
    path = write_toml('name = "x"\nlabel = Houten\n')

    assert messages_of(path) == [
        f"{path}: ongeldige TOML op regel 2, kolom 9: ongeldige waarde "
        "(staat tekst tussen aanhalingstekens?)"
    ]


def test_a_key_given_twice_is_named_with_its_line(write_toml):
    path = write_toml('name = "x"\nname = "y"\n')

    assert messages_of(path) == [
        f"{path}: ongeldige TOML op regel 2, kolom 11: een sleutel krijgt twee keer een waarde"
    ]


def test_a_missing_file_is_named(tmp_path):
    path = tmp_path / "weg.toml"

    assert messages_of(path) == [f"{path}: bestand niet gevonden"]


def test_a_file_that_is_not_utf8_is_named(tmp_path):
    path = tmp_path / "latin1.toml"
    path.write_bytes('label = "Súdwest-Fryslân"\n'.encode("latin-1"))

    assert messages_of(path) == [f"{path}: het bestand is geen UTF-8-tekst"]


def test_extending_an_unknown_preset_names_the_presets(write_toml):
    path = write_toml('extends = "amsterdam"\n')

    assert messages_of(path) == [
        "extends: onbekend profiel 'amsterdam'; kies uit: vng-model, utrecht, echt-susteren"
    ]


def test_policy_error_joins_its_messages_with_newlines():
    error = PolicyError(["a: een", "b: twee"])

    assert str(error) == "a: een\nb: twee"
    assert isinstance(error, ValueError)
    assert PolicyError("enkel").messages == ["enkel"]


def test_dutch_messages_finds_the_model_by_the_errors_title():
    with pytest.raises(pydantic.ValidationError) as caught:
        Routing.model_validate({"officer": "mayor", "extra": 1})

    assert dutch_messages(caught.value) == [
        "officer: 'mayor' is niet toegestaan; kies uit: municipal_secretary, cabinet_chief",
        "extra: onbekend veld; toegestane velden: officer, capacity_confirmation_hours",
    ]


def test_no_english_pydantic_message_reaches_the_user(write_toml):
    path = write_toml(
        'name = 3\nlabel = ["x"]\ndescription = "' + "x" * 2001 + '"\n'
        "refusal_grounds = {}\nterms = []\nevaluation = {required = 1}\n"
    )

    messages = messages_of(path)

    assert len(messages) == 6
    for message in messages:
        assert "Input should" not in message
        assert "ongeldige waarde (" not in message
    assert "description: mag hoogstens 2000 tekens lang zijn (nu: 2001)" in messages


def test_profile_errors_are_dutch_for_the_whole_profile_model():
    with pytest.raises(pydantic.ValidationError) as caught:
        PolicyProfile.model_validate({})

    assert dutch_messages(caught.value) == [
        "name: verplicht veld ontbreekt",
        "label: verplicht veld ontbreekt",
        "refusal_grounds: verplicht veld ontbreekt",
        "terms: verplicht veld ontbreekt",
    ]


def test_agenda_cut_off_in_dutch_terms(write_toml):
    path = write_toml(
        'extends = "vng-model"\n[agenda_questions.submit_by]\nweekday = "dinsdag"\ntime = "25:00"\n'
    )
    messages = messages_of(path)
    assert any("'dinsdag' is niet toegestaan" in m and "tuesday" in m for m in messages)
    assert "agenda_questions.submit_by.time: moet een tijd zijn als uu:mm, bijvoorbeeld 12:00" in (
        messages
    )

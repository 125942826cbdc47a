# SPDX-License-Identifier: EUPL-1.2
"""The presets follow RULES.md and the Utrecht and Echt-Susteren passages of the handreiking."""

import pytest

from raadsloket.policy.deadlines import describe_term
from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import (
    DEFAULT_PRESET,
    PRESETS,
    build_profile,
    load_file,
    load_preset,
    profile_to_toml,
)
from raadsloket.policy.schema import PolicyProfile, Term


@pytest.mark.parametrize("name", PRESETS)
def test_every_preset_loads_under_its_own_name(name):
    profile = load_preset(name)

    assert isinstance(profile, PolicyProfile)
    assert profile.name == name
    assert profile.label
    assert profile.description


def test_the_default_preset_is_the_vng_model():
    assert DEFAULT_PRESET == "vng-model"
    assert DEFAULT_PRESET in PRESETS


def test_vng_model_follows_the_model_verordening():
    profile = load_preset("vng-model")

    assert profile.requesters.council_member and profile.requesters.council
    assert not profile.requesters.committee_member
    assert not profile.requesters.fractie_employee
    assert profile.channel.mode == "griffie_only"
    assert profile.routing.officer == "municipal_secretary"
    assert profile.routing_officer_label == "gemeentesecretaris"
    assert profile.openness.answers == "requester_only"
    assert not profile.openness.college_notified_of_start
    assert [ground.code for ground in profile.refusal_grounds] == [
        "niet_raadswerk",
        "belang_gemeente",
    ]
    assert not profile.evaluation.required


def test_vng_model_terms_are_soft_targets():
    terms = load_preset("vng-model").terms

    assert not terms.binding
    assert terms.reminder_days_before == 2
    assert terms.intake == Term(days=5, kind="working")
    assert terms.decision == Term(days=10, kind="working")
    assert terms.delivery == Term(days=20, kind="working")
    assert terms.technical_question == Term(days=5, kind="working")
    assert terms.written_question == Term(days=30, kind="calendar", next_working_day=True)


def test_refusal_grounds_carry_their_dutch_legal_text():
    profile = load_preset("vng-model")

    plausible = profile.refusal_ground("niet_raadswerk")
    harm = profile.refusal_ground("belang_gemeente")
    assert "niet aannemelijk" in plausible.legal_text and "raadswerk" in plausible.legal_text
    assert "belang van de gemeente" in harm.legal_text
    assert profile.refusal_ground("tijdsbeslag") is None


def test_utrecht_allows_direct_contact_and_keeps_the_bubble():
    vng, utrecht = load_preset("vng-model"), load_preset("utrecht")

    assert utrecht.channel.mode == "direct_small_facts"
    assert utrecht.channel.direct_contact_logged
    # Civil servants do not account to their manager or alderman.
    assert not utrecht.channel.report_to_portfolio_holder
    # The college hears a trajectory started, never its content.
    assert utrecht.openness.college_notified_of_start and not vng.openness.college_notified_of_start
    assert utrecht.openness.answers == "requester_only"
    assert utrecht.evaluation.required and not vng.evaluation.required
    assert utrecht.routing == vng.routing


def test_utrecht_adds_refusal_ground_c():
    utrecht = load_preset("utrecht")

    assert [ground.code for ground in utrecht.refusal_grounds] == [
        "niet_raadswerk",
        "belang_gemeente",
        "tijdsbeslag",
    ]
    assert "reguliere werkzaamheden" in utrecht.refusal_ground("tijdsbeslag").label


def test_echt_susteren_routes_through_the_kabinetschef_and_otherwise_follows_vng():
    vng, echt = load_preset("vng-model"), load_preset("echt-susteren")

    assert echt.routing.officer == "cabinet_chief"
    assert echt.routing_officer_label == "kabinetschef"
    # Its further safeguard: the driehoek decides an objection together.
    assert echt.objection.decided_by == "triangle"
    different = {
        field for field in PolicyProfile.model_fields if getattr(echt, field) != getattr(vng, field)
    }
    assert different == {"name", "label", "description", "routing", "objection"}


@pytest.mark.parametrize("name", PRESETS)
def test_a_shown_profile_loads_back_to_the_same_profile(name, write_toml):
    profile = load_preset(name)

    assert load_file(write_toml(profile_to_toml(profile))) == profile


def test_profile_to_toml_writes_the_resolved_tables():
    text = profile_to_toml(load_preset("echt-susteren"))

    assert 'officer = "cabinet_chief"' in text
    assert "[[refusal_grounds]]" in text
    assert "extends" not in text


def test_the_terms_of_a_preset_read_in_dutch():
    terms = load_preset("vng-model").terms

    assert describe_term(terms.decision) == "10 werkdagen (za, zo en feestdagen tellen niet mee)"
    assert describe_term(terms.written_question) == (
        "30 kalenderdagen (valt het einde op za, zo of een feestdag, dan de eerstvolgende werkdag)"
    )


def test_the_mayor_decides_an_objection_unless_the_profile_has_the_driehoek_vote():
    # RULES.md "Disputes": the driehoek mediates; the mayor in the end decides. Echt-Susteren's
    # preset has griffier, secretaris and burgemeester decide together.
    assert PolicyProfile.model_fields["objection"].default.decided_by == "mayor"
    assert load_preset("vng-model").objection.decided_by == "mayor"
    assert load_preset("utrecht").objection.decided_by == "mayor"
    assert load_preset("echt-susteren").objection.decided_by == "triangle"


def test_an_unknown_decider_of_objections_is_refused_in_dutch():
    with pytest.raises(PolicyError) as caught:
        build_profile("vng-model", {"objection": {"decided_by": "wethouder"}})
    assert caught.value.messages == [
        "objection.decided_by: 'wethouder' is niet toegestaan; kies uit: mayor, triangle"
    ]

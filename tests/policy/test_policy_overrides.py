# SPDX-License-Identifier: EUPL-1.2
"""A municipality takes a preset and overrides single fields."""

import pytest

from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import build_profile, deep_merge, load_preset
from raadsloket.policy.schema import Term


def test_without_overrides_build_profile_is_the_preset():
    assert build_profile("utrecht") == load_preset("utrecht")
    assert build_profile("utrecht", {}) == load_preset("utrecht")


def test_an_override_changes_only_that_field():
    vng = load_preset("vng-model")

    profile = build_profile("vng-model", {"routing": {"officer": "cabinet_chief"}})

    assert profile.routing.officer == "cabinet_chief"
    assert profile.routing.capacity_confirmation_hours == vng.routing.capacity_confirmation_hours
    assert profile.model_copy(update={"routing": vng.routing}) == vng


def test_a_nested_term_override_keeps_the_other_terms():
    profile = build_profile("vng-model", {"terms": {"written_question": {"days": 21}}})

    assert profile.terms.written_question == Term(days=21, kind="calendar", next_working_day=True)
    assert profile.terms.intake == Term(days=5, kind="working")


def test_a_list_override_replaces_the_presets_list():
    profile = build_profile(
        "utrecht",
        {"refusal_grounds": [{"code": "eigen", "label": "Eigen grond", "legal_text": "Tekst."}]},
    )

    assert [ground.code for ground in profile.refusal_grounds] == ["eigen"]


def test_the_same_overrides_give_the_cached_profile():
    first = build_profile("vng-model", {"openness": {"answers": "every_member"}, "name": "houten"})
    second = build_profile("vng-model", {"name": "houten", "openness": {"answers": "every_member"}})

    assert first is second
    assert first.openness.answers == "every_member"


def test_overriding_does_not_change_the_preset():
    build_profile("vng-model", {"routing": {"officer": "cabinet_chief"}})

    assert load_preset("vng-model").routing.officer == "municipal_secretary"


def test_a_wrong_override_is_refused_in_dutch():
    with pytest.raises(PolicyError) as caught:
        build_profile("vng-model", {"routing": {"officer": "mayor"}})

    assert caught.value.messages == [
        "routing.officer: 'mayor' is niet toegestaan; kies uit: municipal_secretary, cabinet_chief"
    ]


def test_an_unknown_preset_names_the_allowed_presets():
    with pytest.raises(PolicyError) as caught:
        build_profile("amsterdam")

    assert str(caught.value) == (
        "onbekend profiel 'amsterdam'; kies uit: vng-model, utrecht, echt-susteren"
    )


def test_deep_merge_merges_tables_and_replaces_the_rest():
    base = {"a": {"b": 1, "c": 2}, "l": [1, 2], "s": "x"}

    merged = deep_merge(base, {"a": {"c": 3}, "l": [9], "s": "y"})

    assert merged == {"a": {"b": 1, "c": 3}, "l": [9], "s": "y"}
    assert base == {"a": {"b": 1, "c": 2}, "l": [1, 2], "s": "x"}

# SPDX-License-Identifier: EUPL-1.2
"""Who sees the reflection reports and how small cells are hidden, as profile rules."""

import pytest

from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import build_profile, load_preset


def refused(overrides: dict) -> str:
    with pytest.raises(PolicyError) as caught:
        build_profile("vng-model", overrides)
    return " ".join(caught.value.messages)


def test_the_model_shows_members_the_aggregate_report_and_the_college_nothing():
    reporting = load_preset("vng-model").reporting
    assert reporting.members_see_aggregate
    assert not reporting.college_sees_aggregate
    assert reporting.small_cell_threshold == 3


def test_utrecht_shows_the_college_the_aggregate_report():
    assert load_preset("utrecht").reporting.college_sees_aggregate
    assert not load_preset("echt-susteren").reporting.college_sees_aggregate


def test_the_college_gets_figures_only_where_it_hears_of_trajectories_anyway():
    message = refused({"reporting": {"college_sees_aggregate": True}})
    assert "openness.college_notified_of_start" in message
    profile = build_profile(
        "vng-model",
        {
            "reporting": {"college_sees_aggregate": True},
            "openness": {"college_notified_of_start": True},
        },
    )
    assert profile.reporting.college_sees_aggregate


def test_a_threshold_below_three_is_refused_in_dutch():
    message = refused({"reporting": {"small_cell_threshold": 2}})
    assert message == "reporting.small_cell_threshold: moet tussen 3 en 20 liggen (nu: 2)"


def test_a_stricter_threshold_is_allowed():
    profile = build_profile("vng-model", {"reporting": {"small_cell_threshold": 5}})
    assert profile.reporting.small_cell_threshold == 5


def test_an_unknown_reporting_field_is_refused():
    message = refused({"reporting": {"college_sees_everything": True}})
    assert message.startswith("reporting.college_sees_everything: onbekend veld")

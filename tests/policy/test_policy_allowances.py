# SPDX-License-Identifier: EUPL-1.2
"""The extra toelagen as profile data (toolkit, "Vergoeding en politiek verlof")."""

from decimal import Decimal

import pytest

from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import build_profile, load_preset


def refused(overrides: dict) -> str:
    with pytest.raises(PolicyError) as caught:
        build_profile("vng-model", overrides)
    return " ".join(caught.value.messages)


@pytest.mark.parametrize("preset", ["vng-model", "utrecht", "echt-susteren"])
def test_every_preset_names_the_five_extra_allowances_of_the_seed_without_an_amount(preset):
    allowances = load_preset(preset).allowances
    assert allowances.fractie_chair == allowances.inquiry_committee == Decimal("0")
    assert allowances.audit_office == allowances.confidential_committee == Decimal("0")
    assert allowances.special_committee == allowances.expenses == Decimal("0")


def test_a_municipality_records_its_own_amounts():
    profile = build_profile(
        "vng-model", {"allowances": {"fractie_chair": "254.57", "expenses": "201.32"}}
    )
    assert profile.allowances.fractie_chair == Decimal("254.57")
    assert profile.allowances.expenses == Decimal("201.32")


@pytest.mark.parametrize("value", ["-1", "10000.01", "12.345"])
def test_an_amount_out_of_bounds_is_refused_in_dutch(value):
    message = refused({"allowances": {"inquiry_committee": value}})
    assert "allowances.inquiry_committee" in message


def test_an_unknown_allowance_is_refused():
    assert "allowances.chauffeur" in refused({"allowances": {"chauffeur": "10"}})

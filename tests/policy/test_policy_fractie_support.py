# SPDX-License-Identifier: EUPL-1.2
"""Fractieondersteuning and opleidingsbudget as rules in the policy profile (RULES.md "Fractieondersteuning").

Gemeentewet art. 33 lid 2 and 3; the toolkit seed ("Fractieondersteuning", "Leren en
ontwikkelen"). A griffier edits these values: every mistake is explained in Dutch.
"""

import tomllib
from decimal import Decimal

import pytest
import tomli_w

from raadsloket.policy.errors import PolicyError
from raadsloket.policy.loader import build_profile, load_file, load_preset, profile_to_toml

D = Decimal
SEED_NOT_ALLOWED = {
    "verkiezingsbijeenkomsten": "verkiezingsbijeenkomsten",
    "giften": "giften",
    "leningen": "leningen",
    "politieke_partij": "betalingen aan de politieke partij",
    "collectieve_opleiding": "collectieve opleidingskosten",
    "relatiegeschenken": "relatiegeschenken en cadeaus",
}


def refused(overrides: dict) -> list[str]:
    with pytest.raises(PolicyError) as caught:
        build_profile("vng-model", overrides)
    return caught.value.messages


def support_with(**values) -> dict:
    return {"fractie_support": values}


# --- the VNG model's values ---------------------------------------------------------------------


def test_the_vng_model_pays_the_hilversum_example_amounts():
    support = load_preset("vng-model").fractie_support

    assert support.enabled
    assert (support.fixed_per_fractie, support.per_seat) == (D("1314.30"), D("199.77"))
    assert (support.base_year, support.indexation_percent) == (2026, D("2.00"))
    assert (support.unspent, support.reserve_cap_percent, support.reserve_cap_amount) == (
        "reserve",
        D("25"),
        None,
    )
    deadline = support.accounting_deadline
    assert (deadline.kind, deadline.month, deadline.day) == ("date", 2, 15)
    assert (support.proof_retention_years, support.payment, support.proof_required) == (
        7,
        "fractie",
        True,
    )
    assert support.reminder_days_before == [30, 7]


def test_the_seeds_not_allowed_list_is_in_the_profile_word_for_word():
    support = load_preset("vng-model").fractie_support
    not_allowed = {c.code: c for c in support.categories if c.status == "not_allowed"}

    assert set(not_allowed) == set(SEED_NOT_ALLOWED)
    for code, words in SEED_NOT_ALLOWED.items():
        assert not_allowed[code].rule.startswith(
            f"Budget voor fractieondersteuning mag niet worden uitgegeven aan {words}"
        ), code
    assert support.category("overig").status == "ask_griffie"
    assert {c.code for c in support.categories if c.status == "allowed"} == {
        "personeel",
        "onderzoek",
        "fractiescholing",
        "achterban",
        "vergaderkosten",
        "kantoor",
    }


def test_the_opleidingsbudget_and_its_rule():
    training = load_preset("vng-model").training_budget

    assert training.enabled
    assert (training.collective_per_year, training.personal_per_member) == (
        D("10000.00"),
        D("1000.00"),
    )
    assert "niet worden uitgegeven aan partijpolitieke scholing" in training.rule


@pytest.mark.parametrize("preset", ["utrecht", "echt-susteren"])
def test_the_other_presets_inherit_the_model(preset):
    assert load_preset(preset).fractie_support == load_preset("vng-model").fractie_support


# --- a profile that says nothing pays nothing -----------------------------------------------------


def test_a_profile_without_fractie_support_has_it_disabled(write_toml):
    data = tomllib.loads(profile_to_toml(load_preset("vng-model")))
    del data["fractie_support"]

    profile = load_file(write_toml(tomli_w.dumps(data)))

    assert profile.fractie_support.enabled is False
    assert profile.fractie_support.categories == []


def test_disabled_needs_no_categories():
    profile = build_profile("vng-model", support_with(enabled=False, categories=[]))

    assert profile.fractie_support.enabled is False


def test_the_profile_survives_a_round_trip_through_toml(write_toml):
    # reserve_cap_amount is empty (None): TOML has no null, so it is left out and comes back.
    profile = load_preset("vng-model")

    assert load_file(write_toml(profile_to_toml(profile))) == profile


# --- amounts are written as a griffier would --------------------------------------------------------


@pytest.mark.parametrize("written", ['"199.77"', "199.77", "200", '"200"'])
def test_an_amount_may_be_written_with_or_without_quotes(write_toml, written):
    profile = load_file(
        write_toml(f'extends = "vng-model"\n[fractie_support]\nper_seat = {written}\n')
    )

    assert profile.fractie_support.per_seat == D(written.strip('"'))


# --- mistakes, in Dutch -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            support_with(per_seat="199.777"),
            "fractie_support.per_seat: mag hoogstens 2 cijfers achter de komma hebben",
        ),
        (
            support_with(per_seat=199.777),
            "fractie_support.per_seat: mag hoogstens 2 cijfers achter de komma hebben",
        ),
        (
            support_with(per_seat="abc"),
            'fractie_support.per_seat: moet een bedrag zijn, bijvoorbeeld 199.77 of "199.77"',
        ),
        (
            support_with(fixed_per_fractie=-1),
            "fractie_support.fixed_per_fractie: moet tussen 0 en 100000000 liggen (nu: -1)",
        ),
        (
            support_with(fixed_per_fractie="-0.01"),
            "fractie_support.fixed_per_fractie: moet tussen 0 en 100000000 liggen (nu: '-0.01')",
        ),
        (
            support_with(per_seat=float("nan")),
            "fractie_support.per_seat: moet een eindig getal zijn",
        ),
        (
            support_with(reserve_cap_percent="125"),
            "fractie_support.reserve_cap_percent: mag hoogstens 100 zijn (nu: '125')",
        ),
        (
            support_with(indexation_percent="2.005"),
            "fractie_support.indexation_percent: mag hoogstens 2 cijfers achter de komma hebben",
        ),
        (
            support_with(accounting_deadline={"month": 2, "day": 30}),
            "fractie_support.accounting_deadline: 30-2 is geen datum",
        ),
        (
            # The same date every year: 29 February is not one.
            support_with(accounting_deadline={"month": 2, "day": 29}),
            "fractie_support.accounting_deadline: 29-2 is geen datum",
        ),
        (
            support_with(accounting_deadline={"month": 4, "day": 31}),
            "fractie_support.accounting_deadline: 31-4 is geen datum",
        ),
        (
            support_with(accounting_deadline={"month": 13, "day": 1}),
            "fractie_support.accounting_deadline.month: moet tussen 1 en 12 liggen (nu: 13)",
        ),
        (
            support_with(
                categories=[
                    {"code": "a", "label": "A", "status": "allowed", "rule": "Mag."},
                    {"code": "a", "label": "B", "status": "not_allowed", "rule": "Mag niet."},
                ]
            ),
            "fractie_support.categories: de code 'a' komt meer dan eens voor; elke categorie "
            "heeft een eigen code",
        ),
        (
            support_with(categories=[]),
            "fractie_support: een fractieondersteuning heeft categorieën nodig: wat wel en niet "
            "mag (Gemeentewet art. 33 lid 3)",
        ),
        (
            support_with(unspent="keep"),
            "fractie_support.unspent: 'keep' is niet toegestaan; kies uit: reserve, repay",
        ),
        (
            support_with(payment="cash"),
            "fractie_support.payment: 'cash' is niet toegestaan; kies uit: fractie, stichting, "
            "subsidy",
        ),
        (
            support_with(reminder_days_before=[400]),
            "fractie_support.reminder_days_before: herinneringen liggen tussen 0 en 365 dagen "
            "voor de termijn",
        ),
        (
            support_with(proof_retention_years=0),
            "fractie_support.proof_retention_years: moet tussen 1 en 30 liggen (nu: 0)",
        ),
        (
            {"training_budget": {"personal_per_member": "1.001"}},
            "training_budget.personal_per_member: mag hoogstens 2 cijfers achter de komma hebben",
        ),
        (
            {"training_budget": {"rule": ""}},
            "training_budget.rule: mag niet leeg zijn",
        ),
    ],
)
def test_a_wrong_value_is_explained_in_dutch(overrides, message):
    assert refused(overrides) == [message]


def test_a_wrong_category_gets_a_message_per_field():
    messages = refused(
        support_with(categories=[{"code": "Bad Code", "label": "A", "status": "maybe", "rule": ""}])
    )

    assert messages == [
        "fractie_support.categories.1.code: mag alleen kleine letters (a-z), cijfers en _ bevatten",
        "fractie_support.categories.1.status: 'maybe' is niet toegestaan; kies uit: allowed, "
        "not_allowed, ask_griffie",
        "fractie_support.categories.1.rule: mag niet leeg zijn",
    ]


def test_an_unknown_field_names_the_allowed_ones():
    (message,) = refused(support_with(colour="rood"))

    assert message.startswith("fractie_support.colour: onbekend veld; toegestane velden: enabled")


def test_a_bad_value_in_a_file_names_the_field(write_toml):
    path = write_toml('extends = "vng-model"\n[fractie_support]\nper_seat = "twee euro"\n')

    with pytest.raises(PolicyError) as caught:
        load_file(path)

    assert any(
        "fractie_support.per_seat: moet een bedrag zijn" in message
        for message in caught.value.messages
    )


def test_the_reserve_cap_may_be_an_amount_a_percentage_or_both():
    both = build_profile(
        "vng-model", support_with(reserve_cap_amount="500.00", reserve_cap_percent="20")
    ).fractie_support
    repay = build_profile("vng-model", support_with(unspent="repay")).fractie_support

    assert (both.reserve_cap_amount, both.reserve_cap_percent) == (D("500.00"), D("20"))
    assert repay.unspent == "repay"

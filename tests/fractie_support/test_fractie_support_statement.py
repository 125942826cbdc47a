# SPDX-License-Identifier: EUPL-1.2
"""The yearly statement: worked examples of the year-end and the carry-over, and its course.

Gemeentewet art. 33 lid 3 and RULES.md "Fractieondersteuning": unspent money is kept in a reserve
up to a cap (VNG model profile: 25% of the year's allocation) and the rest repaid; or, in a
full-repayment profile, all of it is repaid. The approved closing reserve opens the next year.
Lokaal Belang (6 seats) in 2026: 1314.30 + 6 × 199.77 = 2512.92; in 2027 (2% indexation)
1340.59 + 6 × 203.77 = 2563.21. raadslid2 is its treasurer, raadslid1 its chair.
"""

from datetime import date
from decimal import Decimal

import pytest

from raadsloket.access.viewer import forget_viewer
from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.fractie_support.expenses import answer_question, record_expense, review_expense
from raadsloket.fractie_support.models import Statement
from raadsloket.fractie_support.seats import merge_fracties, split_fractie
from raadsloket.fractie_support.statement import (
    accounting_deadline,
    approve,
    figures,
    record_repayment,
    reserve_cap,
    return_statement,
    set_opening_reserve,
    submit,
)
from raadsloket.lib.errors import Conflict, DomainError, Forbidden
from raadsloket.policy.loader import build_profile

pytestmark = pytest.mark.django_db

D = Decimal
# Long after both years: expenses of 2026 and 2027 are in the past, both years are over.
LATER = date(2028, 1, 10)


@pytest.fixture
def lokaal(fractie):
    return fractie("Lokaal Belang")


@pytest.fixture
def treasurer(world, as_viewer):
    return as_viewer(world["raadslid2"]), world["raadslid2"]


@pytest.fixture
def griffie(world, as_viewer):
    return as_viewer(world["griffier"]), world["griffier"]


@pytest.fixture
def spend(world, lokaal, as_viewer, pdf):
    """Lokaal Belang's treasurer records `amount` on `on` (default: in 2026)."""

    def record(amount: str, on: date = date(2026, 5, 1), category: str = "personeel", **extra):
        person = world["raadslid2"]
        return record_expense(
            as_viewer(person),
            person,
            extra.pop("target", lokaal),
            on=on,
            amount=D(amount),
            category=category,
            description=extra.pop("description", "Fractiemedewerker (urenstaat)"),
            proof=pdf(),
            today=LATER,
            **extra,
        )

    return record


def close_year(lokaal, treasurer, griffie, year: int = 2026) -> Statement:
    submit(*treasurer, lokaal, year, today=LATER)
    return approve(*griffie, lokaal, year)


def use_profile(world, overrides: dict) -> None:
    world.municipality.policy_overrides = overrides
    world.municipality.save()
    for person in world.people.values():
        forget_viewer(person)


# --- the year-end, worked out ---------------------------------------------------------------------


def test_the_reserve_cap_is_hit_and_the_rest_is_repaid(lokaal, spend, support):
    """Allocation 2512.92; spent 1000.00 + 500.00 = 1500.00; balance 1012.92.

    Cap 25% × 2512.92 = 628.23: closing reserve 628.23, to repay 1012.92 − 628.23 = 384.69.
    """
    spend("1000.00")
    spend("500.00", category="onderzoek", description="Peiling onder inwoners")

    year = figures(lokaal, 2026, support)

    assert (year.opening_reserve, year.allocation.total, year.spent) == (
        D("0.00"),
        D("2512.92"),
        D("1500.00"),
    )
    assert [(c.code, c.amount, c.count) for c in year.by_category] == [
        ("personeel", D("1000.00"), 1),
        ("onderzoek", D("500.00"), 1),
    ]
    assert (year.balance, year.reserve_cap) == (D("1012.92"), D("628.23"))
    assert (year.closing_reserve, year.to_repay, year.deficit) == (
        D("628.23"),
        D("384.69"),
        D("0.00"),
    )
    assert year.unspent_rule == (
        "Wat niet is besteed, gaat naar de reserve tot € 628,23; het meerdere wordt terugbetaald."
    )
    assert year.deadline == date(2027, 2, 15)


def test_under_the_cap_everything_unspent_is_reserved(lokaal, spend, support):
    # 2512.92 − 2200.00 = 312.92, below the cap of 628.23.
    spend("2200.00")

    year = figures(lokaal, 2026, support)

    assert (year.closing_reserve, year.to_repay) == (D("312.92"), D("0.00"))


def test_a_full_repayment_profile_repays_everything_unspent(world, lokaal, spend):
    use_profile(world, {"fractie_support": {"unspent": "repay"}})
    support = world.municipality.policy.fractie_support
    spend("1500.00")

    year = figures(lokaal, 2026, support)

    # 2512.92 − 1500.00 = 1012.92, all of it repaid; no reserve, no cap.
    assert (year.balance, year.closing_reserve, year.to_repay) == (
        D("1012.92"),
        D("0.00"),
        D("1012.92"),
    )
    assert year.reserve_cap is None
    assert year.unspent_rule == (
        "Wat aan het eind van het jaar niet is besteed, wordt volledig terugbetaald."
    )


def test_a_full_repayment_profile_carries_nothing_over(world, lokaal, spend, as_viewer):
    use_profile(world, {"fractie_support": {"unspent": "repay"}})
    support = world.municipality.policy.fractie_support
    spend("1500.00")
    treasurer = (as_viewer(world["raadslid2"]), world["raadslid2"])
    griffie = (as_viewer(world["griffier"]), world["griffier"])

    approved = close_year(lokaal, treasurer, griffie)

    assert (approved.snapshot["closing_reserve"], approved.snapshot["to_repay"]) == (
        "0.00",
        "1012.92",
    )
    next_year = figures(lokaal, 2027, support)
    assert (next_year.opening_reserve, next_year.provisional) == (D("0.00"), False)


def test_an_overspent_year_has_a_deficit_and_no_negative_reserve(
    lokaal, spend, support, treasurer, griffie
):
    # 2512.92 − 2600.00 = −87.08: a deficit of 87.08; nothing to repay, no reserve.
    spend("2600.00")

    year = figures(lokaal, 2026, support)
    assert (year.balance, year.deficit, year.closing_reserve, year.to_repay) == (
        D("-87.08"),
        D("87.08"),
        D("0.00"),
        D("0.00"),
    )

    close_year(lokaal, treasurer, griffie)
    # The next year starts at zero, not below.
    assert figures(lokaal, 2027, support).opening_reserve == D("0.00")


def test_the_cap_can_be_an_amount_and_the_lower_cap_counts(support):
    with_amount = build_profile(
        "vng-model", {"fractie_support": {"reserve_cap_amount": "500.00"}}
    ).fractie_support
    generous = build_profile(
        "vng-model", {"fractie_support": {"reserve_cap_amount": "700.00"}}
    ).fractie_support
    no_cap = build_profile(
        "vng-model", {"fractie_support": {"reserve_cap_percent": None}}
    ).fractie_support

    # 25% of 2512.92 = 628.23; with a cap of 500.00 as well, 500.00 counts.
    assert reserve_cap(support, D("2512.92")) == D("628.23")
    assert reserve_cap(with_amount, D("2512.92")) == D("500.00")
    assert reserve_cap(generous, D("2512.92")) == D("628.23")
    assert reserve_cap(no_cap, D("2512.92")) is None


def test_without_a_cap_everything_unspent_is_reserved(world, lokaal, spend):
    use_profile(world, {"fractie_support": {"reserve_cap_percent": None}})
    spend("500.00")

    year = figures(lokaal, 2026, world.municipality.policy.fractie_support)

    assert (year.closing_reserve, year.to_repay, year.reserve_cap) == (
        D("2012.92"),
        D("0.00"),
        None,
    )
    assert year.unspent_rule == "Wat niet is besteed, gaat naar de reserve van de fractie."


def test_a_split_fractie_accounts_for_its_pro_rated_allocation(world, lokaal, spend, support):
    new = split_fractie(
        lokaal,
        date(2026, 7, 1),
        name="Groep Van Dam",
        seats=2,
        members=[world["raadslid5"], world["raadslid6"]],
        actor=world["griffier"],
    )
    spend("2000.00")

    # 1314.30 + 594.38 + 402.83 = 2311.51; cap 25% = 577.8775 → 577.88; balance 311.51.
    old = figures(lokaal, 2026, support)
    assert (old.allocation.total, old.reserve_cap, old.closing_reserve) == (
        D("2311.51"),
        D("577.88"),
        D("311.51"),
    )
    # 662.55 + 201.41 = 863.96; nothing spent: cap 215.99, repay 863.96 − 215.99 = 647.97.
    fresh_start = figures(new, 2026, support)
    assert (fresh_start.allocation.total, fresh_start.closing_reserve, fresh_start.to_repay) == (
        D("863.96"),
        D("215.99"),
        D("647.97"),
    )


# --- carry-over -----------------------------------------------------------------------------------


def test_the_approved_closing_reserve_opens_the_next_year(
    lokaal, spend, support, treasurer, griffie
):
    """2026 closes with 628.23 in reserve (the cap); 2027 opens with it.

    2027: 628.23 + 2563.21 = 3191.44 available; spent 2000.00; balance 1191.44. The cap is on
    the year's allocation, not on what is available: 25% × 2563.21 = 640.8025 → 640.80; to repay
    1191.44 − 640.80 = 550.64.
    """
    spend("1500.00")
    close_year(lokaal, treasurer, griffie)
    spend("2000.00", on=date(2027, 3, 1))

    year = figures(lokaal, 2027, support)

    assert (year.opening_reserve, year.provisional) == (D("628.23"), False)
    assert year.opening_source == "eindreserve van de vastgestelde verantwoording 2026"
    assert (year.allocation.total, year.available, year.balance) == (
        D("2563.21"),
        D("3191.44"),
        D("1191.44"),
    )
    assert (year.reserve_cap, year.closing_reserve, year.to_repay) == (
        D("640.80"),
        D("640.80"),
        D("550.64"),
    )
    approved = close_year(lokaal, treasurer, griffie, 2027)
    assert approved.snapshot["opening_reserve"] == "628.23"
    assert approved.snapshot["to_repay"] == "550.64"


def test_before_approval_the_carry_over_is_provisional(lokaal, spend, support, treasurer):
    spend("1500.00")
    spend("100.00", on=date(2027, 3, 1))
    submit(*treasurer, lokaal, 2026, today=LATER)  # submitted, not yet approved

    year = figures(lokaal, 2027, support)

    assert (year.opening_reserve, year.provisional) == (D("628.23"), True)
    assert year.opening_source == "eindreserve 2026 (voorlopig: nog niet vastgesteld)"


def test_a_year_without_history_opens_at_zero(lokaal, support):
    year = figures(lokaal, 2026, support)

    assert (year.opening_reserve, year.provisional) == (D("0.00"), False)
    assert year.opening_source == "geen eerdere verantwoording in raadsloket"


def test_the_griffies_opening_reserve_wins(lokaal, spend, support, treasurer, griffie):
    spend("1500.00")
    close_year(lokaal, treasurer, griffie)
    before = AuditEvent.objects.count()

    set_opening_reserve(*griffie, lokaal, 2027, D("100.00"))

    year = figures(lokaal, 2027, support)
    assert (year.opening_reserve, year.provisional) == (D("100.00"), False)
    assert year.opening_source == "vastgesteld door de griffie"
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.last().action == "budgets.opening_reserve_set"


def test_a_reserve_from_before_raadsloket_is_entered_by_the_griffie(
    lokaal, spend, support, griffie
):
    set_opening_reserve(*griffie, lokaal, 2026, D("180"))
    spend("2500.00")

    year = figures(lokaal, 2026, support)

    # 180.00 + 2512.92 − 2500.00 = 192.92, under the cap: all of it reserved.
    assert (year.opening_reserve, year.balance, year.closing_reserve) == (
        D("180.00"),
        D("192.92"),
        D("192.92"),
    )


@pytest.mark.parametrize("amount", [D("-1"), D("NaN"), "100", D("100000001")])
def test_an_opening_reserve_is_zero_or_more(lokaal, griffie, amount):
    with pytest.raises(DomainError, match="€ 0,00 of meer"):
        set_opening_reserve(*griffie, lokaal, 2026, amount)


def test_a_merged_fractie_starts_without_a_reserve_unless_agreed(world, fractie, support, griffie):
    merged = merge_fracties(
        [fractie("SP"), fractie("Partij voor de Dieren")],
        date(2026, 10, 1),
        name="Rood-Groen",
        actor=world["griffier"],
    )
    assert figures(merged, 2027, support).opening_reserve == D("0.00")

    set_opening_reserve(*griffie, merged, 2027, D("250.00"))
    assert figures(merged, 2027, support).opening_reserve == D("250.00")


def test_the_next_year_cannot_be_approved_before_this_one(lokaal, spend, treasurer, griffie):
    spend("1500.00")
    spend("100.00", on=date(2027, 3, 1))
    submit(*treasurer, lokaal, 2026, today=LATER)
    submit(*treasurer, lokaal, 2027, today=LATER)

    with pytest.raises(Conflict, match="Stel eerst de verantwoording over 2026 vast"):
        approve(*griffie, lokaal, 2027)

    approve(*griffie, lokaal, 2026)
    assert approve(*griffie, lokaal, 2027).status == Statement.Status.APPROVED


# --- the snapshot -------------------------------------------------------------------------------


def test_an_approved_statement_does_not_change_with_the_profile(
    world, lokaal, spend, treasurer, griffie
):
    spend("1500.00")
    approved = close_year(lokaal, treasurer, griffie)
    frozen = dict(approved.snapshot)
    assert frozen == {
        "allocation": "2512.92",
        "allocation_lines": [
            {
                "start": "2026-01-01",
                "end": "2026-12-31",
                "days": 365,
                "seats": 6,
                "fixed_part": "1314.30",
                "seat_part": "1198.62",
            }
        ],
        "fixed_per_fractie": "1314.30",
        "per_seat": "199.77",
        "opening_reserve": "0.00",
        "by_category": {"personeel": "1500.00"},
        "spent": "1500.00",
        "not_counted": "0.00",
        "balance": "1012.92",
        "reserve_cap": "628.23",
        "closing_reserve": "628.23",
        "to_repay": "384.69",
        "deficit": "0.00",
    }

    # The council lowers the cap to 10% and raises the amounts afterwards.
    use_profile(
        world,
        {"fractie_support": {"reserve_cap_percent": "10", "fixed_per_fractie": "2000.00"}},
    )
    support = world.municipality.policy.fractie_support
    assert figures(lokaal, 2026, support).closing_reserve != D("628.23")

    approved.refresh_from_db()
    assert approved.snapshot == frozen
    # The next year still opens with what was approved.
    assert figures(lokaal, 2027, support).opening_reserve == D("628.23")


# --- the course: submit, return, approve ---------------------------------------------------------


def test_a_year_is_submitted_only_after_it_ended(lokaal, spend, treasurer):
    spend("100.00")

    with pytest.raises(DomainError, match="over 2026 kan na afloop van het jaar"):
        submit(*treasurer, lokaal, 2026, today=date(2026, 12, 31))
    assert submit(*treasurer, lokaal, 2026, today=date(2027, 1, 1)).status == "submitted"


def test_a_year_with_a_pending_question_is_not_submitted(lokaal, spend, treasurer, griffie):
    waiting = spend(
        "350.00",
        category="overig",
        description="Contributie vereniging",
        question="Mogen wij de contributie van de vereniging betalen?",
    )

    with pytest.raises(Conflict, match="^1 uitgave wacht nog op het antwoord"):
        submit(*treasurer, lokaal, 2026, today=LATER)

    answer_question(*griffie, waiting.question, answer="presidium", reasoning="Naar het presidium.")
    with pytest.raises(Conflict):
        submit(*treasurer, lokaal, 2026, today=LATER)

    answer_question(*griffie, waiting.question, answer="not_allowed", reasoning="Partijbetaling.")
    assert submit(*treasurer, lokaal, 2026, today=LATER).status == "submitted"


@pytest.mark.parametrize("username", ["raadslid1", "raadslid3", "griffier", "raadslid8"])
def test_only_the_treasurer_submits(world, lokaal, as_viewer, username):
    with pytest.raises(Forbidden):
        submit(as_viewer(world[username]), world[username], lokaal, 2026, today=LATER)
    assert not Statement.objects.exists()


def test_a_submitted_statement_is_not_submitted_again(lokaal, treasurer):
    submit(*treasurer, lokaal, 2026, today=LATER)

    with pytest.raises(Conflict, match="al ingediend"):
        submit(*treasurer, lokaal, 2026, today=LATER)


def test_returning_needs_a_remark_and_a_submitted_statement(lokaal, treasurer, griffie):
    with pytest.raises(Conflict, match="Alleen een ingediende verantwoording"):
        return_statement(*griffie, lokaal, 2026, remark="De factuur ontbreekt.")
    submit(*treasurer, lokaal, 2026, today=LATER)

    for remark in ("", "   ", "kort"):
        with pytest.raises(DomainError, match="wat de fractie moet verbeteren") as refused:
            return_statement(*griffie, lokaal, 2026, remark=remark)
        assert refused.value.field == "remark"

    returned = return_statement(*griffie, lokaal, 2026, remark="De factuur van mei ontbreekt.")
    assert (returned.status, returned.review_remark) == (
        "returned",
        "De factuur van mei ontbreekt.",
    )


def test_a_returned_statement_is_corrected_and_approved(lokaal, spend, treasurer, griffie):
    spend("1500.00")
    submit(*treasurer, lokaal, 2026, today=LATER)
    return_statement(*griffie, lokaal, 2026, remark="De factuur van mei ontbreekt.")
    spend("12.50", category="kantoor", description="Printerpapier")

    submit(*treasurer, lokaal, 2026, today=LATER)
    approved = approve(*griffie, lokaal, 2026, remark="Akkoord.")

    assert approved.status == Statement.Status.APPROVED
    assert approved.snapshot["spent"] == "1512.50"
    assert approved.review_remark == "Akkoord."


def test_an_over_long_approval_remark_is_refused_whole_and_nothing_is_approved(
    lokaal, spend, treasurer, griffie
):
    spend("100.00")
    submit(*treasurer, lokaal, 2026, today=LATER)

    with pytest.raises(DomainError, match="^De opmerking is 4.001 tekens; het maximum is 4.000"):
        approve(*griffie, lokaal, 2026, remark="x" * 4001)

    statement = Statement.objects.get(fractie=lokaal, year=2026)
    assert (statement.status, statement.review_remark) == (Statement.Status.SUBMITTED, "")
    assert approve(*griffie, lokaal, 2026, remark="y" * 4000).review_remark == "y" * 4000


def test_only_a_submitted_statement_is_approved(lokaal, griffie):
    with pytest.raises(Conflict, match="Alleen een ingediende verantwoording wordt"):
        approve(*griffie, lokaal, 2026)


def test_an_unclear_line_blocks_approval_until_reviewed(lokaal, spend, treasurer, griffie):
    lunch = spend("86.50", category="vergaderkosten", description="Lunch met wethouder")
    review_expense(*griffie, lunch, review="unclear", remark="Voorgelegd aan het presidium.")
    submit(*treasurer, lokaal, 2026, today=LATER)

    with pytest.raises(Conflict, match="^1 uitgave ligt nog bij het presidium"):
        approve(*griffie, lokaal, 2026)

    review_expense(*griffie, lunch, review="rejected", remark="Het presidium: geen vergaderkost.")
    assert approve(*griffie, lokaal, 2026).snapshot["not_counted"] == "86.50"


@pytest.mark.parametrize("username", ["raadslid2", "raadslid1", "secretaris", "burgemeester"])
def test_only_the_griffie_approves_and_returns(world, lokaal, treasurer, as_viewer, username):
    submit(*treasurer, lokaal, 2026, today=LATER)
    viewer = as_viewer(world[username])

    with pytest.raises(Forbidden):
        approve(viewer, world[username], lokaal, 2026)
    with pytest.raises(Forbidden):
        return_statement(viewer, world[username], lokaal, 2026, remark="Niet goed genoeg.")
    with pytest.raises(Forbidden):
        set_opening_reserve(viewer, world[username], lokaal, 2026, D("10.00"))


def test_the_griffie_of_another_municipality_cannot_approve(
    other_world, lokaal, treasurer, as_viewer
):
    submit(*treasurer, lokaal, 2026, today=LATER)
    griffier = other_world["griffier"]

    with pytest.raises(Forbidden):
        approve(as_viewer(griffier), griffier, lokaal, 2026)


def test_an_approved_year_keeps_its_opening_reserve(lokaal, treasurer, griffie):
    close_year(lokaal, treasurer, griffie)

    with pytest.raises(Conflict, match="al vastgesteld"):
        set_opening_reserve(*griffie, lokaal, 2026, D("10.00"))


# --- repayment ----------------------------------------------------------------------------------


def test_the_griffie_records_the_repayment(lokaal, spend, treasurer, griffie):
    spend("1500.00")
    with pytest.raises(Conflict, match="hoort bij een vastgestelde verantwoording"):
        record_repayment(*griffie, lokaal, 2026, on=date(2027, 3, 1))
    close_year(lokaal, treasurer, griffie)

    repaid = record_repayment(*griffie, lokaal, 2026, on=date(2027, 3, 1))

    assert repaid.repaid_on == date(2027, 3, 1)
    assert AuditEvent.objects.last().action == "budgets.repayment_recorded"


def test_nothing_to_repay_means_no_repayment(lokaal, spend, treasurer, griffie):
    spend("2200.00")  # 312.92 left, under the cap
    close_year(lokaal, treasurer, griffie)

    with pytest.raises(Conflict, match="hoeft niets te worden terugbetaald"):
        record_repayment(*griffie, lokaal, 2026, on=date(2027, 3, 1))


# --- deadline -----------------------------------------------------------------------------------


def test_the_accounting_deadline(support):
    assert accounting_deadline(support, 2026) == date(2027, 2, 15)
    two_months = build_profile(
        "vng-model",
        {"fractie_support": {"accounting_deadline": {"kind": "months_after_year", "months": 2}}},
    ).fractie_support
    # "Binnen twee maanden na afloop van het jaar": the last day of February.
    assert accounting_deadline(two_months, 2026) == date(2027, 2, 28)
    assert accounting_deadline(two_months, 2027) == date(2028, 2, 29)


# --- audit ----------------------------------------------------------------------------------------


def test_every_step_leaves_one_event_in_the_chain(lokaal, spend, treasurer, griffie):
    spend("1500.00")
    steps = [
        ("budgets.statement_submitted", lambda: submit(*treasurer, lokaal, 2026, today=LATER)),
        (
            "budgets.statement_returned",
            lambda: return_statement(*griffie, lokaal, 2026, remark="Graag de factuur."),
        ),
        ("budgets.statement_submitted", lambda: submit(*treasurer, lokaal, 2026, today=LATER)),
        ("budgets.statement_approved", lambda: approve(*griffie, lokaal, 2026)),
        (
            "budgets.repayment_recorded",
            lambda: record_repayment(*griffie, lokaal, 2026, on=date(2027, 3, 1)),
        ),
        (
            "budgets.opening_reserve_set",
            lambda: set_opening_reserve(*griffie, lokaal, 2027, D("600.00")),
        ),
    ]
    for action, step in steps:
        before = AuditEvent.objects.count()
        step()
        assert AuditEvent.objects.count() == before + 1, action
        assert AuditEvent.objects.last().action == action
    approved = AuditEvent.objects.get(action="budgets.statement_approved")
    assert approved.detail["closing_reserve"] == "628.23" and approved.detail["year"] == 2026
    assert chain.verify() == []

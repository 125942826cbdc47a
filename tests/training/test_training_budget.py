# SPDX-License-Identifier: EUPL-1.2
"""The opleidingsbudget (toolkit seed, "Leren en ontwikkelen"), worked through by named people.

The council sets a collective budget and a personal budget per member per year (VNG model
profile defaults: € 10.000 and € 1.000). Members ask; the griffie approves within what is left or
refuses with reasons; the budget is not for party-political training. raadslid3 and raadslid4
are members of Lokaal Belang, commissielid1 a committee member; griffier and raadsadviseur are
the griffie.
"""

from datetime import date
from decimal import Decimal

import pytest

from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.lib.errors import Conflict, DomainError, Forbidden
from raadsloket.training.models import TrainingRequest, TrainingYear
from raadsloket.training.services import (
    collective_budget,
    decide,
    personal_budget,
    request_training,
    set_year_budget,
    withdraw,
)

pytestmark = pytest.mark.django_db

D = Decimal
TODAY = date(2026, 11, 23)
PERSONAL, COLLECTIVE = TrainingRequest.Kind.PERSONAL, TrainingRequest.Kind.COLLECTIVE


@pytest.fixture
def ask(world, as_viewer):
    """raadslid3 asks for a course (any field can be changed)."""

    def request(person=None, **changes):
        person = person or world["raadslid3"]
        data = {
            "kind": PERSONAL,
            "title": "Cursus Grip op financiën",
            "provider": "Raadslid.Nu",
            "start_date": date(2026, 12, 10),
            "cost": D("495.00"),
            "purpose": "De begroting zelfstandig kunnen lezen en amenderen.",
            "not_party_political": True,
            "today": TODAY,
        }
        data.update(changes)
        return request_training(as_viewer(person), person, **data)

    return request


@pytest.fixture
def griffie(world, as_viewer):
    return as_viewer(world["griffier"]), world["griffier"]


def approve(griffie, request):
    return decide(*griffie, request, approve=True, reason="")


# --- budgets ------------------------------------------------------------------------------------


def test_without_a_council_decision_the_profiles_amounts_count(world):
    profile = world.municipality.policy
    personal = personal_budget(world["raadslid3"], 2026, profile)
    collective = collective_budget(world.municipality, 2026, profile)

    assert (personal.amount, personal.approved, personal.pending, personal.remaining) == (
        D("1000.00"),
        D("0.00"),
        D("0.00"),
        D("1000.00"),
    )
    assert collective.amount == D("10000.00")
    assert not TrainingYear.objects.exists()


def test_the_griffie_records_the_councils_amounts(world, griffie):
    before = AuditEvent.objects.count()

    row = set_year_budget(
        *griffie,
        world.municipality,
        2026,
        collective=D("8000.00"),
        personal=D("750.00"),
        decision="Raadsbesluit begroting 2026",
    )

    assert (row.collective_amount, row.personal_amount, row.decision) == (
        D("8000.00"),
        D("750.00"),
        "Raadsbesluit begroting 2026",
    )
    assert personal_budget(world["raadslid3"], 2026, world.municipality.policy).amount == D(
        "750.00"
    )
    # Another year keeps the profile's amounts.
    assert personal_budget(world["raadslid3"], 2027, world.municipality.policy).amount == D(
        "1000.00"
    )
    assert AuditEvent.objects.count() == before + 1
    # Recording it again changes the row, not adds one.
    set_year_budget(*griffie, world.municipality, 2026, collective=D("9000"), personal=D("750"))
    assert TrainingYear.objects.get().collective_amount == D("9000.00")


@pytest.mark.parametrize("username", ["raadslid1", "raadslid3", "wethouder1", "secretaris"])
def test_only_the_griffie_records_the_amounts(world, as_viewer, username):
    with pytest.raises(Forbidden):
        set_year_budget(
            as_viewer(world[username]),
            world[username],
            world.municipality,
            2026,
            collective=D("1"),
            personal=D("1"),
        )


def test_a_budget_amount_is_zero_or_more(world, griffie):
    with pytest.raises(DomainError, match="€ 0,00 of meer"):
        set_year_budget(*griffie, world.municipality, 2026, collective=D("-1"), personal=D("1"))


# --- requests -----------------------------------------------------------------------------------


def test_a_member_asks_for_a_course(world, ask):
    before = AuditEvent.objects.count()

    request = ask()

    assert (request.person, request.year, request.kind, request.status) == (
        world["raadslid3"],
        2026,
        PERSONAL,
        TrainingRequest.Status.SUBMITTED,
    )
    budget = personal_budget(world["raadslid3"], 2026, world.municipality.policy)
    assert (budget.pending, budget.approved, budget.remaining) == (
        D("495.00"),
        D("0.00"),
        D("1000.00"),
    )
    assert AuditEvent.objects.count() == before + 1
    event = AuditEvent.objects.last()
    assert (event.action, event.actor_ref) == ("budgets.training_requested", "raadslid3")


def test_the_year_is_the_year_of_the_course(ask):
    assert ask(start_date=date(2027, 2, 1)).year == 2027
    assert ask(start_date=date(2025, 6, 1)).year == 2025


def test_a_course_long_ago_is_not_asked_for(ask):
    with pytest.raises(DomainError, match="dit of vorig jaar, of later"):
        ask(start_date=date(2024, 12, 31))


def test_party_political_training_is_refused_with_the_rule(world, ask):
    before = AuditEvent.objects.count()

    with pytest.raises(DomainError) as refused:
        ask(not_party_political=False, title="Campagnetraining van de partij")

    assert refused.value.message == world.municipality.policy.training_budget.rule
    assert refused.value.message == (
        "Het opleidingsbudget is bestemd voor de functionele scholing van raadsleden; het mag "
        "niet worden uitgegeven aan partijpolitieke scholing."
    )
    assert refused.value.field == "not_party_political"
    assert not TrainingRequest.objects.exists() and AuditEvent.objects.count() == before


def test_a_request_over_the_remaining_budget_is_refused_with_what_is_left(ask, griffie):
    approve(griffie, ask(cost=D("800.00")))

    with pytest.raises(DomainError) as refused:
        ask(cost=D("300.00"), title="Debattraining")

    assert refused.value.message == (
        "De kosten (€ 300,00) zijn hoger dan wat van het persoonlijke budget 2026 over is "
        "(€ 200,00)."
    )
    assert refused.value.field == "cost"
    assert TrainingRequest.objects.count() == 1
    # Exactly what is left is fine.
    assert ask(cost=D("200.00")).status == TrainingRequest.Status.SUBMITTED


@pytest.mark.parametrize(
    ("cost", "message"),
    [
        (D("0"), "tussen € 0,01 en € 100.000,00"),
        (D("-10"), "tussen € 0,01 en € 100.000,00"),
        (D("100000.01"), "tussen € 0,01 en € 100.000,00"),
        (D("NaN"), "tussen € 0,01 en € 100.000,00"),
        ("100", "tussen € 0,01 en € 100.000,00"),
        (D("99.999"), "hoogstens twee cijfers achter de komma"),
    ],
)
def test_costs_are_positive_with_two_decimals(ask, cost, message):
    with pytest.raises(DomainError, match=message):
        ask(cost=cost)


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("title", "ab", "De naam van de opleiding is 3 tot 200 tekens lang"),
        ("provider", "", "De aanbieder is 2 tot 200 tekens lang"),
        ("purpose", "Leuk.", "Het doel voor het raadswerk is 10 tot 4000 tekens lang"),
        ("kind", "party", "Kies persoonlijk of collectief"),
    ],
)
def test_a_request_says_what_where_and_why(ask, field, value, message):
    with pytest.raises(DomainError, match=message):
        ask(**{field: value})


@pytest.mark.parametrize("username", ["raadslid3", "raadslid1", "raadslid2", "commissielid1"])
def test_members_and_committee_members_may_ask(world, ask, username):
    assert ask(person=world[username]).person == world[username]


@pytest.mark.parametrize(
    "username",
    [
        "fractiemedewerker1",
        "griffier",
        "raadsadviseur",
        "burgemeester",
        "wethouder1",
        "secretaris",
        "kabinetschef",
        "ambtenaar1",
        "manager1",
        "beheerder",
        "collegecontact",
    ],
)
def test_others_may_not_ask(world, ask, username):
    with pytest.raises(Forbidden, match="Alleen raadsleden en commissieleden"):
        ask(person=world[username])


def test_a_profile_without_opleidingsbudget_takes_no_requests(world, ask, fresh):
    world.municipality.policy_overrides = {"training_budget": {"enabled": False}}
    world.municipality.save()

    with pytest.raises(Forbidden):
        ask(person=fresh(world["raadslid3"]))


# --- the griffie decides --------------------------------------------------------------------------


def test_the_griffie_approves_within_the_budget(world, ask, griffie):
    request = ask()
    before = AuditEvent.objects.count()

    approved = approve(griffie, request)

    assert approved.status == TrainingRequest.Status.APPROVED
    assert (approved.decided_by, approved.decided_at is not None) == (griffie[1], True)
    budget = personal_budget(world["raadslid3"], 2026, world.municipality.policy)
    assert (budget.approved, budget.pending, budget.remaining) == (
        D("495.00"),
        D("0.00"),
        D("505.00"),
    )
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.last().detail == {"request": request.pk, "status": "approved"}


def test_a_refusal_gives_reasons(ask, griffie):
    request = ask(title="Campagnetraining: zichtbaar in de wijk")

    with pytest.raises(DomainError, match="Een afwijzing is gemotiveerd"):
        decide(*griffie, request, approve=False, reason="Nee.")
    refused = decide(
        *griffie, request, approve=False, reason="Dit is partijpolitieke scholing voor de campagne."
    )

    assert refused.status == TrainingRequest.Status.REFUSED
    assert refused.decision_reason == "Dit is partijpolitieke scholing voor de campagne."


def test_a_decision_stands(ask, griffie):
    request = ask()
    approve(griffie, request)

    with pytest.raises(Conflict, match="al beslist \\(goedgekeurd\\)"):
        decide(*griffie, request, approve=False, reason="Toch maar niet, te duur.")


def test_two_approvals_racing_for_the_last_euros(world, ask, as_viewer):
    """Two requests of € 600 fit the € 1.000 one by one, not both; the second approval loses.

    Griffier and raadsadviseur each open a request while both are still pending; the griffier
    approves first, so the raadsadviseur's approval meets a budget with € 400 left.
    """
    first, second = ask(cost=D("600.00")), ask(cost=D("600.00"), title="Debattraining")
    griffier = (as_viewer(world["griffier"]), world["griffier"])
    adviseur = (as_viewer(world["raadsadviseur"]), world["raadsadviseur"])

    approve(griffier, first)
    with pytest.raises(Conflict) as lost:
        approve(adviseur, second)

    assert lost.value.status == 409
    assert lost.value.message == (
        "Goedkeuren gaat niet: er is nog € 400,00 over in dit budget en de aanvraag kost € 600,00."
    )
    second.refresh_from_db()
    assert second.status == TrainingRequest.Status.SUBMITTED
    budget = personal_budget(world["raadslid3"], 2026, world.municipality.policy)
    assert budget.approved == D("600.00") and budget.remaining == D("400.00")
    # A refusal of the second still works.
    assert (
        decide(*adviseur, second, approve=False, reason="Het budget is op voor dit jaar.").status
        == TrainingRequest.Status.REFUSED
    )


def test_a_smaller_budget_set_later_blocks_approval(world, ask, griffie):
    request = ask(cost=D("900.00"))
    set_year_budget(*griffie, world.municipality, 2026, collective=D("5000"), personal=D("500"))

    with pytest.raises(Conflict, match="er is nog € 500,00 over"):
        approve(griffie, request)


@pytest.mark.parametrize("username", ["raadslid1", "raadslid3", "burgemeester", "secretaris"])
def test_only_the_griffie_decides(world, ask, as_viewer, username):
    request = ask()

    with pytest.raises(Forbidden):
        decide(as_viewer(world[username]), world[username], request, approve=True, reason="")


def test_the_griffie_of_another_municipality_does_not_decide(other_world, ask, as_viewer):
    request = ask()
    griffier = other_world["griffier"]

    with pytest.raises(Forbidden):
        decide(as_viewer(griffier), griffier, request, approve=True, reason="")


# --- personal and collective ----------------------------------------------------------------------


def test_personal_budgets_are_per_member_and_per_year(world, ask, griffie):
    approve(griffie, ask(cost=D("1000.00")))
    approve(griffie, ask(cost=D("1000.00"), start_date=date(2025, 10, 1)))
    profile = world.municipality.policy

    assert personal_budget(world["raadslid3"], 2026, profile).remaining == D("0.00")
    assert personal_budget(world["raadslid3"], 2025, profile).remaining == D("0.00")
    assert personal_budget(world["raadslid3"], 2027, profile).remaining == D("1000.00")
    assert personal_budget(world["raadslid4"], 2026, profile).remaining == D("1000.00")
    assert ask(person=world["raadslid4"], cost=D("1000.00")).status == "submitted"


def test_a_collective_course_comes_from_the_councils_budget(world, ask, griffie):
    course = ask(
        person=world["raadslid9"],
        kind=COLLECTIVE,
        title="Integriteitstraining voor de voltallige raad",
        provider="Bureau Integriteit Publiek",
        cost=D("3200.00"),
    )
    approve(griffie, course)
    profile = world.municipality.policy

    collective = collective_budget(world.municipality, 2026, profile)
    assert (collective.approved, collective.remaining) == (D("3200.00"), D("6800.00"))
    # It is not the member's personal budget.
    assert personal_budget(world["raadslid9"], 2026, profile).approved == D("0.00")
    with pytest.raises(DomainError, match="collectieve budget 2026 over is \\(€ 6.800,00\\)"):
        ask(kind=COLLECTIVE, cost=D("7000.00"))


# --- withdrawing ---------------------------------------------------------------------------------


def test_the_member_withdraws_a_pending_request(world, ask, as_viewer):
    request = ask()
    before = AuditEvent.objects.count()

    withdrawn = withdraw(as_viewer(world["raadslid3"]), world["raadslid3"], request)

    assert withdrawn.status == TrainingRequest.Status.WITHDRAWN
    assert personal_budget(world["raadslid3"], 2026, world.municipality.policy).pending == D("0.00")
    assert AuditEvent.objects.count() == before + 1
    assert AuditEvent.objects.last().action == "budgets.training_withdrawn"


def test_only_the_member_withdraws_and_only_before_a_decision(world, ask, as_viewer, griffie):
    request = ask()

    for username in ("raadslid4", "griffier"):
        with pytest.raises(Forbidden, match="Alleen de aanvrager"):
            withdraw(as_viewer(world[username]), world[username], request)

    approve(griffie, request)
    with pytest.raises(Conflict, match="nog niet is beslist"):
        withdraw(as_viewer(world["raadslid3"]), world["raadslid3"], request)


def test_refused_and_withdrawn_requests_do_not_use_the_budget(world, ask, as_viewer, griffie):
    decide(*griffie, ask(cost=D("600")), approve=False, reason="Geen raadswerk, maar hobby.")
    withdraw(as_viewer(world["raadslid3"]), world["raadslid3"], ask(cost=D("300")))

    budget = personal_budget(world["raadslid3"], 2026, world.municipality.policy)
    assert (budget.approved, budget.pending, budget.remaining) == (
        D("0.00"),
        D("0.00"),
        D("1000.00"),
    )
    assert chain.verify() == []

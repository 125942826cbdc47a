# SPDX-License-Identifier: EUPL-1.2
"""The demo's fractieondersteuning: a year of realistic spending, one split.

The demo is built for a fixed "today" (23 November 2026) so the figures are the same every run;
one test builds it on 2 January to show nothing depends on the time of year.
"""

import io
import re
import zlib
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from raadsloket.access.fractie_support import precedent_rows
from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.demo.budgets import PREVIOUS_YEAR, BudgetSummary, invoice_pdf, load_budgets
from raadsloket.demo.people import World, build_municipality
from raadsloket.fractie_support.models import Expense, SeatPeriod, SpendingQuestion, Statement
from raadsloket.fractie_support.statement import accounting_deadline, figures
from raadsloket.organisation.models import Fractie, Municipality, Person
from raadsloket.organisation.roles import Role
from raadsloket.training.models import TrainingRequest, TrainingYear

pytestmark = pytest.mark.django_db

TODAY = date(2026, 11, 23)
PREVIOUS, CURRENT = 2025, 2026


@dataclass
class Built:
    world: World
    summary: BudgetSummary
    media_root: object


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, built once for this module inside a transaction that is rolled back after.

    Each test still runs in its own savepoint, so nothing a test does reaches the next one.
    """
    media_root = tmp_path_factory.mktemp("demo-files")
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast, MEDIA_ROOT=media_root),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_municipality(
                "Gemeente Demodorp", "demodorp", prefix="d-", password="demo"
            )
            yield Built(world, load_budgets(world, today=TODAY), media_root)
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def demo(built, db, settings):
    # The proofs are in the module's files (the autouse fixture moves MEDIA_ROOT per test).
    settings.MEDIA_ROOT = built.media_root
    return built.world, built.summary


def statement_of(world, name: str, year: int = PREVIOUS) -> Statement | None:
    return Statement.objects.filter(
        fractie__municipality=world.municipality, fractie__name=name, year=year
    ).first()


# --- a real PDF -------------------------------------------------------------------------------


def test_the_demo_invoice_is_a_complete_pdf():
    content = invoice_pdf("Factuur 1", ["Drukkerij Van der Velden", "Bedrag: € 125,50 (incl.)"])

    assert content.startswith(b"%PDF-1.4\n")
    assert content.endswith(b"%%EOF\n")
    # The cross-reference table points at each object exactly, as a reader needs it to.
    start = int(re.search(rb"startxref\n(\d+)\n", content).group(1))
    assert content[start:].startswith(b"xref\n0 6\n")
    rows = re.findall(rb"(\d{10}) 00000 n \n", content[start:])
    assert len(rows) == 5
    for number, offset in enumerate(rows, start=1):
        assert content[int(offset) :].startswith(b"%d 0 obj\n" % number)
    # The page text, with the euro sign in the PDF's own (WinAnsi) encoding and ( ) escaped.
    length = int(re.search(rb"/Length (\d+) /Filter /FlateDecode", content).group(1))
    stream_start = content.index(b"stream\n") + len(b"stream\n")
    text = zlib.decompress(content[stream_start : stream_start + length])
    assert b"(Bedrag: \x80 125,50 \\(incl.\\)) '" in text


# --- the split --------------------------------------------------------------------------------


def test_two_members_split_off_lokaal_belang_on_1_july(demo):
    world, summary = demo
    lokaal = Fractie.objects.get(municipality=world.municipality, name="Lokaal Belang")
    van_dam = Fractie.objects.get(municipality=world.municipality, name="Groep Van Dam")

    assert summary.splits == 1
    assert Fractie.objects.filter(municipality=world.municipality).count() == 9
    assert (lokaal.seats, van_dam.seats) == (4, 2)
    assert [(p.start, p.end, p.seats) for p in SeatPeriod.objects.filter(fractie=lokaal)] == [
        (None, date(PREVIOUS, 6, 30), 6),
        (date(PREVIOUS, 7, 1), None, 4),
    ]
    assert [(p.start, p.end, p.seats) for p in SeatPeriod.objects.filter(fractie=van_dam)] == [
        (date(PREVIOUS, 7, 1), None, 2)
    ]
    members = Person.objects.filter(fractie=van_dam).order_by("pk")
    assert list(members) == [world["raadslid5"], world["raadslid6"]]
    assert set(members[0].role_assignments.values_list("role", flat=True)) == {
        Role.COUNCIL_MEMBER,
        Role.FRACTIE_CHAIR,
    }
    assert Role.FRACTIE_TREASURER in members[1].role_assignments.values_list("role", flat=True)
    # Every seat is still held by one fractie.
    seats = Fractie.objects.filter(municipality=world.municipality).values_list("seats", flat=True)
    assert sum(seats) == 29


def test_the_split_fracties_are_allocated_by_day(demo):
    world, _ = demo
    support = world.municipality.policy.fractie_support
    lokaal = Fractie.objects.get(municipality=world.municipality, name="Lokaal Belang")
    van_dam = Fractie.objects.get(municipality=world.municipality, name="Groep Van Dam")

    # 2025, base amounts: Lokaal Belang 1314.30 + 6 × 199.77 × 181/365 + 4 × 199.77 × 184/365
    # = 1314.30 + 594.38 + 402.83 = 2311.51; Groep Van Dam (1314.30 + 2 × 199.77) × 184/365
    # = 863.96.
    assert figures(lokaal, PREVIOUS, support).allocation.total == Decimal("2311.51")
    assert figures(van_dam, PREVIOUS, support).allocation.total == Decimal("863.96")
    # This year both hold their seats all year.
    assert figures(lokaal, CURRENT, support).allocation.total == Decimal("2113.38")
    assert figures(van_dam, CURRENT, support).allocation.total == Decimal("1713.84")


# --- the previous year's statements ------------------------------------------------------------


def test_the_previous_years_statements_go_their_ways(demo):
    world, _ = demo
    for name, (_, outcome) in PREVIOUS_YEAR.items():
        found = statement_of(world, name)
        if outcome == "open":
            assert found is None or found.status == Statement.Status.OPEN, name
        elif outcome == "returned":
            assert found.status == Statement.Status.RETURNED, name
            assert "specificatie" in found.review_remark
        else:
            assert found.status == Statement.Status.APPROVED, name
    # ChristenUnie has not submitted and its deadline (15 February) has passed: overdue.
    support = world.municipality.policy.fractie_support
    assert accounting_deadline(support, PREVIOUS) == date(CURRENT, 2, 15) < TODAY


def test_approved_statements_add_up_and_match_the_records(demo):
    world, _ = demo
    support = world.municipality.policy.fractie_support
    approved = Statement.objects.filter(
        municipality=world.municipality, year=PREVIOUS, status=Statement.Status.APPROVED
    )
    assert approved.count() == 7
    for found in approved:
        snap = {k: v for k, v in found.snapshot.items()}
        money = {
            key: Decimal(snap[key])
            for key in (
                "allocation",
                "opening_reserve",
                "spent",
                "balance",
                "closing_reserve",
                "to_repay",
                "deficit",
            )
        }
        lines = sum(
            Decimal(line["fixed_part"]) + Decimal(line["seat_part"])
            for line in snap["allocation_lines"]
        )
        assert lines == money["allocation"], found
        assert sum(Decimal(v) for v in snap["by_category"].values()) == money["spent"]
        assert money["balance"] == money["opening_reserve"] + money["allocation"] - money["spent"]
        assert money["closing_reserve"] + money["to_repay"] == max(money["balance"], 0)
        assert money["deficit"] == max(-money["balance"], 0)
        assert money["closing_reserve"] <= Decimal(snap["reserve_cap"])
        # The snapshot is what the records say (nothing changed since the approval).
        assert figures(found.fractie, PREVIOUS, support).as_snapshot() == found.snapshot


def test_vvd_hits_the_reserve_cap_and_repays_the_rest(demo):
    world, _ = demo
    vvd = statement_of(world, "VVD")
    # 5 seats: 1314.30 + 5 × 199.77 = 2313.15; cap 25% = 578.2875 → 578.29; 60% spent.
    assert vvd.snapshot["allocation"] == "2313.15"
    assert vvd.snapshot["spent"] == "1387.89"
    assert vvd.snapshot["balance"] == "925.26"
    assert vvd.snapshot["closing_reserve"] == vvd.snapshot["reserve_cap"] == "578.29"
    assert vvd.snapshot["to_repay"] == "346.97"
    assert vvd.repaid_on == date(CURRENT, 3, 12)
    # Nobody else had more left than the cap.
    others = Statement.objects.filter(
        municipality=world.municipality, year=PREVIOUS, status=Statement.Status.APPROVED
    ).exclude(pk=vvd.pk)
    assert {s.snapshot["to_repay"] for s in others} == {"0.00"}


def test_groenlinks_pvda_overspends_slightly(demo):
    world, _ = demo
    gl = statement_of(world, "GroenLinks-PvdA")
    # 103% of 2313.15 = 2382.54 counted; the rejected diner (142.50) does not count.
    assert gl.snapshot["spent"] == "2382.54"
    assert gl.snapshot["not_counted"] == "142.50"
    assert gl.snapshot["deficit"] == "69.39"
    assert gl.snapshot["closing_reserve"] == "0.00"
    deficits = [
        s.snapshot["deficit"]
        for s in Statement.objects.filter(
            municipality=world.municipality, year=PREVIOUS, status=Statement.Status.APPROVED
        )
    ]
    assert sorted(deficits)[-1] == "69.39" and deficits.count("0.00") == 6


def test_the_current_year_opens_with_the_carried_over_reserves(demo):
    world, _ = demo
    support = world.municipality.policy.fractie_support
    for name, (_, outcome) in PREVIOUS_YEAR.items():
        fractie = Fractie.objects.get(municipality=world.municipality, name=name)
        now = figures(fractie, CURRENT, support)
        if outcome == "approved":
            closing = statement_of(world, name).snapshot["closing_reserve"]
            assert (now.opening_reserve, now.provisional) == (Decimal(closing), False), name
        else:
            # Not approved yet: the carry-over is shown, but as provisional.
            assert now.provisional, name
            assert now.opening_reserve == figures(fractie, PREVIOUS, support).closing_reserve
    # SP started with the reserve it had before raadsloket, entered by the griffie.
    sp = statement_of(world, "SP")
    assert sp.opening_reserve_override == Decimal("180.00")
    assert sp.snapshot["opening_reserve"] == "180.00"


def test_this_years_spending_runs_to_today_and_is_plausible(demo):
    world, summary = demo
    support = world.municipality.policy.fractie_support
    spent = Expense.objects.filter(municipality=world.municipality)
    assert summary.expenses == spent.count() > 150
    assert not spent.filter(date__gt=TODAY).exists()
    assert set(spent.values_list("category", flat=True)) >= {
        "personeel",
        "onderzoek",
        "fractiescholing",
        "achterban",
        "vergaderkosten",
        "kantoor",
        "overig",
    }
    for fractie in Fractie.objects.filter(municipality=world.municipality):
        now = figures(fractie, CURRENT, support)
        # By late November a fractie has spent most, not more, of this year's allocation.
        assert Decimal("0.5") * now.allocation.total < now.spent < now.allocation.total, fractie


def test_every_expense_has_a_real_pdf_proof(demo):
    world, _ = demo
    for expense in Expense.objects.filter(municipality=world.municipality):
        assert expense.proof_content_type == "application/pdf"
        assert expense.proof_name.endswith(".pdf")
        with expense.proof.open("rb") as stored:
            content = stored.read()
        assert content.startswith(b"%PDF-1.4") and content.endswith(b"%%EOF\n")
        assert len(content) == expense.proof_size


# --- questions, precedents, the presidium -------------------------------------------------------


def test_questions_leave_precedents_and_one_goes_to_the_presidium(demo, as_viewer):
    world, summary = demo
    questions = SpendingQuestion.objects.filter(municipality=world.municipality)
    assert summary.questions == questions.count() == 5
    answers = sorted(questions.values_list("answer", flat=True))
    assert answers == ["", "allowed", "allowed", "not_allowed", "presidium"]

    rows = precedent_rows(as_viewer(world["raadslid28"]), SpendingQuestion.objects.all())
    assert [row["answer"] for row in rows].count("allowed") == 2
    assert {row["answer"] for row in rows} == {"allowed", "not_allowed"}
    assert all("fractie" not in row for row in rows)

    unclear = Expense.objects.get(municipality=world.municipality, review="unclear")
    assert unclear.year == CURRENT and unclear.fractie.name == "Partij voor de Dieren"
    rejected = Expense.objects.get(municipality=world.municipality, review="rejected")
    assert rejected.fractie.name == "GroenLinks-PvdA"


# --- opleidingsbudget --------------------------------------------------------------------------


def test_the_opleidingsbudget_has_requests_in_every_state(demo):
    world, summary = demo
    years = TrainingYear.objects.filter(municipality=world.municipality)
    assert sorted(years.values_list("year", "personal_amount")) == [
        (PREVIOUS, Decimal("750.00")),
        (CURRENT, Decimal("1000.00")),
    ]
    requests = TrainingRequest.objects.filter(municipality=world.municipality)
    assert summary.training_requests == requests.count() == 8
    assert set(requests.values_list("status", flat=True)) == set(TrainingRequest.Status.values)
    assert (
        requests.filter(
            kind=TrainingRequest.Kind.COLLECTIVE, status=TrainingRequest.Status.APPROVED
        ).count()
        == 2
    )
    refused = requests.get(status=TrainingRequest.Status.REFUSED)
    assert "partijpolitieke scholing" in refused.decision_reason


# --- the audit chain, and robustness ----------------------------------------------------------


def test_every_step_is_in_the_audit_chain(demo):
    world, summary = demo
    actions = list(
        AuditEvent.objects.filter(
            municipality_id_ref=world.municipality.pk, action__startswith="budgets."
        ).values_list("action", flat=True)
    )
    assert actions.count("budgets.expense_recorded") == summary.expenses
    assert actions.count("budgets.fractie_split") == 1
    assert actions.count("budgets.statement_approved") == 7
    assert actions.count("budgets.statement_returned") == 1
    assert actions.count("budgets.question_answered") == 4
    assert actions.count("budgets.training_requested") == 8
    assert chain.verify() == []


def test_the_demo_builds_on_any_day_of_the_year(world):
    summary = load_budgets(world, today=date(2027, 1, 2))

    assert summary.splits == 1
    # The previous year is 2026 now; this year has only the questions of the first days.
    town = world.municipality
    assert not Expense.objects.filter(municipality=town, date__gt=date(2027, 1, 2)).exists()
    approved = Statement.objects.filter(municipality=town, status=Statement.Status.APPROVED)
    assert list(approved.values_list("year", flat=True)) == [2026] * 7
    assert chain.verify() == []


def test_the_demo_command_reports_the_budgets_and_the_treasurers(db, settings):
    settings.DEBUG = True
    out = io.StringIO()
    call_command("demo", stdout=out)

    text = out.getvalue()
    assert text.count("1 afsplitsing") == 2
    assert re.search(r"Fractieondersteuning: \d+ uitgaven, 5 vragen, 1 afsplitsing", text)
    assert "penningmeesters (fractieondersteuning)" in text
    for town in Municipality.objects.filter(slug__in=["voorbeeld", "domstede"]):
        assert Fractie.objects.filter(municipality=town, name="Groep Van Dam").exists()
    assert chain.verify() == []

# SPDX-License-Identifier: EUPL-1.2
"""The demo's history: two years of requests, so the year report has figures and trend.

The history is built once for this module on a fixed day (23 November 2026) with a running clock:
every step is performed at load time and then moved back to its own moment.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff, Mediation
from raadsloket.audit import chain
from raadsloket.audit.models import AuditEvent
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Assignment, Case, TimelineEvent
from raadsloket.demo.history import load_history
from raadsloket.demo.people import FRACTIES
from raadsloket.notify.models import Notification
from raadsloket.organisation.models import Fractie
from raadsloket.organisation.roles import PolicyArea
from raadsloket.policy.deadlines import add_term
from raadsloket.reflection import fairness
from raadsloket.reflection.data import load
from raadsloket.reflection.figures import build_report
from raadsloket.reflection.periods import year
from tests.support.world import build_voorbeeld

pytestmark = pytest.mark.django_db

AMSTERDAM = ZoneInfo("Europe/Amsterdam")
TODAY = date(2026, 11, 23)
LOADED = datetime(2026, 11, 23, 10, 0, tzinfo=AMSTERDAM)
YEARS = (2026, 2025)


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The history, built once inside a transaction that is rolled back after the module."""
    fast = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    with (
        django_db_blocker.unblock(),
        override_settings(PASSWORD_HASHERS=fast),
        time_machine.travel(LOADED, tick=True),
    ):
        outer = transaction.atomic()
        outer.__enter__()
        try:
            world = build_voorbeeld()
            count = load_history(world, today=TODAY)
            yield world, count
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def history(built, db):
    return built


def now_column(table, label):
    return table.cell(label, table.columns[0]).value


@pytest.mark.parametrize("which", YEARS)
def test_each_year_report_has_every_figure(history, which):
    world, _ = history
    report = build_report(world.municipality, year(which), TODAY)
    key = report.key_figures
    for label in (
        "waarvan ambtelijke bijstand",
        "waarvan technische vragen",
        "waarvan schriftelijke vragen",
        "Weigeringen",
        "Aanhoudingen",
        "Bemiddelingen",
        "Bestede uren ambtelijke bijstand",
        "Mediaan doorlooptijd tot oplevering bijstand (dagen)",
    ):
        assert now_column(key, label) > 0, label
    # Every lead time, to intake as well, has a median above zero.
    lead_times = report.table("doorlooptijden")
    for row in lead_times.rows:
        assert row.cells[0].value > 0 and row.cells[1].value > 0, row.label
        assert row.cells[2].value >= row.cells[1].value, row.label
    # Every policy area; more than one channel.
    areas = report.table("per_beleidsterrein")
    assert all(areas.cell(label, str(which)).value > 0 for label in PolicyArea.labels)
    channels = report.table("per_kanaal")
    assert sum(1 for row in channels.data_rows if row.cells[0].value) >= 3
    # Refusals on more than one ground; mediations by the griffie and by the driehoek.
    refusals = report.table("weigeringen")
    assert sum(1 for row in refusals.data_rows if row.cells[0].value) >= 2
    mediations = report.table("bemiddelingen")
    total = next(row for row in mediations.rows if row.is_total)
    assert total.cells[0].value > 0 and total.cells[1].value > 0
    # Evaluations from each side, with an average shown; hours estimated and spent.
    for row in report.table("evaluaties").rows:
        assert row.cells[0].value >= 3 and 2 <= row.cells[1].number <= 5, row.label
    hours = report.table("uren_per_afdeling")
    total = next(row for row in hours.rows if row.is_total)
    assert total.cells[0].value > 0 and total.cells[1].value > 0
    assert len(hours.data_rows) >= 4
    assert report.table("schriftelijke_vragen_op_tijd").rows


def test_the_trend_compares_with_the_year_before(history):
    world, count = history
    report = build_report(world.municipality, year(2026), TODAY)
    submitted = report.key_figures.rows[0]
    assert submitted.cells[0].value > 0 and submitted.cells[1].value > 0
    assert submitted.cells[0].value + submitted.cells[1].value == count
    assert 35 <= submitted.cells[1].value <= 50


def test_every_fractie_asks_each_year_and_small_fracties_less(history):
    world, _ = history
    for which in YEARS:
        rows = Case.objects.filter(
            municipality=world.municipality, submitted_at__year=which
        ).values_list("requester__fractie__name", flat=True)
        names = set(rows)
        assert {name for name, _ in FRACTIES} <= names, which
    per_seat = {}
    for name, seats in FRACTIES:
        asked = Case.objects.filter(
            municipality=world.municipality, requester__fractie__name=name
        ).count()
        per_seat[name] = asked / seats
    small = [per_seat[name] for name, seats in FRACTIES if seats <= 2]
    large = [per_seat[name] for name, seats in FRACTIES if seats > 2]
    assert sum(small) / len(small) < sum(large) / len(large)


def test_some_written_answers_are_late_and_some_postponed(history):
    world, _ = history
    late = on_time = 0
    for which in YEARS:
        table = build_report(world.municipality, year(which), TODAY).table(
            "schriftelijke_vragen_op_tijd"
        )
        on_time += sum(row.cells[1].value for row in table.rows)
        late += sum(row.cells[2].value for row in table.rows)
    assert late > 0 and on_time > late
    assert Case.objects.filter(municipality=world.municipality, postponed_at__isnull=False).exists()


def test_no_step_lies_in_the_future_or_before_the_one_before(history):
    world, _ = history
    now = timezone.now()
    cases = Case.objects.filter(municipality=world.municipality)
    assert cases.count() > 60
    for case in cases:
        moments = [
            case.created_at,
            case.submitted_at,
            case.forwarded_at,
            case.assigned_at,
            case.delivered_at,
            case.closed_at,
        ]
        if case.instrument == Instrument.WRITTEN_QUESTION:
            moments = [
                case.created_at,
                case.submitted_at,
                case.registered_at,
                case.postponed_at,
                case.answered_at,
                case.published_at,
            ]
        known = [moment for moment in moments if moment is not None]
        assert known == sorted(known), case.pk
        assert known[-1] <= now
        assert case.created_at.year >= 2024 and case.submitted_at is not None
        # The terms count from the moved dates.
        terms = world.municipality.policy.terms
        if case.registered_at:
            assert case.answer_due == add_term(case.registered_at, terms.written_question)
        timeline = list(TimelineEvent.objects.filter(case=case).order_by("pk"))
        ats = [event.at for event in timeline]
        assert ats == sorted(ats) and ats[-1] <= now, case.pk
        assert timeline[0].at == case.created_at
        submit = next(event for event in timeline if event.action == "submit")
        assert submit.at == case.submitted_at
        assert f"uiterlijk {add_term(submit.at, terms.intake):%d-%m-%Y}" in submit.detail
        intake = [event.at for event in timeline if event.action == "accept"]
        assert all(moment >= case.submitted_at for moment in intake)
    for assignment in Assignment.objects.filter(case__municipality=world.municipality):
        assert assignment.assigned_at == assignment.case.assigned_at
    for entry in HoursEntry.objects.filter(case__municipality=world.municipality):
        assert entry.case.assigned_at.date() <= entry.worked_on <= now.date()
        assert entry.recorded_at <= now
        if entry.case.delivered_at:
            assert entry.worked_on <= timezone.localdate(entry.case.delivered_at)
    for kickoff in Kickoff.objects.filter(case__municipality=world.municipality):
        assert timezone.localdate(kickoff.case.assigned_at) <= timezone.localdate(
            kickoff.planned_for
        )
        if kickoff.held_on:
            assert kickoff.held_on == timezone.localdate(kickoff.planned_for) <= now.date()
    for mediation in Mediation.objects.filter(case__municipality=world.municipality):
        assert mediation.case.submitted_at < mediation.requested_at <= now
        assert mediation.decided_at is None or mediation.requested_at < mediation.decided_at <= now
    for evaluation in Evaluation.objects.filter(case__municipality=world.municipality):
        assert evaluation.case.delivered_at < evaluation.recorded_at <= now
        assert 2 <= evaluation.score <= 5
    notices = Notification.objects.filter(municipality=world.municipality)
    assert notices.exists() and not notices.filter(created_at__gt=now).exists()
    assert not notices.filter(read_at__isnull=True).exists()


def test_the_audit_chain_is_untouched_and_intact(history):
    assert chain.verify() == []
    # The chain keeps the moment raadsloket wrote each event: the load, not the history.
    assert not AuditEvent.objects.filter(at__lt=LOADED).exists()


def test_the_coalition_counts_by_most_days_of_the_period(history):
    world, _ = history
    fracties = {f.name: f.pk for f in Fractie.objects.filter(municipality=world.municipality)}
    sides = {}
    for which in YEARS:
        data = load(world.municipality, year(which), TODAY)
        sides[which] = {
            name for name, pk in fracties.items() if fairness.in_coalition(data, pk, year(which))
        }
    # D66 joined on 1 October 2025: opposition in 2025, coalition in 2026.
    assert sides[2025] == {"Lokaal Belang", "VVD", "CDA"}
    assert sides[2026] == {"Lokaal Belang", "VVD", "CDA", "D66"}

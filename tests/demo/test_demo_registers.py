# SPDX-License-Identifier: EUPL-1.2
"""The demo's year of registers: moties, amendementen and toezeggingen for Gemeente Voorbeeld,
some late, some done on time and some done late, through the register services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.audit.chain import verify
from raadsloket.demo.registers import load_registers
from raadsloket.registers import lists
from raadsloket.registers.models import Amendment, Commitment, InitiativeProposal, Motion

pytestmark = pytest.mark.django_db


def test_a_year_of_registers_with_late_and_done_items(world):
    today = timezone.localdate()
    summary = load_registers(world, today=today)
    assert (summary.motions, summary.amendments, summary.commitments) == (24, 12, 36)
    assert Motion.objects.count() == 24 and Amendment.objects.count() == 12
    dates = Motion.objects.values_list("meeting_date", flat=True)
    assert today - timedelta(days=370) < min(dates) and max(dates) < today
    late_motions = [m for m in Motion.objects.all() if m.is_overdue(today)]
    late_commitments = [c for c in Commitment.objects.all() if c.is_overdue(today)]
    assert late_motions and late_commitments
    assert Motion.objects.filter(execution=Motion.Execution.DONE).count() >= 5
    assert Commitment.objects.filter(status=Commitment.Status.DONE).count() >= 10
    assert Commitment.objects.filter(status=Commitment.Status.PROPOSED_DONE).exists()
    assert InitiativeProposal.objects.filter(status="concept").count() == 1
    rows = lists.on_time_by_portfolio_holder(
        viewer_for(world["griffier"]), today - timedelta(days=400), today, today
    )
    assert sum(row.on_time for row in rows) and sum(row.late for row in rows)
    assert {row.rate for row in rows} - {None, 0, 100}
    assert verify() == []

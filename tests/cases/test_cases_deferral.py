# SPDX-License-Identifier: EUPL-1.2
"""A deferred request resumes on its date, by itself, in the state it was deferred from."""

from datetime import timedelta

import pytest
from django.utils import timezone

from raadsloket.cases.services import resume_due_deferrals
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import new_case, run_to


@pytest.mark.django_db
def test_deferred_request_resumes_on_its_date_and_not_before(world):
    case = run_to(world, new_case(world), State.DEFERRED)
    assert case.resume_state == State.INTAKE

    assert resume_due_deferrals(today=case.deferred_until - timedelta(days=1)) == []
    case.refresh_from_db()
    assert case.state == State.DEFERRED

    assert resume_due_deferrals(today=case.deferred_until) == [case.pk]
    case.refresh_from_db()
    assert case.state == State.INTAKE
    assert case.deferred_until is None
    assert case.timeline.filter(action="resume").count() == 1


@pytest.mark.django_db
def test_deferral_in_the_past_is_refused_in_dutch(world):
    from raadsloket.cases.errors import InvalidInput
    from raadsloket.demo.lifecycle import act

    case = run_to(world, new_case(world), State.INTAKE)
    with pytest.raises(InvalidInput) as raised:
        act(
            world,
            case,
            "defer",
            "griffier",
            {"until": (timezone.localdate() - timedelta(days=1)).isoformat(), "reason": "druk"},
        )
    assert "toekomst" in raised.value.errors["until"][0]

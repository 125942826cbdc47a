# SPDX-License-Identifier: EUPL-1.2
"""The transition tables name only known actors, and perform() applies what an effect chose."""

import pytest

from raadsloket.access.actors import Actor
from raadsloket.access.sections import Section
from raadsloket.cases import workflow
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.states import State
from raadsloket.cases.workflow import Transition


def test_a_table_that_names_an_unknown_actor_is_refused_at_registration():
    row = Transition(
        frozenset({State.DRAFT}),
        "submit",
        State.SUBMITTED,
        frozenset({"requestor"}),  # a typo would make the row silently unreachable
        Section.REQUEST,
    )
    with pytest.raises(ValueError, match="requestor"):
        workflow.register("typo-instrument", [row])
    assert workflow.table("typo-instrument") == ()


def test_a_row_that_names_no_actor_is_refused_at_registration():
    row = Transition(
        frozenset({State.DRAFT}), "submit", State.SUBMITTED, frozenset(), Section.REQUEST
    )
    with pytest.raises(ValueError, match="no actor"):
        workflow.register("empty-instrument", [row])


@pytest.mark.parametrize("instrument", list(Instrument))
def test_every_registered_row_names_actors_from_the_actor_enum(instrument):
    rows = workflow.table(instrument)
    assert rows, f"no table registered for {instrument}"
    for row in rows:
        assert row.actors, row.action
        assert all(isinstance(actor, Actor) for actor in row.actors), (row.action, row.actors)
        assert row.target is None or row.target in State.values, (row.action, row.target)

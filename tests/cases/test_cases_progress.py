# SPDX-License-Identifier: EUPL-1.2
"""The stepper and who is at turn, read from each instrument's transition table."""

import pytest

from raadsloket.access.actors import Actor
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.progress import (
    CURRENT,
    DONE,
    SKIPPED,
    TODO,
    actor_names,
    main_path,
    next_turn,
    steps_for,
)
from raadsloket.cases.states import State as S

ASSISTANCE, TECHNICAL, WRITTEN = (
    Instrument.ASSISTANCE,
    Instrument.TECHNICAL_QUESTION,
    Instrument.WRITTEN_QUESTION,
)


def shown(steps) -> list[tuple[str, str]]:
    return [(step.state, step.status) for step in steps]


def test_each_instrument_has_its_own_path_from_submitted_to_its_end():
    assert main_path(ASSISTANCE) == (
        S.SUBMITTED,
        S.INTAKE,
        S.FORWARDED,
        S.ASSIGNED,
        S.KICKOFF_PLANNED,
        S.IN_PROGRESS,
        S.DELIVERED,
        S.EVALUATED,
        S.CLOSED,
    )
    # The griffie answers a technical question itself where it can (model-verordening).
    assert main_path(TECHNICAL) == (S.SUBMITTED, S.INTAKE, S.DELIVERED, S.CLOSED)
    assert main_path(WRITTEN) == (S.SUBMITTED, S.REGISTERED, S.ANSWERED, S.PUBLISHED)


def test_steps_before_are_done_the_current_one_is_now_and_the_rest_to_do():
    steps = steps_for(ASSISTANCE, S.IN_PROGRESS)
    assert shown(steps)[:7] == [
        (S.SUBMITTED, DONE),
        (S.INTAKE, DONE),
        (S.FORWARDED, DONE),
        (S.ASSIGNED, DONE),
        (S.KICKOFF_PLANNED, DONE),
        (S.IN_PROGRESS, CURRENT),
        (S.DELIVERED, TODO),
    ]
    assert [step.label for step in steps if step.current] == ["in uitvoering"]
    assert DONE == "gereed" and CURRENT == "nu"  # said in text, not by colour alone


def test_written_question_path():
    assert shown(steps_for(WRITTEN, S.ANSWERED)) == [
        (S.SUBMITTED, DONE),
        (S.REGISTERED, DONE),
        (S.ANSWERED, CURRENT),
        (S.PUBLISHED, TODO),
    ]


@pytest.mark.parametrize(
    ("instrument", "state", "previous", "before", "after"),
    [
        # Refused after forwarding: the objection to the driehoek is the way on.
        (ASSISTANCE, S.REFUSED, S.FORWARDED, S.FORWARDED, S.OBJECTED),
        (ASSISTANCE, S.OBJECTED, S.REFUSED, S.FORWARDED, S.ASSIGNED),
        (ASSISTANCE, S.MEDIATION, S.IN_PROGRESS, S.IN_PROGRESS, S.DELIVERED),
        (ASSISTANCE, S.DEFERRED, S.SUBMITTED, S.SUBMITTED, S.INTAKE),
        (ASSISTANCE, S.DEFERRED, S.FORWARDED, S.FORWARDED, S.ASSIGNED),
        (WRITTEN, S.POSTPONED, S.REGISTERED, S.REGISTERED, S.ANSWERED),
        # The griffie could not answer itself: the routing officer appoints a civil servant.
        (TECHNICAL, S.FORWARDED, S.INTAKE, S.INTAKE, S.ASSIGNED),
    ],
)
def test_a_side_state_is_the_current_step_with_its_own_label_where_the_case_left(
    instrument, state, previous, before, after
):
    steps = steps_for(instrument, state, previous)
    states = [step.state for step in steps]
    current = [step for step in steps if step.current]
    assert len(current) == 1 and current[0].state == state and current[0].side
    assert current[0].label == S(state).label
    here = states.index(state)
    assert states[here - 1] == before and states[here + 1] == after
    assert all(step.status == DONE for step in steps[:here])
    assert all(step.status == TODO for step in steps[here + 1 :])


def test_a_withdrawn_request_stops_where_it_was():
    steps = steps_for(ASSISTANCE, S.WITHDRAWN, S.INTAKE)
    assert shown(steps) == [(S.SUBMITTED, DONE), (S.INTAKE, DONE), (S.WITHDRAWN, CURRENT)]
    assert steps[-1].label == "ingetrokken"


def test_closed_at_intake_with_an_advice_skips_the_steps_never_taken():
    steps = steps_for(ASSISTANCE, S.CLOSED, S.INTAKE)
    assert shown(steps)[:3] == [(S.SUBMITTED, DONE), (S.INTAKE, DONE), (S.FORWARDED, SKIPPED)]
    assert shown(steps)[-1] == (S.CLOSED, CURRENT)
    # Closed after the evaluation: nothing skipped.
    assert SKIPPED not in {step.status for step in steps_for(ASSISTANCE, S.CLOSED, S.EVALUATED)}


def test_a_draft_has_nothing_done_yet():
    steps = steps_for(TECHNICAL, S.DRAFT)
    assert shown(steps)[0] == (S.DRAFT, CURRENT)
    assert {step.status for step in steps[1:]} == {TODO}


@pytest.mark.parametrize(
    ("instrument", "state", "actors", "label"),
    [
        (ASSISTANCE, S.DRAFT, (Actor.REQUESTER,), "Indienen"),
        (ASSISTANCE, S.SUBMITTED, (Actor.GRIFFIE,), "In behandeling nemen (intake)"),
        (ASSISTANCE, S.FORWARDED, (Actor.ROUTING_OFFICER,), "Ambtenaar toewijzen"),
        (ASSISTANCE, S.ASSIGNED, (Actor.GRIFFIE,), "Startgesprek plannen"),
        # Delivery, not a request for mediation, is the way on while the work goes on.
        (ASSISTANCE, S.IN_PROGRESS, (Actor.ASSIGNEE, Actor.GRIFFIE), "Antwoord opleveren"),
        (ASSISTANCE, S.REFUSED, (Actor.REQUESTER,), "Bezwaar maken (driehoek)"),
        (
            ASSISTANCE,
            S.OBJECTED,
            (Actor.TRIANGLE,),
            "Besluit van de driehoek over het bezwaar",
        ),
        (ASSISTANCE, S.DEFERRED, (Actor.GRIFFIE,), "Hervatten"),
        (ASSISTANCE, S.DELIVERED, (Actor.ASSIGNEE, Actor.REQUESTER, Actor.GRIFFIE), "Evalueren"),
        (ASSISTANCE, S.EVALUATED, (Actor.GRIFFIE,), "Afsluiten"),
        (TECHNICAL, S.INTAKE, (Actor.GRIFFIE,), "Antwoord opleveren"),
        (
            WRITTEN,
            S.REGISTERED,
            (Actor.COLLEGE_CONTACT, Actor.GRIFFIE),
            "Antwoord van het college vastleggen",
        ),
        (WRITTEN, S.ANSWERED, (Actor.GRIFFIE,), "Publiceren (ingekomen stuk)"),
    ],
)
def test_who_is_at_turn_comes_from_the_next_transition(instrument, state, actors, label):
    turn = next_turn(instrument, state)
    assert turn is not None
    assert (turn.actors, turn.label) == (actors, label)


@pytest.mark.parametrize(
    ("instrument", "state"),
    [(ASSISTANCE, S.CLOSED), (ASSISTANCE, S.WITHDRAWN), (WRITTEN, S.PUBLISHED)],
)
def test_nobody_is_at_turn_once_the_case_has_ended(instrument, state):
    assert next_turn(instrument, state) is None


def test_actor_names_in_dutch_with_the_profiles_routing_officer():
    assert actor_names(next_turn(ASSISTANCE, S.FORWARDED), "kabinetschef") == "de kabinetschef"
    assert (
        actor_names(next_turn(ASSISTANCE, S.DELIVERED), "gemeentesecretaris")
        == "de ambtenaar, het raadslid of de griffie"
    )

# SPDX-License-Identifier: EUPL-1.2
"""Where a case stands on its instrument's path, and who acts next: read from the tables.

The path is not written down per instrument: it is the walk through the instrument's transition
table (cases/workflow.py) from "ingediend" to its end, taking in each state the first row, in
table order, that leads on to an end without going back ("the usual next step first",
cases/intake.py). States off that path (aangehouden, geweigerd, bezwaar bij de driehoek,
bemiddeling, uitstel, ingetrokken) are shown as the current step with their own label, placed
where the case left the path.

Everything here is the state and the instrument: metadata (access/sections.py). The caller
shows it only to a viewer who may see the metadata.
"""

from dataclasses import dataclass
from functools import cache

from raadsloket.access.actors import Actor
from raadsloket.cases import workflow
from raadsloket.cases.states import State

DONE, CURRENT, TODO, SKIPPED = "gereed", "nu", "nog niet", "overgeslagen"

# Where a path ends; a withdrawn request ends too, but off the path.
ENDS = frozenset({State.CLOSED, State.PUBLISHED})
# A draft goes back to the member, a withdrawal stops the request: never a step forward.
_NOT_FORWARD = frozenset({State.DRAFT, State.WITHDRAWN})

# The order in which the actors of one row are named: the one whose work it is first; the
# griffie, which may stand in for several of them (the answer passes through the griffier,
# RULES.md), last.
_ACTOR_ORDER = (
    Actor.ASSIGNEE,
    Actor.CONTACT_AUTHOR,
    Actor.CONTACT_CONFIRMER,
    Actor.ROUTING_OFFICER,
    Actor.COLLEGE_CONTACT,
    Actor.TRIANGLE,
    Actor.REQUESTER,
    Actor.GRIFFIE,
)


@dataclass(frozen=True)
class Step:
    state: str
    label: str
    status: str
    # Off the instrument's usual path (refused, deferred, …).
    side: bool = False

    @property
    def current(self) -> bool:
        return self.status == CURRENT


@dataclass(frozen=True)
class Turn:
    """The next step of the usual path from the current state, and who may take it."""

    actors: tuple[Actor, ...]
    action: str
    label: str


def _label(state: str) -> str:
    return State(state).label


def _reach(row: workflow.Transition) -> list[str]:
    if row.target is None:
        return []
    return [row.target, *sorted(row.outcomes)]


def _leads(instrument: str, state: str) -> list[tuple[workflow.Transition, str]]:
    """The rows out of `state` in table order, each with a state it may lead to."""
    return [
        (row, target)
        for row in workflow.table(instrument)
        if state in row.sources
        for target in _reach(row)
        if target != state and target not in _NOT_FORWARD
    ]


def _reaches_end(instrument: str, start: str, avoid: frozenset[str]) -> bool:
    seen, todo = set(avoid), [start]
    while todo:
        state = todo.pop()
        if state in ENDS:
            return True
        if state in seen:
            continue
        seen.add(state)
        todo.extend(target for _, target in _leads(instrument, state))
    return False


def _walk(
    instrument: str, start: str, stop: frozenset[str] = frozenset()
) -> list[tuple[workflow.Transition, str]]:
    """From `start`, the first row each time that leads on to an end without going back."""
    visited, steps, state = [start], [], start
    while state not in ENDS and (state == start or state not in stop):
        choice = next(
            (
                (row, target)
                for row, target in _leads(instrument, state)
                if target not in visited and _reaches_end(instrument, target, frozenset(visited))
            ),
            None,
        )
        if choice is None:
            break
        steps.append(choice)
        state = choice[1]
        visited.append(state)
    return steps


@cache
def main_path(instrument: str) -> tuple[str, ...]:
    """The instrument's usual path from submission to its end."""
    return (State.SUBMITTED, *(target for _, target in _walk(instrument, State.SUBMITTED)))


def _exit(instrument: str, state: str) -> list[str]:
    """From a state off the path, the states of the way back onto it (the last one on it)."""
    path = frozenset(main_path(instrument))
    states = [target for _, target in _walk(instrument, state, stop=path)]
    return states if states and states[-1] in path else []


def _anchor(instrument: str, state: str, previous: str | None = None) -> int:
    """The index of the last step on the path the case had reached before `state`."""
    path = main_path(instrument)
    if state in path:
        return path.index(state)
    if previous in path:
        return path.index(previous)
    if previous:
        return _anchor(instrument, previous)
    if state == State.DRAFT:
        return -1
    back = _exit(instrument, state)
    if not back:
        return -1
    rejoin = back[-1]
    entered_from = {
        source
        for row in workflow.table(instrument)
        if state in _reach(row)
        for source in row.sources
    }
    # A detour (bemiddeling) returns to where it left; a branch (weigering) to a later step.
    index = path.index(rejoin)
    return index if rejoin in entered_from else index - 1


def steps_for(instrument: str, state: str, previous: str | None = None) -> list[Step]:
    """The stepper: the path with each step done, current, to do or skipped.

    `previous` is the state the case came from, when known: it places a state off the path
    (and a close before the end) where the case really left the path.
    """
    path = main_path(instrument)
    if state in path:
        index = path.index(state)
        reached = index - 1
        if state in ENDS and previous is not None and previous != state:
            reached = min(_anchor(instrument, previous), index - 1)
        return [
            Step(s, _label(s), DONE if i <= reached else SKIPPED if i < index else CURRENT)
            for i, s in enumerate(path[: index + 1])
        ] + [Step(s, _label(s), TODO) for s in path[index + 1 :]]
    reached = _anchor(instrument, state, previous)
    steps = [Step(s, _label(s), DONE) for s in path[: reached + 1]]
    steps.append(Step(state, _label(state), CURRENT, side=True))
    back = _exit(instrument, state)
    if not back:
        return steps
    steps += [Step(s, _label(s), TODO, side=True) for s in back[:-1] if s not in path]
    steps += [Step(s, _label(s), TODO) for s in path[reached + 1 :]]
    return steps


def next_turn(instrument: str, state: str) -> Turn | None:
    """Who takes the next step of the usual path from `state`; None once nothing follows."""
    walk = _walk(instrument, state)
    if not walk:
        return None
    row = walk[0][0]
    actors = tuple(actor for actor in _ACTOR_ORDER if actor in row.actors)
    return Turn(actors=actors, action=row.action, label=row.label)


def actor_names(turn: Turn, routing_officer_label: str, contact_confirmer: str = "member") -> str:
    """The actors of a turn in Dutch: 'de ambtenaar of de griffie'. `contact_confirmer` is the
    profile's channel.direct_contact_confirmed_by."""
    names = {
        Actor.CONTACT_CONFIRMER: "de griffie" if contact_confirmer == "griffie" else "het raadslid",
        Actor.REQUESTER: "het raadslid",
        Actor.GRIFFIE: "de griffie",
        Actor.ROUTING_OFFICER: f"de {routing_officer_label}",
        Actor.ASSIGNEE: "de ambtenaar",
        Actor.CONTACT_AUTHOR: "de ambtenaar",
        Actor.COLLEGE_CONTACT: "het college",
        Actor.TRIANGLE: "de driehoek (griffier, gemeentesecretaris en burgemeester)",
    }
    said = list(dict.fromkeys(names[actor] for actor in turn.actors))
    if len(said) == 1:
        return said[0]
    return ", ".join(said[:-1]) + " of " + said[-1]

# SPDX-License-Identifier: EUPL-1.2
"""Each instrument's states and transitions as a table: (from, action, to, actors, guard).

Instruments register their table at start-up (AppConfig.ready); `perform` in transitions.py is
the only code that applies a row. A row's target is where the case goes; an effect that has to
choose (the driehoek keeps a refusal or assigns, the last evaluation closes the round) returns
the state instead, and a row with target None leaves the state as it is (hours are logged while
the work goes on).
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from raadsloket.access.actors import Actor
from raadsloket.access.sections import Section

if TYPE_CHECKING:
    from raadsloket.cases.forms import ActionForm
    from raadsloket.cases.transitions import Step

# The verbs of the API and the pages, in the order a case meets them.
ACTIONS = (
    "submit",
    "accept",
    "convert",
    "defer",
    "resume",
    "forward",
    "assign",
    "refuse",
    "object",
    "mediate",
    "plan_kickoff",
    "record_kickoff",
    "deliver",
    "evaluate",
    "close",
    "withdraw",
    "request_mediation",
    "log_hours",
    "correct_hours",
    "register",
    "send_back",
    "answer",
    "postpone",
    "publish",
    "confirm_contact",
    "reject_contact",
)

ACTION_LABELS = {
    "submit": "Indienen",
    "accept": "In behandeling nemen (intake)",
    "convert": "Omzetten naar ander instrument",
    "defer": "Aanhouden",
    "resume": "Hervatten",
    "forward": "Doorgeleiden",
    "assign": "Ambtenaar toewijzen",
    "refuse": "Weigeren",
    "object": "Bezwaar maken (driehoek)",
    "mediate": "Uitkomst bemiddeling vastleggen",
    "plan_kickoff": "Startgesprek plannen",
    "record_kickoff": "Startgesprek vastleggen",
    "deliver": "Antwoord opleveren",
    "evaluate": "Evalueren",
    "close": "Afsluiten",
    "withdraw": "Intrekken",
    "request_mediation": "Bemiddeling vragen",
    "log_hours": "Uren registreren",
    "correct_hours": "Uren corrigeren",
    "register": "Registreren en doorzenden aan het college",
    "send_back": "Teruggeven aan het raadslid",
    "answer": "Antwoord van het college vastleggen",
    "postpone": "Uitstelbericht vastleggen",
    "publish": "Publiceren (ingekomen stuk)",
    "confirm_contact": "Contact bevestigen",
    "reject_contact": "Contact afwijzen",
}

Guard = Callable[["Step"], str | None]
# An effect changes the case and its related rows; it may return the state the case goes to.
Effect = Callable[["Step"], str | None]


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    action: str
    target: str | None
    # Who may apply the row (access.cases.relation_names says who is which).
    actors: frozenset[Actor]
    section: Section
    form: "type[ActionForm] | None" = None
    guard: Guard | None = None
    effect: Effect | None = None
    describe: Callable[["Step"], str] | None = None
    # The row's own name where the action's label would mislead (the driehoek's decision is
    # not the griffie's mediation, though both are "mediate").
    title: str = ""
    # The states `effect` may choose instead of `target` (the last evaluation makes the case
    # evaluated): cases/progress.py reads them to draw the path a case follows.
    outcomes: frozenset[str] = frozenset()

    @property
    def label(self) -> str:
        return self.title or ACTION_LABELS[self.action]


ACTORS = frozenset(Actor)
_TABLES: dict[str, tuple[Transition, ...]] = {}


def register(instrument: str, table: list[Transition]) -> None:
    for row in table:
        if row.action not in ACTIONS:
            raise ValueError(f"unknown action {row.action!r} in the {instrument} table")
        unknown = sorted(str(actor) for actor in row.actors if actor not in ACTORS)
        if unknown or not row.actors:
            raise ValueError(
                f"the {instrument} row {row.action!r} names no actor or an unknown one: {unknown}"
            )
    _TABLES[instrument] = tuple(table)


def registered_instruments() -> tuple[str, ...]:
    return tuple(_TABLES)


def table(instrument: str) -> tuple[Transition, ...]:
    return _TABLES.get(instrument, ())


def find(instrument: str, state: str, action: str) -> Transition | None:
    for row in table(instrument):
        if row.action == action and state in row.sources:
            return row
    return None


def label_for(instrument: str, state: str, action: str) -> str:
    """The name of `action` as taken from `state`: its row's title, else the action's label."""
    row = find(instrument, state, action)
    return row.label if row is not None else ACTION_LABELS.get(action, action)


def rows_for_action(instrument: str, action: str) -> list[Transition]:
    return [row for row in table(instrument) if row.action == action]


def available(instrument: str, state: str, relations: frozenset[Actor]) -> list[Transition]:
    """The rows this actor could apply now (guards are checked when performed)."""
    return [row for row in table(instrument) if state in row.sources and row.actors & relations]

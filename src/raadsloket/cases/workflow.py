# SPDX-License-Identifier: EUPL-1.2
"""Each instrument's states and transitions as a table: (from, action, to, actors, guard).

Instruments register their table at start-up (AppConfig.ready); `perform` in transitions.py is
the only code that applies a row.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from raadsloket.access.sections import Section

if TYPE_CHECKING:
    from django import forms

    from raadsloket.cases.transitions import Step

# The verbs of the API (issue 2, item 4), in the order a case meets them.
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
    "register",
    "send_back",
    "answer",
    "postpone",
    "publish",
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
    "register": "Registreren en doorzenden aan het college",
    "send_back": "Teruggeven aan het raadslid",
    "answer": "Antwoord van het college vastleggen",
    "postpone": "Uitstelbericht vastleggen",
    "publish": "Publiceren (ingekomen stuk)",
}

Guard = Callable[["Step"], str | None]
Effect = Callable[["Step"], None]
Target = str | Callable[["Step"], str]


@dataclass(frozen=True)
class Transition:
    sources: frozenset[str]
    action: str
    target: Target
    # Relation names from raadsloket.access.cases.relation_names.
    actors: frozenset[str]
    section: Section
    form: "type[forms.Form] | None" = None
    guard: Guard | None = None
    effect: Effect | None = None
    describe: Callable[["Step"], str] | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def label(self) -> str:
        return ACTION_LABELS[self.action]


_TABLES: dict[str, tuple[Transition, ...]] = {}


def register(instrument: str, table: list[Transition]) -> None:
    for row in table:
        if row.action not in ACTIONS:
            raise ValueError(f"unknown action {row.action!r} in the {instrument} table")
    _TABLES[instrument] = tuple(table)


def table(instrument: str) -> tuple[Transition, ...]:
    return _TABLES.get(instrument, ())


def find(instrument: str, state: str, action: str) -> Transition | None:
    for row in table(instrument):
        if row.action == action and state in row.sources:
            return row
    return None


def rows_for_action(instrument: str, action: str) -> list[Transition]:
    return [row for row in table(instrument) if row.action == action]


def available(instrument: str, state: str, relations: frozenset[str]) -> list[Transition]:
    """The rows this actor could apply now (guards are checked when performed)."""
    return [row for row in table(instrument) if state in row.sources and row.actors & relations]

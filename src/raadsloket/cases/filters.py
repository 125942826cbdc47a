# SPDX-License-Identifier: EUPL-1.2
"""Filters of a case list, for the page, the API and the start page's work queues alike.

One reading of the URL (`read_filter`), one query (`filtered_cases`). Which filter a viewer may
use at all and where it may look is decided by the access layer (access/case_filters.py): a
filter on a field matches only cases of which the viewer may know that field, so a filter never
tells more than the list already shows (SECURITY.md "Filters, ordening en zoeken").

URL parameters (other pages link to them): `instrument`, `status` (may repeat), `termijn=verlopen`,
`terrein`, `portefeuille` (person id), `fractie` (fractie id), `q` (search text).
"""

from dataclasses import dataclass, field, replace

from django.db.models import Q, QuerySet
from django.utils import timezone

from raadsloket.access.case_filters import (
    FIELD_NAMES,
    Field,
    knows,
    offered_fields,
)
from raadsloket.access.cases import visible_cases
from raadsloket.access.viewer import Viewer
from raadsloket.cases.deadlines import overdue_condition
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.search import MAX_QUERY, text_condition
from raadsloket.cases.states import State
from raadsloket.lib.errors import DomainError
from raadsloket.organisation.models import Fractie, Person
from raadsloket.organisation.roles import COLLEGE, PolicyArea

OVERDUE = "verlopen"
MAX_ID_DIGITS = 12
# URL parameter -> the field it filters on.
PARAMETER_FIELDS = {
    "instrument": Field.INSTRUMENT,
    "status": Field.STATE,
    "termijn": Field.TERM,
    "terrein": Field.POLICY_AREA,
    "portefeuille": Field.PORTFOLIO_HOLDER,
    "fractie": Field.FRACTIE,
}


class FilterRefused(DomainError):
    """A filter value that is unknown, or a filter on a field the viewer may not know (400)."""


@dataclass(frozen=True)
class CaseFilter:
    instrument: str = ""
    states: tuple[str, ...] = ()
    overdue: bool = False
    policy_area: str = ""
    portfolio_holder: int | None = None
    fractie: int | None = None
    text: str = ""
    # Dutch messages about filters left out (the page shows them; the API refuses instead).
    notices: tuple[str, ...] = field(default=(), compare=False)

    @property
    def active(self) -> bool:
        return bool(self.params())

    def params(self) -> list[tuple[str, str]]:
        """The filter as URL parameters, for paging links that keep it."""
        pairs = [("instrument", self.instrument)] if self.instrument else []
        pairs += [("status", state) for state in self.states]
        if self.overdue:
            pairs.append(("termijn", OVERDUE))
        if self.policy_area:
            pairs.append(("terrein", self.policy_area))
        if self.portfolio_holder is not None:
            pairs.append(("portefeuille", str(self.portfolio_holder)))
        if self.fractie is not None:
            pairs.append(("fractie", str(self.fractie)))
        if self.text:
            pairs.append(("q", self.text))
        return pairs


def _one_of(value: str, choices, message: str) -> str:
    if value not in choices:
        raise FilterRefused(message, field="filter")
    return value


def _identifier(value: str, message: str) -> int:
    if not (value.isascii() and value.isdigit() and len(value) < MAX_ID_DIGITS):
        raise FilterRefused(message, field="filter")
    return int(value)


def portfolio_holders(viewer: Viewer) -> QuerySet[Person]:
    """The college of the viewer's municipality: who can hold a portefeuille."""
    return (
        Person.objects.filter(municipality_id=viewer.tenant, role_assignments__role__in=COLLEGE)
        .distinct()
        .order_by("last_name", "first_name", "pk")
    )


def fracties(viewer: Viewer) -> QuerySet[Fractie]:
    return Fractie.objects.filter(municipality_id=viewer.tenant).order_by("name")


def _value(viewer: Viewer, name: str, raw: str):  # noqa: C901
    """One parameter's value, checked; FilterRefused in Dutch when it is not a valid one."""
    if name == "instrument":
        return _one_of(raw, Instrument.values, f"Onbekend instrument: {raw[:40]}.")
    if name == "status":
        return _one_of(raw, State.values, f"Onbekende status: {raw[:40]}.")
    if name == "termijn":
        return _one_of(raw, {OVERDUE}, "Bij termijn kunt u alleen 'verlopen' kiezen.") == OVERDUE
    if name == "terrein":
        return _one_of(raw, PolicyArea.values, f"Onbekend beleidsterrein: {raw[:40]}.")
    if name == "portefeuille":
        pk = _identifier(raw, "Onbekende portefeuillehouder.")
        if not portfolio_holders(viewer).filter(pk=pk).exists():
            raise FilterRefused("Onbekende portefeuillehouder.", field="filter")
        return pk
    pk = _identifier(raw, "Onbekende fractie.")
    if not fracties(viewer).filter(pk=pk).exists():
        raise FilterRefused("Onbekende fractie.", field="filter")
    return pk


ATTRIBUTES = {
    "instrument": "instrument",
    "termijn": "overdue",
    "terrein": "policy_area",
    "portefeuille": "portfolio_holder",
    "fractie": "fractie",
}


def read_filter(viewer: Viewer, params, *, lenient: bool = False) -> CaseFilter:
    """The filter in `params` (a QueryDict or anything with `getlist`).

    Strict (the API): a bad value or a filter on a field the viewer may never know is refused
    with FilterRefused. Lenient (the page): that filter is left out, with a Dutch notice.
    """
    offered = offered_fields(viewer)
    case_filter = CaseFilter(text=(params.get("q") or "").strip()[:MAX_QUERY])
    notices: list[str] = []
    for name, known in PARAMETER_FIELDS.items():
        raws = [raw.strip() for raw in params.getlist(name) if raw and raw.strip()]
        if not raws:
            continue
        try:
            if known not in offered:
                raise FilterRefused(
                    f"U kunt niet filteren op {FIELD_NAMES[known]}.", field="filter"
                )
            values = [_value(viewer, name, raw) for raw in raws]
        except FilterRefused as refused:
            if not lenient:
                raise
            notices.append(f"{refused.message} Dit filter is niet toegepast.")
            continue
        if name == "status":
            case_filter = replace(case_filter, states=tuple(dict.fromkeys(values)))
        else:
            case_filter = replace(case_filter, **{ATTRIBUTES[name]: values[-1]})
    return replace(case_filter, notices=tuple(notices))


def _conditions(case_filter: CaseFilter) -> list[tuple[Field, Q]]:
    found = []
    if case_filter.instrument:
        found.append((Field.INSTRUMENT, Q(instrument=case_filter.instrument)))
    if case_filter.states:
        found.append((Field.STATE, Q(state__in=case_filter.states)))
    if case_filter.overdue:
        found.append((Field.TERM, overdue_condition(timezone.localdate())))
    if case_filter.policy_area:
        found.append((Field.POLICY_AREA, Q(policy_area=case_filter.policy_area)))
    if case_filter.portfolio_holder is not None:
        found.append((Field.PORTFOLIO_HOLDER, Q(portfolio_holder_id=case_filter.portfolio_holder)))
    if case_filter.fractie is not None:
        found.append((Field.FRACTIE, Q(requester__fractie_id=case_filter.fractie)))
    return found


def filtered_cases(viewer: Viewer, case_filter: CaseFilter) -> QuerySet[Case]:
    """The visible cases the filter passes; each condition only where its field is knowable."""
    queryset = visible_cases(viewer)
    for known, condition in _conditions(case_filter):
        queryset = queryset.filter(knows(viewer, known) & condition)
    if case_filter.text:
        queryset = queryset.filter(text_condition(viewer, case_filter.text))
    return queryset


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


def filter_choices(viewer: Viewer) -> dict[str, list[Choice]]:
    """The form's choices, per URL parameter, for the filters this viewer may use only."""
    offered = offered_fields(viewer)
    choices: dict[str, list[Choice]] = {}
    if Field.INSTRUMENT in offered:
        choices["instrument"] = [Choice(v, str(label)) for v, label in Instrument.choices]
    if Field.STATE in offered:
        choices["status"] = [Choice(v, str(label)) for v, label in State.choices]
    if Field.TERM in offered:
        choices["termijn"] = [Choice(OVERDUE, "termijn verlopen")]
    if Field.POLICY_AREA in offered:
        choices["terrein"] = [Choice(v, str(label)) for v, label in PolicyArea.choices]
    if Field.PORTFOLIO_HOLDER in offered:
        choices["portefeuille"] = [
            Choice(str(p.pk), p.display_name) for p in portfolio_holders(viewer)
        ]
    if Field.FRACTIE in offered:
        choices["fractie"] = [Choice(str(f.pk), f.name) for f in fracties(viewer)]
    return choices


FILTER_LABELS = {
    "instrument": "Instrument",
    "status": "Status",
    "termijn": "Termijn",
    "terrein": "Beleidsterrein",
    "portefeuille": "Portefeuillehouder",
    "fractie": "Fractie",
    "q": "Zoektekst",
}


def described(case_filter: CaseFilter, choices: dict[str, list[Choice]]) -> list[tuple[str, str]]:
    """The active filters in words, for the page: ("Status", "in uitvoering"), ..."""
    labels = {(name, c.value): c.label for name, options in choices.items() for c in options}
    return [
        (FILTER_LABELS[name], value if name == "q" else labels.get((name, value), value))
        for name, value in case_filter.params()
    ]

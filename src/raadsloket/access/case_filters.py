# SPDX-License-Identifier: EUPL-1.2
"""THE rule for filters, ordering and search on case lists: a field counts only where its
section is visible (SECURITY.md "Filters, ordening en zoeken").

A filter is a question about a field. Asked of a case whose section with that field the viewer
may not see, the answer (in the list or not, first or last, how many) would tell them the field:
a manager filtering on "mediation" would learn which of their staff's trajectories are disputed.
So every filter, every ordering key and the search text ask `knows(viewer, field)` first, and
the list, the search, the page and the API all go through here.
"""

from enum import StrEnum

from django.db.models import Q, QuerySet

from raadsloket.access.cases import (
    MAYOR_MEDIATION_SECTIONS,
    ROUTING_OFFICER_SECTIONS,
    SHARED_ANSWER_SECTIONS,
    WRITTEN_QUESTION_SECTIONS,
    cases_showing,
    college_side,
    visible_cases,
)
from raadsloket.access.sections import ALL_SECTIONS, Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import Case
from raadsloket.organisation.roles import REQUESTER_ROLES, Role


class Field(StrEnum):
    INSTRUMENT = "instrument"
    STATE = "state"
    TERM = "term"
    POLICY_AREA = "policy_area"
    PORTFOLIO_HOLDER = "portfolio_holder"
    FRACTIE = "fractie"
    REQUEST_TEXT = "request_text"
    ANSWER_TEXT = "answer_text"
    # The one ordering key of every list: the case number, newest first (cases.models).
    NUMBER = "number"


# The sections that show a field, any one of which suffices: what the case page, the list and
# `case_payload` print under that section.
FIELD_SECTIONS: dict[Field, frozenset[Section]] = {
    # The list prints the instrument under metadata or trajectory ("a trajectory started":
    # instrument, policy area, period); a manager's HOURS row does not.
    Field.INSTRUMENT: frozenset({Section.METADATA, Section.TRAJECTORY}),
    # The state itself tells something (a dispute, a refusal): metadata only.
    Field.STATE: frozenset({Section.METADATA}),
    Field.TERM: frozenset({Section.METADATA}),
    Field.POLICY_AREA: frozenset({Section.METADATA, Section.TRAJECTORY}),
    # The case page prints the portefeuillehouder under "Gegevens" (metadata), the payload too.
    Field.PORTFOLIO_HOLDER: frozenset({Section.METADATA}),
    # The requester is part of the request ("Indiener", payload "requester"): who asked, and so
    # for which fractie, is as confidential as the question (RULES.md, the bubble).
    Field.FRACTIE: frozenset({Section.REQUEST}),
    Field.REQUEST_TEXT: frozenset({Section.REQUEST}),
    Field.ANSWER_TEXT: frozenset({Section.ANSWER}),
    # Reference and number are shown for every case a viewer may see at all.
    Field.NUMBER: ALL_SECTIONS,
}

# Dutch names for messages ("U kunt niet filteren op status.").
FIELD_NAMES: dict[Field, str] = {
    Field.INSTRUMENT: "instrument",
    Field.STATE: "status",
    Field.TERM: "termijn",
    Field.POLICY_AREA: "beleidsterrein",
    Field.PORTFOLIO_HOLDER: "portefeuillehouder",
    Field.FRACTIE: "fractie",
    Field.REQUEST_TEXT: "zoektekst",
    Field.ANSWER_TEXT: "zoektekst",
    Field.NUMBER: "verzoeknummer",
}


def reachable_sections(viewer: Viewer) -> frozenset[Section]:
    """Every section this viewer can see of some case, from their roles (the rules of
    `access.cases.sections`); what a filter form may offer at all."""
    if not viewer.authenticated:
        return frozenset()
    if viewer.is_griffie or viewer.has(*REQUESTER_ROLES, Role.CIVIL_SERVANT):
        # Their own requests, their assignments and logged contacts: every section.
        return ALL_SECTIONS
    seen: set[Section] = set()
    if viewer.is_routing_officer:
        seen |= ROUTING_OFFICER_SECTIONS
    if Role.MANAGER in viewer.roles:
        seen.add(Section.HOURS)
    if (
        viewer.is_college
        and viewer.profile is not None
        and viewer.profile.openness.college_notified_of_start
    ):
        seen.add(Section.TRAJECTORY)
    if viewer.has(Role.MAYOR, Role.MUNICIPAL_SECRETARY):
        seen |= MAYOR_MEDIATION_SECTIONS
    if viewer.is_member:
        seen |= SHARED_ANSWER_SECTIONS
    if college_side(viewer):
        seen |= WRITTEN_QUESTION_SECTIONS | {Section.ANSWER}
    if Role.ADMINISTRATOR in viewer.roles:
        seen.add(Section.METADATA)
    return frozenset(seen)


def offered_fields(viewer: Viewer) -> frozenset[Field]:
    """The fields this viewer may filter, search or order on at all."""
    reachable = reachable_sections(viewer)
    return frozenset(field for field, shown in FIELD_SECTIONS.items() if shown & reachable)


def knows(viewer: Viewer, field: Field) -> Q:
    """The cases of which the viewer may know `field`."""
    condition = Q(pk__isnull=True)
    for section in sorted(FIELD_SECTIONS[field]):
        condition |= cases_showing(viewer, section)
    return condition


def knowable_cases(viewer: Viewer, field: Field) -> QuerySet[Case]:
    """The visible cases of which the viewer may know `field`: where a filter on it may look."""
    if field == Field.NUMBER:
        return visible_cases(viewer)
    return visible_cases(viewer).filter(knows(viewer, field))

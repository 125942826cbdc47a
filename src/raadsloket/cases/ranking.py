# SPDX-License-Identifier: EUPL-1.2
"""Rank civil servants for a request: expertise first, then free hours.

Pure: it takes plain values, so the routing officer's advice can be tested without a database
and explained on the page (which policy area and which keywords matched).
"""

import re
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Sum

from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import Assignment, Case
from raadsloket.cases.states import State
from raadsloket.organisation.models import Person
from raadsloket.organisation.roles import Role


@dataclass(frozen=True)
class Candidate:
    person_id: int
    name: str
    department: str
    policy_areas: tuple[str, ...]
    keywords: tuple[str, ...]
    weekly_hours: Decimal
    # Hours estimated on the assignments they are still working on.
    committed_hours: Decimal


@dataclass(frozen=True)
class Ranked:
    candidate: Candidate
    area_match: bool
    matched_keywords: tuple[str, ...]
    free_hours: Decimal

    @property
    def score(self) -> int:
        # A matching policy area outweighs any number of keywords.
        return (10 if self.area_match else 0) + len(self.matched_keywords)


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", text.lower())) + " "


def keyword_matches(keywords, text: str) -> tuple[str, ...]:
    """Keywords found in the text as whole words (or word groups), in the expertise's order."""
    haystack = _words(text)
    found = []
    for keyword in keywords:
        needle = _words(keyword).strip()
        if needle and f" {needle} " in haystack:
            found.append(keyword)
    return tuple(found)


def rank(policy_area: str, title: str, question: str, candidates) -> list[Ranked]:
    """Best match first; equal expertise goes to whoever has the most free hours."""
    text = f"{title}\n{question}"
    ranked = [
        Ranked(
            candidate=candidate,
            area_match=policy_area in candidate.policy_areas,
            matched_keywords=keyword_matches(candidate.keywords, text),
            free_hours=candidate.weekly_hours - candidate.committed_hours,
        )
        for candidate in candidates
    ]
    ranked.sort(key=lambda r: (-r.score, -r.free_hours, r.candidate.name, r.candidate.person_id))
    return ranked


# Assignments still taking the civil servant's time.
WORKING_STATES = frozenset(
    {State.ASSIGNED, State.KICKOFF_PLANNED, State.IN_PROGRESS, State.MEDIATION}
)


def candidates_for(viewer: Viewer, case: Case):
    """Civil servants of the municipality, ranked for this case (two queries)."""
    servants = list(
        Person.objects.filter(
            municipality_id=viewer.tenant,
            role_assignments__role=Role.CIVIL_SERVANT,
            is_active=True,
        ).select_related("department", "expertise")
    )
    committed = dict(
        Assignment.objects.filter(
            civil_servant__in=[s.pk for s in servants], case__state__in=WORKING_STATES
        )
        .values("civil_servant_id")
        .annotate(total=Sum("hours_estimate"))
        .values_list("civil_servant_id", "total")
    )
    candidates = []
    for servant in servants:
        expertise = getattr(servant, "expertise", None)
        candidates.append(
            Candidate(
                person_id=servant.pk,
                name=servant.display_name,
                department=servant.department.name if servant.department else "",
                policy_areas=tuple(expertise.policy_areas) if expertise else (),
                keywords=tuple(expertise.keyword_list) if expertise else (),
                weekly_hours=expertise.weekly_hours if expertise else Decimal("0"),
                committed_hours=committed.get(servant.pk) or Decimal("0"),
            )
        )
    return rank(case.policy_area, case.title, case.question, candidates)

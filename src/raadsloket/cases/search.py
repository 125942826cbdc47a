# SPDX-License-Identifier: EUPL-1.2
"""Searching cases without leaking: a hit counts only in a section the viewer may see.

Matching the answer text of a case whose answer you may not read would tell you what it
says; so every hit is checked against the access layer's sections for that case.
"""

from django.db.models import Q

from raadsloket.access.cases import Relations, sections, visible_cases, with_relations
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import Case

MAX_QUERY = 200


def _hit(case: Case, needle: str, visible) -> bool:
    if Section.REQUEST in visible and (
        needle in case.title.lower()
        or needle in case.question.lower()
        or needle in case.background.lower()
    ):
        return True
    return Section.ANSWER in visible and needle in case.answer.lower()


def search_cases(viewer: Viewer, query: str, *, limit: int = 50) -> list[tuple[Case, frozenset]]:
    needle = (query or "").strip().lower()[:MAX_QUERY]
    if not needle:
        return []
    candidates = (
        with_relations(visible_cases(viewer))
        .filter(
            Q(title__icontains=needle)
            | Q(question__icontains=needle)
            | Q(background__icontains=needle)
            | Q(answer__icontains=needle)
        )
        .order_by("-pk")
    )
    results = []
    # No cap on candidates: a cap would let unreadable answers crowd out readable hits.
    for case in candidates.iterator(chunk_size=200):
        visible = sections(viewer, case, Relations(viewer, case))
        if _hit(case, needle, visible):
            results.append((case, visible))
            if len(results) >= limit:
                break
    return results

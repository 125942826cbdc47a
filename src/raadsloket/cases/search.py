# SPDX-License-Identifier: EUPL-1.2
"""Searching cases without leaking: a hit counts only in a section the viewer may see.

Matching the answer text of a case whose answer you may not read would tell you what it
says; so the database says *where* a case matches (its request text, its answer text) and the
access layer's sections for that case decide whether that place may count.

PostgreSQL matches words with the `dutch` text-search configuration: every typed word, stemmed
("woningen" finds "woning") or as the start of a word ("huur" finds "huurwoningen"), served by
two stored tsvector columns with a GIN index each (migration cases 0004). SQLite, the embedded
default, matches the typed text as a substring of the same fields.
"""

import re

from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import ExpressionWrapper, RawSQL

from raadsloket.access.cases import Relations, sections, visible_cases, with_relations
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import NEWEST_FIRST, Case

MAX_QUERY = 200
MAX_WORDS = 12
CHUNK = 100
# Stored tsvector columns of migration 0004 (PostgreSQL only), each with a GIN index.
REQUEST_VECTOR = '"cases_case"."search_request"'
ANSWER_VECTOR = '"cases_case"."search_answer"'


def _words(text: str) -> list[str]:
    # Letters and digits only: nothing the user types becomes a tsquery operator.
    return re.findall(r"\w+", text)[:MAX_WORDS]


def _tsquery(words: list[str]) -> tuple[str, list[str]]:
    """SQL for a tsquery that holds every typed word, each as a prefix (AND).

    A word matches its Dutch stem ("woningen" finds "woning") or, unstemmed, the start of a
    stored word ("huur" finds "huurwoningen", whose stem "huurwon" does not start with the stem
    "hur"). A Dutch stop word ("de", "het") is left out, as the stored text leaves it out.
    """
    parts, params = [], []
    for word in words:
        parts.append(
            "(CASE WHEN numnode(to_tsquery('dutch'::regconfig, %s)) = 0 THEN ''::tsquery "
            "ELSE to_tsquery('dutch'::regconfig, %s) || to_tsquery('simple'::regconfig, %s) "
            "END)"
        )
        params += [word, f"{word}:*", f"{word}:*"]
    return " && ".join(parts), params


def _matches(needle: str) -> tuple[Q | None, dict]:
    """A filter for any match, and annotations saying where each case matches."""
    words = _words(needle)
    if not words:
        # Punctuation alone matches nothing, on either database.
        return None, {}
    if connection.vendor == "postgresql":
        query, params = _tsquery(words)
        request = RawSQL(f"{REQUEST_VECTOR} @@ ({query})", params, output_field=BooleanField())
        answer = RawSQL(f"{ANSWER_VECTOR} @@ ({query})", params, output_field=BooleanField())
        return Q(request) | Q(answer), {"request_match": request, "answer_match": answer}
    request_q = (
        Q(title__icontains=needle) | Q(question__icontains=needle) | Q(background__icontains=needle)
    )
    answer_q = Q(answer__icontains=needle)
    return request_q | answer_q, {
        "request_match": ExpressionWrapper(request_q, output_field=BooleanField()),
        "answer_match": ExpressionWrapper(answer_q, output_field=BooleanField()),
    }


def _hit(case: Case, visible) -> bool:
    # request_match and answer_match are the annotations of _matches.
    return (Section.REQUEST in visible and getattr(case, "request_match", False)) or (
        Section.ANSWER in visible and getattr(case, "answer_match", False)
    )


def search_cases(viewer: Viewer, query: str, *, limit: int = 50) -> list[tuple[Case, frozenset]]:
    needle = (query or "").strip().lower()[:MAX_QUERY]
    if not needle:
        return []
    match, where = _matches(needle)
    if match is None:
        return []
    matching = visible_cases(viewer).filter(match).order_by(*NEWEST_FIRST)
    results: list[tuple[Case, frozenset]] = []
    before = None
    # No cap on candidates: a cap would let unreadable answers crowd out readable hits. Chunks
    # by case number: the ids come from the index alone, and where a case matches is worked out
    # for one chunk at a time, never for every match at once.
    while len(results) < limit:
        page = matching if before is None else matching.filter(pk__lt=before)
        ids = list(page.values_list("pk", flat=True)[:CHUNK])
        if not ids:
            break
        before = None if len(ids) < CHUNK else ids[-1]
        chunk = (
            with_relations(Case.objects.filter(pk__in=ids))
            .annotate(**where)
            .order_by(*NEWEST_FIRST)
        )
        for case in chunk:
            visible = sections(viewer, case, Relations(viewer, case))
            if _hit(case, visible):
                results.append((case, visible))
                if len(results) >= limit:
                    break
        if before is None:
            break
    return results

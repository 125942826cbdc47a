# SPDX-License-Identifier: EUPL-1.2
"""Searching cases without leaking: a text is searched only where its section is readable.

Matching the answer text of a case whose answer you may not read would tell you what it
says, by the result or by the time it takes; so the text condition is part of the query,
each text joined to the access rule of its section (access.cases.cases_showing), and no hidden
hit is ever loaded and thrown away (SECURITY.md "Filters, ordening en zoeken").

PostgreSQL matches words with the `dutch` text-search configuration: every typed word, stemmed
("woningen" finds "woning") or as the start of a word ("huur" finds "huurwoningen"), served by
two stored tsvector columns with a GIN index each (migration cases 0004). SQLite, the embedded
default, matches the typed text as a substring of the same fields.
"""

import re

from django.conf import settings
from django.db import connection
from django.db.models import BooleanField, Q
from django.db.models.expressions import RawSQL

from raadsloket.access.case_filters import Field, offered_fields
from raadsloket.access.cases import (
    Relations,
    cases_showing,
    sections,
    visible_cases,
    with_relations,
)
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.models import NEWEST_FIRST, Case
from raadsloket.lib.ratelimit import take

MAX_QUERY = 200
MAX_WORDS = 12
TEXT_FIELDS = frozenset({Field.REQUEST_TEXT, Field.ANSWER_TEXT})
# An empty IN list: Django answers it without a query (EmptyResultSet).
NOTHING = Q(pk__in=[])
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


def _matches(needle: str) -> tuple[Q, Q] | None:
    """Where a case matches: its request text, its answer text (None: nothing to search)."""
    words = _words(needle)
    if not words:
        # Punctuation alone matches nothing, on either database.
        return None
    if connection.vendor == "postgresql":
        query, params = _tsquery(words)
        request = RawSQL(f"{REQUEST_VECTOR} @@ ({query})", params, output_field=BooleanField())
        answer = RawSQL(f"{ANSWER_VECTOR} @@ ({query})", params, output_field=BooleanField())
        return Q(request), Q(answer)
    request_q = (
        Q(title__icontains=needle) | Q(question__icontains=needle) | Q(background__icontains=needle)
    )
    return request_q, Q(answer__icontains=needle)


def text_condition(viewer: Viewer, query: str) -> Q:
    """The cases whose readable text matches `query`, as one condition of the query.

    Each text is searched only together with the access rule for its section (request text
    where the viewer sees the request, answer text where they see the answer), so the database
    never answers a question about hidden text. A viewer who can read no text of any case (a
    manager, the administrator) gets a condition that runs no query at all; the college's text
    condition reaches only the registered written questions it reads (Reglement van Orde).
    """
    offered = offered_fields(viewer)
    needle = (query or "").strip().lower()[:MAX_QUERY]
    matches = _matches(needle) if offered & TEXT_FIELDS else None
    if matches is None:
        return NOTHING
    request_match, answer_match = matches
    condition = NOTHING
    if Field.REQUEST_TEXT in offered:
        condition |= cases_showing(viewer, Section.REQUEST) & request_match
    if Field.ANSWER_TEXT in offered:
        condition |= cases_showing(viewer, Section.ANSWER) & answer_match
    return condition


def search_cases(viewer: Viewer, query: str, *, limit: int = 50) -> list[tuple[Case, frozenset]]:
    """The newest `limit` visible cases whose readable text matches, with their sections."""
    if not (query or "").strip():
        return []
    matching = visible_cases(viewer).filter(text_condition(viewer, query))
    cases = with_relations(matching.order_by(*NEWEST_FIRST))[:limit]
    return [(case, sections(viewer, case, Relations(viewer, case))) for case in cases]


TOO_MANY_SEARCHES = (
    "U hebt in korte tijd te vaak gezocht. Wacht een minuut en probeer het dan opnieuw."
)


def count_search(viewer: Viewer) -> None:
    """One search by this person; RateLimited (429) past settings.SEARCHES_PER_MINUTE (30) in a
    minute: enough for work, too few to probe hidden text by guessing (SECURITY.md)."""
    take(
        f"search:{viewer.me}",
        limit=settings.SEARCHES_PER_MINUTE,
        window=60,
        message=TOO_MANY_SEARCHES,
    )

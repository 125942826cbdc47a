# SPDX-License-Identifier: EUPL-1.2
"""The knowledge base of answered questions: "is dit al eerder gevraagd?".

Technische vragen are shared with every member unless the profile or the member says otherwise,
and written questions are published to every member (RULES.md). When a member types a new
question, raadsloket shows earlier answered questions that look alike — only those whose question
and answer this member may see, as the access layer decides.

One TF-IDF index per municipality is kept in memory and rebuilt when the pool changes (a cheap
stamp query tells), so typing a question does not re-read every earlier answer.
"""

import threading
from collections import OrderedDict
from dataclasses import dataclass

from django.db.models import Count, Max, Q, QuerySet, Sum

from raadsloket.access.case_filters import Field, offered_fields
from raadsloket.access.cases import cases_showing, visible_cases, with_relations
from raadsloket.access.sections import Section
from raadsloket.access.viewer import Viewer
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import NEWEST_FIRST, Case
from raadsloket.cases.states import ANSWERED_STATES, State
from raadsloket.lib.text import TfidfIndex

# Below this cosine a match is noise rather than "the same question".
MIN_SCORE = 0.2
# Indexes kept in memory; a national instance holds many municipalities, most of them idle.
MAX_INDEXES = 64
# The newest answered questions searched; older knowledge is still found by the search page.
POOL_LIMIT = 5000
READ_BOTH = frozenset({Field.REQUEST_TEXT, Field.ANSWER_TEXT})


@dataclass(frozen=True)
class Similar:
    case: Case
    score: float


def _pool(municipality_id: int) -> QuerySet[Case]:
    """Answers meant for every member: shared technical questions, published written questions."""
    shared_technical = Q(
        instrument=Instrument.TECHNICAL_QUESTION, state__in=ANSWERED_STATES, confidential=False
    )
    published_written = Q(instrument=Instrument.WRITTEN_QUESTION, state=State.PUBLISHED)
    return Case.objects.filter(
        shared_technical | published_written, municipality_id=municipality_id, secret=False
    )


_lock = threading.Lock()
_indexes: OrderedDict[int, tuple[tuple, TfidfIndex[int]]] = OrderedDict()


def _stamp(municipality_id: int) -> tuple:
    figures = _pool(municipality_id).aggregate(
        n=Count("pk"), versions=Sum("version"), newest=Max("pk")
    )
    return figures["n"], figures["versions"], figures["newest"]


def _index(municipality_id: int) -> TfidfIndex[int]:
    stamp = _stamp(municipality_id)
    with _lock:
        cached = _indexes.get(municipality_id)
        if cached is not None and cached[0] == stamp:
            _indexes.move_to_end(municipality_id)
            return cached[1]
    index: TfidfIndex[int] = TfidfIndex()
    rows = (
        _pool(municipality_id)
        .order_by(*NEWEST_FIRST)
        .values_list("pk", "title", "question")[:POOL_LIMIT]
    )
    for pk, title, question in rows:
        index.add(pk, f"{title}\n{question}")
    index.build()
    with _lock:
        _indexes[municipality_id] = (stamp, index)
        while len(_indexes) > MAX_INDEXES:
            _indexes.popitem(last=False)
    return index


def similar_questions(viewer: Viewer, text: str, limit: int = 5) -> list[Similar]:
    """Earlier answered questions like `text` whose question and answer `viewer` may see.

    Who may read no question or no answer text at all (a manager, the administrator) is not
    matched against the pool: the work would tell that such answers exist (SECURITY.md
    "Filters, ordening en zoeken"); the rest gets only readable cases from the query itself.
    """
    text = (text or "").strip()
    if len(text) < 10 or not offered_fields(viewer) >= READ_BOTH:
        return []
    ranked = [
        (pk, score)
        for pk, score in _index(viewer.tenant).query(text, k=limit * 4)
        if score >= MIN_SCORE
    ]
    if not ranked:
        return []
    readable = cases_showing(viewer, Section.REQUEST) & cases_showing(viewer, Section.ANSWER)
    cases = {
        case.pk: case
        for case in with_relations(
            visible_cases(viewer).filter(readable, pk__in=[pk for pk, _ in ranked])
        )
    }
    found = [Similar(case=cases[pk], score=score) for pk, score in ranked if pk in cases]
    return found[:limit]

# SPDX-License-Identifier: EUPL-1.2
"""Search is no oracle for hidden text (SECURITY.md "Filters, ordening en zoeken").

The work a search does may not depend on words in text the searcher may not read: for a hidden
word and for a word that occurs nowhere, the same SQL runs and the same rows come back. This is
measured in queries and rows, never in wall time (which would make a flaky test).
"""

import re

import pytest
import time_machine
from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from raadsloket.access.cases import visible_cases
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.models import Assignment
from raadsloket.cases.search import search_cases
from tests.cases.test_search_fulltext import bulk_cases
from tests.support.world import build_college_told_of_start

pytestmark = pytest.mark.django_db

HIDDEN_REQUEST = "zwembadsluiting"
HIDDEN_ANSWER = "kwartaalrapportage"
ABSENT = "kwartelkoning"
# Columns holding text of the request or the answer (and PostgreSQL's vectors of them).
TEXT_COLUMNS = re.compile(r'"(title|question|background|answer|search_request|search_answer)"')


@pytest.fixture
def town(db):
    """The college is told of started trajectories: it, the manager and the administrator see
    the cases below in their lists, a committee member sees their request, none the answer."""
    return build_college_told_of_start()


@pytest.fixture
def hidden_cases(town):
    """Delivered open cases with a secret answer (art. 25), worked on by manager1's staff."""
    cases = bulk_cases(
        town,
        40,
        state="delivered",
        confidential=False,
        secret=True,
        assigned_at=timezone.now(),
        delivered_at=timezone.now(),
        question=f"Wat betekent de {HIDDEN_REQUEST} voor de scholen?",
        answer=f"De {HIDDEN_ANSWER} laat zien dat de scholen hun zwemles kwijtraken.",
    )
    Assignment.objects.bulk_create(
        [Assignment(case=case, civil_servant=town["ambtenaar1"]) for case in cases]
    )
    return cases


def executed(person, word: str) -> tuple[list[str], list]:
    """The SQL of one search (the searched word masked) and what it found."""
    viewer = viewer_for(person)
    with CaptureQueriesContext(connection) as queries:
        hits = search_cases(viewer, word)
    return [query["sql"].replace(word, "WORD") for query in queries.captured_queries], hits


@pytest.mark.parametrize("username", ["wethouder1", "manager1", "beheerder"])
@pytest.mark.parametrize("hidden", [HIDDEN_REQUEST, HIDDEN_ANSWER])
def test_the_college_a_manager_and_the_administrator_run_the_same_sql_for_hidden_and_absent_words(
    town, hidden_cases, username, hidden
):
    viewer = viewer_for(town[username])
    assert visible_cases(viewer).filter(pk__in=[c.pk for c in hidden_cases]).count() == 40
    hidden_sql, hidden_hits = executed(town[username], hidden)
    absent_sql, absent_hits = executed(town[username], ABSENT)
    assert hidden_hits == absent_hits == []
    assert hidden_sql == absent_sql


@pytest.mark.parametrize("username", ["manager1", "beheerder"])
def test_who_may_read_no_text_at_all_makes_the_database_touch_no_text(town, hidden_cases, username):
    sql, _ = executed(town[username], HIDDEN_REQUEST)
    assert not [query for query in sql if TEXT_COLUMNS.search(query)], sql


def test_the_college_searches_text_only_joined_to_the_written_questions_it_may_read(
    town, hidden_cases
):
    # The college reads registered written questions (Reglement van Orde), nothing else.
    sql, _ = executed(town["wethouder1"], HIDDEN_REQUEST)
    assert all("written_question" in query for query in sql if TEXT_COLUMNS.search(query)), sql


def test_for_a_member_the_work_does_not_depend_on_hidden_text(town, hidden_cases):
    # A committee member reads the request of these open cases, not their secret answer.
    member = town["commissielid1"]
    assert [c.pk for c, _ in search_cases(viewer_for(member), HIDDEN_REQUEST)] == sorted(
        (c.pk for c in hidden_cases), reverse=True
    )
    hidden_sql, hidden_hits = executed(member, HIDDEN_ANSWER)
    absent_sql, absent_hits = executed(member, ABSENT)
    assert hidden_hits == absent_hits == []
    assert hidden_sql == absent_sql
    # A council member holds the secret answer (art. 25): the word is there.
    assert len(search_cases(viewer_for(town["raadslid7"]), HIDDEN_ANSWER)) == len(hidden_cases)


def test_the_api_answers_hidden_and_absent_words_alike(town, login, hidden_cases):
    client = login(town["manager1"])
    counts = []
    for word in (HIDDEN_REQUEST, ABSENT):
        # The rate-limit counters (database cache) are inserted on a first call and updated
        # later: each search starts from the same empty cache, so only the word differs.
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/cases", {"q": word})
        assert response.status_code == 200
        assert response.json() == {"items": [], "next_after": None}
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


def test_search_is_limited_to_thirty_a_minute_per_person_with_a_dutch_429(world, login):
    assert settings.SEARCHES_PER_MINUTE == 30
    client = login(world["griffier"])
    # Within one minute however slow the machine: the limit counts per minute.
    with time_machine.travel(timezone.now(), tick=False):
        for _ in range(settings.SEARCHES_PER_MINUTE):
            assert client.get("/api/v1/cases", {"q": "fiets"}).status_code == 200
        response = client.get("/api/v1/cases", {"q": "fiets"})
    assert response.status_code == 429
    assert "te vaak gezocht" in response.json()["detail"]
    # A list without search text is no search: it goes on.
    assert client.get("/api/v1/cases").status_code == 200
    # Another person has their own count.
    assert login(world["raadslid1"]).get("/api/v1/cases", {"q": "fiets"}).status_code == 200

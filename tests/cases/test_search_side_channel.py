# SPDX-License-Identifier: EUPL-1.2
"""Search is no oracle for hidden text (SECURITY.md "Filters, ordening en zoeken").

The work a search does may not depend on words in text the searcher may not read: for a hidden
word and for a word that occurs nowhere, the same SQL runs and the same rows come back. This is
measured in queries and rows, never in wall time (which would make a flaky test).
"""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.search import SEARCHES_PER_MINUTE, search_cases
from tests.cases.test_search_fulltext import bulk_cases

pytestmark = pytest.mark.django_db

HIDDEN = "zwembadsluiting"
ABSENT = "kwartelkoning"
# Columns holding text of the request or the answer (and PostgreSQL's vectors of them).
TEXT_COLUMNS = re.compile(r'"(title|question|background|answer|search_request|search_answer)"')


@pytest.fixture
def hidden_cases(world):
    """Confidential cases of raadslid1, the hidden word in their request and their answer."""
    return bulk_cases(
        world,
        40,
        state="delivered",
        confidential=True,
        question=f"Wat betekent de {HIDDEN} voor de scholen?",
        answer=f"De {HIDDEN} kost de scholen hun zwemles.",
    )


def executed(person, word: str) -> tuple[list[str], list]:
    """The SQL of one search (the searched word masked) and what it found."""
    viewer = viewer_for(person)
    with CaptureQueriesContext(connection) as queries:
        hits = search_cases(viewer, word)
    return [query["sql"].replace(word, "WORD") for query in queries.captured_queries], hits


@pytest.mark.parametrize("username", ["wethouder1", "manager1", "beheerder"])
def test_the_college_a_manager_and_the_administrator_run_the_same_sql_for_hidden_and_absent_words(
    world, hidden_cases, username
):
    hidden_sql, hidden_hits = executed(world[username], HIDDEN)
    absent_sql, absent_hits = executed(world[username], ABSENT)
    assert hidden_hits == absent_hits == []
    assert hidden_sql == absent_sql


@pytest.mark.parametrize("username", ["manager1", "beheerder"])
def test_who_may_read_no_text_at_all_makes_the_database_touch_no_text(
    world, hidden_cases, username
):
    sql, _ = executed(world[username], HIDDEN)
    assert not [query for query in sql if TEXT_COLUMNS.search(query)], sql


def test_the_college_searches_text_only_joined_to_the_written_questions_it_may_read(
    world, hidden_cases
):
    # The college reads registered written questions (Reglement van Orde), nothing else.
    sql, _ = executed(world["wethouder1"], HIDDEN)
    assert all("written_question" in query for query in sql if TEXT_COLUMNS.search(query)), sql


def test_for_a_member_the_work_does_not_depend_on_hidden_text(world, hidden_cases):
    readable = bulk_cases(world, 2, requester=world["raadslid7"], question="Over de haven.")
    member = world["raadslid7"]
    hidden_sql, hidden_hits = executed(member, HIDDEN)
    absent_sql, absent_hits = executed(member, ABSENT)
    assert hidden_hits == absent_hits == []
    assert hidden_sql == absent_sql
    # The requester of the hidden cases does find them: the word is there.
    assert len(search_cases(viewer_for(world["raadslid1"]), HIDDEN)) == len(hidden_cases)
    assert [case.pk for case, _ in search_cases(viewer_for(member), "haven")] == sorted(
        (case.pk for case in readable), reverse=True
    )


def test_the_api_answers_hidden_and_absent_words_alike(world, login, hidden_cases):
    client = login(world["wethouder1"])
    counts = []
    for word in (HIDDEN, ABSENT):
        with CaptureQueriesContext(connection) as queries:
            response = client.get("/api/v1/cases", {"q": word})
        assert response.status_code == 200
        assert response.json() == {"items": [], "next_after": None}
        counts.append(len(queries.captured_queries))
    assert counts[0] == counts[1]


def test_search_is_limited_to_thirty_a_minute_per_person_with_a_dutch_429(world, login):
    client = login(world["griffier"])
    for _ in range(SEARCHES_PER_MINUTE):
        assert client.get("/api/v1/cases", {"q": "fiets"}).status_code == 200
    response = client.get("/api/v1/cases", {"q": "fiets"})
    assert response.status_code == 429
    assert "te vaak gezocht" in response.json()["detail"]
    # A list without search text is no search: it goes on.
    assert client.get("/api/v1/cases").status_code == 200
    # Another person has their own count.
    assert login(world["raadslid1"]).get("/api/v1/cases", {"q": "fiets"}).status_code == 200

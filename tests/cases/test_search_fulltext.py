# SPDX-License-Identifier: EUPL-1.2
"""Searching cases: words found where the reader may look, and nowhere else.

The database says where a case matches (its request text or its answer); the access layer's
sections decide whether that place counts. On PostgreSQL the words are matched in Dutch
(every typed word, stemmed or as the start of a word) through two GIN indexes; on SQLite as a
substring. The tests at the top hold on both databases, the ones at the bottom only on
PostgreSQL.
"""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from raadsloket.access.cases import visible_cases
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.models import Case
from raadsloket.cases.search import search_cases, text_condition
from raadsloket.demo.lifecycle import act, new_case, run_to
from raadsloket.demo.people import build_municipality

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Dutch stemming, prefixes, phrases and the GIN index exist only on PostgreSQL; "
    "SQLite matches a substring",
)

# More hidden hits than any page of results: the search must look past them all.
MANY = 130
# A word of the answer that is nowhere in the request of new_case's default case.
ANSWER_WORD = "doorrekening"
ANSWER = "Conceptamendement met doorrekening, zie bijlage."


def found(person, query: str, **options) -> list[int]:
    return [case.pk for case, _ in search_cases(viewer_for(person), query, **options)]


def api_found(person, query: str) -> list[int]:
    client = Client()
    client.force_login(person)
    response = client.get("/api/v1/cases", {"q": query})
    assert response.status_code == 200, response.content[:300]
    return [item["id"] for item in response.json()["items"]]


def bulk_cases(world, count: int, **fields) -> list[Case]:
    """Forwarded cases made in bulk: these tests measure the search, not the workflow."""
    now = timezone.now()
    defaults = {
        "municipality": world.municipality,
        "instrument": "assistance",
        "state": "forwarded",
        "question": "Een vraag over de begroting.",
        "policy_area": "sociaal_domein",
        "requester": world["raadslid1"],
        "submitted_at": now - timedelta(days=3),
        "forwarded_at": now - timedelta(days=1),
        "routing_officer": world["secretaris"],
    }
    return Case.objects.bulk_create(
        [Case(**{**defaults, "title": f"Onderwerp {index}", **fields}) for index in range(count)]
    )


def test_a_case_is_found_by_a_word_of_its_title_once_the_reader_may_see_it(world):
    case = new_case(
        world, title="Parkeertarieven in het centrum", question="Wat brengen de nieuwe tarieven op?"
    )
    assert found(world["raadslid1"], "Parkeertarieven") == [case.pk]
    # A draft is its requester's alone.
    assert found(world["griffier"], "parkeertarieven") == []
    act(world, case, "submit", "raadslid1")
    assert found(world["griffier"], "  PARKEERTARIEVEN ") == [case.pk]
    assert found(world["griffier"], "centrum") == [case.pk]
    assert found(world["raadslid2"], "parkeertarieven") == []
    assert found(world["griffier"], "zwembad") == []


def test_an_answer_word_finds_the_case_only_for_those_who_may_read_the_answer(world):
    case = run_to(world, new_case(world), "in_progress")
    assert found(world["raadslid1"], ANSWER_WORD) == []  # no answer yet
    case = act(world, case, "deliver", "ambtenaar1", {"answer": ANSWER})
    assert ANSWER_WORD in case.answer.lower()
    assert ANSWER_WORD not in f"{case.title} {case.question} {case.background}".lower()
    for reader in ("raadslid1", "griffier", "ambtenaar1"):
        assert found(world[reader], ANSWER_WORD) == [case.pk], reader
    # On the VNG model an answer is the requester's (openness: requester_only).
    assert case.confidential and found(world["raadslid2"], ANSWER_WORD) == []
    # The gemeentesecretaris routed it, sees the request, never the answer: the request's words
    # find it, the answer's do not (a hit would tell what the answer says).
    assert found(world["secretaris"], "leerlingenvervoer") == [case.pk]
    assert found(world["secretaris"], ANSWER_WORD) == []
    assert api_found(world["secretaris"], ANSWER_WORD) == []
    assert api_found(world["raadslid1"], ANSWER_WORD) == [case.pk]


def test_a_shared_answer_is_found_by_other_members_a_confidential_one_is_not(db):
    world = build_municipality(
        "Gemeente Open", "open", overrides={"openness": {"answers": "every_member"}}
    )
    shared = run_to(world, new_case(world, title="Jeugdzorg in de wijken"), "in_progress")
    shared = act(world, shared, "deliver", "ambtenaar1", {"answer": ANSWER})
    # A technische vraag is confidential when its member asks (assistance: by the profile).
    secret = run_to(
        world,
        new_case(
            world,
            title="Jeugdzorg in de dorpen",
            confidential=True,
            instrument="technical_question",
        ),
        "assigned",
    )
    secret = act(world, secret, "deliver", "ambtenaar1", {"answer": ANSWER})
    assert not shared.confidential and secret.confidential
    both = [secret.pk, shared.pk]
    assert found(world["raadslid1"], "jeugdzorg") == both
    assert found(world["raadslid1"], ANSWER_WORD) == both
    for member in ("raadslid2", "raadslid3"):
        assert found(world[member], "jeugdzorg") == [shared.pk], member
        assert found(world[member], ANSWER_WORD) == [shared.pk], member
    for outsider in ("wethouder1", "ambtenaar6", "manager1"):
        assert found(world[outsider], "jeugdzorg") == [], outsider
        assert found(world[outsider], ANSWER_WORD) == [], outsider
    assert found(world["secretaris"], "jeugdzorg") == both
    assert found(world["secretaris"], ANSWER_WORD) == []


def test_older_readable_hits_are_found_behind_more_than_a_chunk_of_unreadable_ones(world):
    readable = bulk_cases(world, 5, question="Hoe staat het met het zwembad?")
    # Newer: the word only in answers the gemeentesecretaris may not read, more than one chunk.
    unreadable = bulk_cases(
        world,
        MANY,
        state="delivered",
        delivered_at=timezone.now(),
        answer="Het zwembad gaat dicht.",
    )
    assert min(c.pk for c in unreadable) > max(c.pk for c in readable)
    secretary = world["secretaris"]
    # Every one of them is in the secretary's list, so the search has to look past them.
    assert visible_cases(viewer_for(secretary)).count() == len(readable) + len(unreadable)
    newest_first = sorted((c.pk for c in readable), reverse=True)
    assert found(secretary, "zwembad") == newest_first
    assert found(secretary, "zwembad", limit=3) == newest_first[:3]
    everything = sorted((c.pk for c in readable + unreadable), reverse=True)
    assert found(world["raadslid1"], "zwembad", limit=50) == everything[:50]
    assert found(world["raadslid1"], "zwembad", limit=500) == everything


@pytest.mark.parametrize("query", ["", "   ", "\t\n", None])
def test_an_empty_query_finds_nothing(world, query):
    bulk_cases(world, 3)
    assert search_cases(viewer_for(world["griffier"]), query) == []


@pytest.mark.parametrize("query", ["&|!", ":*", "<->", "()", "'\"", "\\", "%", "_"])
def test_a_query_of_search_operators_finds_nothing_and_breaks_nothing(world, query):
    # Neither a tsquery nor a LIKE pattern: typed characters never become operators.
    bulk_cases(world, 3, question="Wat kost het? Graag per jaar, met de bronnen.")
    assert search_cases(viewer_for(world["griffier"]), query) == []


@pytest.mark.parametrize("query", ["?", ".", "!", "—", "?."])
def test_punctuation_alone_finds_nothing(world, query):
    bulk_cases(world, 3, question="Wat kost het? Graag per jaar. Dank! — een raadslid")
    assert search_cases(viewer_for(world["griffier"]), query) == []


def test_a_long_query_with_many_words_is_answered_without_error(world):
    case = bulk_cases(world, 1, title="Zwembad")[0]
    assert found(world["griffier"], "zwembad " * 300) in ([case.pk], [])
    assert found(world["griffier"], "zwembad") == [case.pk]


@pytest.mark.parametrize("typed", ["huur", "sociale huur", "verkeers", "huurwoning"])
def test_the_beginning_of_a_word_finds_the_whole_word(world, typed):
    case = new_case(
        world, title="Sociale huurwoningen en verkeersveiligheid", question="Wat doet de gemeente?"
    )
    assert found(world["raadslid1"], typed) == [case.pk]


# PostgreSQL: Dutch words, prefixes, every word typed, and the index.


@postgres_only
def test_a_plural_finds_the_singular(world):
    case = new_case(world, title="Nieuwe woning voor starters", question="Wat kost een woning?")
    other = new_case(world, title="Parkeren bij het station", question="Hoeveel plekken?")
    assert found(world["raadslid1"], "woningen") == [case.pk]
    assert found(world["raadslid1"], "stations") == [other.pk]


@postgres_only
def test_a_word_finds_longer_words_it_begins(world):
    case = new_case(world, title="Woningbouw aan de rand", question="Hoeveel wordt er gebouwd?")
    assert found(world["raadslid1"], "woning") == [case.pk]
    assert found(world["raadslid1"], "woningb") == [case.pk]
    assert found(world["raadslid1"], "bouw") == []  # a prefix, not any part of a word


@postgres_only
def test_every_typed_word_must_occur_in_any_order(world):
    case = new_case(
        world,
        title="Sociale huurwoningen in de wijk",
        question="Hoeveel worden er gebouwd?",
        background="Voor de begroting.",
    )
    assert found(world["raadslid1"], "sociale huurwoningen") == [case.pk]
    assert found(world["raadslid1"], "huurwoningen sociale") == [case.pk]
    # Stop words typed in between are left out, as the stored text leaves them out.
    assert found(world["raadslid1"], "huurwoningen in de wijk") == [case.pk]
    assert found(world["raadslid1"], "sociale huurwoningen zwembad") == []


@postgres_only
def test_the_search_can_use_the_gin_indexes(world):
    bulk_cases(world, 200)
    bulk_cases(world, 30, question="Hoe staat het met het zwembad?")
    griffier = viewer_for(world["griffier"])
    ids = (
        visible_cases(griffier)
        .filter(text_condition(griffier, "zwembad"))
        .order_by("-pk")
        .values_list("pk", flat=True)[:100]
    )
    with connection.cursor() as cursor:
        # Statistics for the rows just written; and on a tiny table a sequential scan may still
        # be cheaper: switched off, the plan shows whether the indexes serve these expressions.
        cursor.execute("ANALYZE cases_case")
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = ids.explain()
        cursor.execute("RESET enable_seqscan")
    assert "case_search_request" in plan and "case_search_answer" in plan, plan
    assert len(list(ids)) == 30

# SPDX-License-Identifier: EUPL-1.2
"""Each start page costs the same number of queries at 10 and at 200 visible cases."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.models import BreakGlass
from raadsloket.assistance.models import HoursEntry
from raadsloket.cases.models import Assignment, Case
from raadsloket.demo.people import build_municipality

pytestmark = pytest.mark.django_db

STATES = [
    "submitted",
    "intake",
    "deferred",
    "forwarded",
    "assigned",
    "in_progress",
    "delivered",
    "closed",
]
STARTED = {"assigned", "in_progress", "delivered", "closed"}
VIEWERS = [
    "raadslid1",
    "raadslid2",
    "raadslid3",
    "griffier",
    "secretaris",
    "ambtenaar1",
    "ambtenaar6",
    "manager1",
    "wethouder1",
    "beheerder",
]


def add_cases(world, count: int) -> None:
    """Cases in every state, made in bulk: this test measures pages, not the workflow."""
    now = timezone.now()
    today = timezone.localdate()
    cases = []
    for index in range(count):
        state = STATES[index % len(STATES)]
        forwarded = STATES.index(state) >= STATES.index("forwarded")
        cases.append(
            Case(
                municipality=world.municipality,
                instrument="assistance",
                state=state,
                title=f"Onderwerp {index}",
                question="Een vraag over leerlingenvervoer.",
                policy_area="sociaal_domein",
                requester=world["raadslid1"],
                confidential=index % 2 == 0,
                submitted_at=now - timedelta(days=index % 12),
                intake_due=today - timedelta(days=index % 5 - 2),
                forwarded_at=now if forwarded else None,
                assigned_at=now if state in STARTED else None,
                delivered_at=now if state in {"delivered", "closed"} else None,
                answer="Antwoord" if state in {"delivered", "closed"} else "",
            )
        )
    cases = Case.objects.bulk_create(cases)
    Case.co_requesters.through.objects.bulk_create(
        [
            Case.co_requesters.through(case_id=case.pk, person_id=world["raadslid2"].pk)
            for case in cases
        ]
    )
    started = [case for case in cases if case.state in STARTED]
    Assignment.objects.bulk_create(
        [
            Assignment(case=case, civil_servant=world["ambtenaar1"], hours_estimate=Decimal("6"))
            for case in started
        ]
        + [
            Assignment(case=case, civil_servant=world["ambtenaar6"], hours_estimate=Decimal("6"))
            for case in started
        ]
    )
    HoursEntry.objects.bulk_create(
        [
            HoursEntry(
                case=case, civil_servant=world["ambtenaar1"], worked_on=today, hours=Decimal("1.5")
            )
            for case in started
        ]
    )


def count_queries(client: Client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def open_audit_chain(world) -> None:
    """A municipality's first audit event also creates its chain's head (audit/chain.py): a
    one-time cost, made here so that the rounds compare only the number of cases."""
    client = Client()
    client.force_login(world["raadslid1"])
    assert client.get("/").status_code == 200


def measure(world) -> dict[tuple[str, str], int]:
    counts = {}
    for username in VIEWERS:
        client = Client()
        client.force_login(world[username])
        for url in ("/", reverse("case_list")):
            counts[(username, url)] = count_queries(client, url)
    return counts


def test_start_pages_cost_the_same_at_10_and_200_cases():
    world = build_municipality(
        "Gemeente Teller", "teller", overrides={"openness": {"college_notified_of_start": True}}
    )
    add_cases(world, 10)
    first = Case.objects.filter(municipality=world.municipality).first()
    BreakGlass.objects.create(
        person=world["beheerder"],
        case=first,
        reason="Storing 1234",
        expires_at=timezone.now() + timedelta(minutes=30),
    )
    open_audit_chain(world)
    at_10 = measure(world)
    add_cases(world, 190)
    at_200 = measure(world)
    for (username, url), count in sorted(at_200.items()):
        print(f"queries {username:<11} {url:<12} {count}")
    assert at_10 == at_200
    # Every role's page really lists something, so the comparison means something.
    assert max(at_200.values()) < 40


# The case page, the keyset list, the API list and the API search, per reader.
READERS = ["griffier", "raadslid1"]


def case_urls(world) -> dict[str, str]:
    """The same kind of page at any size: a rich case; list pages holding every kind of case."""
    cases = Case.objects.filter(municipality=world.municipality)
    rich = cases.filter(state="in_progress").order_by("pk").first()
    newest_first = list(cases.order_by("-pk").values_list("pk", flat=True))
    second = newest_first[1]
    return {
        "case page": reverse("case_detail", args=[rich.pk]),
        "list ?voor=": f"{reverse('case_list')}?voor={second}",
        "list ?na=": f"{reverse('case_list')}?na={newest_first[-1]}",
        "API list": "/api/v1/cases?limit=50",
        "API list after": f"/api/v1/cases?limit=50&after={second}",
        "API search": "/api/v1/cases?q=leerlingenvervoer",
    }


def measure_case_pages(world) -> dict[tuple[str, str], int]:
    # The rate limits count in the database cache (settings.CACHES): a first call of the
    # minute inserts its counter, a later one updates it. Each round starts from the same empty
    # cache, so that only the number of cases differs.
    cache.clear()
    counts = {}
    for username in READERS:
        client = Client()
        client.force_login(world[username])
        for label, url in case_urls(world).items():
            counts[(username, label)] = count_queries(client, url)
    return counts


@pytest.fixture
def case_page_counts(db) -> tuple[dict, dict]:
    world = build_municipality("Gemeente Teller", "teller")
    add_cases(world, 10)
    open_audit_chain(world)
    at_10 = measure_case_pages(world)
    add_cases(world, 190)
    at_200 = measure_case_pages(world)
    for (username, label), count in sorted(at_200.items()):
        print(f"queries {username:<11} {label:<15} {at_10[(username, label)]:>3} {count:>3}")
    # The pages really show 50 cases at 200, so the comparison means something.
    client = Client()
    client.force_login(world["griffier"])
    assert len(client.get("/api/v1/cases?limit=50").json()["items"]) == 50
    assert len(client.get("/api/v1/cases?q=leerlingenvervoer").json()["items"]) == 50
    assert len(client.get(case_urls(world)["list ?voor="]).context["page"].cases) == 50
    return at_10, at_200


def test_case_page_list_pages_and_api_list_and_search_cost_the_same_at_10_and_200_cases(
    case_page_counts,
):
    at_10, at_200 = case_page_counts
    assert at_10 == at_200
    assert max(at_200.values()) < 40

# SPDX-License-Identifier: EUPL-1.2
"""Two (or ten) people acting on the same case at the same moment, with real parallel requests.

Only on PostgreSQL (the second pass of `make test`): SQLite serialises every writer, so a race
there proves nothing. A threaded live server answers each request in its own thread with its
own database connection; a barrier releases all requests at once. `transitions.perform` locks
the case row (select_for_update) and compares the version the actor saw (optimistic locking).

Exactly one wins; every other gets 409 with a Dutch message, and on the web their typed input
comes back in the form. The timeline holds one event, and there is one assignment row.

ASVS V1.11.3 / V11.1.6 (business logic: no race in a state change); BIO 12.1.3.
"""

import re
import threading
from collections import Counter
from functools import partial

import pytest
import requests
from django.conf import settings as django_settings

from raadsloket.api.tokens import issue
from raadsloket.cases.models import Assignment, Case, TimelineEvent
from raadsloket.demo.lifecycle import new_case, run_to
from tests.support.world import build_voorbeeld

pytestmark = [
    pytest.mark.skipif(
        django_settings.DATABASES["default"]["ENGINE"] != "django.db.backends.postgresql",
        reason="real parallel transitions need PostgreSQL (DATABASE_URL=postgres://...)",
    ),
    pytest.mark.django_db(transaction=True),
]

RACERS = 10
ROUNDS = 3
DUTCH_CONFLICT = ("intussen door iemand anders gewijzigd", "kan niet (meer)")
CSRF_FIELD = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture
def race_world(settings, live_server):
    # The live server speaks plain http: cookies must not be Secure-only for its client.
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    settings.TWO_FACTOR_REQUIRED = False
    return build_voorbeeld()


def race(calls) -> list:
    """Run every call at the same moment, each in its own thread; their results in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index, call):
        barrier.wait()
        try:
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - reported as the result of that racer
            results[index] = error

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def web_session(base: str, username: str) -> requests.Session:
    """A browser: logged in through the real login form, with its CSRF cookie."""
    session = requests.Session()
    page = session.get(f"{base}/inloggen/", timeout=30)
    token = CSRF_FIELD.search(page.text).group(1)
    done = session.post(
        f"{base}/inloggen/",
        data={"username": username, "password": "demo", "csrfmiddlewaretoken": token},
        allow_redirects=False,
        timeout=30,
    )
    assert done.status_code == 302, done.text[:500]
    return session


def only_one_won(statuses: list[int], win: set[int]) -> None:
    counted = Counter(statuses)
    assert sum(counted[code] for code in win) == 1, counted
    assert counted[409] == len(statuses) - 1, counted


def test_ten_griffie_members_forwarding_one_case_on_the_web(race_world, live_server):
    """The same version, the same moment, each with their own note: one forward, nine 409s
    that show the Dutch message and give each their note back in the form."""
    griffie = ["griffier", "raadsadviseur", "raadsadviseur2"]
    sessions = [web_session(live_server.url, griffie[i % len(griffie)]) for i in range(RACERS)]
    for round_ in range(ROUNDS):
        case = run_to(race_world, new_case(race_world), "intake")
        url = f"{live_server.url}/verzoeken/{case.pk}/forward"
        forms = []
        for session in sessions:
            page = session.get(f"{url}?versie={case.version}", timeout=30)
            assert page.status_code == 200
            forms.append(CSRF_FIELD.search(page.text).group(1))

        notes = [
            f"Doorgeleid met de notitie van racer {i} in ronde {round_}." for i in range(RACERS)
        ]
        responses = race(
            [
                partial(
                    sessions[i].post,
                    url,
                    allow_redirects=False,
                    timeout=60,
                    data={
                        "csrfmiddlewaretoken": forms[i],
                        "version": str(case.version),
                        "note": notes[i],
                    },
                )
                for i in range(RACERS)
            ]
        )
        assert not [r for r in responses if isinstance(r, Exception)], responses
        only_one_won([r.status_code for r in responses], {302})
        for i, response in enumerate(responses):
            if response.status_code == 409:
                assert any(m in response.text for m in DUTCH_CONFLICT), response.text[:500]
                # What they typed is still there.
                assert notes[i] in response.text
        case.refresh_from_db()
        assert case.state == "forwarded"
        assert TimelineEvent.objects.filter(case=case, action="forward").count() == 1
    print(f"\nweb race: {ROUNDS} rounds x {RACERS} parallel forwards, one winner each")


def api_post(base: str, token: str, path: str, body: dict):
    return requests.post(
        f"{base}/api/v1{path}", json=body, timeout=60, headers={"Authorization": f"Bearer {token}"}
    )


def test_ten_accepts_of_one_submitted_case_through_the_api(race_world, live_server):
    """Half name the version they saw, half none: the row lock alone must also hold."""
    tokens = [issue(race_world[name]) for name in ("griffier", "raadsadviseur", "raadsadviseur2")]
    for _ in range(ROUNDS):
        case = run_to(race_world, new_case(race_world), "submitted")
        bodies = [
            {"version": case.version, "data": {}} if i % 2 else {"data": {}} for i in range(RACERS)
        ]
        responses = race(
            [
                partial(
                    api_post,
                    live_server.url,
                    tokens[i % len(tokens)],
                    f"/cases/{case.pk}/actions/accept",
                    bodies[i],
                )
                for i in range(RACERS)
            ]
        )
        assert not [r for r in responses if isinstance(r, Exception)], responses
        only_one_won([r.status_code for r in responses], {200})
        for response in responses:
            if response.status_code == 409:
                assert any(m in response.json()["detail"] for m in DUTCH_CONFLICT)
        case.refresh_from_db()
        assert case.state == "intake" and case.version == 3
        assert TimelineEvent.objects.filter(case=case, action="accept").count() == 1


def test_ten_assignments_of_one_forwarded_case_through_the_api(race_world, live_server):
    """The routing officer's assign, sent ten times at once with ten different civil servants:
    one assignment row, one timeline event."""
    token = issue(race_world["secretaris"])
    servants = [race_world[f"ambtenaar{n}"] for n in range(1, RACERS + 1)]
    for _ in range(ROUNDS):
        case = run_to(race_world, new_case(race_world), "forwarded")
        responses = race(
            [
                partial(
                    api_post,
                    live_server.url,
                    token,
                    f"/cases/{case.pk}/actions/assign",
                    {
                        "version": case.version,
                        "data": {"civil_servants": [servant.pk], "hours_estimate": "10"},
                    },
                )
                for servant in servants
            ]
        )
        assert not [r for r in responses if isinstance(r, Exception)], responses
        only_one_won([r.status_code for r in responses], {200})
        assert Assignment.objects.filter(case=case).count() == 1
        assert TimelineEvent.objects.filter(case=case, action="assign").count() == 1
        assert Case.objects.get(pk=case.pk).state == "assigned"
    print(
        f"\nAPI races: {ROUNDS} rounds x {RACERS} parallel accepts and assigns, one winner "
        "each, one assignment row"
    )

# SPDX-License-Identifier: EUPL-1.2
"""A crawl as each outsider: no byte of a confidential case's content reaches them.

Every web page reachable by links from "/", every case page, action page and answer file by
id, every API list page and every API detail and timeline of every id in the database. The
case content carries unique markers (bubble_scenarios.py); a marker may appear in a response
only where the rules (`expected_sections`) let this reader see its section.
"""

import re
from collections import deque
from urllib.parse import urldefrag

import pytest
from bubble_scenarios import MARKER_SECTION
from django.urls import NoReverseMatch, reverse

from raadsloket.cases.models import Case

pytestmark = pytest.mark.django_db

HREF = re.compile(r'href="(/[^"]*)"')
# Never follow: logging out would end the crawl; static files hold no case data.
SKIP = ("/uitloggen", "/static/", "/api/v1/docs")
MAX_PAGES = 400

# (role in the matrix, profile of the municipality they belong to)
OUTSIDERS = [
    ("another manager", "vng-model"),
    ("alderman", "utrecht"),          # the college that is told a trajectory started
    ("mayor", "vng-model"),
    ("member of another fractie", "vng-model"),
    ("committee member", "vng-model"),
    ("functional administrator", "vng-model"),  # without break-glass
    ("unassigned civil servant", "vng-model"),
    ("routing officer", "echt-susteren"),  # sees the request once forwarded, never the work
    ("member of another municipality", "vng-model"),
]


def forbidden_markers(bubble, role: str, profile: str) -> dict[str, str]:
    """marker -> why it must not show, over every case in the database."""
    forbidden = {}
    for scenario in bubble.scenarios:
        reader_profile = scenario.profile
        if role.endswith("of another municipality"):
            visible = frozenset()
        elif reader_profile != profile:
            visible = frozenset()  # a case of another municipality than the reader's
        else:
            visible = scenario.expected(role)
        for kind in scenario.written:
            if MARKER_SECTION[kind] not in visible:
                forbidden[scenario.marker(kind)] = f"{kind} of the {scenario.label}"
    return forbidden


def reader_for(bubble, role: str, profile: str):
    scenario = next(s for s in bubble.scenarios if s.profile == profile)
    return bubble.person(scenario, role)


def web_urls(bubble) -> list[str]:
    try:
        reverse("home")
    except NoReverseMatch:
        return []
    urls = []
    for scenario in bubble.scenarios:
        urls.append(reverse("case_detail", args=[scenario.case_id]))
        urls.append(f"{reverse('case_detail', args=[scenario.case_id])}/accept")
        if scenario.file_token:
            urls.append(reverse("case_file", args=[scenario.case_id, scenario.file_token]))
    return urls


def body(response) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode(errors="replace")
    return response.content.decode(errors="replace")


@pytest.mark.parametrize(("role", "profile"), OUTSIDERS)
def test_an_outsider_crawling_everything_reads_no_confidential_content(
        small_bubble, settings, role, profile):
    settings.MEDIA_ROOT = small_bubble.media_root
    bubble = small_bubble
    person = reader_for(bubble, role, profile)
    forbidden = forbidden_markers(bubble, role, profile)
    client, auth = bubble.web(person), bubble.api(person)
    leaks: list[str] = []
    fetched = 0

    def check(url: str, response) -> str:
        nonlocal fetched
        fetched += 1
        text = body(response)
        assert response.status_code < 500, (url, response.status_code)
        for marker, what in forbidden.items():
            if marker in text:
                leaks.append(f"{url} ({response.status_code}) shows {person.username} the {what}")
        return text

    # The web: breadth-first over links from "/", then every case page and file by id.
    seen: set[str] = set()
    queue = deque(["/", *web_urls(bubble)])
    while queue and len(seen) < MAX_PAGES:
        url = urldefrag(queue.popleft())[0]
        if url in seen or url.startswith(SKIP):
            continue
        seen.add(url)
        response = client.get(url)
        text = check(url, response)
        if response.status_code == 200 and "html" in response.get("Content-Type", ""):
            queue.extend(link.replace("&amp;", "&") for link in HREF.findall(text))

    # The API: every list page, the search, and every detail and timeline by id.
    after = None
    while True:
        url = "/api/v1/cases?limit=20" + (f"&after={after}" if after else "")
        response = client.get(url, **auth)
        check(url, response)
        after = response.json()["next_after"]
        if after is None:
            break
    for word in ("geheim", "zoekwoordtitel", "zoekwoordantwoord", "zoekwoorddoel"):
        check(f"/api/v1/cases?q={word}", client.get(f"/api/v1/cases?q={word}", **auth))
    check("/api/v1/me", client.get("/api/v1/me", **auth))
    for case_id in Case.objects.order_by("pk").values_list("pk", flat=True):
        for url in (f"/api/v1/cases/{case_id}", f"/api/v1/cases/{case_id}/timeline"):
            check(url, client.get(url, **auth))

    assert fetched > len(bubble.scenarios) * 2
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)


def test_the_crawl_would_notice_a_leak(small_bubble):
    """The markers are really in the responses of an insider (the crawl is not blind)."""
    scenario = next(s for s in small_bubble.scenarios
                    if (s.profile, s.confidentiality, s.state) == ("vng-model", "confidential",
                                                                    "closed"))
    griffier = scenario.world["griffier"]
    response = small_bubble.web(griffier).get(f"/api/v1/cases/{scenario.case_id}",
                                              **small_bubble.api(griffier))
    text = response.content.decode()
    for kind in ("TITEL", "VRAAG", "ANTWOORD", "DOEL", "EVALLID", "EVALAMBT", "EVALGRIF"):
        assert scenario.marker(kind) in text, kind

# SPDX-License-Identifier: EUPL-1.2
"""A crawl as each outsider: no byte of a confidential case's content reaches them.

Every web page reachable by links from "/", every case page, action page and answer file by
id, every API list page and every API detail and timeline of every id in the database (the
crawler is tests/support/crawl.py). The case content carries unique markers
(tests/support/scenarios.py); a marker may appear in a response only where the rules
(`expected_sections`) let this reader see its section.

Fractieondersteuning and the opleidingsbudget are crawled the same way: every
municipality of the matrix gets expense lines, questions and course requests with a marker
each (`budget_bubble`), and the budget pages and API are walked; `BUDGET_SEES` restates who may
read which of them (raadsloket.access.fractie_support). A member's tijdsbesteding carries a
marker too (only that member may read it, raadsloket.access.time_planner), and Mijn vergoeding
and the planner pages are among the crawl's start pages.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings
from django.utils import timezone

from raadsloket.access.viewer import viewer_for
from raadsloket.cases.models import Case
from raadsloket.fractie_support.expenses import answer_question, record_expense, review_expense
from raadsloket.organisation.models import Fractie
from raadsloket.time_planner.models import PlannerWeek
from raadsloket.time_planner.planner import grid_from_json
from raadsloket.time_planner.services import save_week
from raadsloket.training.services import decide, request_training
from tests.support.crawl import body, case_page_urls, crawl_site
from tests.support.publication import add_written_questions
from tests.support.scenarios import MARKER_SECTION

pytestmark = pytest.mark.django_db

MAX_PAGES = 400

# (role in the matrix, profile of the municipality they belong to)
OUTSIDERS = [
    ("another manager", "vng-model"),
    ("alderman", "utrecht"),  # the college that is told a trajectory started
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


# --- fractieondersteuning and opleidingsbudget --------------------------------------------


@dataclass(frozen=True)
class BudgetMarker:
    marker: str
    # Who may read it: "lines of <fractie>", "unclear of <fractie>", "put to the presidium by
    # <fractie>", "precedent", "personal course of raadslid1", "collective course".
    audience: str
    municipality_id: int


# Who in a municipality belongs to which fractie's side in the demo world (people.py): Lokaal
# Belang is raadslid1..6 with its employee and committee member; GroenLinks-PvdA raadslid12..16.
LB_SIDE = {
    "raadslid1",
    "raadslid2",
    "raadslid3",
    "raadslid4",
    "raadslid5",
    "raadslid6",
    "fractiemedewerker1",
    "commissielid1",
}
GL_SIDE = {f"raadslid{n}" for n in range(12, 17)}
CHAIRS = {
    "raadslid1",
    "raadslid7",
    "raadslid12",
    "raadslid17",
    "raadslid21",
    "raadslid24",
    "raadslid26",
    "raadslid28",
}
GRIFFIE_USERS = {"griffier", "raadsadviseur", "raadsadviseur2"}
COUNCIL_SIDE = {f"raadslid{n}" for n in range(1, 30)} | {"fractiemedewerker1", "commissielid1"}
TRAINING_REQUESTERS = {f"raadslid{n}" for n in range(1, 30)} | {"commissielid1"}


def budget_sees(audience: str, username: str) -> bool:
    """The rules of raadsloket.access.fractie_support, restated for the demo people of one municipality.
    The college, the civil service and the administrator are in none of these sets."""
    if audience == "planner of raadslid1":  # raadsloket.access.time_planner: the member alone
        return username == "raadslid1"
    if username in GRIFFIE_USERS:
        return True
    side = {"Lokaal Belang": LB_SIDE, "GroenLinks-PvdA": GL_SIDE}
    if audience.startswith("lines of "):
        return username in side[audience.removeprefix("lines of ")]
    if audience.startswith(("unclear of ", "put to the presidium by ")):
        fractie = audience.rsplit(" of ", 1)[-1].rsplit(" by ", 1)[-1]
        return username in side[fractie] or username in CHAIRS
    if audience == "precedent":
        return username in COUNCIL_SIDE
    if audience == "personal course of raadslid1":
        return username == "raadslid1"
    if audience == "collective course":
        return username in TRAINING_REQUESTERS
    raise AssertionError(audience)


def _bare(person) -> str:
    # Usernames carry the municipality's prefix ("m0r-raadslid1").
    return person.username.split("-", 1)[1] if "-" in person.username else person.username


def add_budgets(world, index: int) -> list[BudgetMarker]:
    """Marked budget data in one municipality (every text unique; no marker starts another)."""
    markers: list[BudgetMarker] = []
    municipality_id = world.municipality.pk
    on = date(timezone.localdate().year, 1, 1)
    griffier = world["griffier"]
    griffie = viewer_for(griffier)

    def spend(username, tag, audience, category="kantoor", question_tag="", q_audience=""):
        person = world[username]
        marker = f"GEHEIM-UITGAVE-{tag}-{index}"
        question = f"Mag dit? GEHEIM-BUDGETVRAAG-{question_tag}-{index}" if question_tag else ""
        expense = record_expense(
            viewer_for(person),
            person,
            person.fractie,
            on=on,
            amount=Decimal("42.42"),
            category=category,
            description=f"Uitgave {marker}",
            question=question,
            proof=SimpleUploadedFile("bon.pdf", f"%PDF-1.4 {marker}".encode()),
        )
        markers.append(BudgetMarker(marker, audience, municipality_id))
        if question_tag:
            markers.append(
                BudgetMarker(
                    f"GEHEIM-BUDGETVRAAG-{question_tag}-{index}", q_audience, municipality_id
                )
            )
        return expense

    spend("raadslid2", "LBEIGEN", "lines of Lokaal Belang")
    spend(
        "raadslid2",
        "LBWACHT",
        "lines of Lokaal Belang",
        "overig",
        "LBWACHT",
        "lines of Lokaal Belang",
    )
    spend("raadslid13", "GLEIGEN", "lines of GroenLinks-PvdA")
    unclear = spend("raadslid13", "GLONDUIDELIJK", "unclear of GroenLinks-PvdA")
    review_expense(griffie, griffier, unclear, review="unclear", remark="Voor het presidium.")
    precedent = spend(
        "raadslid13",
        "GLPRECEDENT",
        "lines of GroenLinks-PvdA",
        "overig",
        "GLPRECEDENT",
        "precedent",
    )
    answer_question(
        griffie,
        griffier,
        precedent.question,
        answer="allowed",
        reasoning="Dit is communicatie over het raadswerk.",
    )
    put = spend(
        "raadslid13",
        "GLPRESIDIUM",
        "lines of GroenLinks-PvdA",
        "overig",
        "GLPRESIDIUM",
        "put to the presidium by GroenLinks-PvdA",
    )
    answer_question(
        griffie,
        griffier,
        put.question,
        answer="presidium",
        reasoning="Het presidium beslist over dit geval.",
    )

    def course(username, kind, tag, audience):
        person = world[username]
        marker = f"GEHEIM-OPLEIDING-{tag}-{index}"
        made = request_training(
            viewer_for(person),
            person,
            kind=kind,
            title="Cursus",
            provider="Academie",
            start_date=on,
            cost=Decimal("100.00"),
            purpose=f"Voor het raadswerk {marker}",
            not_party_political=True,
        )
        markers.append(BudgetMarker(marker, audience, municipality_id))
        return made

    course("raadslid1", "personal", "RAADSLID1", "personal course of raadslid1")
    collective = course("raadslid3", "collective", "COLLECTIEF", "collective course")
    decide(griffie, griffier, collective, approve=True, reason="")
    planner_marker = f"GEHEIM-PLANNER-RAADSLID1-{index}"
    member = world["raadslid1"]
    save_week(
        viewer_for(member),
        member,
        monday=on - timedelta(days=on.weekday()),
        hours=grid_from_json({"reading": ["1.5"] * 5}),
        answers={"noticed": f"Mijn week {planner_marker}"},
    )
    markers.append(BudgetMarker(planner_marker, "planner of raadslid1", municipality_id))
    return markers


@pytest.fixture(scope="module")
def budget_bubble(small_bubble, django_db_blocker):
    """The small bubble with marked budget data in each municipality of its cases (written in
    the bubble's module transaction, so rolled back with it)."""
    worlds = {}
    for scenario in small_bubble.scenarios:
        worlds.setdefault(scenario.world.municipality.pk, scenario.world)
    markers: list[BudgetMarker] = []
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=small_bubble.media_root):
        for index, world in enumerate(worlds.values()):
            markers += add_budgets(world, index)
    small_bubble.budget_markers = markers
    return small_bubble


def forbidden_budget_markers(bubble, person) -> dict[str, str]:
    return {
        m.marker: f"budget text for {m.audience}"
        for m in bubble.budget_markers
        if person.municipality_id != m.municipality_id or not budget_sees(m.audience, _bare(person))
    }


def budget_web_urls(bubble) -> list[str]:
    year = timezone.localdate().year
    urls = ["/fractieondersteuning/", "/fractieondersteuning/precedenten/", "/opleidingen/"]
    # Mijn vergoeding and the tijdsbesteding (its weeks are the member's own: by date, not id).
    urls += ["/vergoeding/", "/vergoeding/politiek-verlof", "/tijdsbesteding/"]
    urls += [
        f"/tijdsbesteding/week/{iso.year}/{iso.week}"
        for iso in {w.monday.isocalendar() for w in PlannerWeek.objects.exclude(monday=None)}
    ]
    municipalities = {m.municipality_id for m in bubble.budget_markers}
    fracties = Fractie.objects.filter(municipality_id__in=municipalities)
    urls += [f"/fractieondersteuning/{pk}/{year}/" for pk in fracties.values_list("pk", flat=True)]
    return urls


BUDGET_API_LISTS = [
    "/api/v1/budgets/fracties",
    "/api/v1/budgets/unclear",
    "/api/v1/budgets/questions?limit=100",
    "/api/v1/budgets/precedents?limit=100",
    "/api/v1/training/requests?limit=100",
    "/api/v1/training/budget",
    "/api/v1/allowances/mine",
    "/api/v1/planner/weeks",
]


def budget_api_urls() -> list[str]:
    urls = list(BUDGET_API_LISTS)
    for fractie_id in Fractie.objects.order_by("pk").values_list("pk", flat=True):
        urls += [
            f"/api/v1/budgets/fracties/{fractie_id}/statement",
            f"/api/v1/budgets/fracties/{fractie_id}/expenses?limit=100",
        ]
    urls += [
        f"/api/v1/planner/weeks/{pk}" for pk in PlannerWeek.objects.values_list("pk", flat=True)
    ]
    return urls


@pytest.mark.parametrize(("role", "profile"), OUTSIDERS)
def test_an_outsider_crawling_everything_reads_no_confidential_content(
    budget_bubble, settings, role, profile
):
    settings.MEDIA_ROOT = budget_bubble.media_root
    bubble = budget_bubble
    person = reader_for(bubble, role, profile)
    forbidden = forbidden_markers(bubble, role, profile)
    forbidden.update(forbidden_budget_markers(bubble, person))
    client, auth = bubble.web(person), bubble.api(person)
    leaks: list[str] = []
    fetched = 0

    def check(url: str, response, text: str | None = None) -> str:
        nonlocal fetched
        fetched += 1
        if text is None:  # a crawled page was read by the crawl (a file streams only once)
            text = body(response)
        assert response.status_code < 500, (url, response.status_code)
        for marker, what in forbidden.items():
            if marker in text:
                leaks.append(f"{url} ({response.status_code}) shows {person.username} the {what}")
        return text

    # The web: breadth-first over links from "/", then every case page and file by id.
    start = ["/", *case_page_urls(bubble.scenarios), *budget_web_urls(bubble)]
    for url, response, text in crawl_site(client, start, MAX_PAGES).pages:
        check(url, response, text)

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
    for url in budget_api_urls():
        check(url, client.get(url, **auth))

    assert fetched > len(bubble.scenarios) * 2
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)


def test_the_crawl_would_notice_a_leak(small_bubble):
    """The markers are really in the responses of an insider (the crawl is not blind)."""
    scenario = next(
        s
        for s in small_bubble.scenarios
        if (s.profile, s.confidentiality, s.state) == ("vng-model", "confidential", "closed")
    )
    griffier = scenario.world["griffier"]
    response = small_bubble.web(griffier).get(
        f"/api/v1/cases/{scenario.case_id}", **small_bubble.api(griffier)
    )
    text = response.content.decode()
    for kind in ("TITEL", "VRAAG", "ANTWOORD", "DOEL", "EVALLID", "EVALAMBT", "EVALGRIF"):
        assert scenario.marker(kind) in text, kind


@pytest.mark.parametrize(
    "username", ["griffier", "raadslid13", "raadslid7", "commissielid1", "raadslid1"]
)
def test_the_budget_crawl_would_notice_a_leak(budget_bubble, username):
    """Through the API each insider reads exactly the budget markers the restated rules give
    them in their own municipality: the outsider crawl's forbidden lists are not blind."""
    world = budget_bubble.scenarios[0].world
    person = world[username]
    auth = budget_bubble.api(person)
    client = budget_bubble.web(person)
    text = "".join(client.get(url, **auth).content.decode() for url in budget_api_urls())
    own = [m for m in budget_bubble.budget_markers if m.municipality_id == world.municipality.pk]
    expected = {m.marker for m in own if budget_sees(m.audience, username)}
    assert expected, username
    assert {m.marker for m in budget_bubble.budget_markers if m.marker in text} == expected


# --- the anonymous visitor: the public pages (raadsloket.publication) --------------------

# Pages and API lists a signed-in person uses: logged out, each must send to the login or 404.
NON_PUBLIC_WEB = [
    "/",
    "/verzoeken/",
    "/verzoeken/nieuw",
    "/fractieondersteuning/",
    "/opleidingen/",
    "/vergoeding/",
    "/tijdsbesteding/",
    "/schriftelijke-vragen/",
    "/reflectie/",
    "/meldingen/",
    "/privacy/",
    "/beveiliging/",
    "/rekenkamer/",
    "/rekenkamer/cyclus/",
    "/rekenkamer/cyclus.ics",
    "/volgen/",
    "/ondersteuning/",
    "/raadsperiode/",
]


@pytest.fixture(scope="module")
def public_bubble(budget_bubble, django_db_blocker):
    """The budget bubble plus, per municipality, a CBS code and written questions in every
    state with markers (tests/support/publication.py), in the bubble's module transaction."""
    worlds = {}
    for scenario in budget_bubble.scenarios:
        worlds.setdefault(scenario.world.municipality.pk, scenario.world)
    questions = []
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=budget_bubble.media_root):
        for index, world in enumerate(worlds.values()):
            world.municipality.cbs_code = f"{9900 + index}"
            world.municipality.save()
            questions.append(add_written_questions(world, f"p{index}"))
    budget_bubble.written_questions = questions
    return budget_bubble


def test_the_anonymous_visitor_crawling_the_public_pages_reads_nothing_confidential(
    public_bubble, settings
):
    """Logged out, from the public index and robots.txt, following every link and every
    sitemap <loc>: no marker of any bubble case, budget line, course, draft, unregistered or
    withdrawn question, or unpublished, embargoed or secret answer; every non-public URL
    sends to the login or is 404; and the public markers do show (the crawl is not blind)."""
    settings.MEDIA_ROOT = public_bubble.media_root
    bubble = public_bubble
    forbidden = {
        scenario.marker(kind): f"{kind} of the {scenario.label}"
        for scenario in bubble.scenarios
        for kind in scenario.written
    }
    forbidden.update({m.marker: f"budget text for {m.audience}" for m in bubble.budget_markers})
    public: dict[str, str] = {}
    for questions in bubble.written_questions:
        forbidden.update(questions.secret)
        public.update(questions.public)
    client = Client()
    crawl = crawl_site(client, ["/openbaar/", "/robots.txt"], MAX_PAGES)
    seen = "".join(text for _, _, text in crawl.pages)
    leaks = [
        f"{url} ({response.status_code}) shows the {what}"
        for url, response, text in crawl.pages
        for marker, what in forbidden.items()
        if marker in text
    ]
    assert not leaks, f"{len(leaks)} leaks:\n" + "\n".join(leaks)
    assert all(r.status_code < 500 for _, r, _ in crawl.pages)
    assert not client.cookies, "a public page set a cookie"
    xml_pages = [u for u, r, _ in crawl.pages if "xml" in r.get("Content-Type", "")]
    assert len(xml_pages) >= 2 * len(bubble.written_questions), xml_pages
    missing = [what for marker, what in public.items() if marker not in seen]
    assert not missing, missing

    cases = list(Case.objects.order_by("pk").values_list("pk", flat=True))
    non_public = NON_PUBLIC_WEB + case_page_urls(bubble.scenarios)
    non_public += [f"/verzoeken/{pk}" for pk in cases]
    wrong = []
    for url in non_public:
        response = client.get(url)
        to_login = response.status_code == 302 and response["Location"].startswith("/inloggen/")
        if not (to_login or response.status_code == 404):
            wrong.append(f"{url} answers {response.status_code}")
    api_status = {
        url: client.get(url).status_code
        for url in ["/api/v1/cases", "/api/v1/me", *BUDGET_API_LISTS]
    }
    wrong += [
        f"{url} answers {status}; expected 401"
        for url, status in api_status.items()
        if status != 401
    ]
    assert not wrong, wrong

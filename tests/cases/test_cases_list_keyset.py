# SPDX-License-Identifier: EUPL-1.2
"""The case list pages by case number: "Oudere verzoeken" and "Nieuwere verzoeken", 50 a page.

A page after or before a case number costs the same anywhere in the list (docs/scaling.md). Walking the
links must show every case the reader may see exactly once, newest first, and nothing else;
a link someone typed or mangled shows the newest page instead of an error.
"""

import re
from datetime import timedelta

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from raadsloket.access.cases import visible_cases
from raadsloket.access.viewer import viewer_for
from raadsloket.cases.models import Case

pytestmark = pytest.mark.django_db

PER_PAGE = 50
CASE_LINK = re.compile(r'href="/verzoeken/(\d+)"')
OLDER = re.compile(r'href="\?voor=(\d+)">Oudere verzoeken</a>')
NEWER = re.compile(r'href="\?na=(\d+)">Nieuwere verzoeken</a>')


class Kinds:
    """Which bulk-made cases are which, to say who may see them."""

    def __init__(self):
        self.confidential: list[int] = []  # raadslid1's ambtelijke bijstand, submitted
        self.registered: list[int] = []  # schriftelijke vragen: every member sees them
        self.shared: list[int] = []  # technische vragen answered in the open
        self.drafts: list[int] = []  # raadslid1's alone
        self.elsewhere: list[int] = []  # another municipality's

    @property
    def for_griffie(self) -> list[int]:
        return sorted(self.confidential + self.registered + self.shared, reverse=True)

    @property
    def for_other_members(self) -> list[int]:
        return sorted(self.registered + self.shared, reverse=True)


def make_cases(world, elsewhere) -> Kinds:
    """150 cases, 120 of them for the griffier, interleaved by case number with cases the
    griffier may not see (drafts, another municipality's)."""
    now = timezone.now()
    rows = []
    for index in range(150):
        kind = ["confidential", "registered", "draft", "shared", "confidential"][index % 5]
        common = {
            "municipality": world.municipality,
            "title": f"Onderwerp {index}",
            "question": "Een vraag over leerlingenvervoer.",
            "policy_area": "sociaal_domein",
            "requester": world["raadslid1"],
            "submitted_at": now - timedelta(days=2),
        }
        if kind == "confidential":
            case = Case(**common, instrument="assistance", state="intake", confidential=True)
        elif kind == "registered":
            case = Case(
                **common,
                instrument="written_question",
                state="registered",
                registered_at=now - timedelta(days=1),
            )
        elif kind == "shared":
            case = Case(
                **common,
                instrument="technical_question",
                state="delivered",
                confidential=False,
                forwarded_at=now,
                assigned_at=now,
                delivered_at=now,
                answer="Antwoord",
            )
        else:
            case = Case(
                **{**common, "submitted_at": None},
                instrument="assistance",
                state="draft",
                confidential=True,
            )
        case.kind = kind
        rows.append(case)
        if index % 4 == 0:
            other = Case(
                municipality=elsewhere.municipality,
                title=f"Elders {index}",
                question="Een vraag.",
                policy_area="sociaal_domein",
                instrument="written_question",
                state="registered",
                requester=elsewhere["raadslid1"],
                submitted_at=now,
                registered_at=now,
            )
            other.kind = "elsewhere"
            rows.append(other)
    kinds = Kinds()
    for case in Case.objects.bulk_create(rows):
        {
            "confidential": kinds.confidential,
            "registered": kinds.registered,
            "shared": kinds.shared,
            "draft": kinds.drafts,
            "elsewhere": kinds.elsewhere,
        }[case.kind].append(case.pk)
    return kinds


@pytest.fixture
def kinds(world, other_world):
    return make_cases(world, other_world)


def get(client: Client, query: str = "") -> tuple[list[int], int | None, int | None, str]:
    response = client.get(reverse("case_list") + query)
    assert response.status_code == 200, response.content[:300]
    html = response.content.decode()
    older, newer = OLDER.search(html), NEWER.search(html)
    return (
        [int(pk) for pk in CASE_LINK.findall(html)],
        int(older.group(1)) if older else None,
        int(newer.group(1)) if newer else None,
        html,
    )


def walk_older(client: Client) -> list[list[int]]:
    pages = []
    query = ""
    while True:
        shown, older, _, _ = get(client, query)
        pages.append(shown)
        if older is None:
            return pages
        assert older == shown[-1]
        query = f"?voor={older}"
        assert len(pages) < 20, "the links go round in circles"


def logged_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def test_oudere_links_show_every_visible_case_once_newest_first(world, kinds):
    client = logged_in(world["griffier"])
    pages = walk_older(client)
    assert [len(page) for page in pages] == [50, 50, 20]
    walked = [pk for page in pages for pk in page]
    assert len(kinds.for_griffie) == 120
    assert walked == kinds.for_griffie
    first, _, newer, html = get(client)
    assert newer is None and "Nieuwere verzoeken" not in html
    assert "Verzoeken die u mag zien, nieuwste eerst" in html


def test_nieuwere_links_lead_back_to_the_first_page(world, kinds):
    client = logged_in(world["griffier"])
    pages = walk_older(client)
    shown, older, newer, _ = get(client, f"?voor={pages[-2][-1]}")
    assert shown == pages[-1] and older is None and newer == pages[-1][0]
    back = []
    while newer is not None:
        shown, older, newer, html = get(client, f"?na={newer}")
        back.append(shown)
        assert older == shown[-1]
        assert len(back) < 20, "the links go round in circles"
    assert back == [pages[1], pages[0]]
    assert "Nieuwere verzoeken" not in html and "Oudere verzoeken" in html


def test_a_member_never_sees_a_case_they_may_not_see_on_any_page(world, kinds):
    member = world["raadslid2"]
    allowed = set(visible_cases(viewer_for(member)).values_list("pk", flat=True))
    assert allowed == set(kinds.for_other_members) and len(allowed) > PER_PAGE
    pages = walk_older(logged_in(member))
    walked = [pk for page in pages for pk in page]
    assert walked == kinds.for_other_members
    forbidden = set(kinds.confidential + kinds.drafts + kinds.elsewhere)
    assert not forbidden & set(walked)
    # Nor by starting from a forbidden case's number: the page only holds allowed cases.
    for pk in (kinds.confidential[30], kinds.drafts[10], kinds.elsewhere[5]):
        for query in (f"?voor={pk}", f"?na={pk}"):
            shown, _, _, _ = get(logged_in(member), query)
            assert shown and set(shown) <= allowed, query


def test_the_requester_pages_through_drafts_and_all_of_their_own(world, kinds):
    own = sorted(kinds.confidential + kinds.registered + kinds.shared + kinds.drafts, reverse=True)
    pages = walk_older(logged_in(world["raadslid1"]))
    assert [pk for page in pages for pk in page] == own
    assert [len(page) for page in pages] == [50, 50, 50]


def test_the_other_municipality_pages_through_its_own_cases_only(world, other_world, kinds):
    pages = walk_older(logged_in(other_world["griffier"]))
    assert [pk for page in pages for pk in page] == sorted(kinds.elsewhere, reverse=True)


@pytest.mark.parametrize(
    "query",
    [
        "?voor=abc",
        "?voor=-1",
        "?voor=",
        "?voor=1.5",
        "?voor=1e3",
        "?voor=%2B5",
        "?voor=%20",
        "?voor=٣",
        "?voor=99999999999999999999",
        "?voor=99999999999",
        "?voor=123456789012345",
        "?na=abc",
        "?na=-1",
        "?na=",
        "?na=99999999999999999999",
        "?na=1e3",
        "?voor=abc&na=xyz",
        "?pagina=3",
    ],
)
def test_a_bad_page_parameter_shows_the_newest_page(world, kinds, query):
    client = logged_in(world["griffier"])
    newest, _, _, _ = get(client)
    shown, older, newer, _ = get(client, query)
    assert shown == newest and newer is None and older == newest[-1]


def test_a_huge_na_value_shows_the_newest_page(world, kinds):
    client = logged_in(world["griffier"])
    newest, _, _, _ = get(client)
    shown, _, _, html = get(client, "?na=99999999999")
    assert shown == newest, html[html.find("<main") :][:400]


def test_an_empty_list_says_so_in_dutch(world):
    shown, older, newer, html = get(logged_in(world["raadslid2"]))
    assert shown == [] and older is None and newer is None
    assert "Er zijn geen verzoeken die u mag zien." in html


def test_exactly_fifty_cases_fit_on_one_page_without_links(world, other_world):
    kinds = make_cases(world, other_world)
    Case.objects.filter(pk__in=kinds.for_griffie[PER_PAGE:]).delete()
    shown, older, newer, _ = get(logged_in(world["griffier"]))
    assert shown == kinds.for_griffie[:PER_PAGE] and older is None and newer is None

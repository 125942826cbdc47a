# SPDX-License-Identifier: EUPL-1.2
"""The filter form of the case list /verzoeken/: per role only the filters of fields the
viewer may know, the right cases, filters kept while paging, Dutch messages for bad input."""

import re

import pytest
import time_machine
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from tests.cases.test_cases_list_keyset import make_cases
from tests.support.pages import page

pytestmark = pytest.mark.django_db

CASE_LINK = re.compile(r'href="/verzoeken/(\d+)"')
OLDER = re.compile(r'href="(\?voor=\d+[^"]*)">Oudere verzoeken</a>')
FILTER_NAMES = re.compile(r'<(?:select|input)[^>]* name="(\w+)"')
LIST = reverse("case_list")


def offered(html: str) -> set[str]:
    start = html.index('class="rl-filters"')
    form = html[start : html.index("</form>", start)]
    return set(FILTER_NAMES.findall(form))


@pytest.fixture
def kinds(world, other_world):
    return make_cases(world, other_world)


@pytest.mark.parametrize(
    ("username", "expected"),
    [
        (
            "griffier",
            {"q", "instrument", "status", "termijn", "terrein", "portefeuille", "fractie"},
        ),
        (
            "raadslid1",
            {"q", "instrument", "status", "termijn", "terrein", "portefeuille", "fractie"},
        ),
        # Metadata only: no text to search, no requester to know the fractie of.
        ("beheerder", {"q", "instrument", "status", "termijn", "terrein", "portefeuille"}),
        # Hours only: no field a filter could ask about.
        ("manager1", {"q"}),
    ],
)
def test_the_form_offers_only_filters_on_fields_the_viewer_may_know(
    world, login, username, expected
):
    assert offered(page(login(world[username]), LIST)) == expected


def test_the_griffie_filters_on_instrument_and_status(world, login, kinds):
    client = login(world["griffier"])
    html = page(client, LIST + "?instrument=written_question&status=registered")
    shown = [int(pk) for pk in CASE_LINK.findall(html)]
    assert shown == sorted(kinds.registered, reverse=True)
    assert "Instrument: schriftelijke vragen" in html and "Status: geregistreerd" in html
    assert f'href="{LIST}">Filters wissen</a>' in html
    assert "selected>schriftelijke vragen</option>" in html


def test_paging_keeps_the_filters(world, login, kinds):
    client = login(world["griffier"])
    html = page(client, LIST + "?status=intake&status=delivered")
    first = [int(pk) for pk in CASE_LINK.findall(html)]
    older = OLDER.search(html)
    assert older, "more than one page of cases"
    link = older.group(1).replace("&amp;", "&")
    assert "status=intake" in link and "status=delivered" in link
    second = [int(pk) for pk in CASE_LINK.findall(page(client, LIST + link))]
    wanted = sorted(kinds.confidential + kinds.shared, reverse=True)
    assert first + second == wanted


def test_a_member_searches_the_text_they_may_read(world, login, kinds):
    html = page(login(world["raadslid2"]), LIST + "?q=leerlingenvervoer")
    assert [int(pk) for pk in CASE_LINK.findall(html)] == kinds.for_other_members[:50]
    assert "Zoektekst: leerlingenvervoer" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?status=bestaat-niet", "Onbekende status: bestaat-niet."),
        ("?portefeuille=%00", "Onbekende portefeuillehouder."),
        ("?termijn=gisteren", "Bij termijn kunt u alleen &#x27;verlopen&#x27; kiezen."),
    ],
)
def test_a_bad_filter_value_gives_a_dutch_message_and_the_unfiltered_list(
    world, login, kinds, query, message
):
    html = page(login(world["griffier"]), LIST + query)
    assert f"{message} Dit filter is niet toegepast." in html
    assert len(CASE_LINK.findall(html)) == 50


def test_a_manager_filtering_on_state_is_told_and_shown_nothing_by_state(world, login):
    html = page(login(world["manager1"]), LIST + "?status=mediation")
    assert "U kunt niet filteren op status. Dit filter is niet toegepast." in html
    assert "Actieve filters" not in html


def test_the_page_limits_searches_with_a_dutch_message(world, login):
    client = login(world["griffier"])
    # Within one minute however slow the machine: the limit counts per minute.
    with time_machine.travel(timezone.now(), tick=False):
        for _ in range(settings.SEARCHES_PER_MINUTE):
            page(client, LIST + "?q=fiets")
        html = page(client, LIST + "?q=fiets", status=429)
    assert "U hebt in korte tijd te vaak gezocht." in html
    page(client, LIST)

# SPDX-License-Identifier: EUPL-1.2
"""The start page's link to the council term: the griffier installs, a new member finds their
own onboarding checklist, everyone else sees no such link. The page gathers it with its other
data (web/start.py); the template only renders it."""

from datetime import date

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from raadsloket.access.viewer import viewer_for
from raadsloket.council_term.services import install
from raadsloket.organisation.models import Person
from raadsloket.web.start import start_page
from tests.council_term.scene import csv_bytes

pytestmark = pytest.mark.django_db
INSTALL = "Raadsperiode: nieuwe raad installeren"
CHECKLIST = "Inwerken als nieuw lid: uw checklist"


@pytest.fixture
def newcomer(world) -> Person:
    clerk = world["griffier"]
    install(viewer_for(clerk), clerk, "raad.csv", csv_bytes(world), on=date.today(), dry_run=False)
    return Person.objects.get(email="fatima.elamrani@example.org")


def link_on_home(client) -> tuple[int, int]:
    html = client.get(reverse("home")).content.decode()
    return html.count(INSTALL), html.count(CHECKLIST)


def test_the_griffier_finds_the_installation_page(login, world):
    client = login(world["griffier"])
    assert link_on_home(client) == (1, 0)
    html = client.get(reverse("home")).content.decode()
    assert f'<a class="utrecht-link" href="{reverse("council_term:index")}">{INSTALL}</a>' in html


def test_a_new_member_finds_their_own_checklist(login, newcomer):
    client = login(newcomer)
    assert link_on_home(client) == (0, 1)
    html = client.get(reverse("home")).content.decode()
    url = reverse("council_term:own_checklist")
    assert f'<a class="utrecht-link" href="{url}">{CHECKLIST}</a>' in html


@pytest.mark.parametrize(
    "who", ["raadslid3", "raadsadviseur", "burgemeester", "wethouder1", "ambtenaar1", "beheerder"]
)
def test_others_see_no_council_term_link(login, world, newcomer, who):
    # raadslid3 sat in the old council: no checklist; the raadsadviseur may open a newcomer's
    # checklist but does not install the council.
    assert link_on_home(login(world[who])) == (0, 0)


def test_the_template_renders_the_link_without_asking_the_database(
    world, newcomer, django_assert_num_queries
):
    page = start_page(viewer_for(newcomer), newcomer)
    assert page.data["council_term_link"] == {
        "url": reverse("council_term:own_checklist"),
        "label": CHECKLIST,
    }
    context = {"council_term_link": page.data["council_term_link"]}
    with django_assert_num_queries(0):
        html = render_to_string("web/home.html", {"page": page, **context})
    assert CHECKLIST in html

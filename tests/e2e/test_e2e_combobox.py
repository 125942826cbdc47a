# SPDX-License-Identifier: EUPL-1.2
"""With JavaScript the co-requester checkboxes become a combobox (WAI-ARIA APG pattern)."""

import pytest
from playwright.sync_api import Page, expect

from raadsloket.cases.models import Case
from tests.e2e.browser import login
from tests.support.world import build_voorbeeld


@pytest.mark.django_db(transaction=True)
def test_choose_a_co_requester_with_the_keyboard(live_server, page: Page):
    world = build_voorbeeld()
    base = live_server.url
    login(page, base, "raadslid1")
    page.goto(f"{base}/verzoeken/nieuw/ambtelijke-bijstand")
    box = page.get_by_role("combobox", name="Zoek een raadslid op naam")
    expect(box).to_have_attribute("aria-expanded", "false")
    fellow = world["raadslid2"]
    box.fill(fellow.last_name)
    expect(box).to_have_attribute("aria-expanded", "true")
    box.press("ArrowDown")
    box.press("Enter")
    expect(page.get_by_role("button", name=f"Verwijder {fellow.display_name}")).to_be_visible()
    box.press("Escape")
    expect(box).to_have_attribute("aria-expanded", "false")
    page.get_by_label("Onderwerp").fill("Leerlingenvervoer samen")
    page.get_by_label("Uw vraag of verzoek").fill("Hoe kunnen we het leerlingenvervoer regelen?")
    page.get_by_label("Beleidsterrein").select_option("sociaal_domein")
    page.screenshot(path="/tmp/h-newforms-combobox.png", full_page=True)
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()
    assert fellow in Case.objects.get(title="Leerlingenvervoer samen").co_requesters.all()

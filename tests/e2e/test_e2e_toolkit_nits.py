# SPDX-License-Identifier: EUPL-1.2
"""Two layout checks in the browser: the successor select of the council term's dry run is
usable on a phone (full width, no sideways scroll), and the "Koppeling toevoegen" fold on a
register item's page keeps its marker on the heading's line (no arrow alone above it)."""

import pytest
from playwright.sync_api import Browser

from raadsloket.council_term.views import SAMPLE
from raadsloket.demo.links import load_links
from tests.e2e.browser import login, settled
from tests.support.world import build_voorbeeld

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}


@pytest.mark.django_db(transaction=True)
def test_the_successor_select_and_the_link_fold_read_well_on_a_phone_and_a_desktop(
    live_server, browser: Browser
):
    world = build_voorbeeld()
    chain = load_links(world)
    base = live_server.url
    for name, viewport in (("390", PHONE), ("1280", DESKTOP)):
        context = browser.new_context(viewport=viewport, locale="nl-NL")
        page = context.new_page()
        login(page, base, "griffier")
        page.goto(f"{base}/raadsperiode/")
        page.get_by_label("Bestand met de geloofsbrieven (CSV)").set_input_files(str(SAMPLE))
        page.get_by_label("Installatiedatum").fill("26-03-2026")
        with page.expect_navigation():
            page.get_by_role("button", name="Proefrun", exact=True).click()
        settled(page)
        select = page.locator("select.rl-leaving__select").first
        select.scroll_into_view_if_needed()
        width = select.bounding_box()["width"]
        page.screenshot(path=f"/tmp/h-wire-raadsperiode-{name}.png", full_page=True)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), name
        # On a phone the select takes the width of the content column; on a desktop a cell's.
        assert width >= (300 if viewport is PHONE else 190), (name, width)

        page.goto(f"{base}{chain.motion.get_absolute_url()}")
        settled(page)
        heading = page.locator("#koppelen summary h3")
        assert heading.evaluate("h => getComputedStyle(h).display") == "inline"
        page.screenshot(path=f"/tmp/h-wire-motie-{name}.png", full_page=True)
        context.close()

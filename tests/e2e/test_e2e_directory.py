# SPDX-License-Identifier: EUPL-1.2
"""Wie helpt mij? in the browser, at 1280 and 390 px, as a raadslid and as the griffier: the
page never scrolls sideways, axe finds nothing, and the course button opens the prefilled
opleidingsbudget request."""

import pytest
from playwright.sync_api import Browser, expect

from raadsloket.demo.directory import load_directory
from raadsloket.directory.models import Entry
from tests.e2e.axe import check_page
from tests.e2e.browser import login, settled
from tests.support.world import build_voorbeeld

SIZES = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_directory_as_member_and_griffier(live_server, browser: Browser, size):
    world = build_voorbeeld()
    load_directory(world)
    course = Entry.objects.get(municipality=world.municipality, national_key="raadsacademie")
    rekenkamer = Entry.objects.get(municipality=world.municipality, national_key="rekenkamer")
    context = browser.new_context(viewport=SIZES[size], locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    base = live_server.url
    for username, paths in (
        (
            "raadslid1",
            ["/ondersteuning/", "/ondersteuning/?q=jaarrekening", f"/ondersteuning/{course.pk}"],
        ),
        (
            "griffier",
            [
                "/ondersteuning/",
                f"/ondersteuning/{rekenkamer.pk}/bewerken",
                f"/ondersteuning/griffie/{world['raadsadviseur'].pk}/bewerken",
            ],
        ),
    ):
        login(page, base, username)
        for number, path in enumerate(paths):
            page.goto(f"{base}{path}")
            settled(page)
            assert no_sideways_scroll(page), path
            check_page(page)
            page.screenshot(path=f"/tmp/h-dir-{username}-{number}-{size}.png", full_page=True)
    login(page, base, "raadslid1")
    page.goto(f"{base}/ondersteuning/{course.pk}")
    with page.expect_navigation():
        page.get_by_role("link", name="Vraag opleidingsbudget aan").click()
    settled(page)
    expect(page.get_by_label("Naam van de opleiding")).to_have_value(course.name)
    expect(page.get_by_label("Aanbieder")).to_have_value("Nederlandse Vereniging voor Raadsleden")
    # The instrumentenwijzer names who can help with a threat.
    page.goto(f"{base}/instrumentenwijzer/")
    page.locator("#vraag").fill(
        "Ik word bedreigd en geintimideerd door een inwoner na mijn motie over het zwembad."
    )
    with page.expect_navigation():
        page.locator("#vraag").locator("xpath=ancestor::form").locator(
            "button[type=submit]"
        ).click()
    settled(page)
    expect(page.get_by_role("heading", name="Wie kan mij hiermee helpen?")).to_be_visible()
    check_page(page)
    helpers = page.locator("section.rl-helpers")
    helpers.scroll_into_view_if_needed()
    helpers.screenshot(path=f"/tmp/h-dir-advisor-helpers-{size}.png")
    context.close()

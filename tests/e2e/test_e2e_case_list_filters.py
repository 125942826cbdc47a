# SPDX-License-Identifier: EUPL-1.2
"""The case list's filter form on a phone (390 px), without JavaScript: filter, page, clear."""

import pytest
from playwright.sync_api import Browser, expect

from tests.cases.test_cases_list_keyset import make_cases
from tests.e2e.browser import login, settled
from tests.support.world import build_domstede, build_voorbeeld

PHONE = {"width": 390, "height": 844}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.django_db(transaction=True)
def test_filter_the_case_list_on_a_phone_without_javascript(live_server, browser: Browser):
    world = build_voorbeeld()
    kinds = make_cases(world, build_domstede())
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    base = live_server.url
    login(page, base, "griffier")
    page.goto(f"{base}/verzoeken/")
    settled(page)
    assert no_sideways_scroll(page)
    page.locator("summary", has_text="Status").click()
    page.get_by_label("in intake bij de griffie").check()
    page.get_by_label("Instrument").select_option("assistance")
    with page.expect_navigation():
        page.get_by_role("button", name="Toon verzoeken").click()
    settled(page)
    expect(page.get_by_text("Status: in intake bij de griffie")).to_be_visible()
    assert no_sideways_scroll(page)
    page.screenshot(path="/tmp/h-filters-list-390.png", full_page=True)
    with page.expect_navigation():
        page.get_by_role("link", name="Oudere verzoeken").click()
    settled(page)
    # The filters stay on the next page.
    expect(page.get_by_text("Instrument: ambtelijke bijstand")).to_be_visible()
    assert len(kinds.confidential) > 50
    with page.expect_navigation():
        page.get_by_role("link", name="Filters wissen").click()
    settled(page)
    expect(page.get_by_text("Actieve filters")).to_have_count(0)
    context.close()

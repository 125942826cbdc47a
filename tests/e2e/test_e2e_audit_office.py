# SPDX-License-Identifier: EUPL-1.2
"""The rekenkamer pages in the browser, at 1280 and 390 px, as a raadslid and the griffier:
nothing scrolls sideways, the 15 July date stands out on the cycle page, and axe finds nothing."""

import pytest
from playwright.sync_api import Browser, expect

from raadsloket.audit_office.models import StudyRequest
from raadsloket.demo.audit_office import load_audit_office
from tests.e2e.axe import check_page
from tests.e2e.browser import login, settled
from tests.support.world import build_voorbeeld

SIZES = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_rekenkamer_pages_for_a_raadslid_and_the_griffier(live_server, browser: Browser, size):
    world = build_voorbeeld()
    load_audit_office(world)
    reported = StudyRequest.objects.get(subject__startswith="Effect")
    base = live_server.url
    paths = ["/rekenkamer/", f"/rekenkamer/verzoeken/{reported.pk}", "/rekenkamer/cyclus/"]
    for username in ("raadslid1", "griffier"):
        context = browser.new_context(viewport=SIZES[size], locale="nl-NL", bypass_csp=True)
        page = context.new_page()
        login(page, base, username)
        for path in paths:
            page.goto(f"{base}{path}")
            settled(page)
            expect(page.locator("main h1")).to_be_visible()
            if path.endswith("cyclus/"):
                expect(page.locator("main")).to_contain_text("wettelijke uiterste datum")
            assert no_sideways_scroll(page), path
            check_page(page)
            name = path.strip("/").replace("/", "-")
            page.screenshot(path=f"/tmp/h-rk-{username}-{name}-{size}.png", full_page=True)
        context.close()

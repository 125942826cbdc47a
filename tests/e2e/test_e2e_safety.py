# SPDX-License-Identifier: EUPL-1.2
"""The safety pages in the browser, at 1280 and 390 px, as the reporter and the burgemeester:
the 112 notice is the first thing one sees, nothing scrolls sideways, and axe finds nothing."""

import pytest
from playwright.sync_api import Browser, expect

from raadsloket.demo.safety import load_safety
from raadsloket.safety.models import Incident
from tests.e2e.axe import check_page
from tests.e2e.browser import login, settled
from tests.support.world import build_voorbeeld

SIZES = {"1280": {"width": 1280, "height": 900}, "390": {"width": 390, "height": 844}}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("size", sorted(SIZES))
def test_the_safety_pages_for_the_reporter_and_the_burgemeester(
    live_server, browser: Browser, settings, tmp_path, size
):
    settings.MEDIA_ROOT = tmp_path
    world = build_voorbeeld()
    load_safety(world)
    incident = Incident.objects.get()
    base = live_server.url
    pages = {
        "raadslid3": [
            "/veiligheid/",
            "/veiligheid/checklist",
            f"/veiligheid/meldingen/{incident.pk}",
        ],
        "burgemeester": ["/veiligheid/behandeling", f"/veiligheid/meldingen/{incident.pk}"],
    }
    for username, paths in pages.items():
        context = browser.new_context(viewport=SIZES[size], locale="nl-NL", bypass_csp=True)
        page = context.new_page()
        login(page, base, username)
        for path in paths:
            page.goto(f"{base}{path}")
            settled(page)
            notice = page.locator("main .rl-acute")
            expect(notice).to_be_visible()
            expect(notice).to_contain_text("Bij acute dreiging: bel 112 / de politie")
            above = page.evaluate(
                "document.querySelector('main .rl-acute').getBoundingClientRect().top"
                " < document.querySelector('main h1').getBoundingClientRect().top"
            )
            assert above, path
            assert no_sideways_scroll(page), path
            check_page(page)
            name = path.strip("/").replace("/", "-") or "start"
            page.screenshot(path=f"/tmp/h-safety-{username}-{name}-{size}.png", full_page=True)
        context.close()

# SPDX-License-Identifier: EUPL-1.2
"""The register pages on a phone (390 px): the page never scrolls sideways (the tables scroll
in their container), "te laat" is text and icon, and axe finds nothing."""

import pytest
from playwright.sync_api import Browser, expect

from raadsloket.demo.registers import load_registers
from raadsloket.registers.models import Motion
from tests.e2e.axe import check_page
from tests.e2e.browser import login, settled
from tests.support.world import build_voorbeeld

PHONE = {"width": 390, "height": 844}


def no_sideways_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


@pytest.mark.django_db(transaction=True)
def test_the_registers_on_a_phone(live_server, browser: Browser):
    world = build_voorbeeld()
    load_registers(world)
    late = next(motion for motion in Motion.objects.all() if motion.is_overdue())
    # axe is injected as a script: the audited pages run without the CSP (tests/e2e/axe.py).
    context = browser.new_context(viewport=PHONE, locale="nl-NL", bypass_csp=True)
    page = context.new_page()
    base = live_server.url
    login(page, base, "griffier")
    for path in (
        "/registers/",
        "/registers/moties/",
        "/registers/toezeggingen/?te_laat=ja",
        "/registers/amendementen/",
        "/registers/initiatiefvoorstellen/",
        "/registers/tijdigheid",
        "/registers/importeren",
        "/registers/toezeggingen/nieuw",
        late.get_absolute_url(),
    ):
        page.goto(f"{base}{path}")
        settled(page)
        assert no_sideways_scroll(page), path
        check_page(page)
    page.goto(f"{base}/registers/moties/?te_laat=ja")
    settled(page)
    expect(page.get_by_text("te laat").first).to_be_visible()
    page.screenshot(path="/tmp/h-registers-moties-390.png", full_page=True)
    context.close()

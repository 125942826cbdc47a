# SPDX-License-Identifier: EUPL-1.2
"""The presidium's report in a real browser: the charts load as images under the page's CSP,
each with its text alternative and its table, and a "<3" cell is what the reader sees."""

import re
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from playwright.sync_api import Page, expect

from raadsloket.demo.lifecycle import act, new_case
from tests.e2e.browser import login, settled
from tests.support.world import build_voorbeeld

AMS = ZoneInfo("Europe/Amsterdam")


@pytest.mark.django_db(transaction=True)
def test_the_fractievoorzitter_reads_the_report_with_charts(live_server, page: Page):
    world = build_voorbeeld()
    # Last year: figures per fractie come with a closed year.
    last_year = date.today().year - 1
    with time_machine.travel(datetime(last_year, 3, 2, 10, tzinfo=AMS), tick=True):
        for member in ("raadslid1", "raadslid2", "raadslid3", "raadslid7"):
            act(world, new_case(world, member), "submit", member)
    violations = []
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )

    login(page, live_server.url, "raadslid1")  # fractievoorzitter: the presidium
    page.get_by_role("link", name="Reflectie").click()
    settled(page)
    page.get_by_label("Periode").select_option(str(last_year))
    page.get_by_role("button", name="Toon").click()
    settled(page)

    expect(page.get_by_role("heading", level=1)).to_have_text(
        f"Jaarverslag ambtelijke bijstand en informatievoorziening {last_year}"
    )
    chart = page.locator("#per_instrument img")
    expect(chart).to_have_attribute("alt", re.compile(r"^Staafdiagram: Verzoeken per instrument"))
    # The SVG really rendered: a loaded image has a natural width.
    assert chart.evaluate("img => img.complete && img.naturalWidth > 0")
    fractie = page.locator("#tabel-per_fractie")
    expect(fractie.get_by_role("row", name="Lokaal Belang (oppositie)")).to_contain_text("3")
    expect(fractie.get_by_role("row", name="VVD (oppositie)")).to_contain_text("<3")
    agenda = page.get_by_role("heading", name="Agenda voor het presidium: gespreksthema's")
    expect(agenda).to_be_visible()
    assert not violations

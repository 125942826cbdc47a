# SPDX-License-Identifier: EUPL-1.2
"""Steps the browser tests share: log in, open a case, click an action and wait for the page;
the same steps as a Walk that checks every page it lands on with axe."""

import re
from dataclasses import dataclass, field
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, Page, expect

from raadsloket.cases.models import Case
from tests.e2e.axe import check_page


def login(page: Page, base: str, username: str) -> None:
    page.context.clear_cookies()
    page.goto(f"{base}/inloggen/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill("demo")
    with page.expect_navigation():
        page.get_by_role("button", name="Inloggen").click()
    expect(page).not_to_have_url(re.compile(r"inloggen"))
    settled(page)


def open_case(page: Page, base: str, case: Case) -> None:
    page.goto(f"{base}/verzoeken/{case.pk}")
    settled(page)


def settled(page: Page) -> None:
    # A click starts a navigation; the next step must not race it (that aborts one of them).
    page.wait_for_load_state("load")


def do(page: Page, label: str) -> None:
    with page.expect_navigation():
        page.get_by_role("link", name=label).or_(
            page.get_by_role("button", name=label)
        ).first.click()
    settled(page)


def confirm(page: Page, label: str) -> None:
    with page.expect_navigation():
        page.locator("main form").get_by_role("button", name=label).click()
    settled(page)


def fill_kickoff_plan(page: Page) -> None:
    """The form that plans the startgesprek: tomorrow at ten, with the three of the driehoek."""
    tomorrow = timezone.localtime() + timedelta(days=1)
    page.get_by_label("Datum en tijd").fill(tomorrow.strftime("%Y-%m-%dT10:00"))
    page.get_by_label("Deelnemers").fill("raadslid, ambtenaar, raadsadviseur")


def fill_kickoff_record(page: Page) -> None:
    """The form that records the startgesprek: held today, 12 hours, delivery in three weeks,
    both parties subscribing to the spelregels."""
    today = timezone.localdate()
    page.get_by_label("Gehouden op").fill(today.isoformat())
    page.get_by_label("Deelnemers").fill("raadslid, ambtenaar, raadsadviseur")
    page.get_by_label("Achtergrond van de vraag").fill("Voorbereiding initiatiefvoorstel.")
    page.get_by_label("Doel").fill("Een conceptregeling voor vrijwillig vervoer.")
    page.get_by_label("Afgesproken uren").fill("12")
    page.get_by_label("Opleverdatum").fill((today + timedelta(days=21)).isoformat())
    page.get_by_label("Het raadslid kent de spelregels en onderschrijft ze").check()
    page.get_by_label("De ambtenaar kent de spelregels en onderschrijft ze").check()


def audited_context(browser: Browser, *, locale: str, width: int) -> BrowserContext:
    """A browser context in a locale and at a width, in which axe can run: the app's CSP
    (SECURITY.md) blocks injected scripts, so this one context bypasses it."""
    return browser.new_context(
        locale=locale, viewport={"width": width, "height": 900}, bypass_csp=True
    )


@dataclass
class Walk:
    """The steps above, each checking the page it lands on with axe (tests/e2e/axe.py)."""

    page: Page
    base: str
    checked: list[str] = field(default_factory=list)

    def check(self) -> None:
        check_page(self.page)
        self.checked.append(self.page.url)

    def login(self, username: str) -> None:
        if not self.checked:  # the login page itself, once
            self.goto("/inloggen/")
        login(self.page, self.base, username)
        self.check()

    def goto(self, path: str) -> None:
        self.page.goto(f"{self.base}{path}")
        settled(self.page)
        self.check()

    def open(self, case: Case) -> None:
        open_case(self.page, self.base, case)
        self.check()

    def do(self, label: str) -> None:
        do(self.page, label)
        self.check()

    def confirm(self, label: str) -> None:
        confirm(self.page, label)
        self.check()

    def follow(self, label: str) -> None:
        """Follow the main content's link named exactly `label`."""
        with self.page.expect_navigation():
            self.page.get_by_role("main").get_by_role("link", name=label, exact=True).click()
        settled(self.page)
        self.check()

    def submit(self, label: str) -> None:
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=label).click()
        settled(self.page)
        self.check()

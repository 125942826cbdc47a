# SPDX-License-Identifier: EUPL-1.2
"""Steps the browser tests share: log in, open a case, click an action and wait for the page."""

import re

from playwright.sync_api import Page, expect

from raadsloket.cases.models import Case


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

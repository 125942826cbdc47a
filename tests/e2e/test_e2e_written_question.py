# SPDX-License-Identifier: EUPL-1.2
"""A member types a question, sees the advice appear (htmx), and the written question goes
through registration, the college's answer and publication in the real UI."""

import re

import pytest
from playwright.sync_api import Page, expect

from raadsloket.cases.models import Case
from tests.e2e.browser import confirm, do, login, open_case
from tests.support.world import build_voorbeeld


@pytest.mark.django_db(transaction=True)
def test_advice_while_typing_then_a_written_question_to_publication(live_server, page: Page):
    build_voorbeeld()
    base = live_server.url

    login(page, base, "raadslid1")
    page.goto(f"{base}/verzoeken/nieuw")
    page.get_by_role("main").get_by_role("link", name="Schriftelijke vragen", exact=True).click()
    page.get_by_label("Onderwerp").fill("Verdubbeling leerlingenvervoer")
    page.get_by_label("Uw vragen aan het college of de burgemeester").fill(
        "Hoe verklaart het college dat het aantal kinderen in het collectief leerlingenvervoer "
        "in vijf jaar is verdubbeld, en welke mogelijkheden ziet het college om dit te stoppen?"
    )
    advice = page.locator("#advies")
    expect(advice).to_contain_text("Advies van de instrumentenwijzer", timeout=10_000)
    expect(advice).to_contain_text("Schriftelijke")
    page.get_by_label("Beleidsterrein").select_option("onderwijs")
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()
    expect(page).to_have_url(re.compile(r"/verzoeken/\d+$"))
    case = Case.objects.get(title="Verdubbeling leerlingenvervoer")

    login(page, base, "griffier")
    open_case(page, base, case)
    do(page, "Registreren en doorzenden aan het college")
    confirm(page, "Registreren en doorzenden aan het college")
    expect(page.get_by_text("geregistreerd, bij het college").first).to_be_visible()
    expect(page.get_by_text("Beantwoording door het college").first).to_be_visible()

    login(page, base, "collegecontact")
    expect(page.get_by_text("Verdubbeling leerlingenvervoer").first).to_be_visible()
    open_case(page, base, case)
    do(page, "Antwoord van het college vastleggen")
    page.get_by_label("Antwoord van het college").fill("Het college verklaart de groei door ...")
    confirm(page, "Antwoord van het college vastleggen")
    expect(page.get_by_text("beantwoord door het college").first).to_be_visible()

    login(page, base, "griffier")
    open_case(page, base, case)
    do(page, "Publiceren (ingekomen stuk)")
    confirm(page, "Publiceren (ingekomen stuk)")
    expect(page.get_by_text("gepubliceerd (ingekomen stuk)").first).to_be_visible()

    login(page, base, "raadslid8")
    open_case(page, base, case)
    expect(page.get_by_text("Het college verklaart de groei").first).to_be_visible()

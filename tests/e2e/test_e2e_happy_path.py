# SPDX-License-Identifier: EUPL-1.2
"""The happy path of ambtelijke bijstand, clicked through the real UI in chromium."""

import re

import pytest
from playwright.sync_api import Page, expect

from raadsloket.cases.models import Case
from tests.e2e.browser import (
    confirm,
    do,
    fill_kickoff_plan,
    fill_kickoff_record,
    login,
    open_case,
)
from tests.support.world import build_voorbeeld


@pytest.mark.django_db(transaction=True)
def test_member_to_answer_through_the_ui(live_server, page: Page):
    world = build_voorbeeld()
    base = live_server.url

    login(page, base, "raadslid1")
    page.goto(f"{base}/verzoeken/nieuw")
    page.get_by_role("link", name="Ambtelijke bijstand").click()
    page.get_by_label("Onderwerp").fill("Leerlingenvervoer met vrijwilligers")
    page.get_by_label("Uw vraag of verzoek").fill(
        "Hoe kunnen we ouders en vrijwilligers inschakelen bij het leerlingenvervoer?"
    )
    page.get_by_label("Beleidsterrein").select_option("sociaal_domein")
    with page.expect_navigation():
        page.get_by_role("button", name="Indienen").click()
    expect(page).to_have_url(re.compile(r"/verzoeken/\d+$"))
    expect(page.get_by_text("ingediend").first).to_be_visible()
    case = Case.objects.get(title="Leerlingenvervoer met vrijwilligers")

    login(page, base, "griffier")
    expect(page.get_by_text("Leerlingenvervoer met vrijwilligers").first).to_be_visible()
    open_case(page, base, case)
    do(page, "In behandeling nemen (intake)")
    expect(page.get_by_text("in intake bij de griffie").first).to_be_visible()
    do(page, "Doorgeleiden")
    confirm(page, "Doorgeleiden")
    expect(page.get_by_text("doorgeleid").first).to_be_visible()

    login(page, base, "secretaris")
    open_case(page, base, case)
    do(page, "Ambtenaar toewijzen")
    page.get_by_label(world["ambtenaar1"].display_name).first.check()
    page.get_by_label("Geschatte uren").fill("12")
    confirm(page, "Ambtenaar toewijzen")
    expect(page.get_by_text("ambtenaar toegewezen").first).to_be_visible()

    login(page, base, "raadsadviseur")
    open_case(page, base, case)
    do(page, "Startgesprek plannen")
    fill_kickoff_plan(page)
    confirm(page, "Startgesprek plannen")
    do(page, "Startgesprek vastleggen")
    fill_kickoff_record(page)
    confirm(page, "Startgesprek vastleggen")
    expect(page.get_by_text("in uitvoering").first).to_be_visible()

    login(page, base, "ambtenaar1")
    open_case(page, base, case)
    do(page, "Antwoord opleveren")
    page.get_by_label("Antwoord").first.fill(
        "Conceptregeling vrijwillig leerlingenvervoer: zie tekst."
    )
    confirm(page, "Antwoord opleveren")
    expect(page.get_by_text("opgeleverd").first).to_be_visible()

    login(page, base, "raadslid1")
    open_case(page, base, case)
    expect(page.get_by_text("Conceptregeling vrijwillig leerlingenvervoer").first).to_be_visible()

    # Outside the bubble: the ambtenaar's manager never sees the subject.
    login(page, base, "manager1")
    expect(page.locator("body")).not_to_contain_text("Leerlingenvervoer met vrijwilligers")
    case.refresh_from_db()
    assert case.state == "delivered"

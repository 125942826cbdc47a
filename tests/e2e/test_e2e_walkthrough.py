# SPDX-License-Identifier: EUPL-1.2
"""Every role walks the full story of ambtelijke bijstand and of a written question, in a Dutch
and an English browser, on a desktop and a phone; axe checks every page on the way (WCAG 2.1
AA), and hours typed the Dutch way ("1,5") are stored as 1.5 whatever the browser's locale."""

from decimal import Decimal

import pytest
from django.utils import timezone
from playwright.sync_api import Browser, expect

from raadsloket.assistance.models import HoursEntry
from raadsloket.cases.models import Case
from raadsloket.demo.people import World
from tests.e2e.browser import Walk, audited_context, fill_kickoff_plan, fill_kickoff_record
from tests.support.world import build_voorbeeld

SUBJECT = "Leerlingenvervoer met vrijwilligers"
REQUEST = "Hoe kunnen we ouders en vrijwilligers inschakelen bij het leerlingenvervoer?"
QUESTION = "Verdubbeling leerlingenvervoer"
ATTACHMENT = {"name": "notitie.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 notitie"}


@pytest.fixture(params=["nl-NL", "en-US"])
def locale(request) -> str:
    return request.param


@pytest.fixture(params=[1280, 390], ids=["desktop", "phone"])
def width(request) -> int:
    return request.param


@pytest.fixture
def walk(browser: Browser, live_server, locale: str, width: int):
    context = audited_context(browser, locale=locale, width=width)
    yield Walk(context.new_page(), live_server.url)
    context.close()


@pytest.mark.django_db(transaction=True)
def test_every_role_walks_both_stories_on_accessible_pages(walk: Walk):
    world = build_voorbeeld()
    case = assistance_story(walk, world)
    assert [entry.hours for entry in HoursEntry.objects.filter(case=case)] == [Decimal("1.5")]
    outside_the_bubble(walk, case)
    written_question_story(walk)


def assistance_story(walk: Walk, world: World) -> Case:
    """Member → griffie → secretaris → griffie (startgesprek) → ambtenaar → member."""
    page, today = walk.page, timezone.localdate()
    walk.login("raadslid1")
    walk.goto("/verzoeken/nieuw")
    walk.follow("Ambtelijke bijstand")
    page.get_by_label("Onderwerp").fill(SUBJECT)
    page.get_by_label("Uw vraag of verzoek").fill(REQUEST)
    page.get_by_label("Beleidsterrein").select_option("sociaal_domein")
    walk.submit("Indienen")
    case = Case.objects.get(title=SUBJECT)

    walk.login("griffier")
    expect(page.get_by_text(SUBJECT).first).to_be_visible()
    walk.goto("/verzoeken/")
    walk.open(case)
    walk.do("In behandeling nemen (intake)")
    walk.do("Doorgeleiden")
    walk.confirm("Doorgeleiden")

    walk.login("secretaris")
    walk.open(case)
    walk.do("Ambtenaar toewijzen")
    page.get_by_label(world["ambtenaar1"].display_name).first.check()
    page.get_by_label("Geschatte uren").fill("12")
    walk.confirm("Ambtenaar toewijzen")

    walk.login("raadsadviseur")
    walk.open(case)
    walk.do("Startgesprek plannen")
    fill_kickoff_plan(page)
    walk.confirm("Startgesprek plannen")
    walk.do("Startgesprek vastleggen")
    fill_kickoff_record(page)
    walk.confirm("Startgesprek vastleggen")

    walk.login("ambtenaar1")
    walk.open(case)
    walk.do("Uren registreren")
    page.get_by_label("Datum").fill(today.isoformat())
    # The decimal comma: a number input in an English browser made "1,5" arrive as 15.
    page.get_by_label("Uren", exact=True).fill("1,5")
    walk.confirm("Uren registreren")
    walk.do("Antwoord opleveren")
    page.get_by_label("Antwoord").first.fill("Conceptregeling vrijwillig leerlingenvervoer.")
    page.get_by_label("Bijlagen").set_input_files(ATTACHMENT)
    walk.confirm("Antwoord opleveren")
    expect(page.get_by_role("heading", name="Bijlagen (1)")).to_be_visible()

    walk.login("raadslid1")
    walk.open(case)
    expect(page.get_by_text("Conceptregeling vrijwillig leerlingenvervoer").first).to_be_visible()
    walk.do("Evalueren")
    page.get_by_label("4").check()
    walk.confirm("Evalueren")
    assert case.evaluations.get().person == world["raadslid1"]
    return case


def outside_the_bubble(walk: Walk, case: Case) -> None:
    """Art. 33 Gemeentewet: the manager sees hours, college and beheerder no content."""
    page = walk.page
    walk.login("manager1")
    claims = page.get_by_role("region", name="Urenclaims van mijn medewerkers")
    expect(claims).to_contain_text(case.reference)
    expect(claims).to_contain_text("1,5")
    expect(page.locator("body")).not_to_contain_text(SUBJECT)

    walk.login("wethouder1")
    expect(page.locator("body")).not_to_contain_text(SUBJECT)

    walk.login("beheerder")
    walk.open(case)
    expect(page.get_by_text(case.reference).first).to_be_visible()
    expect(page.locator("main")).not_to_contain_text(REQUEST)
    expect(page.locator("main")).not_to_contain_text("Conceptregeling vrijwillig")


def written_question_story(walk: Walk) -> None:
    """Member files → griffie registers → college answers → griffie publishes → all read."""
    page = walk.page
    walk.login("raadslid1")
    walk.goto("/verzoeken/nieuw")
    walk.follow("Schriftelijke vragen")
    page.get_by_label("Onderwerp").fill(QUESTION)
    page.get_by_label("Uw vragen aan het college of de burgemeester").fill(
        "Hoe verklaart het college dat het aantal kinderen in het collectief leerlingenvervoer "
        "in vijf jaar is verdubbeld, en welke mogelijkheden ziet het college om dit te stoppen?"
    )
    expect(page.locator("#advies")).to_contain_text("Advies van de instrumentenwijzer")
    page.get_by_label("Beleidsterrein").select_option("onderwijs")
    walk.check()  # the form with the advice the member's typing brought in (htmx)
    walk.submit("Indienen")
    question = Case.objects.get(title=QUESTION)

    walk.login("griffier")
    walk.open(question)
    walk.do("Registreren en doorzenden aan het college")
    walk.confirm("Registreren en doorzenden aan het college")

    walk.login("collegecontact")
    walk.open(question)
    walk.do("Antwoord van het college vastleggen")
    page.get_by_label("Antwoord van het college").fill("Het college verklaart de groei door ...")
    walk.confirm("Antwoord van het college vastleggen")

    walk.login("griffier")
    walk.open(question)
    walk.do("Publiceren (ingekomen stuk)")
    walk.confirm("Publiceren (ingekomen stuk)")
    expect(page.get_by_text("gepubliceerd (ingekomen stuk)").first).to_be_visible()

    walk.login("raadslid8")
    walk.open(question)
    expect(page.get_by_text("Het college verklaart de groei").first).to_be_visible()

# SPDX-License-Identifier: EUPL-1.2
"""The member sees advice before submitting; the griffie sees it at intake and can convert."""

import pytest

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, run_to

pytestmark = pytest.mark.django_db

COLLEGE_VIEW = (
    "Hoe verklaart het college dat het aantal kinderen in het leerlingenvervoer is "
    "verdubbeld, en welke mogelijkheden ziet het college om de groei te stoppen?"
)


def test_typing_a_question_shows_the_advice_with_reasons(client, world):
    client.force_login(world["raadslid1"])
    page = client.post(
        "/verzoeken/nieuw/advies",
        {"title": "Leerlingenvervoer", "question": COLLEGE_VIEW, "instrument": "assistance"},
    )
    html = page.content.decode()
    assert page.status_code == 200
    assert "Advies van de instrumentenwijzer" in html
    assert "Schriftelijke" in html and "Waarom dit advies" in html
    assert "hoe verklaart" in html.lower()
    assert "U koos" in html  # the member may still choose otherwise


def test_without_javascript_the_advice_button_keeps_the_form_and_saves_nothing(client, world):
    client.force_login(world["raadslid1"])
    before = Case.objects.count()
    page = client.post(
        "/verzoeken/nieuw",
        {
            "advies": "1",
            "title": "Leerlingenvervoer",
            "question": COLLEGE_VIEW,
            "instrument": "assistance",
            "policy_area": "sociaal_domein",
        },
    )
    html = page.content.decode()
    assert page.status_code == 200 and Case.objects.count() == before
    assert "Advies van de instrumentenwijzer" in html and COLLEGE_VIEW[:40] in html


def test_spelregel_5_warning_when_a_civil_servant_is_asked_for_the_college_position(client, world):
    client.force_login(world["raadslid1"])
    html = client.post(
        "/verzoeken/nieuw/advies",
        {
            "title": "Standpunt wethouder",
            "question": "Kan de ambtenaar mij vertellen wat het standpunt van de wethouder is over "
            "het nieuwe parkeerbeleid?",
            "instrument": "assistance",
        },
    ).content.decode()
    assert "spelregel 5" in html


def test_the_griffie_sees_the_advice_at_intake_and_converts(client, world):
    case = run_to(
        world, new_case(world, title="Leerlingenvervoer", question=COLLEGE_VIEW), State.INTAKE
    )
    client.force_login(world["griffier"])
    html = client.get(f"/verzoeken/{case.pk}").content.decode()
    assert "Instrumentenwijzer bij de intake" in html and "Omzetten naar ander instrument" in html
    case = act(
        world,
        case,
        "convert",
        "griffier",
        {"target": "written_question", "note": "Dit vraagt de opvatting van het college."},
    )
    assert case.instrument == Instrument.WRITTEN_QUESTION and case.state == State.DRAFT


def test_the_requester_does_not_see_the_intake_panel(client, world):
    case = run_to(world, new_case(world, question=COLLEGE_VIEW), State.INTAKE)
    client.force_login(world["raadslid1"])
    assert (
        "Instrumentenwijzer bij de intake"
        not in client.get(f"/verzoeken/{case.pk}").content.decode()
    )


def test_the_guide_page_answers_a_need_and_a_question(client, world):
    client.force_login(world["raadslid3"])
    page = client.get("/instrumentenwijzer/")
    assert page.status_code == 200 and "Alle instrumenten" in page.content.decode()
    html = client.post("/instrumentenwijzer/", {"vraag": COLLEGE_VIEW}).content.decode()
    assert "Advies van de instrumentenwijzer" in html
    html = client.get("/instrumentenwijzer/", {"behoefte": "bestaat-niet"}).content.decode()
    assert "Kies een van de genoemde behoeften" in html

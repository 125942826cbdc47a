# SPDX-License-Identifier: EUPL-1.2
"""The written-questions page: the college's inbox, the overdue list and on-time rates."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine

from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_written_question, run_written_to

AMS = ZoneInfo("Europe/Amsterdam")
pytestmark = pytest.mark.django_db


def at(year, month, day, hour=10):
    return time_machine.travel(datetime(year, month, day, hour, tzinfo=AMS), tick=False)


@pytest.fixture
def history(world):
    """Four questions registered 1 October 2026 (term: Monday 2 November), for two wethouders."""
    cases = {}
    with at(2026, 10, 1):
        for name, holder in (
            ("op tijd", "wethouder1"),
            ("uitstel", "wethouder1"),
            ("te laat", "wethouder2"),
            ("open", "wethouder2"),
        ):
            case = new_written_question(world, title=f"Vraag {name}")
            case = act(world, case, "submit", "raadslid1")
            cases[name] = act(
                world, case, "register", "griffier", {"portfolio_holder": world[holder].pk}
            )
    with at(2026, 10, 20):
        act(world, cases["op tijd"], "answer", "collegecontact", {"answer": "Antwoord."})
    with at(2026, 11, 2, 16):
        act(
            world,
            cases["uitstel"],
            "postpone",
            "collegecontact",
            {"reason": "Overleg met de regio loopt nog.", "new_date": "2026-11-30"},
        )
    with at(2026, 11, 5):
        act(world, cases["te laat"], "answer", "collegecontact", {"answer": "Laat antwoord."})
    return cases


def test_the_overdue_list_and_rates_are_counted_by_hand(client, world, history):
    client.force_login(world["griffier"])
    with at(2026, 11, 10):
        page = client.get("/schriftelijke-vragen/?van=2026-09-01&tot=2026-10-31")
    html = page.content.decode()
    assert page.status_code == 200
    overdue = html.split('id="kop-verlopen"')[1].split('id="kop-tijdigheid"')[0]
    # Only the open question is overdue; the postponed one met its term with the notice.
    assert "Vraag open" in overdue
    assert "Vraag uitstel" not in overdue and "Vraag te laat" not in overdue
    rates = html.split('id="kop-tijdigheid"')[1].split('id="kop-ingekomen"')[0]
    cells = [cell.strip() for cell in rates.split('utrecht-table__cell--numeric">')[1:]]
    numbers = [cell.split("<")[0] for cell in cells]
    # wethouder1: 2 registered, 2 on time (an answer, a notice on the last day), 100%.
    # wethouder2: 2 registered, 1 answered late, 1 open past its term: 0%.
    assert numbers == ["2", "2", "0", "0", "0", "100%", "2", "0", "1", "1", "0", "0%"]


def test_a_member_sees_open_questions_but_not_the_rates(client, world, history):
    client.force_login(world["raadslid8"])  # VVD, not its chair
    with at(2026, 11, 10):
        html = client.get("/schriftelijke-vragen/").content.decode()
    assert "Vraag uitstel" in html and "Vraag open" in html
    assert "kop-tijdigheid" not in html and "kop-verlopen" not in html


def test_a_fractie_chair_in_the_presidium_sees_the_overdue_list(client, world, history):
    client.force_login(world["raadslid1"])  # fractie chair of the first fractie
    with at(2026, 11, 10):
        html = client.get("/schriftelijke-vragen/").content.decode()
    assert "kop-verlopen" in html


def test_the_college_contact_finds_the_inbox_on_the_start_page(client, world, history):
    client.force_login(world["collegecontact"])
    with at(2026, 11, 10):
        html = client.get("/").content.decode()
    inbox = html.split('id="kop-college-inbox"')[1].split("</section>")[0]
    assert "Vraag open" in inbox and "Vraag uitstel" in inbox
    assert "Vraag op tijd" not in inbox


def test_a_bad_period_gets_a_dutch_message_not_an_error(client, world, history):
    client.force_login(world["griffier"])
    page = client.get("/schriftelijke-vragen/?van=gisteren&tot=2026-13-01")
    assert page.status_code == 200
    assert "Ongeldige datum" in page.content.decode()


def test_people_outside_the_council_and_college_see_no_questions(client, world, history):
    client.force_login(world["ambtenaar1"])
    html = client.get("/schriftelijke-vragen/").content.decode()
    assert "Vraag open" not in html and "Vraag uitstel" not in html


def test_the_case_page_shows_the_term_with_its_rule(client, world):
    with at(2026, 10, 1):
        case = run_written_to(world, new_written_question(world), State.REGISTERED)
    client.force_login(world["raadslid7"])
    with at(2026, 10, 2):
        html = client.get(f"/verzoeken/{case.pk}").content.decode()
    assert "Beantwoording door het college" in html
    assert "2 november 2026" in html
    assert "30 kalenderdagen" in html

# SPDX-License-Identifier: EUPL-1.2
"""Every notification links to the section it is about, and that place exists on the case page
for whoever may see the section (notify/anchors.py; the `*-inhoud` ids open their fold)."""

import pytest

from raadsloket.cases.states import State
from raadsloket.notify.anchors import ANCHORS, DATA, anchor_for
from raadsloket.notify.delivery import visible_sections
from raadsloket.notify.events import EVENTS, REMINDERS

pytestmark = pytest.mark.django_db

MEDIATION_REASON = "Het raadslid vraagt meer uren dan in het startgesprek is afgesproken."


def test_every_notification_kind_has_an_anchor():
    assert set(EVENTS) | set(REMINDERS) <= set(ANCHORS)


def test_a_reader_who_may_not_see_the_section_is_pointed_at_the_case_data():
    assert anchor_for("deliver", frozenset()) == DATA[1] == "gegevens-inhoud"


@pytest.fixture
def full_case(desk):
    """A case with something in every section: routing, startgesprek, mediation, answer,
    evaluation, timeline."""
    case = desk.run_to(desk.new(), State.IN_PROGRESS)
    desk.act(case, "request_mediation", "ambtenaar1", {"reason": MEDIATION_REASON})
    case = desk.act(
        case, "mediate", "griffier", {"notes": "Afgesproken: binnen de uren van het startgesprek."}
    )
    case = desk.act(case, "deliver", "ambtenaar1", {"answer": "Het antwoord."})
    desk.act(case, "evaluate", "raadslid1", {"score": 4})
    return case


@pytest.mark.parametrize("username", ["griffier", "raadslid1", "ambtenaar1"])
def test_each_anchor_is_on_the_case_page_for_who_sees_its_section(
    client, world, full_case, username
):
    person = world[username]
    visible = visible_sections(person, full_case)
    client.force_login(person)
    response = client.get(f"/verzoeken/{full_case.pk}")
    assert response.status_code == 200
    html = response.content.decode()
    expected = {anchor for section, anchor in ANCHORS.values() if section in visible}
    assert expected, "this reader sees no section at all"
    missing = {anchor for anchor in expected if f'id="{anchor}"' not in html}
    assert not missing

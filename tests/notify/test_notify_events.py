# SPDX-License-Identifier: EUPL-1.2
"""Each event of ambtelijke bijstand and technische vragen reaches exactly who must hear of it,
in the app and by e-mail, and nobody hears of their own action."""

import pytest
from django.utils import timezone

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.services import create_case, log_direct_contact
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import main_path
from raadsloket.demo.people import build_municipality
from raadsloket.notify.models import Delivery, Notification
from raadsloket.notify.receivers import on_transition
from tests.notify.notify_helpers import SITE_URL, mailed, recipients

pytestmark = pytest.mark.django_db

GRIFFIE = {"griffier", "raadsadviseur", "raadsadviseur2"}


def test_submission_tells_the_griffie_and_not_the_member_who_submitted(desk, world, mailoutbox):
    case = desk.new()
    desk.act(case, "submit", "raadslid1")
    assert recipients("submit") == GRIFFIE
    mails = mailed(mailoutbox, world)
    assert set(mails) == GRIFFIE
    message = mails["raadsadviseur"][0]
    assert message.subject == f"[raadsloket] {case.reference} (ambtelijke bijstand): ingediend"
    assert f"{SITE_URL}/verzoeken/{case.pk}" in message.body
    assert message.body.startswith(f"Beste {world['raadsadviseur'].display_name},")


def test_a_member_gets_a_confirmation_when_a_fractie_employee_submits_for_them(
    db, desk_for, mailoutbox
):
    world = build_municipality(
        "Gemeente Fractie", "fractie", overrides={"requesters": {"fractie_employee": True}}
    )
    desk = desk_for(world)
    with desk.committed():
        case = create_case(
            world["fractiemedewerker1"],
            {
                "instrument": Instrument.ASSISTANCE,
                "title": "Begroting jeugdzorg",
                "question": "Kunt u helpen met een amendement op de jeugdzorgbegroting?",
                "policy_area": "sociaal_domein",
                "on_behalf_of": world["raadslid1"].pk,
            },
            submit=True,
        )
    assert recipients("submit", case) == GRIFFIE | {"raadslid1"}
    assert "raadslid1" in mailed(mailoutbox, world)
    assert "fractiemedewerker1" not in recipients()


def test_the_main_path_of_assistance_notifies_each_step(desk, world, mailoutbox):
    case = desk.new(co_requesters=[world["raadslid2"].pk])
    for action, username, data in main_path(world):
        case = desk.act(case, action, username, data)
    assert case.state == State.CLOSED
    # The co-requester hears the request went in; the requester submitted it.
    assert recipients("submit") == GRIFFIE | {"raadslid2"}
    # Model-verordening: the appointed civil servant and the member hear of the assignment.
    assert recipients("assign") == {"ambtenaar1", "raadslid1", "raadslid2"}
    # The griffier handles the case (accepted it); the raadsadviseur planned and is not told.
    assert recipients("plan_kickoff") == {"raadslid1", "raadslid2", "ambtenaar1", "griffier"}
    assert recipients("deliver") == {"raadslid1", "raadslid2"}
    # The routing officer hears a request waits for a decision.
    assert recipients("forward") == {"secretaris"}
    # Evaluations and the close go to the others of the bubble (events.py).
    assert recipients("evaluate") == {"griffier"}
    assert recipients("close") == {"raadslid1", "raadslid2", "ambtenaar1"}
    # Accept, record_kickoff and log_hours tell nobody, as events.NOBODY says and why.
    assert set(Notification.objects.values_list("event", flat=True)) == {
        "submit",
        "forward",
        "assign",
        "plan_kickoff",
        "deliver",
        "evaluate",
        "close",
    }
    assert not Notification.objects.filter(legally_required=True).exists()
    # Every notification was mailed at once (nobody chose otherwise) and only once.
    assert Notification.objects.filter(emailed_at__isnull=True).count() == 0
    assert len(mailoutbox) == Notification.objects.count()


def test_the_actor_is_never_notified(desk, world):
    case = desk.new()
    for action, username, data in main_path(world):
        before = set(Notification.objects.values_list("pk", flat=True))
        case = desk.act(case, action, username, data)
        new = Notification.objects.exclude(pk__in=before)
        assert not new.filter(recipient=world[username]).exists(), action


def test_refusal_goes_to_the_members_and_the_griffier_as_a_legal_notice(desk, world, mailoutbox):
    case = desk.new(co_requesters=[world["raadslid2"].pk])
    case = desk.run_to(case, State.REFUSED)
    assert recipients("refuse") == {"raadslid1", "raadslid2", "griffier"}
    rows = Notification.objects.filter(event="refuse")
    assert all(row.legally_required for row in rows)
    body = mailed(mailoutbox, world)["raadslid2"][-1].body
    assert "geweigerd" in body and "met redenen omkleed" in body
    assert case.refusal_reasoning not in body


def test_technical_question_answered_by_the_griffie(desk, world, mailoutbox):
    case = desk.new(instrument=Instrument.TECHNICAL_QUESTION, title="Aantal laadpalen")
    case = desk.act(case, "submit", "raadslid1")
    case = desk.act(case, "accept", "raadsadviseur")
    case = desk.act(case, "deliver", "raadsadviseur", {"answer": "Er staan 412 laadpalen."})
    assert recipients("submit", case) == GRIFFIE
    assert recipients("deliver", case) == {"raadslid1"}
    subject = mailed(mailoutbox, world)["raadslid1"][0].subject
    assert subject == f"[raadsloket] {case.reference} (technische vraag): opgeleverd"


def test_technical_question_through_a_civil_servant(desk, world):
    case = desk.new(instrument=Instrument.TECHNICAL_QUESTION)
    for action, username, data in main_path(world)[:4]:
        case = desk.act(case, action, username, data)
    assert case.state == State.ASSIGNED
    assert recipients("assign", case) == {"ambtenaar1", "raadslid1"}
    case = desk.act(case, "deliver", "ambtenaar1", {"answer": "Zie de bijlage."})
    assert recipients("deliver", case) == {"raadslid1"}


def test_direct_contact_tells_the_member_but_not_the_civil_servant_who_logged_it(
    db, desk_for, mailoutbox
):
    world = build_municipality("Gemeente Direct", "direct", preset="utrecht")
    desk = desk_for(world)
    with desk.committed():
        case = log_direct_contact(
            world["ambtenaar1"],
            {
                "member": world["raadslid1"].pk,
                "title": "Openingstijden milieustraat",
                "question": "Wat zijn de openingstijden van de milieustraat?",
                "answer": "Di tot en met za van 9 tot 16 uur.",
                "policy_area": "duurzaamheid",
            },
        )
    # The member is asked to confirm it (profile channel.direct_contact_confirmed_by).
    assert recipients("log_contact", case) == {"raadslid1"}
    assert "Bevestig in raadsloket" in mailoutbox[-1].body


def test_in_app_rows_name_reference_instrument_event_and_link(desk, world):
    case = desk.new(title="Leerlingenvervoer met vrijwilligers")
    desk.act(case, "submit", "raadslid1")
    row = Notification.objects.get(recipient=world["griffier"])
    assert row.title == (
        f"{case.reference} (ambtelijke bijstand): ingediend — Leerlingenvervoer met vrijwilligers"
    )
    assert row.headline == f"{case.reference} (ambtelijke bijstand): ingediend"
    # To the request itself, which the griffie sees (notify/anchors.py).
    assert row.link == f"/verzoeken/{case.pk}#verzoek"
    assert row.municipality_id == world.municipality.pk
    assert row.read_at is None and row.delivery == Delivery.IMMEDIATELY


def test_an_action_whose_rule_is_nobody_notifies_nobody(desk, world):
    case = desk.run_to(desk.new(), State.INTAKE)
    Notification.objects.all().delete()
    for action in ("accept", "log_hours", "no_such_action"):
        on_transition(
            None,
            case=case,
            action=action,
            actor=world["griffier"],
            from_state=case.state,
            data={},
            now=timezone.now(),
        )
    assert not Notification.objects.exists()


def test_the_member_hears_of_a_conversion_and_the_handler_of_a_withdrawal(desk, world):
    case = desk.new()
    case = desk.act(case, "submit", "raadslid1", {})
    case = desk.act(case, "accept", "griffier", {})
    case = desk.act(
        case,
        "convert",
        "griffier",
        {"target": "written_question", "note": "U vraagt de opvatting van het college."},
    )
    assert recipients("convert") == {"raadslid1"}
    case = desk.act(case, "withdraw", "raadslid1", {"note": "Toch niet nodig."})
    assert recipients("withdraw") == {"griffier"}


def test_a_secret_answer_is_announced_to_the_whole_council_not_to_committee_members(desk, world):
    # Art. 25 Gemeentewet: secret information goes to the council as a whole.
    case = desk.new()
    for action, username, data in main_path(world)[:-6]:
        case = desk.act(case, action, username, data)
    case = desk.act(
        case, "deliver", "ambtenaar1", {"answer": "Onder geheimhouding.", "secret": "on"}
    )
    told = recipients("deliver")
    assert {"raadslid1", "raadslid7", "raadslid29"} <= told
    assert "commissielid1" not in told and "fractiemedewerker1" not in told
    assert "ambtenaar1" not in told and "wethouder1" not in told

# SPDX-License-Identifier: EUPL-1.2
"""Schriftelijke vragen (Reglement van Orde): registration goes to the college contacts and every
member, the answer and the postponement notice to the members who asked and the griffie as legal
notices, publication to every council member as they chose."""

from datetime import timedelta

import pytest
from django.utils import timezone

from raadsloket.cases.deadlines import running_deadline
from raadsloket.notify.delivery import choose_delivery
from raadsloket.notify.models import Delivery, Notification
from raadsloket.notify.reminders import remind
from raadsloket.organisation.models import Person, RoleAssignment
from tests.notify.notify_helpers import mailed, recipients

pytestmark = pytest.mark.django_db

WRITTEN = "written_question"
MEMBERS = {f"raadslid{n}" for n in range(1, 30)}
GRIFFIE = {"griffier", "raadsadviseur", "raadsadviseur2"}
COLLEGE = {"burgemeester", "wethouder1", "wethouder2", "wethouder3", "wethouder4"}
QUESTION = "Hoeveel woningen QW-4471 zijn sinds 2020 gesloopt zonder vervanging?"
ANSWER = "Antwoord AW-9913: 112 woningen."
REASON = "Reden RW-2286: de cijfers komen pas na de kwartaalrapportage."


@pytest.fixture
def contacts(world) -> set[str]:
    """Usernames of the college's inbox for schriftelijke vragen (role college_contact): the one
    made here, "bestuurssecretariaat", who acts for the college in these tests, and any the demo
    municipality has."""
    person = Person.objects.create(
        username="bestuurssecretariaat",
        first_name="Bert",
        last_name="Secretariaat",
        email="bestuurssecretariaat@voorbeeld.example",
        municipality=world.municipality,
    )
    RoleAssignment.objects.create(person=person, role="college_contact")
    world.people["bestuurssecretariaat"] = person
    return set(
        Person.objects.filter(
            municipality=world.municipality, role_assignments__role="college_contact"
        ).values_list("username", flat=True)
    )


def asked(desk, world):
    case = desk.new(
        instrument=WRITTEN,
        title="Sloop sociale huurwoningen",
        question=QUESTION,
        co_requesters=[world["raadslid2"].pk],
    )
    return desk.act(case, "submit", "raadslid1")


def registered(desk, world):
    case = asked(desk, world)
    return desk.act(
        case, "register", "griffier", {"portfolio_holder": world["wethouder1"].pk, "note": ""}
    )


def test_submission_goes_to_the_griffie(desk, world, contacts):
    case = asked(desk, world)
    assert recipients("submit", case) == GRIFFIE | {"raadslid2"}


def test_registration_goes_to_the_college_contacts_and_every_member(
    desk, world, contacts, mailoutbox
):
    case = registered(desk, world)
    assert recipients("register", case) == MEMBERS | contacts
    # The college itself is not told: its inbox is the college contact.
    assert not recipients() & COLLEGE
    subject = mailed(mailoutbox, world)["bestuurssecretariaat"][-1].subject
    assert subject == f"[raadsloket] {case.reference} (schriftelijke vragen): geregistreerd"


def test_the_answer_is_a_legal_notice_to_the_askers_and_the_griffie(
    desk, world, contacts, mailoutbox
):
    choose_delivery(world["raadslid1"], Delivery.OFF)
    case = registered(desk, world)
    desk.act(case, "answer", "bestuurssecretariaat", {"answer": ANSWER})
    assert recipients("answer", case) == {"raadslid1", "raadslid2", "griffier"}
    rows = Notification.objects.filter(event="answer")
    assert all(row.legally_required and row.delivery == Delivery.IMMEDIATELY for row in rows)
    message = mailed(mailoutbox, world)["raadslid1"][-1]
    assert "beantwoord" in message.subject and "Reglement van Orde" in message.body
    assert ANSWER not in message.body and "AW-9913" not in message.body


def test_the_postponement_notice_is_a_legal_notice(desk, world, contacts, mailoutbox):
    choose_delivery(world["raadslid2"], Delivery.DAILY_DIGEST)
    case = registered(desk, world)
    new_date = (timezone.localdate() + timedelta(days=40)).isoformat()
    desk.act(case, "postpone", "bestuurssecretariaat", {"reason": REASON, "new_date": new_date})
    assert recipients("postpone", case) == {"raadslid1", "raadslid2", "griffier"}
    message = mailed(mailoutbox, world)["raadslid2"][-1]
    assert "uitgesteld" in message.subject and "uitstelbericht" in message.body
    for row in Notification.objects.filter(event="postpone"):
        assert row.legally_required and "RW-2286" not in row.body


def test_publication_goes_to_every_council_member_as_they_chose(desk, world, contacts, mailoutbox):
    choose_delivery(world["raadslid5"], Delivery.DAILY_DIGEST)
    choose_delivery(world["raadslid6"], Delivery.OFF)
    case = registered(desk, world)
    case = desk.act(case, "answer", "bestuurssecretariaat", {"answer": ANSWER})
    mailoutbox.clear()
    desk.act(case, "publish", "griffier", {})
    assert recipients("publish", case) == MEMBERS
    rows = Notification.objects.filter(event="publish")
    assert not any(row.legally_required for row in rows)
    mails = mailed(mailoutbox, world)
    assert "raadslid5" not in mails and "raadslid6" not in mails and "raadslid7" in mails
    assert not set(mails) & (COLLEGE | GRIFFIE)


def test_send_back_tells_the_member(desk, world, contacts):
    case = asked(desk, world)
    desk.act(case, "send_back", "griffier", {"note": "Maak de vragen korter en duidelijker."})
    assert recipients("send_back", case) == {"raadslid1", "raadslid2"}


def test_nothing_of_the_question_or_answer_in_any_notification(desk, world, contacts, mailoutbox):
    case = registered(desk, world)
    case = desk.act(case, "answer", "bestuurssecretariaat", {"answer": ANSWER})
    desk.act(case, "publish", "griffier", {})
    texts = [f"{row.title} {row.body}" for row in Notification.objects.all()]
    texts += [f"{message.subject} {message.body}" for message in mailoutbox]
    for text in texts:
        assert "QW-4471" not in text and "AW-9913" not in text


def test_reminders_go_to_the_college_contacts_and_the_griffie(desk, world, contacts):
    case = registered(desk, world)
    deadline = running_deadline(case, world.municipality.policy, case.answer_due)
    assert deadline is not None and deadline.due == case.answer_due
    remind(case.answer_due)
    assert recipients("deadline_near", case) == contacts | {"griffier"}
    remind(case.answer_due + timedelta(days=1))
    assert recipients("deadline_overdue", case) == contacts | {"griffier"}
    overdue = Notification.objects.get(event="deadline_overdue", recipient=world["griffier"])
    assert overdue.legally_required
    assert not recipients() & COLLEGE

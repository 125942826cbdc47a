# SPDX-License-Identifier: EUPL-1.2
"""The bubble holds for notifications: a civil servant's manager, the college, other members and
people of another municipality never hear of a confidential case, and no notification or e-mail
carries its content."""

from datetime import timedelta

import pytest
from django.db import transaction

from raadsloket.access.sections import Section
from raadsloket.cases.errors import InvalidInput
from raadsloket.cases.instruments import Instrument
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, main_path
from raadsloket.demo.people import build_municipality
from raadsloket.notify.delivery import compose, notify
from raadsloket.notify.events import EVENTS
from raadsloket.notify.models import Notification
from raadsloket.notify.recipients import load_case
from raadsloket.notify.reminders import remind
from tests.notify.notify_helpers import mailed, recipients

pytestmark = pytest.mark.django_db

TITLE = "Geheim amendement jeugdzorg XQ"
QUESTION = "Welke bezuiniging op jeugdzorg QQ-7731 is haalbaar zonder wachtlijsten?"
BACKGROUND = "Achtergrond BG-5512 voor het amendement."
REASONING = "Motivering RR-9044: dit gaat over de uitvoering door het college, niet over raadswerk."
GOAL = "Doel GG-3307: een uitgewerkt conceptamendement."
ANSWER = "Antwoord AA-6620: conceptamendement met doorrekening."
CONTENT = (
    QUESTION,
    BACKGROUND,
    REASONING,
    GOAL,
    ANSWER,
    "QQ-7731",
    "RR-9044",
    "GG-3307",
    "AA-6620",
)

OUTSIDERS = [
    "manager1",
    "burgemeester",
    "wethouder1",
    "wethouder2",
    "wethouder3",
    "wethouder4",
    "raadslid3",
    "raadslid7",
    "commissielid1",
    "fractiemedewerker1",
    "beheerder",
    "kabinetschef",
    "ambtenaar2",
    "manager2",
]


@pytest.fixture
def utrecht(db):
    # Utrecht: the college hears that a trajectory started (never its content), so the college
    # does see something of the case; it must still never be notified.
    return build_municipality("Gemeente Domstad", "domstad", preset="utrecht")


def _path(world):
    steps = main_path(world)
    for index, (action, username, data) in enumerate(steps):
        if action == "record_kickoff":
            steps[index] = (action, username, {**data, "goal": GOAL})
        if action == "deliver":
            steps[index] = (action, username, {"answer": ANSWER})
    return steps


def _everything(world, desk):
    """A delivered assistance case, a refused one and reminders, all confidential."""
    case = desk.new(title=TITLE, question=QUESTION, co_requesters=[world["raadslid2"].pk])
    for action, username, data in _path(world):
        case = desk.act(case, action, username, data)
    refused = desk.new(title=TITLE, question=QUESTION)
    refused = desk.run_to(refused, State.FORWARDED)
    refused = desk.act(
        refused,
        "refuse",
        "secretaris",
        {"ground": world.municipality.policy.refusal_grounds[0].code, "reasoning": REASONING},
    )
    running = desk.run_to(desk.new(title=TITLE, question=QUESTION), State.IN_PROGRESS)
    with desk.committed():
        remind(running.delivery_due + timedelta(days=1))
    return case, refused, running


def test_outsiders_never_hear_of_a_confidential_trajectory(
    utrecht, other_world, desk_for, mailoutbox
):
    desk = desk_for(utrecht)
    _everything(utrecht, desk)
    assert Notification.objects.exists()
    heard = recipients()
    for name in OUTSIDERS:
        assert name not in heard, name
    assert not heard & {person.username for person in other_world.people.values()}
    mails = mailed(mailoutbox, utrecht)
    for name in OUTSIDERS:
        assert name not in mails, name
    strangers = {person.email for person in other_world.people.values()}
    assert not any(set(message.to) & strangers for message in mailoutbox)
    # Nobody outside the municipality at all.
    assert set(Notification.objects.values_list("municipality_id", flat=True)) == {
        utrecht.municipality.pk
    }


def test_no_notification_or_mail_carries_content(utrecht, desk_for, mailoutbox):
    desk = desk_for(utrecht)
    _everything(utrecht, desk)
    texts = [f"{row.title}\n{row.headline}\n{row.body}" for row in Notification.objects.all()]
    for message in mailoutbox:
        texts.append(f"{message.subject}\n{message.body}")
        for _, content, _ in message.attachments:
            texts.append(content if isinstance(content, str) else content.decode())
    for text in texts:
        for secret in CONTENT:
            assert secret not in text, (secret, text)
    # The subject of the request stays inside raadsloket: in the app, never in an e-mail.
    assert Notification.objects.filter(title__contains=TITLE).exists()
    for message in mailoutbox:
        assert TITLE not in message.subject and TITLE not in message.body


def test_only_who_sees_the_metadata_may_be_told(utrecht, other_world, desk_for):
    """The filter itself, offered everyone of two municipalities as candidates."""
    desk = desk_for(utrecht)
    case = desk.run_to(desk.new(title=TITLE), State.IN_PROGRESS)
    everyone = [*utrecht.people.values(), *other_world.people.values()]
    loaded = load_case(case.pk)
    with transaction.atomic():
        made = notify(loaded, "deliver", EVENTS["deliver"], everyone)
        told = {row.recipient.username for row in made}
        transaction.set_rollback(True)
    # Requester, griffie, routing officer (after forwarding), the assigned civil servant, and the
    # functional administrator, who sees metadata only (access/cases.py).
    assert told == {
        "raadslid1",
        "griffier",
        "raadsadviseur",
        "raadsadviseur2",
        "secretaris",
        "ambtenaar1",
        "beheerder",
    }
    # The manager sees the hours and the college that a trajectory started: neither is metadata.
    assert "manager1" not in told and "burgemeester" not in told and "wethouder1" not in told


def test_the_subject_of_the_request_only_for_who_sees_the_request(desk, world):
    case = load_case(desk.run_to(desk.new(title=TITLE), State.SUBMITTED).pk)
    event = EVENTS["submit"]
    title, headline, body = compose(case, event, frozenset({Section.METADATA}), {})
    assert TITLE not in title and TITLE not in body and title == headline
    title, _, _ = compose(case, event, frozenset({Section.METADATA, Section.REQUEST}), {})
    assert title.endswith(TITLE)


def test_the_kickoff_time_only_for_who_sees_the_kickoff(desk, world):
    case = load_case(desk.run_to(desk.new(), State.KICKOFF_PLANNED).pk)
    event = EVENTS["plan_kickoff"]
    facts = {"planned_for": case.kickoff.planned_for}
    _, _, hidden = compose(case, event, frozenset({Section.METADATA}), facts)
    _, _, shown = compose(case, event, frozenset({Section.METADATA, Section.KICKOFF}), facts)
    assert " op " not in hidden and " op " in shown


def test_other_members_never_hear_of_a_confidential_technical_question(desk, world, mailoutbox):
    case = desk.new(instrument=Instrument.TECHNICAL_QUESTION, confidential=True, title=TITLE)
    case = desk.act(case, "submit", "raadslid1")
    case = desk.act(case, "accept", "griffier")
    desk.act(case, "deliver", "griffier", {"answer": ANSWER})
    members = {f"raadslid{n}" for n in range(2, 30)}
    assert not recipients() & members
    assert not set(mailed(mailoutbox, world)) & members


def test_a_rolled_back_transition_leaves_no_notification_and_sends_no_mail(desk, world, mailoutbox):
    case = desk.new()
    with desk.committed(), transaction.atomic():
        act(world, case, "submit", "raadslid1")
        assert Notification.objects.exists()
        transaction.set_rollback(True)
    assert not Notification.objects.exists()
    assert mailoutbox == []


def test_a_rejected_action_notifies_nobody(desk, world, mailoutbox):
    case = desk.run_to(desk.new(), State.FORWARDED)
    Notification.objects.all().delete()
    mailoutbox.clear()
    # Model-verordening: a refusal is reasoned; without reasons it is not made, nor announced.
    with pytest.raises(InvalidInput):
        desk.act(
            case,
            "refuse",
            "secretaris",
            {"ground": world.municipality.policy.refusal_grounds[0].code, "reasoning": "nee"},
        )
    assert not Notification.objects.exists() and mailoutbox == []


def test_cross_municipality_candidates_are_dropped(desk, world, other_world):
    case = load_case(desk.run_to(desk.new(), State.SUBMITTED).pk)
    with transaction.atomic():
        made = notify(
            case,
            "submit",
            EVENTS["submit"],
            (),
            required=[other_world["griffier"], other_world["raadslid1"]],
        )
        transaction.set_rollback(True)
    assert made == []


def test_no_reminders_for_outsiders_of_an_overdue_case(desk, world):
    case = desk.run_to(desk.new(), State.FORWARDED)
    remind(case.decision_due + timedelta(days=1))
    # The routing officer must decide; the griffier handles the case and watches the term.
    assert recipients("deadline_overdue", case) == {"secretaris", "griffier"}


@pytest.mark.parametrize("name", ["manager1", "burgemeester", "wethouder1"])
def test_the_grouped_inbox_and_the_summary_of_an_outsider_show_no_subject(
    utrecht, desk_for, client, name
):
    desk = desk_for(utrecht)
    _everything(utrecht, desk)
    reference = Notification.objects.filter(title__contains=TITLE).first().title.split(" ")[0]
    client.force_login(utrecht[name])
    for url in ("/meldingen/", "/meldingen/?toon=ongelezen", "/meldingen/samenvatting"):
        html = client.get(url).content.decode()
        for secret in (TITLE, reference, *CONTENT):
            assert secret not in html, (name, url, secret)
    assert "Er zijn nog geen meldingen voor u." in client.get("/meldingen/").content.decode()
    assert "geen nieuwe meldingen." in client.get("/meldingen/samenvatting").content.decode()

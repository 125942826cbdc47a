# SPDX-License-Identifier: EUPL-1.2
"""The startgesprek invitation is a valid iCalendar REQUEST that names no content."""

from datetime import timedelta

import pytest
from icalendar import Calendar

from raadsloket.cases.states import State
from raadsloket.notify.calendar import kickoff_uid
from tests.notify.notify_helpers import SITE_URL, mailed

pytestmark = pytest.mark.django_db


def invitation_of(message):
    (attachment,) = message.attachments
    filename, content, mimetype = attachment
    return filename, content, mimetype


def calendar_part(message):
    for part in message.message().walk():
        if part.get_content_type() == "text/calendar":
            return part
    return None


def test_kickoff_invitation_parses_back_with_the_right_fields(desk, world, mailoutbox):
    case = desk.new(title="Amendement woningbouw", co_requesters=[world["raadslid2"].pk])
    case = desk.run_to(case, State.KICKOFF_PLANNED)
    kickoff = case.kickoff
    mails = mailed(mailoutbox, world)
    message = mails["raadslid1"][-1]
    assert (
        message.subject
        == f"[raadsloket] {case.reference} (ambtelijke bijstand): startgesprek gepland"
    )
    filename, content, mimetype = invitation_of(message)
    assert filename == f"startgesprek-{case.pk}.ics"
    assert mimetype == "text/calendar; method=REQUEST"
    part = calendar_part(message)
    assert part is not None and part.get_param("method") == "REQUEST"

    calendar = Calendar.from_ical(content)
    assert calendar["METHOD"] == "REQUEST"
    (event,) = calendar.events
    assert str(event["UID"]) == kickoff_uid(case)
    assert str(event["UID"]) == f"startgesprek-{case.pk}-{kickoff.pk}@raadsloket.voorbeeld.nl"
    assert event.start == kickoff.planned_for
    assert event.end == kickoff.planned_for + timedelta(hours=1)
    assert str(event["SUMMARY"]) == f"Startgesprek {case.reference}"
    assert str(event["ORGANIZER"]) == f"mailto:{world['griffier'].email}"
    assert event["ORGANIZER"].params["CN"] == world["griffier"].display_name
    assert str(event["ATTENDEE"]) == f"mailto:{world['raadslid1'].email}"
    assert str(event["URL"]) == f"{SITE_URL}/verzoeken/{case.pk}#startgesprek-inhoud"
    text = content if isinstance(content, str) else content.decode()
    for secret in (case.title, case.question, case.background, kickoff.participants):
        assert secret not in text


INVITED = ("raadslid1", "raadslid2", "ambtenaar1", "griffier")


def test_every_invited_person_gets_the_same_entry(desk, world, mailoutbox):
    case = desk.new(co_requesters=[world["raadslid2"].pk])
    case = desk.run_to(case, State.KICKOFF_PLANNED)
    mails = mailed(mailoutbox, world)
    versions = set()
    for name in INVITED:
        _, content, _ = invitation_of(mails[name][-1])
        (event,) = Calendar.from_ical(content).events
        versions.add((str(event["UID"]), event["SEQUENCE"], event.start))
        assert "uitnodiging voor uw agenda" in mails[name][-1].body
    # One entry in every calendar: the same UID and version, so a new plan updates it.
    assert versions == {(kickoff_uid(case), 0, case.kickoff.planned_for)}


def test_nobody_learns_another_participants_address(desk, world, mailoutbox):
    case = desk.new(co_requesters=[world["raadslid2"].pk])
    desk.run_to(case, State.KICKOFF_PLANNED)
    mails = mailed(mailoutbox, world)
    for name in INVITED:
        _, content, _ = invitation_of(mails[name][-1])
        text = content if isinstance(content, str) else content.decode()
        (event,) = Calendar.from_ical(content).events
        assert str(event["ATTENDEE"]) == f"mailto:{world[name].email}", name
        # The organiser is the griffie, whom everyone may reach; nobody else is named.
        others = {world[other].email for other in INVITED} - {world[name].email}
        others.discard(world["griffier"].email)
        assert all(address not in text for address in others), name


def test_other_mails_carry_no_invitation(desk, world, mailoutbox):
    case = desk.new()
    desk.act(case, "submit", "raadslid1")
    assert all(not message.attachments for message in mailoutbox)

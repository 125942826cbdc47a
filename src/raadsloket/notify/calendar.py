# SPDX-License-Identifier: EUPL-1.2
"""The startgesprek as an iCalendar invitation (RFC 5545, METHOD:REQUEST of RFC 5546).

The invitation names the case by its reference only: a calendar entry is copied, shared and
synchronised far outside the bubble, so it carries no subject, question or agreements.

Each invited person gets their own invitation, naming the griffie as ORGANIZER and only that
person as ATTENDEE: nobody learns another participant's e-mail address from the file (SECURITY.md,
"Dreigingsmodel"; AVG art. 5 lid 1 c). RFC 5546 allows an organiser to send one REQUEST per attendee;
the UID (one per startgesprek) and the SEQUENCE (one per new plan) are the same in every copy,
so each calendar client updates its one entry when the plan changes.
"""

from dataclasses import dataclass
from datetime import date, timedelta
from email.utils import parseaddr
from urllib.parse import urlsplit

from django.conf import settings
from django.utils import timezone
from icalendar import Calendar, Event, vCalAddress

from raadsloket.cases.models import Case, TimelineEvent
from raadsloket.notify import recipients
from raadsloket.organisation.models import Person

DURATION = timedelta(hours=1)
PRODID = "-//raadsloket//startgesprek//NL"
FEED_PRODID = "-//raadsloket//agenda//NL"


def _host() -> str:
    return urlsplit(settings.SITE_URL).hostname or "raadsloket"


def kickoff_uid(case: Case) -> str:
    """Stable per case and startgesprek, so a new plan updates the entry rather than adding one."""
    return f"startgesprek-{case.pk}-{case.kickoff.pk}@{_host()}"


def _address(person: Person, **params) -> vCalAddress:
    return vCalAddress.new(person.email, cn=person.display_name, **params)


def _organizer(case: Case) -> vCalAddress:
    # The griffie handler invites; without one (or without an address) the griffie's sender.
    if case.handler_id is not None and case.handler.email:
        return _address(case.handler)
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return vCalAddress.new(address, cn=name or "griffie")


def attendees(case: Case) -> list[Person]:
    """Requester(s), assigned civil servants and the griffie handler, each once."""
    invited = recipients.together(recipients.requesters, recipients.assignees, recipients.handler)
    seen: dict[int, Person] = {}
    for person in invited(case):
        if person.email and person.is_active:
            seen.setdefault(person.pk, person)
    return list(seen.values())


def _attendee(case: Case, person: Person) -> vCalAddress:
    chair = person.pk == case.handler_id
    return _address(
        person,
        role="CHAIR" if chair else "REQ-PARTICIPANT",
        partstat="ACCEPTED" if chair else "NEEDS-ACTION",
        rsvp=not chair,
    )


def kickoff_invitation(case: Case, case_url: str, recipient: Person) -> bytes | None:
    """`recipient`'s own invitation for the case's planned startgesprek, or None when they are
    not invited; `case` comes from recipients.load_case."""
    if all(person.pk != recipient.pk for person in attendees(case)):
        return None
    kickoff = case.kickoff
    start = kickoff.planned_for
    # Each new plan of the same startgesprek is a newer version of the one entry (RFC 5546).
    sequence = max(TimelineEvent.objects.filter(case=case, action="plan_kickoff").count() - 1, 0)
    event = Event.new(
        uid=kickoff_uid(case),
        sequence=sequence,
        stamp=timezone.now(),
        start=start,
        end=start + DURATION,
        summary=f"Startgesprek {case.reference}",
        description=(
            f"Startgesprek over verzoek {case.reference} ({case.get_instrument_display()}). "
            f"Alles over het verzoek leest u na inloggen in raadsloket: {case_url}"
        ),
        url=case_url,
        organizer=_organizer(case),
        attendees=[_attendee(case, recipient)],
    )
    calendar = Calendar.new(method="REQUEST", prodid=PRODID, subcomponents=[event])
    return calendar.to_ical()


@dataclass(frozen=True)
class FeedEntry:
    """One all-day date in a subscribed calendar (RFC 5545 VEVENT with a DATE value)."""

    uid: str
    day: date
    summary: str
    description: str
    url: str


def feed_uid(kind: str, pk: int) -> str:
    """Stable per row, so a moved date updates the subscriber's entry rather than adding one."""
    return f"{kind}-{pk}@{_host()}"


def date_feed(name: str, entries: list[FeedEntry]) -> bytes:
    """A subscribable calendar (METHOD:PUBLISH) of all-day entries, e.g. the accountant cycle."""
    stamp = timezone.now()
    events = [
        Event.new(
            uid=entry.uid,
            stamp=stamp,
            start=entry.day,
            end=entry.day + timedelta(days=1),
            summary=entry.summary,
            description=entry.description,
            url=entry.url,
        )
        for entry in entries
    ]
    calendar = Calendar.new(method="PUBLISH", prodid=FEED_PRODID, subcomponents=events)
    calendar.add("X-WR-CALNAME", name)
    return calendar.to_ical()

# SPDX-License-Identifier: EUPL-1.2
"""Write a national data set for measuring: people in every role, years of cases (docs/scaling.md).

Every case has the timeline, audit events and related rows its state implies, as if it had
gone through the workflow: the same tables and columns the pages read, written in bulk
(`BulkWriter`) rather than through `perform`, which would take days for a million cases.
The audit events form one intact chain per municipality (`raadsloket audit-verify` passes); they
record the transitions, not the reads of ten years of page views.
"""

import random
import time
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from decimal import Decimal

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff, Mediation
from raadsloket.audit.chain import GENESIS, event_hash
from raadsloket.audit.models import NATIONAL, AuditEvent, AuditHead
from raadsloket.cases.models import Assignment, Case, TimelineEvent
from raadsloket.demo.bulk import BulkWriter
from raadsloket.demo.national import MunicipalityShape, shapes
from raadsloket.demo.people import FIRST, LAST
from raadsloket.organisation.models import (
    Department,
    Expertise,
    Fractie,
    Municipality,
    Person,
    RoleAssignment,
)
from raadsloket.organisation.roles import PolicyArea, Role

SLUG_PREFIX = "gen-"
ORDER = [
    Municipality,
    Fractie,
    Person,
    Department,
    RoleAssignment,
    Expertise,
    Case,
    Case.co_requesters.through,
    Assignment,
    Kickoff,
    HoursEntry,
    Mediation,
    Evaluation,
    TimelineEvent,
    AuditEvent,
]

TOPICS = {
    PolicyArea.SOCIAL: [
        "jeugdzorg",
        "wachtlijsten wmo",
        "schuldhulpverlening",
        "armoedebeleid",
        "participatiewet",
        "mantelzorg",
    ],
    PolicyArea.SPATIAL: [
        "woningbouw",
        "sociale huurwoningen",
        "bestemmingsplan centrum",
        "omgevingsvisie",
        "grondexploitatie",
        "studentenhuisvesting",
    ],
    PolicyArea.MOBILITY: [
        "fietspaden",
        "parkeertarieven",
        "verkeersveiligheid schoolroutes",
        "busverbindingen",
        "laadpalen",
    ],
    PolicyArea.ENVIRONMENT: [
        "warmtenet",
        "zonnepanelen op daken",
        "afvalinzameling",
        "klimaatadaptatie",
        "stikstof",
    ],
    PolicyArea.FINANCE: [
        "onroerendezaakbelasting",
        "reservepositie",
        "jaarrekening",
        "subsidieplafond",
        "begrotingstekort",
    ],
    PolicyArea.SAFETY: [
        "cameratoezicht",
        "ondermijning",
        "evenementenvergunningen",
        "handhaving",
        "jongerenoverlast",
    ],
    PolicyArea.EDUCATION: [
        "leerlingenvervoer",
        "schoolgebouwen",
        "sportaccommodaties",
        "kinderopvang",
        "laaggeletterdheid",
    ],
    PolicyArea.ECONOMY: [
        "winkelleegstand",
        "toerisme",
        "bedrijventerrein",
        "cultuursubsidies",
        "weekmarkt",
    ],
    PolicyArea.ORGANISATION: [
        "inhuur externen",
        "ziekteverzuim",
        "digitale dienstverlening",
        "informatiebeveiliging",
        "klachtafhandeling",
    ],
}
PLACES = [
    "het centrum",
    "de oude wijk",
    "de dorpskernen",
    "het stationsgebied",
    "de nieuwbouwwijk",
    "het buitengebied",
    "de haven",
    "het bedrijventerrein",
]
QUESTIONS = [
    "Hoeveel kost {topic} in {place} per jaar, en hoe heeft dat zich de afgelopen vijf jaar "
    "ontwikkeld?",
    "Welke afspraken zijn er gemaakt over {topic} in {place}, en wie bewaakt die?",
    "Kan de ambtelijke organisatie uitzoeken wat de gevolgen van {topic} zijn voor {place}?",
    "Hoe verhoudt het beleid voor {topic} zich tot de raadsbesluiten over {place}?",
]
DAY = timedelta(days=1)


@dataclass
class Council:
    """The generated people of one municipality, by role, for picking actors."""

    municipality_id: int
    routing_role: str
    members: list[int] = field(default_factory=list)
    fractie_of: dict[int, int] = field(default_factory=dict)
    griffie: list[int] = field(default_factory=list)
    routing_officer: int = 0
    college: list[int] = field(default_factory=list)
    college_contact: int = 0
    servants: list[int] = field(default_factory=list)
    usernames: dict[int, str] = field(default_factory=dict)


@dataclass
class Totals:
    municipalities: int = 0
    people: int = 0
    cases: int = 0
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def generate(
    municipalities: int,
    cases: int,
    years: int,
    *,
    seed: int = 1,
    password: str | None = None,
    log=print,
) -> Totals:
    started = time.monotonic()
    rng = random.Random(seed)
    writer = BulkWriter()
    hashed = make_password(password) if password else make_password(None)
    now = timezone.now().replace(microsecond=0)
    chain = _Chain()
    plan = shapes(municipalities, cases, seed)
    totals = Totals(municipalities=len(plan))
    span = int(years * 365.25 * 86400)
    # One transaction per municipality: a failure leaves the ones before it whole.
    for index, shape in enumerate(plan, start=1):
        with transaction.atomic():
            council = _people(writer, shape, rng, hashed, now - timedelta(days=365 * years))
            chain.start(council.municipality_id)
            # Oldest first, so that case numbers follow time as they do in use.
            for ago in sorted((rng.randrange(span) for _ in range(shape.cases)), reverse=True):
                _case(writer, council, rng, chain, now, now - timedelta(seconds=ago))
            writer.flush(ORDER)
            chain.save()
        totals.people += len(council.usernames)
        totals.cases += shape.cases
        if index % 25 == 0 or index == len(plan):
            log(
                f"  {index}/{len(plan)} gemeenten, {totals.cases} verzoeken, "
                f"{time.monotonic() - started:.0f} s"
            )
    totals.rows = dict(writer.written)
    totals.seconds = time.monotonic() - started
    return totals


def _people(
    writer: BulkWriter, shape: MunicipalityShape, rng: random.Random, hashed: str, since: datetime
) -> Council:
    municipality_id = writer.add(
        Municipality,
        {
            "name": shape.name,
            "slug": shape.slug,
            "inhabitants": shape.inhabitants,
            "policy_preset": shape.preset,
            "policy_overrides": {},
        },
    )
    routing_role = (
        Role.CABINET_CHIEF if shape.preset == "echt-susteren" else Role.MUNICIPAL_SECRETARY
    )
    council = Council(municipality_id, routing_role)
    counter = 0

    def person(username: str, roles: list[str], **extra) -> int:
        nonlocal counter
        counter += 1
        full = f"{shape.slug}.{username}"
        pk = writer.add(
            Person,
            {
                "username": full,
                "password": hashed,
                "first_name": FIRST[counter % len(FIRST)],
                "last_name": LAST[(counter * 7) % len(LAST)],
                "email": f"{full}@example.invalid",
                "municipality_id": municipality_id,
                "is_active": True,
                "is_staff": False,
                "is_superuser": False,
                "date_joined": since,
                **extra,
            },
        )
        for role in roles:
            writer.add(RoleAssignment, {"person_id": pk, "role": role})
        council.usernames[pk] = full
        return pk

    council.griffie.append(person("griffier", [Role.CLERK]))
    for n in range(1, shape.council_advisors + 1):
        council.griffie.append(person(f"raadsadviseur{n}", [Role.COUNCIL_ADVISOR]))
    secretary = person("secretaris", [Role.MUNICIPAL_SECRETARY])
    chief = person("kabinetschef", [Role.CABINET_CHIEF])
    council.routing_officer = chief if routing_role == Role.CABINET_CHIEF else secretary
    council.college.append(person("burgemeester", [Role.MAYOR]))
    for n in range(1, shape.aldermen + 1):
        council.college.append(person(f"wethouder{n}", [Role.ALDERMAN]))
    person("beheerder", [Role.ADMINISTRATOR])
    council.college_contact = person("collegecontact", [Role.COLLEGE_CONTACT])

    member = 0
    for name, seats in shape.fracties:
        fractie_id = writer.add(
            Fractie, {"municipality_id": municipality_id, "name": name, "seats": seats}
        )
        for seat in range(seats):
            member += 1
            roles = [Role.COUNCIL_MEMBER] + ([Role.FRACTIE_CHAIR] if seat == 0 else [])
            if seat == min(1, seats - 1):
                roles.append(Role.FRACTIE_TREASURER)
            pk = person(f"raadslid{member}", roles, fractie_id=fractie_id)
            council.members.append(pk)
            council.fractie_of[pk] = fractie_id

    areas = list(PolicyArea)
    per_department = max(1, shape.civil_servants // shape.departments)
    servant = 0
    for d in range(1, shape.departments + 1):
        department_id = writer.next_id(Department)
        manager = person(f"manager{d}", [Role.MANAGER], department_id=department_id)
        writer.add(
            Department,
            {
                "id": department_id,
                "municipality_id": municipality_id,
                "name": f"Afdeling {d}",
                "manager_id": manager,
            },
        )
        area = areas[d % len(areas)]
        for _ in range(per_department):
            servant += 1
            pk = person(f"ambtenaar{servant}", [Role.CIVIL_SERVANT], department_id=department_id)
            writer.add(
                Expertise,
                {
                    "person_id": pk,
                    "policy_areas": [str(area)],
                    "keywords": ", ".join(TOPICS[area][:3]),
                    "weekly_hours": Decimal(rng.randint(2, 8)),
                },
            )
            council.servants.append(pk)
    return council


class _Chain:
    """One municipality's audit chain continued in memory (audit/models.py: a chain per
    municipality); its head row is read and written in that municipality's transaction."""

    def __init__(self):
        self.chain = NATIONAL
        self.seq = 0
        self.hash = GENESIS

    def start(self, municipality_id: int) -> None:
        self.chain = municipality_id
        head = AuditHead.objects.select_for_update().filter(chain=municipality_id).first()
        self.seq, self.hash = (head.seq, head.hash) if head else (0, GENESIS)

    def save(self) -> None:
        AuditHead.objects.update_or_create(
            chain=self.chain, defaults={"seq": self.seq, "hash": self.hash}
        )

    def add(
        self,
        writer: BulkWriter,
        at: datetime,
        municipality_id: int,
        actor: str,
        action: str,
        case_id: int,
        detail: dict,
    ) -> None:
        self.seq += 1
        digest = event_hash(
            self.hash, self.seq, at.isoformat(), municipality_id, actor, action, case_id, detail
        )
        writer.add(
            AuditEvent,
            {
                "chain": self.chain,
                "seq": self.seq,
                "at": at,
                "municipality_id_ref": municipality_id,
                "actor_ref": actor,
                "action": action,
                "case_ref": case_id,
                "detail": detail,
                "prev_hash": self.hash,
                "hash": digest,
            },
        )
        self.hash = digest


# Each instrument's usual road: (action, state reached, section, who acts, days it takes).
ASSISTANCE_ROAD = [
    ("submit", "submitted", "metadata", "requester", (0, 2)),
    ("accept", "intake", "metadata", "griffie", (1, 5)),
    ("forward", "forwarded", "routing", "griffie", (1, 5)),
    ("assign", "assigned", "routing", "routing", (2, 10)),
    ("plan_kickoff", "kickoff_planned", "kickoff", "griffie", (1, 7)),
    ("record_kickoff", "in_progress", "kickoff", "griffie", (3, 14)),
    ("deliver", "delivered", "answer", "assignee", (7, 45)),
    ("evaluate", "evaluated", "evaluation", "requester", (3, 20)),
    ("close", "closed", "answer", "griffie", (1, 10)),
]
TECHNICAL_ROAD = [
    ("submit", "submitted", "metadata", "requester", (0, 1)),
    ("accept", "intake", "metadata", "griffie", (0, 3)),
    ("forward", "forwarded", "routing", "griffie", (0, 2)),
    ("assign", "assigned", "routing", "routing", (1, 4)),
    ("deliver", "delivered", "answer", "assignee", (2, 12)),
    ("close", "closed", "answer", "requester", (1, 10)),
]
WRITTEN_ROAD = [
    ("submit", "submitted", "metadata", "requester", (0, 1)),
    ("register", "registered", "routing", "griffie", (1, 3)),
    ("answer", "answered", "answer", "college_contact", (10, 40)),
    ("publish", "published", "answer", "griffie", (2, 14)),
]
ROADS = {
    "assistance": ASSISTANCE_ROAD,
    "technical_question": TECHNICAL_ROAD,
    "written_question": WRITTEN_ROAD,
}
INSTRUMENTS = [("assistance", 0.35), ("technical_question", 0.40), ("written_question", 0.25)]
CHANNELS = [
    ("via_griffie", 0.8),
    ("formal_request", 0.08),
    ("via_secretary", 0.06),
    ("informal", 0.06),
]
STAMPS = {
    "submitted": "submitted_at",
    "forwarded": "forwarded_at",
    "assigned": "assigned_at",
    "delivered": "delivered_at",
    "closed": "closed_at",
    "registered": "registered_at",
    "answered": "answered_at",
    "published": "published_at",
    "withdrawn": "closed_at",
}


def _weighted(rng: random.Random, options: list[tuple[str, float]]) -> str:
    return rng.choices([o for o, _ in options], [w for _, w in options])[0]


def _road(rng: random.Random, instrument: str) -> list[tuple]:
    """The steps this case will take if time allows, with the workflow's side roads."""
    road = list(ROADS[instrument])
    draw = rng.random()
    if instrument == "assistance":
        if draw < 0.07:
            # Refused with a ground; some object, and the driehoek upholds or reverses.
            road = road[:3] + [("refuse", "refused", "routing", "routing", (3, 12))]
            if rng.random() < 0.4:
                road += [
                    ("object", "objected", "routing", "requester", (2, 10)),
                    ("mediate", "closed", "routing", "griffie", (5, 25)),
                ]
            else:
                road += [("close", "closed", "routing", "griffie", (5, 30))]
        elif draw < 0.11:
            road.insert(2, ("defer", "deferred", "routing", "griffie", (1, 4)))
            road.insert(3, ("resume", "intake", "routing", "griffie", (10, 60)))
        elif draw < 0.14:
            road.insert(6, ("request_mediation", "mediation", "mediation", "assignee", (5, 20)))
            road.insert(7, ("mediate", "in_progress", "mediation", "griffie", (3, 15)))
    elif instrument == "written_question" and draw < 0.15:
        road.insert(2, ("postpone", "postponed", "routing", "college_contact", (20, 30)))
    if rng.random() < 0.05:
        # Withdrawn by the member somewhere before the answer.
        cut = rng.randint(1, max(1, len(road) - 3))
        road = road[:cut] + [("withdraw", "withdrawn", "request", "requester", (1, 20))]
    if rng.random() < 0.02:
        road = []  # a draft that was never submitted
    return road


def _case(
    writer: BulkWriter,
    council: Council,
    rng: random.Random,
    chain: _Chain,
    now: datetime,
    created: datetime,
) -> None:
    instrument = _weighted(rng, INSTRUMENTS)
    area = rng.choice(list(PolicyArea))
    topic = rng.choice(TOPICS[area])
    place = rng.choice(PLACES)
    requester = rng.choice(council.members)
    case_id = writer.next_id(Case)
    values = {
        "id": case_id,
        "municipality_id": council.municipality_id,
        "instrument": instrument,
        "title": f"{topic.capitalize()} in {place}"[:200],
        "question": rng.choice(QUESTIONS).format(topic=topic, place=place),
        "policy_area": str(area),
        "requester_id": requester,
        "created_at": created,
        "channel": "via_griffie" if instrument != "assistance" else _weighted(rng, CHANNELS),
        "confidential": instrument == "assistance" or rng.random() < 0.3,
        "secret": instrument == "assistance" and rng.random() < 0.02,
    }
    actors = {
        "requester": requester,
        "griffie": rng.choice(council.griffie),
        "routing": council.routing_officer,
        "college_contact": council.college_contact,
        "assignee": rng.choice(council.servants),
    }
    names = council.usernames
    mid, at = council.municipality_id, created
    chain.add(writer, at, mid, names[requester], "case.create", case_id, {"instrument": instrument})
    events = [(at, requester, "create", "", "", "metadata")]
    state, version = "draft", 1
    for action, reached, section, who, (low, high) in _road(rng, instrument):
        step_at = at + timedelta(days=rng.uniform(low, high), seconds=rng.randrange(3600))
        if step_at > now:
            break
        at, previous, state = step_at, state, reached
        version += 1
        _apply(values, action, reached, at, actors, council, rng)
        events.append((at, actors[who], action, previous, reached, section))
        chain.add(
            writer,
            at,
            mid,
            names[actors[who]],
            f"case.{action}",
            case_id,
            {"from": previous, "to": reached, "version": version},
        )
    values["state"], values["version"] = state, version
    writer.add(Case, values)
    for at_, actor, action, before, after, section in events:
        writer.add(
            TimelineEvent,
            {
                "case_id": case_id,
                "at": at_,
                "actor_id": actor,
                "action": action,
                "from_state": before,
                "to_state": after,
                "section": section,
                "detail": "",
            },
        )
    _related(writer, values, actors, council, rng, events)


def _apply(
    values: dict,
    action: str,
    reached: str,
    at: datetime,
    actors: dict,
    council: Council,
    rng: random.Random,
) -> None:
    """The case's fields as `perform` and its effects would have set them."""
    stamp = STAMPS.get(reached)
    if stamp and values.get(stamp) is None:
        values[stamp] = at
    day = at.date()
    if action == "submit":
        values["intake_due"] = day + 5 * DAY
    elif action in ("accept", "register"):
        values["handler_id"] = actors["griffie"]
        if action == "register":
            values["answer_due"] = day + 30 * DAY
            values["portfolio_holder_id"] = rng.choice(council.college)
    elif action == "forward":
        values["routing_officer_id"] = actors["routing"]
        values["decision_due"] = day + 10 * DAY
    elif action == "assign":
        values["hours_estimate"] = Decimal(rng.choice([2, 4, 6, 8, 12, 16, 24]))
        values["capacity_confirmed"] = True
        values["delivery_due"] = day + 30 * DAY
    elif action == "refuse":
        values["refusal_ground"] = rng.choice(["niet_raadswerk", "belang_gemeente"])
        values["refusal_reasoning"] = "De gevraagde inzet past niet binnen de verordening."
    elif action == "object":
        values["objection"] = "Het raadslid vindt de weigering onvoldoende gemotiveerd."
    elif action == "defer":
        values["deferred_until"] = day + 30 * DAY
        values["defer_reason"] = "Wacht op de behandeling van de kadernota."
    elif action == "postpone":
        values["postponed_at"] = at
        values["postponed_to"] = day + 20 * DAY
        values["postponement_reason"] = "Het antwoord vraagt overleg met een partner."
    elif action in ("deliver", "answer"):
        values["answer"] = (
            f"Antwoord over {values['title'].lower()}: de gevraagde cijfers en "
            "de achtergrond staan hieronder, met de bronnen."
        )


def _related(
    writer: BulkWriter,
    values: dict,
    actors: dict,
    council: Council,
    rng: random.Random,
    events: list[tuple],
) -> None:
    """Assignment, co-requester, startgesprek, hours, mediation and evaluation rows."""
    case_id = values["id"]
    done = {event[2]: event[0] for event in events}
    if values["instrument"] == "assistance" and rng.random() < 0.1:
        fellow = rng.choice(council.members)
        if fellow != values["requester_id"]:
            writer.add(Case.co_requesters.through, {"case_id": case_id, "person_id": fellow})
    if "assign" in done:
        writer.add(
            Assignment,
            {
                "case_id": case_id,
                "civil_servant_id": actors["assignee"],
                "hours_estimate": values["hours_estimate"],
                "assigned_at": done["assign"],
            },
        )
    if "plan_kickoff" in done:
        held = done.get("record_kickoff")
        writer.add(
            Kickoff,
            {
                "case_id": case_id,
                "planned_for": done["plan_kickoff"] + 5 * DAY,
                "held_on": held.date() if held else None,
                "participants": "raadslid, ambtenaar, griffie",
                "goal": "Inzicht in de cijfers voor de begrotingsbehandeling.",
                "agreed_hours": values["hours_estimate"] if held else None,
                "due_date": (held + 30 * DAY).date() if held else None,
                "member_acknowledged_rules": bool(held),
                "civil_servant_acknowledged_rules": bool(held),
            },
        )
    if "record_kickoff" in done:
        start = done["record_kickoff"]
        for n in range(rng.randint(1, 3)):
            worked = start + timedelta(days=2 + 4 * n)
            writer.add(
                HoursEntry,
                {
                    "case_id": case_id,
                    "civil_servant_id": actors["assignee"],
                    "worked_on": worked.date(),
                    "hours": Decimal(rng.randint(1, 6)),
                    "recorded_at": worked,
                },
            )
    if "object" in done or "request_mediation" in done:
        triangle = "object" in done
        requested = done["object" if triangle else "request_mediation"]
        decided = done.get("mediate")
        writer.add(
            Mediation,
            {
                "case_id": case_id,
                "forum": "triangle" if triangle else "griffie",
                "requested_by_id": actors["requester"],
                "reason": "Verschil van inzicht.",
                "requested_at": requested,
                "outcome": ("refusal_upheld" if triangle else "resumed") if decided else "",
                "decided_by_id": actors["griffie"] if decided else None,
                "decided_at": decided,
            },
        )
    if "evaluate" in done:
        for perspective, person in (
            ("member", actors["requester"]),
            ("civil_servant", actors["assignee"]),
        ):
            writer.add(
                Evaluation,
                {
                    "case_id": case_id,
                    "perspective": perspective,
                    "person_id": person,
                    "score": rng.randint(2, 5),
                    "recorded_at": done["evaluate"],
                },
            )

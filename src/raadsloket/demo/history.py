# SPDX-License-Identifier: EUPL-1.2
"""Two years of history for the demo, so the reflection report has something to show.

The requests of this calendar year up to today and of the whole previous year (for the trend)
are made through the real workflow (`raadsloket.demo.lifecycle`) and then moved back in time:
every step gets the moment it would have had, a realistic number of working days after the step
before. Everything the steps wrote at load time (the case's timestamps, timeline, assignments,
startgesprek, hours, mediations, evaluations and notifications) moves with them, and the terms
are counted anew from the moved dates. The audit chain keeps the load time: it is hash-chained
and records when raadsloket wrote each event, which was today.

A fixed seed makes the history the same on every run for the same day.
"""

import random
import zlib
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db import connection, transaction
from django.utils import timezone

from raadsloket.assistance.models import Evaluation, HoursEntry, Kickoff, Mediation
from raadsloket.cases.instruments import Channel, Instrument
from raadsloket.cases.models import Assignment, Case, TimelineEvent
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, new_written_question, routing_officer
from raadsloket.demo.people import DEPARTMENTS, FRACTIES, World
from raadsloket.notify.models import Delivery, Notification
from raadsloket.organisation.models import CoalitionMembership, Fractie
from raadsloket.organisation.roles import PolicyArea
from raadsloket.policy.deadlines import add_term, is_working_day
from raadsloket.policy.schema import Term
from raadsloket.reflection.periods import term_of

SEED = 2026
# Requests per year: the previous year in full, this year pro rata up to today (the requests of
# demo.cases, all made today, come on top).
PER_YEAR = {"previous": 44, "current": 42}
PER_YEAR_SMALL = {"previous": 8, "current": 10}
INSTRUMENT_SHARES = [
    (Instrument.ASSISTANCE, 0.45),
    (Instrument.TECHNICAL_QUESTION, 0.30),
    (Instrument.WRITTEN_QUESTION, 0.25),
]
# Recess in summer, budget season in autumn.
MONTH_WEIGHTS = [0.8, 1.0, 1.1, 1.0, 1.1, 1.2, 0.4, 0.3, 1.0, 1.2, 1.3, 0.6]
# How a request reached the civil service (the handreiking's routes); most go via the griffie.
CHANNELS = [
    (Channel.VIA_GRIFFIE, 70),
    (Channel.FORMAL_REQUEST, 14),
    (Channel.VIA_SECRETARY, 10),
    (Channel.INFORMAL, 6),
]
# The side branches of ambtelijke bijstand each year; the other requests take the main path.
SPECIAL = [
    "refuse_accepted",
    "refuse_upheld",
    "refuse_assigned",
    "defer_intake",
    "defer_forwarded",
    "mediation",
    "mediation",
    "withdraw",
]
SPECIAL_SMALL = ["refuse_assigned", "mediation", "defer_intake"]
# Portefeuillehouders and how many calendar days their answers take (the term is 30).
HOLDERS = [
    ("wethouder1", 12, 30),
    ("wethouder2", 15, 38),
    ("wethouder3", 20, 45),
    ("wethouder4", 10, 28),
    ("burgemeester", 14, 32),
]
GRIFFIE = ["griffier", "raadsadviseur", "raadsadviseur2"]
# The case's own moments, all written by the steps and all moved back together.
CASE_MOMENTS = (
    "created_at",
    "submitted_at",
    "forwarded_at",
    "assigned_at",
    "delivered_at",
    "closed_at",
    "registered_at",
    "answered_at",
    "published_at",
    "postponed_at",
)

# Coalitions per municipality slug: the parties that formed the college after both of the last
# two elections, and a party that joined later (name, month and day in the previous year).
COALITIONS = {
    # Lokaal Belang lost two seats to Groep Van Dam on 1 July (demo.budgets); the coalition
    # (15 of 29 seats) kept its majority when D66 joined on 1 October.
    "voorbeeld": (("Lokaal Belang", "VVD", "CDA"), ("D66", 10, 1)),
    "domstede": (("GroenLinks-PvdA", "D66", "VVD", "ChristenUnie"), None),
}

TOPICS = {
    PolicyArea.SOCIAL: [
        "schuldhulp voor jongeren",
        "de wachtlijsten in de jeugdzorg",
        "de eigen bijdrage Wmo",
        "de armoederegeling voor gezinnen",
    ],
    PolicyArea.SPATIAL: [
        "sociale huur in nieuwbouwwijken",
        "tiny houses op tijdelijke locaties",
        "het bestemmingsplan Stationsgebied",
        "kamerverhuur in de binnenstad",
    ],
    PolicyArea.MOBILITY: [
        "veilige schoolroutes",
        "betaald parkeren in Oost",
        "de fietsbrug over het kanaal",
        "het busvervoer in de kernen",
    ],
    PolicyArea.ENVIRONMENT: [
        "zonnepanelen op sportaccommodaties",
        "het warmtenet in Noord",
        "de afvalinzameling aan huis",
        "meer groen op schoolpleinen",
    ],
    PolicyArea.FINANCE: [
        "de OZB-verhoging",
        "de reserve sociaal domein",
        "de toeristenbelasting",
        "het weerstandsvermogen",
    ],
    PolicyArea.SAFETY: [
        "cameratoezicht in het uitgaansgebied",
        "ondermijning op bedrijventerreinen",
        "vuurwerkvrije zones",
        "de handhaving bij evenementen",
    ],
    PolicyArea.EDUCATION: [
        "het integraal huisvestingsplan onderwijs",
        "de sporthal in West",
        "voorschoolse educatie",
        "het leerlingenvervoer",
    ],
    PolicyArea.ECONOMY: [
        "de evenementensubsidie",
        "leegstand in het winkelcentrum",
        "de bibliotheekvestigingen",
        "de weekmarkt",
    ],
    PolicyArea.ORGANISATION: [
        "de inhuur van externen",
        "de digitale toegankelijkheid van de website",
        "de telefonische bereikbaarheid",
        "de huisvesting van het gemeentehuis",
    ],
}
WORDING = {
    Instrument.ASSISTANCE: [
        (
            "Amendement over {topic}",
            "Ik wil een amendement indienen over {topic}. Kan een "
            "ambtenaar meedenken over de tekst en de financiële gevolgen doorrekenen?",
        ),
        (
            "Motie over {topic}",
            "Ik bereid een motie voor over {topic}. Welke mogelijkheden zijn "
            "er juridisch en technisch, en wat kosten ze ongeveer?",
        ),
        (
            "Initiatiefvoorstel over {topic}",
            "Ik werk aan een initiatiefvoorstel over {topic}. "
            "Graag hulp bij de uitwerking: hoe doen vergelijkbare gemeenten dit en wat betekent het "
            "voor de begroting?",
        ),
    ],
    Instrument.TECHNICAL_QUESTION: [
        (
            "Cijfers over {topic}",
            "Welke cijfers heeft de gemeente over {topic} van de afgelopen "
            "drie jaar, per wijk of kern?",
        ),
        (
            "Stand van zaken: {topic}",
            "Wat is de stand van zaken rond {topic}, en welke afspraken liggen er al vast?",
        ),
    ],
    Instrument.WRITTEN_QUESTION: [
        (
            "Schriftelijke vragen over {topic}",
            "Is het college bekend met de berichtgeving over "
            "{topic}? Hoe beoordeelt het college de situatie en welke maatregelen neemt het?",
        ),
    ],
}
REFUSAL_REASONS = [
    "Het verzoek vraagt naar de afwegingen van het college, niet om hulp bij raadswerk.",
    "De gevraagde uitwerking raakt lopende onderhandelingen van de gemeente met derden.",
    "De gevraagde uren gaan ten koste van de uitvoering van de begroting dit kwartaal.",
]


@dataclass
class _Step:
    action: str
    username: str
    data: dict
    at: datetime
    # A date the form needed in the future at load time, and the date it stands for.
    loaded: str = ""
    meant: str = ""


@dataclass
class _Plan:
    instrument: str
    member: str
    area: str
    channel: str
    title: str
    question: str
    created: datetime
    steps: list[_Step] = field(default_factory=list)
    kickoff_at: datetime | None = None
    deferred_until: date | None = None
    postponed_to: date | None = None
    meeting_date: date | None = None


def _on_or_after_working_day(day: date) -> date:
    return add_term(day, Term(days=0, kind="working"))


def add_working_days(day: date, days: int) -> date:
    return add_term(day, Term(days=days, kind="working"))


class _Clock:
    """The moments of one request's steps, each after the one before."""

    def __init__(self, rng: random.Random, start: datetime):
        self.rng = rng
        self.now = start

    @property
    def day(self) -> date:
        return self.now.date()

    def on(self, day: date) -> datetime:
        if day <= self.day:
            self.now += timedelta(minutes=self.rng.randint(5, 90))
        else:
            start = datetime.combine(day, time(8, 30), tzinfo=self.now.tzinfo)
            self.now = start + timedelta(minutes=self.rng.randint(0, 8 * 60 + 30))
        return self.now

    def working(self, days: int) -> datetime:
        return self.on(add_working_days(self.day, days))

    def calendar(self, days: int) -> datetime:
        return self.on(_on_or_after_working_day(self.day + timedelta(days=days)))


class _Planner:
    def __init__(self, world: World, rng: random.Random, loaded_today: date):
        self.world = world
        self.rng = rng
        self.profile = world.municipality.policy
        self.officer = routing_officer(world)
        self.grounds = [ground.code for ground in self.profile.refusal_grounds]
        self.refusals = 0
        self.loaded_today = loaded_today
        self.servants = _servants_by_area()

    def days(self, low: int, high: int, mode: float | None = None) -> int:
        return round(self.rng.triangular(low, high, low if mode is None else mode))

    def griffie(self) -> str:
        return self.rng.choice(GRIFFIE)

    # --- ambtelijke bijstand --------------------------------------------------------------

    def assistance(self, plan: _Plan, clock: _Clock, special: str) -> None:
        rng, member = self.rng, plan.member
        submitted = clock.now
        plan.steps.append(_Step("submit", member, {}, submitted))
        if special == "withdraw":
            plan.steps.append(
                _Step(
                    "withdraw",
                    member,
                    {"note": "Het amendement is ingetrokken; de hulp is niet meer nodig."},
                    clock.working(self.days(1, 4)),
                )
            )
            return
        plan.steps.append(_Step("accept", self.griffie(), {}, clock.working(self.days(0, 3, 2))))
        if special == "defer_intake":
            self.defer(plan, clock)
        plan.steps.append(
            _Step(
                "forward",
                "griffier",
                {"note": "Verzoek is helder; graag een deskundige."},
                clock.working(rng.choice([0, 0, 1])),
            )
        )
        if special == "defer_forwarded":
            self.defer(plan, clock)
        servants = self.pick_servants(plan.area)
        estimate = rng.choice([3, 4, 6, 6, 8, 8, 10, 12, 16, 20])
        if special.startswith("refuse"):
            ground = self.grounds[self.refusals % len(self.grounds)]
            reason = REFUSAL_REASONS[self.refusals % len(REFUSAL_REASONS)]
            self.refusals += 1
            plan.steps.append(
                _Step(
                    "refuse",
                    self.officer,
                    {"ground": ground, "reasoning": reason},
                    clock.working(self.days(2, 8, 4)),
                )
            )
            if special == "refuse_accepted":
                plan.steps.append(
                    _Step(
                        "close",
                        rng.choice([member, "griffier"]),
                        {"note": "Het raadslid legt zich bij de weigering neer."},
                        clock.working(self.days(1, 5)),
                    )
                )
                return
            plan.steps.append(
                _Step(
                    "object",
                    member,
                    {"reason": "Het verzoek gaat wel degelijk over een amendement van mijzelf."},
                    clock.working(self.days(1, 5)),
                )
            )
            assign = special == "refuse_assigned"
            data = {
                "outcome": "assign" if assign else "refusal_upheld",
                "notes": "De driehoek heeft raadslid en secretaris gehoord.",
            }
            if assign:
                data |= {
                    "civil_servants": [self.world[s].pk for s in servants],
                    "hours_estimate": str(estimate),
                }
            plan.steps.append(
                _Step("mediate", "burgemeester", data, clock.working(self.days(5, 15, 8)))
            )
            if not assign:
                return
        else:
            target = add_working_days(submitted.date(), self.days(2, 15, 5))
            plan.steps.append(
                _Step(
                    "assign",
                    self.officer,
                    {
                        "civil_servants": [self.world[s].pk for s in servants],
                        "hours_estimate": str(estimate),
                    },
                    clock.on(max(target, clock.day)),
                )
            )
        assigned = clock.now
        self.work(plan, clock, servants, estimate, assigned, mediation=special == "mediation")

    def defer(self, plan: _Plan, clock: _Clock) -> None:
        loaded = self.loaded_today + timedelta(days=14)
        at = clock.working(self.rng.choice([0, 1]))
        resume = clock.working(self.days(8, 20))
        plan.deferred_until = resume.date()
        plan.steps.append(
            _Step(
                "defer",
                "griffier",
                {
                    "until": loaded.isoformat(),
                    "reason": "De afdeling werkt aan de begroting; over enkele weken is er ruimte.",
                },
                at,
                loaded=f"{loaded:%d-%m-%Y}",
                meant=f"{resume.date():%d-%m-%Y}",
            )
        )
        plan.steps.append(_Step("resume", "griffier", {}, resume))

    def pick_servants(self, area: str) -> list[str]:
        first = self.rng.choice(self.servants[area])
        if self.rng.random() < 0.15:
            # A second civil servant, from Financiën when the money matters, else a colleague.
            pool = (
                self.servants[PolicyArea.FINANCE]
                if area != PolicyArea.FINANCE
                else (self.servants[area])
            )
            second = self.rng.choice([s for s in pool if s != first])
            return [first, second]
        return [first]

    def work(self, plan, clock, servants, estimate, assigned, *, mediation) -> None:
        rng, member = self.rng, plan.member
        loaded_planned = timezone.localtime() + timedelta(days=2)
        plan_at = clock.working(rng.choice([0, 1, 2]))
        held = clock.working(self.days(2, 7, 3))
        plan.kickoff_at = held
        plan.steps.append(
            _Step(
                "plan_kickoff",
                "raadsadviseur",
                {
                    "planned_for": loaded_planned.strftime("%Y-%m-%dT%H:%M"),
                    "participants": "raadslid, ambtenaar, raadsadviseur",
                },
                plan_at,
                loaded=f"{loaded_planned:%d-%m-%Y %H:%M}",
                meant=f"{held:%d-%m-%Y %H:%M}",
            )
        )
        agreed = add_working_days(held.date(), self.days(10, 25, 15))
        plan.steps.append(
            _Step(
                "record_kickoff",
                "raadsadviseur",
                {
                    "held_on": held.date().isoformat(),
                    "participants": "raadslid, ambtenaar, raadsadviseur",
                    "background": "Het raadslid wil een voorstel voorbereiden voor de raadsvergadering.",
                    "goal": "Een uitgewerkt concept met financiële onderbouwing.",
                    "agreed_hours": str(estimate),
                    "due_date": agreed.isoformat(),
                    "loyalty_concerns": "Geen: de ambtenaar werkt niet aan het collegevoorstel.",
                    "member_acknowledged_rules": "on",
                    "civil_servant_acknowledged_rules": "on",
                },
                held,
            )
        )
        # Delivery 5 to 40 working days after assignment, at least three after the kickoff.
        delivered = max(
            add_working_days(assigned.date(), self.days(5, 40, 12)),
            add_working_days(held.date(), 3),
        )
        events: list[tuple[date, int, str]] = []
        if mediation:
            asked = add_working_days(held.date(), self.days(1, 5))
            decided = add_working_days(asked, self.days(2, 6))
            delivered = max(delivered, add_working_days(decided, 3))
            events += [(asked, 1, "request_mediation"), (decided, 1, "mediate")]
        window = [d for d in _days_between(held.date(), delivered) if d > held.date()]
        # What was spent: around the estimate, in one or two days' work (at most 12 hours a day).
        spent = estimate * rng.uniform(0.7, 1.35)
        entries = sorted(rng.sample(window, min(len(window), 1 if spent <= 8 else 2)))
        for index, day in enumerate(entries):
            events.append((day, 0, f"log_hours:{index}"))
        events.sort()
        share = Decimal(str(spent / max(len(entries), 1))).quantize(Decimal("0.1"))
        share = min(max(share, Decimal("0.5")), Decimal("12"))
        for day, _, action in events:
            if action.startswith("log_hours"):
                who = servants[int(action.split(":")[1]) % len(servants)]
                plan.steps.append(
                    _Step(
                        "log_hours",
                        who,
                        {
                            "worked_on": day.isoformat(),
                            "hours": str(share),
                            "note": "Cijfers verzameld en uitgewerkt.",
                        },
                        clock.on(day),
                    )
                )
            elif action == "request_mediation":
                who = rng.choice([member, servants[0]])
                plan.steps.append(
                    _Step(
                        "request_mediation",
                        who,
                        {
                            "reason": "Het raadslid vraagt naar het standpunt van de wethouder; dat valt "
                            "buiten de bijstand."
                        },
                        clock.on(day),
                    )
                )
            else:
                plan.steps.append(
                    _Step(
                        "mediate",
                        self.griffie(),
                        {
                            "notes": "Afgesproken: alleen feiten en varianten, geen standpunt van het college."
                        },
                        clock.on(day),
                    )
                )
        plan.steps.append(
            _Step(
                "deliver",
                servants[0],
                {"answer": "Concept met doorrekening, zie de toelichting."},
                clock.on(delivered),
            )
        )
        required = self.profile.evaluation.required
        evaluators = [(member, 1, 10), (servants[0], 1, 5), ("griffier", 2, 12)]
        done = 0
        for who, low, high in evaluators:
            if required or rng.random() < 0.7:
                score = rng.choices([2, 3, 4, 5], weights=[1, 3, 6, 4])[0]
                if mediation and who == member:
                    score = max(2, score - 1)
                plan.steps.append(
                    _Step(
                        "evaluate",
                        who,
                        {
                            "score": str(score),
                            "remarks": "Goed verlopen."
                            if score >= 4
                            else "De doorlooptijd kan korter.",
                        },
                        clock.working(self.days(low, high)),
                    )
                )
                done += 1
        if required and done < 3:
            return
        plan.steps.append(_Step("close", "griffier", {"note": ""}, clock.working(self.days(1, 8))))

    # --- technische vragen ----------------------------------------------------------------

    def technical(self, plan: _Plan, clock: _Clock, special: str) -> None:
        rng, member = self.rng, plan.member
        plan.steps.append(_Step("submit", member, {}, clock.now))
        plan.steps.append(_Step("accept", self.griffie(), {}, clock.working(self.days(0, 2, 1))))
        if special == "defer_intake":
            self.defer(plan, clock)
        if rng.random() < 0.5:
            plan.steps.append(
                _Step(
                    "deliver",
                    "raadsadviseur",
                    {"answer": "De griffie zocht de cijfers uit; zie de toelichting."},
                    clock.working(self.days(1, 5, 2)),
                )
            )
        else:
            servant = self.pick_servants(plan.area)[0]
            plan.steps.append(
                _Step(
                    "forward",
                    "griffier",
                    {"note": "Graag een ambtenaar."},
                    clock.working(rng.choice([0, 1])),
                )
            )
            plan.steps.append(
                _Step(
                    "assign",
                    self.officer,
                    {
                        "civil_servants": [self.world[servant].pk],
                        "hours_estimate": str(rng.choice([1, 2, 2, 3, 4])),
                    },
                    clock.working(self.days(1, 3)),
                )
            )
            plan.steps.append(
                _Step(
                    "deliver",
                    servant,
                    {"answer": "Het antwoord van de afdeling, met de cijfers per wijk."},
                    clock.working(self.days(2, 8, 3)),
                )
            )
        if rng.random() < 0.35:
            plan.steps.append(
                _Step(
                    "close",
                    rng.choice(["griffier", member]),
                    {"note": ""},
                    clock.working(self.days(1, 5)),
                )
            )

    # --- schriftelijke vragen ------------------------------------------------------------

    def written(self, plan: _Plan, clock: _Clock, special: str) -> None:
        rng, member = self.rng, plan.member
        holder, fastest, slowest = rng.choice(HOLDERS)
        plan.steps.append(_Step("submit", member, {}, clock.now))
        registered = clock.working(self.days(0, 2, 1))
        plan.steps.append(
            _Step("register", "griffier", {"portfolio_holder": self.world[holder].pk}, registered)
        )
        terms = self.profile.terms
        due = add_term(registered, terms.written_question, terms.local_holidays)
        if special == "postpone":
            notice = min(registered.date() + timedelta(days=rng.randint(18, 27)), due)
            new_date = max(notice + timedelta(days=rng.randint(14, 28)), due + timedelta(days=7))
            loaded = self.loaded_today + timedelta(days=45)
            plan.postponed_to = new_date
            plan.steps.append(
                _Step(
                    "postpone",
                    "collegecontact",
                    {
                        "reason": "Het antwoord vraagt overleg met de regiogemeenten.",
                        "new_date": loaded.isoformat(),
                    },
                    clock.on(_on_or_after_working_day(notice)),
                    loaded=f"{loaded:%d-%m-%Y}",
                    meant=f"{new_date:%d-%m-%Y}",
                )
            )
            answered = clock.on(max(clock.day, new_date - timedelta(days=rng.randint(0, 6))))
        else:
            answered = clock.calendar(self.days(fastest, slowest, (fastest + slowest) / 2))
        plan.steps.append(
            _Step(
                "answer", "collegecontact", {"answer": "Het college antwoordt als volgt."}, answered
            )
        )
        published = clock.working(self.days(1, 5, 2))
        meeting = published.date() + timedelta(days=3)
        meeting += timedelta(days=(3 - meeting.weekday()) % 7)  # the next Thursday
        loaded = self.loaded_today + timedelta(days=14)
        plan.meeting_date = meeting
        plan.steps.append(
            _Step(
                "publish",
                "griffier",
                {"meeting_date": loaded.isoformat()},
                published,
                loaded=f"{loaded:%d-%m-%Y}",
                meant=f"{meeting:%d-%m-%Y}",
            )
        )


def _days_between(start: date, end: date) -> list[date]:
    return [
        start + timedelta(days=n)
        for n in range((end - start).days + 1)
        if is_working_day(start + timedelta(days=n))
    ]


def _servants_by_area() -> dict[str, list[str]]:
    """The civil servants (usernames as in demo.people) of the departments for each area."""
    result: dict[str, list[str]] = defaultdict(list)
    for index, (_, areas, _) in enumerate(DEPARTMENTS):
        for area in areas:
            result[area] += [f"ambtenaar{index * 5 + slot}" for slot in range(1, 6)]
    return result


def _members() -> tuple[list[str], list[float]]:
    """Every member with a weight: small fracties use the instrument less, chairs a bit more."""
    members, weights, number = [], [], 0
    for _, seats in FRACTIES:
        for seat in range(seats):
            number += 1
            members.append(f"raadslid{number}")
            weights.append((0.5 if seats <= 2 else 1.0) * (1.3 if seat == 0 else 1.0))
    return members, weights


def _chairs() -> list[str]:
    chairs, number = [], 0
    for _, seats in FRACTIES:
        chairs.append(f"raadslid{number + 1}")
        number += seats
    return chairs


def _submission_days(rng: random.Random, start: date, end: date, count: int) -> list[date]:
    days = [start + timedelta(days=n) for n in range((end - start).days + 1)]
    weights = [MONTH_WEIGHTS[d.month - 1] * (1.0 if d.weekday() < 5 else 0.15) for d in days]
    return sorted(rng.choices(days, weights=weights, k=count))


def _plans(planner: _Planner, start: date, end: date, count: int, small: bool) -> list[_Plan]:
    rng = planner.rng
    tz = timezone.get_current_timezone()
    days = _submission_days(rng, start, end, count)
    instruments = [
        instrument for instrument, share in INSTRUMENT_SHARES for _ in range(round(share * count))
    ]
    instruments = (instruments + [Instrument.ASSISTANCE] * count)[:count]
    rng.shuffle(instruments)
    # Every fractie puts at least one request; then by weight.
    chairs = _chairs()
    rng.shuffle(chairs)
    members, weights = _members()
    requesters = chairs[:count] + rng.choices(
        members, weights=weights, k=max(0, count - len(chairs))
    )
    rng.shuffle(requesters)
    areas = list(PolicyArea.values) * (count // len(PolicyArea.values) + 1)
    rng.shuffle(areas)
    # The side branches go to requests old enough to have reached them.
    settled = [i for i, day in enumerate(days) if day < end - timedelta(days=60)]
    assistance = [i for i in settled if instruments[i] == Instrument.ASSISTANCE]
    branches = SPECIAL_SMALL if small else SPECIAL
    picked = rng.sample(assistance, min(len(assistance), len(branches)))
    specials: dict[int, str] = dict(zip(picked, branches, strict=False))
    technical = [i for i in settled if instruments[i] == Instrument.TECHNICAL_QUESTION]
    specials.update(dict.fromkeys(rng.sample(technical, min(len(technical), 1)), "defer_intake"))
    written = [i for i in settled if instruments[i] == Instrument.WRITTEN_QUESTION]
    specials.update(
        dict.fromkeys(rng.sample(written, min(len(written), 1 if small else 2)), "postpone")
    )

    plans = []
    for i, day in enumerate(days):
        instrument, area = instruments[i], areas[i]
        title, question = rng.choice(WORDING[instrument])
        topic = rng.choice(TOPICS[area])
        channel = (
            Channel.VIA_GRIFFIE
            if instrument == Instrument.WRITTEN_QUESTION
            else (rng.choices([c for c, _ in CHANNELS], weights=[w for _, w in CHANNELS])[0])
        )
        evening = day.weekday() >= 5 or rng.random() < 0.3
        hour = rng.randint(19, 22) if evening else rng.randint(8, 16)
        submitted = datetime.combine(day, time(hour, rng.randint(0, 59)), tzinfo=tz)
        created = submitted - timedelta(minutes=rng.randint(15, 60 * 24 * 3))
        plan = _Plan(
            instrument,
            requesters[i],
            area,
            channel,
            title.format(topic=topic),
            question.format(topic=topic),
            created,
        )
        clock = _Clock(rng, submitted)
        special = specials.get(i, "")
        if instrument == Instrument.ASSISTANCE:
            planner.assistance(plan, clock, special)
        elif instrument == Instrument.TECHNICAL_QUESTION:
            planner.technical(plan, clock, special)
        else:
            planner.written(plan, clock, special)
        plans.append(plan)
    return plans


def load_coalition(world: World, today: date | None = None) -> int:
    """The coalition of the last two council terms, and a party that joined in between."""
    today = today or timezone.localdate()
    parties, joiner = COALITIONS.get(world.municipality.slug, COALITIONS["voorbeeld"])
    fracties = {f.name: f for f in Fractie.objects.filter(municipality=world.municipality)}
    current = term_of(today)
    previous = current.previous()
    rows = []
    for name in parties:
        if name in fracties:
            rows.append((fracties[name], previous.start, previous.end))
            rows.append((fracties[name], current.start, None))
    if joiner and joiner[0] in fracties:
        name, month, day = joiner
        joined = date(today.year - 1, month, day)
        if joined < current.start:
            rows.append((fracties[name], joined, previous.end))
            rows.append((fracties[name], current.start, None))
        else:
            rows.append((fracties[name], joined, None))
    for fractie, start, end in rows:
        CoalitionMembership.objects.get_or_create(fractie=fractie, start=start, end=end)
    return len(rows)


@transaction.atomic
def load_history(world: World, *, today: date | None = None, small: bool = False) -> int:
    """This year up to today and the whole previous year; returns the number of requests."""
    today = today or timezone.localdate()
    tz = timezone.get_current_timezone()
    cutoff = min(timezone.now(), datetime.combine(today, time(23, 59), tzinfo=tz))
    rng = random.Random(SEED + zlib.crc32(world.municipality.slug.encode()))
    planner = _Planner(world, rng, timezone.localdate())
    per_year = PER_YEAR_SMALL if small else PER_YEAR
    previous_start, current_start = date(today.year - 1, 1, 1), date(today.year, 1, 1)
    elapsed = (today - current_start).days / 365
    plans = _plans(
        planner, previous_start, date(today.year - 1, 12, 31), per_year["previous"], small
    )
    if today > current_start:
        plans += _plans(
            planner,
            current_start,
            today - timedelta(days=1),
            round(per_year["current"] * elapsed),
            small,
        )
    load_coalition(world, today)
    cases = {}
    for plan in plans:
        plan.steps = [step for step in plan.steps if step.at <= cutoff]
        cases[_perform(world, plan)] = plan
    _move_back(world, cases)
    return len(plans)


def _perform(world: World, plan: _Plan) -> int:
    if plan.instrument == Instrument.WRITTEN_QUESTION:
        case = new_written_question(
            world, plan.member, title=plan.title, question=plan.question, policy_area=plan.area
        )
    else:
        case = new_case(
            world,
            plan.member,
            instrument=plan.instrument,
            title=plan.title,
            question=plan.question,
            policy_area=plan.area,
            background="Voor de behandeling in de raad.",
        )
    if plan.channel != case.channel:
        Case.objects.filter(pk=case.pk).update(channel=plan.channel)
    for step in plan.steps:
        case = act(world, case, step.action, step.username, step.data)
    return case.pk


def _terms_anew(case, event, step, old, new, due: dict, terms) -> list:
    """Set the term a moved step starts in `due`; return the (old, new) dates its text names."""
    found: list = []
    if event.action == "submit":
        due["intake_due"] = add_term(new, terms.intake)
        found.append((add_term(old, terms.intake), due["intake_due"]))
    elif event.action == "resume":
        name, term = (
            ("decision_due", terms.decision)
            if (event.to_state == State.FORWARDED)
            else ("intake_due", terms.intake)
        )
        due[name] = add_term(new, term)
        found.append((add_term(old, term), due[name]))
    elif event.action == "forward":
        due["decision_due"] = add_term(new, terms.decision)
    elif event.action in ("assign", "mediate") and event.to_state == State.ASSIGNED:
        term = (
            terms.technical_question
            if (case.instrument == Instrument.TECHNICAL_QUESTION)
            else terms.delivery
        )
        due["delivery_due"] = add_term(new, term)
    elif event.action == "record_kickoff":
        due["delivery_due"] = date.fromisoformat(step.data["due_date"])
    elif event.action == "register":
        due["answer_due"] = add_term(new, terms.written_question)
        found.append((add_term(old, terms.written_question), due["answer_due"]))
    return found


def _move_case(case: Case, plan: "_Plan", due: dict, moved: dict) -> None:
    """The case's own moments, terms and dates as the plan meant them."""
    for name, value in due.items():
        if value is not None:
            setattr(case, name, value)
    for name in CASE_MOMENTS:
        value = getattr(case, name)
        if value is not None:
            setattr(case, name, moved[value])
    if case.state == State.DEFERRED:
        case.deferred_until = plan.deferred_until
    if case.postponed_to is not None:
        case.postponed_to = plan.postponed_to
    if case.meeting_date is not None:
        case.meeting_date = plan.meeting_date


def _move_back(world: World, plans: dict[int, _Plan]) -> None:
    """Give every row the steps wrote the moment of its step, and count the terms anew."""
    terms = world.municipality.policy.terms
    moved: dict[datetime, datetime] = {}
    events = defaultdict(list)
    for event in TimelineEvent.objects.filter(case_id__in=plans).order_by("case_id", "pk"):
        events[event.case_id].append(event)
    changed_events = []
    cases = Case.objects.in_bulk(list(plans))
    for pk, plan in plans.items():
        create, *rest = events[pk]
        if create.action != "create" or [e.action for e in rest] != [s.action for s in plan.steps]:
            raise RuntimeError(f"RL-{pk:05d}: the timeline does not follow the demo's plan")
        _remember(moved, create.at, plan.created)
        create.at = plan.created
        case = cases[pk]
        due = {"intake_due": None, "decision_due": None, "delivery_due": None, "answer_due": None}
        for event, step in zip(rest, plan.steps, strict=True):
            old, new = event.at, step.at
            _remember(moved, old, new)
            event.at = new
            swaps = [(step.loaded, step.meant)] if step.loaded else []
            swaps += _terms_anew(case, event, step, old, new, due, terms)
            for loaded, meant in swaps:
                loaded = loaded if isinstance(loaded, str) else f"{loaded:%d-%m-%Y}"
                meant = meant if isinstance(meant, str) else f"{meant:%d-%m-%Y}"
                event.detail = event.detail.replace(loaded, meant)
            changed_events.append(event)
        changed_events.append(create)
        _move_case(case, plan, due, moved)
    _save(TimelineEvent, changed_events, ["at", "detail"])
    _save(
        Case,
        cases.values(),
        [
            *CASE_MOMENTS,
            "intake_due",
            "decision_due",
            "delivery_due",
            "answer_due",
            "deferred_until",
            "postponed_to",
            "meeting_date",
        ],
    )
    _move_rows(Assignment.objects.filter(case_id__in=plans), ["assigned_at"], moved)
    _move_rows(HoursEntry.objects.filter(case_id__in=plans), ["recorded_at"], moved)
    _move_rows(Mediation.objects.filter(case_id__in=plans), ["requested_at", "decided_at"], moved)
    _move_rows(Evaluation.objects.filter(case_id__in=plans), ["recorded_at"], moved)
    kickoffs = list(Kickoff.objects.filter(case_id__in=plans))
    for kickoff in kickoffs:
        kickoff.planned_for = plans[kickoff.case_id].kickoff_at
    _save(Kickoff, kickoffs, ["planned_for"])
    # The notices of those steps: from their moment, and long since read (and mailed).
    notices = list(Notification.objects.filter(case_id__in=plans))
    for notice in notices:
        notice.created_at = notice.read_at = moved[notice.created_at]
        if notice.delivery != Delivery.OFF:
            notice.emailed_at = notice.created_at
    _save(Notification, notices, ["created_at", "read_at", "emailed_at"])


def _remember(moved: dict[datetime, datetime], old: datetime, new: datetime) -> None:
    # Each step wrote timezone.now() of its own moment; the rows are found back by it. A stopped
    # clock (a test travelling in time without tick) would give every step the same moment.
    if moved.setdefault(old, new) != new:
        raise RuntimeError("two steps of the demo history share a moment: is the clock stopped?")


def _move_rows(queryset, names: list[str], moved: dict[datetime, datetime]) -> None:
    rows = list(queryset)
    for row in rows:
        for name in names:
            value = getattr(row, name)
            if value is not None:
                setattr(row, name, moved[value])
    _save(queryset.model, rows, names)


def _save(model, rows, names: list[str]) -> None:
    """Write these fields of these rows in one statement per table.

    QuerySet.bulk_update builds a CASE expression per field and took seconds here; the demo
    must load fast. The values go through the fields' own conversion, as in save().
    """
    rows = list(rows)
    if not rows:
        return
    quote = connection.ops.quote_name
    fields = [model._meta.get_field(name) for name in names]
    assignments = ", ".join(f"{quote(field.column)} = %s" for field in fields)
    sql = (
        f"UPDATE {quote(model._meta.db_table)} SET {assignments} "
        f"WHERE {quote(model._meta.pk.column)} = %s"
    )
    params = [
        [field.get_db_prep_save(getattr(row, field.attname), connection) for field in fields]
        + [row.pk]
        for row in rows
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)

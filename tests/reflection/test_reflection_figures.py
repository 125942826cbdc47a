# SPDX-License-Identifier: EUPL-1.2
"""Reflection report figures on a fixed fixture, against counts made by hand.

Every case below is made through the real workflow at a known moment (time_machine), so every
timestamp is known. The expected numbers are literals, each with how it was counted.

The fixture, Gemeente Voorbeeld (VNG profile, working-day terms), report 2026 against 2025, today
Monday 11 January 2027:

2025 (previous period)
  P1 assistance  raadslid7  VVD   financien   submit Mon 02-06, accept Tue 03-06, assign Wed 04-06
                 (ambtenaar16, Financiën, 8 h), hours 2.0 on 04-06, delivered Fri 13-06
                 (Whit Monday 9 June is a holiday), evaluated by the member: 3
  P2 technical   raadslid12 GL    mobiliteit  submit Mon 01-09, accept Tue 02-09, griffie answers
                 Wed 03-09
  P3 written     raadslid21 D66               submit+register Mon 03-11, answered Thu 20-11
  P4 assistance  raadslid26 SP    veiligheid  submit Mon 06-10, accept Tue 07-10, refused Wed 08-10
                 (belang_gemeente); channel via_secretary
  P5 assistance  raadslid1  LB    sociaal     submit Mon 01-12, accept Tue 02-12, deferred 02-12
  P6 assistance  raadslid17 CDA   veiligheid  submit Mon 22-12, accept Tue 23-12, assign Mon
                 2026-01-05 (ambtenaar21, Veiligheid, 3 h), hours 1.5 on 2026-01-06, delivered
                 Fri 2026-01-09
2026 (the period)
  A1 assistance  raadslid1  LB    sociaal     submit Fri 06-03, accept Tue 10-03, assign Thu 12-03
                 (ambtenaar1, Sociaal Domein, 10 h), hours 4.0 on 16-03 and 2.5 on 17-03,
                 delivered Mon 23-03, evaluations 24-03: member 4, civil servant 5, griffie 3
  A2 assistance  raadslid2  LB    sociaal     submit Thu 02-04, accept Tue 07-04 (Good Friday and
                 Easter Monday), assign Wed 08-04 (ambtenaar6, Ruimte en Wonen, 6 h), hours 3.0 on
                 09-04, delivered Thu 30-04 (King's Day 27-04), evaluations 01-05: member 2,
                 griffie 4
  A3 assistance  raadslid3  LB    ruimtelijk  submit Mon 11-05, accept 11-05, assign Wed 13-05
                 (ambtenaar1 + ambtenaar11: Sociaal Domein and Mobiliteit, 8 h = 4 + 4), hours
                 5.0 by ambtenaar11 on 13-05, griffie mediation asked 13-05 and resumed 15-05,
                 delivered Wed 20-05 (Ascension 14-05), evaluations 21-05: member 5, civil
                 servant 4, griffie 5
  A4 assistance  raadslid7  VVD   financien   submit Mon 01-06, left submitted
  A5 assistance  raadslid8  VVD   financien   submit Tue 02-06, accept Wed 03-06, refused Thu 04-06
                 (niet_raadswerk), objection 05-06, driehoek upholds the refusal 10-06
  A6 assistance  raadslid9  VVD   mobiliteit  submit Wed 01-07, accept Fri 03-07, deferred 03-07
  A7 assistance  raadslid17 CDA   veiligheid  submit Mon 02-02, accept Thu 05-02, refused Fri 06-02
                 (belang_gemeente)
  A8 assistance  raadslid21 D66   duurzaamh.  submit Mon 07-09, accept Mon 14-09, assign Tue 15-09
                 (ambtenaar26, Bedrijfsvoering, 5 h), left assigned; channel informal
  A9 assistance  raadslid22 D66   sociaal     submit Mon 14-09, left submitted; channel
                 formal_request
  A10 assistance raadslid23 D66   sociaal     submit Mon 05-10, left submitted
  A11 assistance raadslid24 CU    onderwijs   submit Mon 02-11, accept Tue 03-11, left forwarded
  A12 assistance raadslid28 PvdD  duurzaamh.  submit Mon 09-11, left submitted
  A13 assistance raadslid29 PvdD  duurzaamh.  submit Tue 01-12, left submitted
  T1 technical   raadslid12 GL    mobiliteit  submit Fri 09-10, accept Mon 12-10, griffie answers
                 Wed 14-10; channel direct_contact
  T2 technical   raadslid26 SP    financien   submit Mon 19-10, accept Tue 20-10, assign Wed 21-10
                 (ambtenaar16, Financiën, 2 h), answered Mon 26-10
  W1 written     raadslid13 GL    wethouder1  submit+register Mon 02-03 (due 01-04), answered
                 Fri 20-03: on time
  W2 written     raadslid27 SP    wethouder2  submit+register Tue 01-09 (due 01-10), answered
                 Thu 08-10: late
  W3 written     raadslid1  LB    wethouder1  submit+register Mon 30-11 (due 30-12), no answer
Coalition: Lokaal Belang and VVD since 2022-04-01; CDA 2022-04-01 to 2026-03-31; D66 from
2026-04-01. Gemeente Domstede (other_world) has its own cases in the same period.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import connection, transaction
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.models import Case
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, new_written_question, run_to
from raadsloket.organisation.models import CoalitionMembership, Fractie
from raadsloket.reflection import fairness
from raadsloket.reflection.data import load
from raadsloket.reflection.figures import NO_DEPARTMENT, build_report
from raadsloket.reflection.periods import parse
from raadsloket.reflection.tables import Hidden
from tests.support.world import build_domstede, build_voorbeeld

AMS = ZoneInfo("Europe/Amsterdam")
MARK = "ZQXINHOUD"
TODAY = date(2027, 1, 11)
pytestmark = pytest.mark.django_db


def at(day: date, hour: int = 10):
    return time_machine.travel(datetime(day.year, day.month, day.day, hour, tzinfo=AMS), tick=False)


@dataclass
class Maker:
    """Makes cases through the real workflow, each step at a chosen day."""

    world: object
    serial: int = 0

    def step(self, case: Case, day: date, action: str, username: str, data=None) -> Case:
        with at(day):
            return act(self.world, case, action, username, data or {})

    def _text(self) -> tuple[str, str]:
        self.serial += 1
        return (
            f"{MARK} onderwerp {self.serial}",
            f"Vraag {self.serial} over {MARK}: wat is de stand van zaken en wat kost het?",
        )

    def submit(
        self, member, day, instrument=Instrument.ASSISTANCE, area="sociaal_domein", channel=None
    ) -> Case:
        title, question = self._text()
        with at(day):
            case = new_case(
                self.world,
                member,
                instrument=instrument,
                title=title,
                question=question,
                policy_area=area,
            )
            case = act(self.world, case, "submit", member)
        if channel:
            Case.objects.filter(pk=case.pk).update(channel=channel)
            case.refresh_from_db()
        return case

    def accept(self, case, day, forward=True) -> Case:
        case = self.step(case, day, "accept", "griffier")
        if forward:
            case = self.step(case, day, "forward", "griffier", {"note": ""})
        return case

    def assign(self, case, day, servants, hours) -> Case:
        pks = [self.world[name].pk for name in servants]
        return self.step(
            case, day, "assign", "secretaris", {"civil_servants": pks, "hours_estimate": str(hours)}
        )

    def kickoff(self, case, day) -> Case:
        with at(day):
            planned = (datetime(day.year, day.month, day.day, 11, tzinfo=AMS)).strftime(
                "%Y-%m-%dT%H:%M"
            )
            case = act(
                self.world,
                case,
                "plan_kickoff",
                "raadsadviseur",
                {"planned_for": planned, "participants": "raadslid, ambtenaar"},
            )
            return act(
                self.world,
                case,
                "record_kickoff",
                "raadsadviseur",
                {
                    "held_on": day.isoformat(),
                    "participants": "raadslid, ambtenaar",
                    "background": "Voor een amendement.",
                    "goal": "Een concept.",
                    "agreed_hours": "8",
                    "due_date": (day + timedelta(days=28)).isoformat(),
                    "member_acknowledged_rules": "on",
                    "civil_servant_acknowledged_rules": "on",
                },
            )

    def hours(self, case, servant, day, amount) -> Case:
        return self.step(
            case, day, "log_hours", servant, {"worked_on": day.isoformat(), "hours": str(amount)}
        )

    def deliver(self, case, day, by) -> Case:
        return self.step(case, day, "deliver", by, {"answer": f"Antwoord {MARK}."})

    def evaluate(self, case, day, scores: dict[str, int]) -> Case:
        for username, score in scores.items():
            case = self.step(
                case,
                day,
                "evaluate",
                username,
                {"score": str(score), "remarks": f"Opmerking {MARK}."},
            )
        return case

    def refuse(self, case, day, ground) -> Case:
        return self.step(
            case,
            day,
            "refuse",
            "secretaris",
            {"ground": ground, "reasoning": f"Het verzoek gaat niet over raadswerk ({MARK})."},
        )

    def defer(self, case, day) -> Case:
        return self.step(
            case,
            day,
            "defer",
            "griffier",
            {"until": (day + timedelta(days=14)).isoformat(), "reason": f"Drukte {MARK}."},
        )

    def written(self, member, day, holder, answered=None) -> Case:
        title, question = self._text()
        with at(day):
            case = new_written_question(self.world, member, title=title, question=question)
            case = act(self.world, case, "submit", member)
            case = act(
                self.world,
                case,
                "register",
                "griffier",
                {"portfolio_holder": self.world[holder].pk},
            )
        if answered:
            case = self.step(
                case,
                answered,
                "answer",
                "collegecontact",
                {"answer": f"Het college antwoordt: {MARK}."},
            )
        return case


def d(text: str) -> date:
    return date.fromisoformat(text)


def build_fixture(world) -> dict[str, Case]:
    m = Maker(world)
    cases: dict[str, Case] = {}
    # --- 2025 ---
    c = m.submit("raadslid7", d("2025-06-02"), area="financien")
    c = m.accept(c, d("2025-06-03"))
    c = m.assign(c, d("2025-06-04"), ["ambtenaar16"], 8)
    c = m.kickoff(c, d("2025-06-04"))
    c = m.hours(c, "ambtenaar16", d("2025-06-04"), "2.0")
    c = m.deliver(c, d("2025-06-13"), "ambtenaar16")
    cases["P1"] = m.evaluate(c, d("2025-06-16"), {"raadslid7": 3})
    c = m.submit("raadslid12", d("2025-09-01"), Instrument.TECHNICAL_QUESTION, "mobiliteit")
    c = m.accept(c, d("2025-09-02"), forward=False)
    cases["P2"] = m.deliver(c, d("2025-09-03"), "griffier")
    cases["P3"] = m.written("raadslid21", d("2025-11-03"), "wethouder1", d("2025-11-20"))
    c = m.submit("raadslid26", d("2025-10-06"), area="veiligheid", channel="via_secretary")
    c = m.accept(c, d("2025-10-07"))
    cases["P4"] = m.refuse(c, d("2025-10-08"), "belang_gemeente")
    c = m.submit("raadslid1", d("2025-12-01"))
    c = m.accept(c, d("2025-12-02"), forward=False)
    cases["P5"] = m.defer(c, d("2025-12-02"))
    c = m.submit("raadslid17", d("2025-12-22"), area="veiligheid")
    c = m.accept(c, d("2025-12-23"))
    c = m.assign(c, d("2026-01-05"), ["ambtenaar21"], 3)
    c = m.kickoff(c, d("2026-01-05"))
    c = m.hours(c, "ambtenaar21", d("2026-01-06"), "1.5")
    cases["P6"] = m.deliver(c, d("2026-01-09"), "ambtenaar21")
    # --- 2026 ---
    c = m.submit("raadslid1", d("2026-03-06"))
    c = m.accept(c, d("2026-03-10"))
    c = m.assign(c, d("2026-03-12"), ["ambtenaar1"], 10)
    c = m.kickoff(c, d("2026-03-12"))
    c = m.hours(c, "ambtenaar1", d("2026-03-16"), "4.0")
    c = m.hours(c, "ambtenaar1", d("2026-03-17"), "2.5")
    c = m.deliver(c, d("2026-03-23"), "ambtenaar1")
    cases["A1"] = m.evaluate(c, d("2026-03-24"), {"raadslid1": 4, "ambtenaar1": 5, "griffier": 3})
    c = m.submit("raadslid2", d("2026-04-02"))
    c = m.accept(c, d("2026-04-07"))
    c = m.assign(c, d("2026-04-08"), ["ambtenaar6"], 6)
    c = m.kickoff(c, d("2026-04-08"))
    c = m.hours(c, "ambtenaar6", d("2026-04-09"), "3.0")
    c = m.deliver(c, d("2026-04-30"), "ambtenaar6")
    cases["A2"] = m.evaluate(c, d("2026-05-01"), {"raadslid2": 2, "griffier": 4})
    c = m.submit("raadslid3", d("2026-05-11"), area="ruimtelijke_ontwikkeling")
    c = m.accept(c, d("2026-05-11"))
    c = m.assign(c, d("2026-05-13"), ["ambtenaar1", "ambtenaar11"], 8)
    c = m.kickoff(c, d("2026-05-13"))
    c = m.hours(c, "ambtenaar11", d("2026-05-13"), "5.0")
    c = m.step(
        c,
        d("2026-05-13"),
        "request_mediation",
        "raadslid3",
        {"reason": f"Onenigheid over de opdracht {MARK}."},
    )
    c = m.step(
        c, d("2026-05-15"), "mediate", "griffier", {"notes": f"Nieuwe afspraken gemaakt {MARK}."}
    )
    c = m.deliver(c, d("2026-05-20"), "ambtenaar11")
    cases["A3"] = m.evaluate(c, d("2026-05-21"), {"raadslid3": 5, "ambtenaar1": 4, "griffier": 5})
    cases["A4"] = m.submit("raadslid7", d("2026-06-01"), area="financien")
    c = m.submit("raadslid8", d("2026-06-02"), area="financien")
    c = m.accept(c, d("2026-06-03"))
    c = m.refuse(c, d("2026-06-04"), "niet_raadswerk")
    c = m.step(
        c, d("2026-06-05"), "object", "raadslid8", {"reason": f"Het is wel raadswerk {MARK}."}
    )
    cases["A5"] = m.step(
        c,
        d("2026-06-10"),
        "mediate",
        "burgemeester",
        {"outcome": "refusal_upheld", "notes": f"Blijft geweigerd {MARK}."},
    )
    c = m.submit("raadslid9", d("2026-07-01"), area="mobiliteit")
    c = m.accept(c, d("2026-07-03"), forward=False)
    cases["A6"] = m.defer(c, d("2026-07-03"))
    c = m.submit("raadslid17", d("2026-02-02"), area="veiligheid")
    c = m.accept(c, d("2026-02-05"))
    cases["A7"] = m.refuse(c, d("2026-02-06"), "belang_gemeente")
    c = m.submit("raadslid21", d("2026-09-07"), area="duurzaamheid", channel="informal")
    c = m.accept(c, d("2026-09-14"))
    cases["A8"] = m.assign(c, d("2026-09-15"), ["ambtenaar26"], 5)
    cases["A9"] = m.submit("raadslid22", d("2026-09-14"), channel="formal_request")
    cases["A10"] = m.submit("raadslid23", d("2026-10-05"))
    c = m.submit("raadslid24", d("2026-11-02"), area="onderwijs")
    cases["A11"] = m.accept(c, d("2026-11-03"))
    cases["A12"] = m.submit("raadslid28", d("2026-11-09"), area="duurzaamheid")
    cases["A13"] = m.submit("raadslid29", d("2026-12-01"), area="duurzaamheid")
    c = m.submit(
        "raadslid12",
        d("2026-10-09"),
        Instrument.TECHNICAL_QUESTION,
        "mobiliteit",
        channel="direct_contact",
    )
    c = m.accept(c, d("2026-10-12"), forward=False)
    cases["T1"] = m.deliver(c, d("2026-10-14"), "griffier")
    c = m.submit("raadslid26", d("2026-10-19"), Instrument.TECHNICAL_QUESTION, "financien")
    c = m.accept(c, d("2026-10-20"))
    c = m.assign(c, d("2026-10-21"), ["ambtenaar16"], 2)
    cases["T2"] = m.deliver(c, d("2026-10-26"), "ambtenaar16")
    cases["W1"] = m.written("raadslid13", d("2026-03-02"), "wethouder1", d("2026-03-20"))
    cases["W2"] = m.written("raadslid27", d("2026-09-01"), "wethouder2", d("2026-10-08"))
    cases["W3"] = m.written("raadslid1", d("2026-11-30"), "wethouder1")

    fracties = {f.name: f for f in Fractie.objects.filter(municipality=world.municipality)}
    CoalitionMembership.objects.bulk_create(
        [
            CoalitionMembership(fractie=fracties["Lokaal Belang"], start=d("2022-04-01")),
            CoalitionMembership(fractie=fracties["VVD"], start=d("2022-04-01")),
            CoalitionMembership(
                fractie=fracties["CDA"], start=d("2022-04-01"), end=d("2026-03-31")
            ),
            CoalitionMembership(fractie=fracties["D66"], start=d("2026-04-01")),
        ]
    )
    return cases


def build_other(other_world) -> None:
    """Domstede's cases in the same period: they must never count for Voorbeeld."""
    with at(d("2026-03-06")):
        run_to(other_world, new_case(other_world, title=f"{MARK} Domstede"), State.DELIVERED)
    with at(d("2026-06-01")):
        new = new_case(
            other_world,
            "raadslid2",
            instrument=Instrument.TECHNICAL_QUESTION,
            title=f"{MARK} Domstede technisch",
            policy_area="financien",
        )
        act(other_world, new, "submit", "raadslid2")


@dataclass
class Built:
    world: object
    other: object
    cases: dict[str, Case]


@pytest.fixture(scope="module")
def built(django_db_setup, django_db_blocker):
    """The fixture, made once for this module (about ten seconds of workflow steps).

    It lives in a transaction around the module's tests, each of which runs in a savepoint of
    its own (pytest-django supports this nesting); the whole is rolled back at the end.
    """
    with (
        django_db_blocker.unblock(),
        override_settings(
            PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"],
            TWO_FACTOR_REQUIRED=False,
        ),
        transaction.atomic(),
    ):
        world = build_voorbeeld()
        other = build_domstede()
        cases = build_fixture(world)
        build_other(other)
        yield Built(world, other, cases)
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def report(built):
    # Built outside a test's savepoint: it only reads.
    return build_report(built.world.municipality, parse("2026"), TODAY)


def row(table, label):
    return next(r for r in table.rows if r.label == label)


def numbers(table, label):
    return [cell.number for cell in row(table, label).cells]


def test_the_fixture_is_what_the_docstring_says(built):
    # Guards the hand counts below: the workflow reached the states the counts assume.
    states = {key: case.state for key, case in built.cases.items()}
    assert states["A1"] == State.EVALUATED and states["A2"] == State.DELIVERED
    assert states["A4"] == State.SUBMITTED and states["A5"] == State.CLOSED
    assert states["A6"] == State.DEFERRED and states["A8"] == State.ASSIGNED
    assert states["A11"] == State.FORWARDED and states["W3"] == State.REGISTERED
    assert states["P6"] == State.DELIVERED and states["T2"] == State.DELIVERED


# --- Verzoeken -------------------------------------------------------------------------------


def test_requests_per_instrument_with_the_previous_period_and_the_difference(report):
    table = report.table("per_instrument")
    assert table.columns == ["2026", "2025", "verschil"]
    # 2026: A1..A13 = 13 assistance, T1 T2 = 2 technical, W1 W2 W3 = 3 written.
    # 2025: P1 P4 P5 P6 = 4 assistance, P2 = 1 technical, P3 = 1 written.
    assert numbers(table, "ambtelijke bijstand") == [13, 4, 9]
    assert numbers(table, "technische vraag") == [2, 1, 1]
    assert numbers(table, "schriftelijke vragen") == [3, 1, 2]
    assert numbers(table, "Totaal") == [18, 6, 12]
    assert table.rows[-1].is_total


def test_requests_per_policy_area(report):
    table = report.table("per_beleidsterrein")
    # 2026 sociaal: A1 A2 A9 A10 + W1 W2 W3 (written questions are sociaal_domein) = 7;
    # 2025 sociaal: P3 (written) + P5 = 2.
    assert numbers(table, "Sociaal domein") == [7, 2, 5]
    assert numbers(table, "Ruimtelijke ontwikkeling en wonen") == [1, 0, 1]  # A3
    assert numbers(table, "Verkeer en mobiliteit") == [2, 1, 1]  # A6 T1 / P2
    assert numbers(table, "Duurzaamheid en milieu") == [3, 0, 3]  # A8 A12 A13
    assert numbers(table, "Financiën en belastingen") == [3, 1, 2]  # A4 A5 T2 / P1
    assert numbers(table, "Openbare orde en veiligheid") == [1, 2, -1]  # A7 / P4 P6
    assert numbers(table, "Onderwijs, jeugd en sport") == [1, 0, 1]  # A11
    assert numbers(table, "Economie en cultuur") == [0, 0, 0]
    assert numbers(table, "Totaal") == [18, 6, 12]


def test_requests_per_channel(report):
    table = report.table("per_kanaal")
    # Set by hand: A8 informal, A9 formal_request, T1 direct_contact (2026); P4 via_secretary.
    assert numbers(table, "via de griffie") == [15, 5, 10]
    assert numbers(table, "informele lijnen") == [1, 0, 1]
    assert numbers(table, "formeel verzoek") == [1, 0, 1]
    assert numbers(table, "via de gemeentesecretaris") == [0, 1, -1]
    assert numbers(table, "rechtstreeks contact (vastgelegd)") == [1, 0, 1]
    assert numbers(table, "Totaal") == [18, 6, 12]


def test_requests_per_department(report):
    table = report.table("per_afdeling")
    # Per department of each assigned civil servant, written questions left out.
    # 2026: A1 and A3 (ambtenaar1) Sociaal Domein; A3 also Mobiliteit (ambtenaar11); A2 Ruimte
    # en Wonen; A8 Bedrijfsvoering; T2 Financiën; no one assigned: A4 A5 A6 A7 A9 A10 A11 A12
    # A13 T1 = 10. 2025: P1 Financiën, P6 Veiligheid (assigned in 2026, submitted in 2025);
    # none: P2 P4 P5 = 3.
    assert [r.label for r in table.rows] == [
        "Bedrijfsvoering",
        "Financiën",
        "Mobiliteit en Openbare Ruimte",
        "Ruimte en Wonen",
        "Sociaal Domein",
        "Veiligheid en Dienstverlening",
        NO_DEPARTMENT,
    ]
    assert numbers(table, "Bedrijfsvoering") == [1, 0, 1]
    assert numbers(table, "Financiën") == [1, 1, 0]
    assert numbers(table, "Mobiliteit en Openbare Ruimte") == [1, 0, 1]
    assert numbers(table, "Ruimte en Wonen") == [1, 0, 1]
    assert numbers(table, "Sociaal Domein") == [2, 0, 2]
    assert numbers(table, "Veiligheid en Dienstverlening") == [0, 1, -1]
    assert numbers(table, NO_DEPARTMENT) == [10, 3, 7]


# --- Doorlooptijden --------------------------------------------------------------------------


def test_lead_times_count_working_days_median_and_p90(report):
    table = report.table("doorlooptijden")
    assert table.columns == ["aantal", "mediaan", "90e percentiel", "mediaan 2025"]
    rows = {r.label: [c.number for c in r.cells] for r in table.rows}
    # Intake (working days after submission up to the accept), steps ending in 2026:
    #   A1 Fri 6-3 → Tue 10-3: Mon, Tue = 2 (weekend skipped)
    #   A2 Thu 2-4 → Tue 7-4: Good Friday 3-4 and Easter Monday 6-4 are holidays: Tue = 1
    #   A3 Mon 11-5 → same day = 0;  A5 Tue 2-6 → Wed 3-6 = 1;  A6 Wed 1-7 → Fri 3-7 = 2
    #   A7 Mon 2-2 → Thu 5-2 = 3;  A8 Mon 7-9 → Mon 14-9 = 5;  A11 Mon 2-11 → Tue 3-11 = 1
    #   sorted 0 1 1 1 2 2 3 5: median (1 + 2) / 2 = 1.5; P90 nearest rank ceil(7.2) = 8th = 5
    # 2025: P1 P4 P5 P6 each Monday → Tuesday = 1: median 1.
    assert rows["Ambtelijke bijstand: indiening → intake griffie (werkdagen)"] == [8, 1.5, 5, 1]
    # Assigned: P6 Mon 22-12-2025 → Mon 5-1-2026: 23, 24, 29, 30, 31 Dec, 2 and 5 Jan = 7
    #   (Christmas, New Year and weekends skipped); A1 Fri 6-3 → Thu 12-3 = 4;
    #   A2 Thu 2-4 → Wed 8-4 = 2; A3 Mon 11-5 → Wed 13-5 = 2; A8 Mon 7-9 → Tue 15-9 = 6
    #   sorted 2 2 4 6 7: median 4; P90 ceil(4.5) = 5th = 7.  2025: P1 Mon 2-6 → Wed 4-6 = 2.
    assert rows["Ambtelijke bijstand: indiening → ambtenaar toegewezen (werkdagen)"] == [5, 4, 7, 2]
    # Delivered: P6 → Fri 9-1 = 7 + 4 = 11; A1 Fri 6-3 → Mon 23-3 = 5 + 5 + 1 = 11;
    #   A2 Thu 2-4 → Thu 30-4 = 3-4 hol, 7..10 (4), 13..17 (5), 20..24 (5), 27-4 King's Day,
    #   28..30 (3) = 17; A3 Mon 11-5 → Wed 20-5 = 12, 13, 15, 18, 19, 20 (Ascension 14-5) = 6
    #   sorted 6 11 11 17: median 11; P90 ceil(3.6) = 4th = 17.
    #   2025: P1 Mon 2-6 → Fri 13-6 = 3..6 (4), Whit Monday 9-6, 10..13 (4) = 8.
    assert rows["Ambtelijke bijstand: indiening → opgeleverd (werkdagen)"] == [4, 11, 17, 8]
    # Technical: T1 Fri 9-10 → Mon 12-10 = 1, T2 Mon 19-10 → Tue 20-10 = 1; 2025 P2 = 1.
    assert rows["Technische vragen: indiening → intake griffie (werkdagen)"] == [2, 1, 1, 1]
    # T1 Fri 9-10 → Wed 14-10 = 3; T2 Mon 19-10 → Mon 26-10 = 5: median 4, P90 2nd = 5;
    # 2025: P2 Mon 1-9 → Wed 3-9 = 2.
    assert rows["Technische vragen: indiening → beantwoord (werkdagen)"] == [2, 4, 5, 2]
    # Written questions in calendar days (the profile's term kind): W1 2-3 → 20-3 = 18,
    # W2 1-9 → 8-10 = 30 + 7 = 37: median 27.5, P90 37; 2025: P3 3-11 → 20-11 = 17.
    assert rows["Schriftelijke vragen: registratie → antwoord college (kalenderdagen)"] == [
        2,
        27.5,
        37,
        17,
    ]
    assert (
        row(table, "Ambtelijke bijstand: indiening → intake griffie (werkdagen)").cells[1].shown
        == "1,5"
    )
    assert (
        row(table, "Ambtelijke bijstand: indiening → opgeleverd (werkdagen)").cells[1].shown == "11"
    )


def test_written_questions_on_time_per_portfolio_holder(built, report):
    table = report.table("schriftelijke_vragen_op_tijd")

    def holder(username):
        person = built.world[username]
        return f"{person.first_name} {person.last_name}"

    # wethouder1: W1 answered 20-3 before its term 1-4 (on time), W3 registered 30-11, term
    # 30-12, no answer on 11-1-2027 (open and overdue): 1 of 2 decided on time = 50%.
    assert numbers(table, holder("wethouder1")) == [2, 1, 0, 0, 1, 50]
    # wethouder2: W2 term 1-10, answered 8-10: late, 0%.
    assert numbers(table, holder("wethouder2")) == [1, 0, 1, 0, 0, 0]
    # P3, from 2025, is not registered in 2026.
    assert len(table.rows) == 2


# --- Inzet en uitkomsten ---------------------------------------------------------------------


def test_hours_estimated_and_spent_per_department(report):
    table = report.table("uren_per_afdeling")
    # Estimated (assignments made in 2026): A1 10 Sociaal Domein; A3 8 split 4 Sociaal Domein
    # + 4 Mobiliteit; A2 6 Ruimte en Wonen; A8 5 Bedrijfsvoering; T2 2 Financiën; P6 3
    # Veiligheid (assigned 5-1-2026). Spent (worked in 2026): A1 4.0 + 2.5 Sociaal Domein,
    # A2 3.0 Ruimte en Wonen, A3 5.0 Mobiliteit (ambtenaar11), P6 1.5 Veiligheid.
    assert numbers(table, "Bedrijfsvoering") == [5.0, 0.0, -5.0]
    assert numbers(table, "Financiën") == [2.0, 0.0, -2.0]
    assert numbers(table, "Mobiliteit en Openbare Ruimte") == [4.0, 5.0, 1.0]
    assert numbers(table, "Ruimte en Wonen") == [6.0, 3.0, -3.0]
    assert numbers(table, "Sociaal Domein") == [14.0, 6.5, -7.5]
    assert numbers(table, "Veiligheid en Dienstverlening") == [3.0, 1.5, -1.5]
    assert numbers(table, "Totaal") == [34.0, 16.0, -18.0]
    assert len(table.rows) == 7
    assert row(table, "Sociaal Domein").cells[1].shown == "6,5"


def test_refusals_per_ground_and_deferrals(report):
    refusals = report.table("weigeringen")
    # 2026: A5 niet_raadswerk (4-6), A7 belang_gemeente (6-2); 2025: P4 belang_gemeente.
    assert numbers(
        refusals, "Het is niet aannemelijk gemaakt dat de bijstand betrekking heeft op raadswerk"
    ) == [1, 0, 1]
    assert numbers(refusals, "De bijstand kan het belang van de gemeente schaden") == [1, 1, 0]
    assert numbers(refusals, "Totaal") == [2, 1, 1]
    deferrals = report.table("aanhoudingen")
    # A6 deferred 3-7-2026; P5 deferred 2-12-2025.
    assert numbers(deferrals, "ambtelijke bijstand") == [1, 1, 0]
    assert numbers(deferrals, "technische vraag") == [0, 0, 0]
    assert [r.label for r in deferrals.rows] == ["ambtelijke bijstand", "technische vraag"]


def test_mediations_per_forum_and_outcome(report):
    table = report.table("bemiddelingen")
    assert table.columns == ["griffie", "driehoek", "totaal"]
    # A3: griffie, asked 13-5, resumed; A5: driehoek after the objection of 5-6, refusal upheld.
    assert numbers(table, "weigering blijft in stand") == [0, 1, 1]
    assert numbers(table, "werk gaat verder met nieuwe afspraken") == [1, 0, 1]
    assert numbers(table, "bijstand wordt verleend") == [0, 0, 0]
    assert numbers(table, "verzoek ingetrokken door het raadslid") == [0, 0, 0]
    assert numbers(table, "nog geen uitkomst") == [0, 0, 0]
    assert numbers(table, "Totaal") == [1, 1, 2]


def test_evaluation_averages_hide_fewer_than_three(report):
    table = report.table("evaluaties")
    # Member: A1 4, A2 2, A3 5 → 11 / 3 = 3.67 → 3,7; 2025 only P1's 3: one evaluation, hidden.
    member = row(table, "raadslid").cells
    assert [member[0].number, member[1].number] == [3, 3.7] and member[1].shown == "3,7"
    assert member[2].number is None and member[2].hidden is Hidden.WITHHELD
    assert member[2].shown == "afgeschermd"
    # Civil servant: A1 5 and A3 4: two evaluations, so the average is hidden; none in 2025.
    servant = row(table, "ambtenaar").cells
    assert servant[0].number == 2
    assert servant[1].hidden is Hidden.WITHHELD and servant[1].number is None
    assert servant[2].value is None and servant[2].shown == "–"
    # Griffie: A1 3, A2 4, A3 5 → 4,0.
    griffie = row(table, "griffie").cells
    assert [griffie[0].number, griffie[1].number] == [3, 4.0] and griffie[1].shown == "4,0"


def test_overdue_now_is_the_state_of_today(built, report):
    table = report.table("termijn_verstreken")
    # Today 11-1-2027. Intake: submitted and never accepted A4 A9 A10 A12 A13 (A6 and P5 are
    # deferred, which stops the term); decision: A11 forwarded 3-11; delivery: A8 assigned
    # 15-9 (20 working days); written: W3, term 30-12. Domstede's open case does not count.
    assert [r.cells[0].number for r in table.rows] == [5, 1, 1, 1]
    assert table.rows[1].label == "Besluit van de gemeentesecretaris"
    # Whatever the period, it is today's state: the same figures for a quarter of 2025...
    quarter = build_report(built.world.municipality, parse("2025-k1"), TODAY)
    assert [r.cells[0].number for r in quarter.table("termijn_verstreken").rows] == [5, 1, 1, 1]
    # ...and on 1-6-2026 every open case's term still lies ahead (A4, submitted that day, is
    # due 8-6; the others are due later still).
    earlier = build_report(built.world.municipality, parse("2026"), date(2026, 6, 1))
    assert [r.cells[0].number for r in earlier.table("termijn_verstreken").rows] == [0, 0, 0, 0]


def test_key_figures_and_trend(report):
    table = report.key_figures
    assert numbers(table, "Verzoeken ingediend") == [18, 6, 12]
    assert numbers(table, "waarvan ambtelijke bijstand") == [13, 4, 9]
    assert numbers(table, "waarvan technische vragen") == [2, 1, 1]
    assert numbers(table, "waarvan schriftelijke vragen") == [3, 1, 2]
    assert numbers(table, "Weigeringen") == [2, 1, 1]
    assert numbers(table, "Aanhoudingen") == [1, 1, 0]
    assert numbers(table, "Bemiddelingen") == [2, 0, 2]
    # Hours worked in 2026: 4.0 + 2.5 + 3.0 + 5.0 + 1.5 = 16.0; 2025: P1 2.0.
    assert numbers(table, "Bestede uren ambtelijke bijstand") == [16.0, 2.0, 14.0]
    # Median delivered (see the lead times): 11 against 8.
    assert numbers(table, "Mediaan doorlooptijd tot oplevering bijstand (dagen)") == [11, 8, 3]


# --- Gebruik per fractie ---------------------------------------------------------------------

FRACTIE_ROWS = [
    "Lokaal Belang (coalitie)",
    "GroenLinks-PvdA (oppositie)",
    "VVD (coalitie)",
    "CDA (oppositie)",
    "D66 (coalitie)",
    "ChristenUnie (oppositie)",
    "Partij voor de Dieren (oppositie)",
    "SP (oppositie)",
    "Totaal",
]


def values(table, label):
    return [cell.value for cell in row(table, label).cells]


def shown(table, label):
    return [cell.shown for cell in row(table, label).cells]


def test_fairness_per_fractie(report):
    table = report.table("per_fractie")
    # Coalition by most days of 2026: Lokaal Belang and VVD all year; D66 from 1-4 (275 days);
    # CDA until 31-3 (90 of 365 days): opposition.
    assert [r.label for r in table.rows] == FRACTIE_ROWS
    assert table.columns == [
        "zetels",
        "ambtelijke bijstand",
        "technische vragen",
        "schriftelijke vragen",
        "uren ontvangen",
        "weigeringen",
    ]
    # Counted from the fixture: (seats, assistance, technical, written, hours, refusals)
    assert values(table, "Lokaal Belang (coalitie)") == [6, 3, 0, 1, 14.5, 0]  # A1-3, W3
    assert values(table, "GroenLinks-PvdA (oppositie)") == [5, 0, 1, 1, 0.0, 0]  # T1, W1
    assert values(table, "VVD (coalitie)") == [5, 3, 0, 0, 0.0, 1]  # A4-6, refused A5
    assert values(table, "CDA (oppositie)") == [4, 1, 0, 0, 1.5, 1]  # A7; P6's hours in 2026
    assert values(table, "D66 (coalitie)") == [3, 3, 0, 0, 0.0, 0]  # A8-10
    assert values(table, "ChristenUnie (oppositie)") == [2, 1, 0, 0, 0.0, 0]  # A11
    assert values(table, "Partij voor de Dieren (oppositie)") == [2, 2, 0, 0, 0.0, 0]  # A12-13
    assert values(table, "SP (oppositie)") == [2, 0, 1, 1, 0.0, 0]  # T2, W2
    assert values(table, "Totaal") == [29, 13, 2, 3, 16.0, 2]
    # Shown: assistance below 3 (zero too) is "<3"; technical questions and refusals are all
    # below 3; written questions are public and shown; the hours of a fractie whose
    # assistance count is hidden are hidden too, and never as "<3" (that would be a false
    # statement about hours).
    assert shown(table, "Lokaal Belang (coalitie)") == ["6", "3", "<3", "1", "14,5", "<3"]
    assert shown(table, "GroenLinks-PvdA (oppositie)") == [
        "5",
        "<3",
        "<3",
        "1",
        "afgeschermd",
        "<3",
    ]
    assert shown(table, "VVD (coalitie)") == ["5", "3", "<3", "0", "0,0", "<3"]
    assert shown(table, "CDA (oppositie)") == ["4", "<3", "<3", "0", "afgeschermd", "<3"]
    assert shown(table, "D66 (coalitie)") == ["3", "3", "<3", "0", "0,0", "<3"]
    assert shown(table, "Partij voor de Dieren (oppositie)") == [
        "2",
        "<3",
        "<3",
        "0",
        "afgeschermd",
        "<3",
    ]
    assert shown(table, "Totaal") == ["29", "13", "2", "3", "16,0", "2"]


def test_fairness_coalition_opposition_and_small_large(report):
    sides = report.table("coalitie_oppositie")
    assert sides.columns == [
        "fracties",
        "zetels",
        "ambtelijke bijstand",
        "bijstand per 10 zetels",
        "technische vragen",
        "uren ontvangen",
        "uren per zetel",
        "weigeringen",
    ]
    # Coalition LB + VVD + D66: 14 seats, 3 + 3 + 3 = 9 requests (6.4 per 10 seats), technical
    # 0, hours 14.5 (1.0 per seat), refusals 1 (A5). Opposition GL CDA CU SP PvdD: 15 seats,
    # 1 + 1 + 2 = 4 (2.7 per 10), technical 2, hours 1.5 (0.1 per seat), refusals 1 (A7).
    assert values(sides, "coalitie") == [3, 14, 9, 6.4, 0, 14.5, 1.0, 1]
    assert values(sides, "oppositie") == [5, 15, 4, 2.7, 2, 1.5, 0.1, 1]
    assert shown(sides, "coalitie") == ["3", "14", "9", "6,4", "<3", "14,5", "1,0", "<3"]
    assert shown(sides, "oppositie") == ["5", "15", "4", "2,7", "<3", "1,5", "0,1", "<3"]
    sizes = report.table("klein_groot")
    # Small (at most 2 seats): CU SP PvdD, 6 seats, 1 + 0 + 2 = 3 requests (5.0 per 10),
    # technical 1 (T2); large: 23 seats, 10 requests (4.3 per 10), technical 1 (T1),
    # hours 16.0 (0.7 per seat), refusals 2.
    assert values(sizes, "kleine fracties") == [3, 6, 3, 5.0, 1, 0.0, 0.0, 0]
    assert values(sizes, "grote fracties") == [5, 23, 10, 4.3, 1, 16.0, 0.7, 2]
    assert shown(sizes, "kleine fracties")[2:5] == ["3", "5,0", "<3"]


def test_coalition_is_the_side_of_most_days_of_the_period(built):
    municipality = built.world.municipality
    fracties = dict(Fractie.objects.filter(municipality=municipality).values_list("name", "pk"))

    def side(slug: str, name: str) -> bool:
        period = parse(slug)
        return fairness.in_coalition(load(municipality, period, TODAY), fracties[name], period)

    # Q1 2026 and the term 2022–2026: CDA in, D66 out; Q2 and the term from 2026: the reverse.
    for slug in ("2026-k1", "raadsperiode-2022"):
        assert side(slug, "CDA") and not side(slug, "D66")
    for slug in ("2026-k2", "raadsperiode-2026"):
        assert not side(slug, "CDA") and side(slug, "D66")
    assert side("raadsperiode-2022", "Lokaal Belang")
    # The closed year's report labels the fracties so: in 2026 D66 was in the coalition from
    # April, most of the year, and CDA only in the first quarter. (A council term, closed or not,
    # no longer has figures per fractie: raadsloket.reflection.fractie_periods.)
    labels = [
        r.label
        for r in build_report(municipality, parse("2026"), TODAY).table("per_fractie").data_rows
    ]
    assert "CDA (oppositie)" in labels and "D66 (coalitie)" in labels


def test_figures_per_fractie_only_over_a_closed_calendar_year(built):
    municipality = built.world.municipality
    # A closed council term too is withheld now: it overlaps five calendar years, and the term
    # minus those years gave a quarter per fractie (tests/reflection/test_reflection_differencing).
    for slug, today, why in (
        ("2026-k2", TODAY, "Een kwartaal is uit het jaar"),
        ("2026", date(2026, 12, 31), "2026 loopt nog"),
        ("raadsperiode-2026", TODAY, "overlapt dus vijf kalenderjaren"),
        ("raadsperiode-2022", TODAY, "overlapt dus vijf kalenderjaren"),
    ):
        report = build_report(municipality, parse(slug), today)
        section = next(s for s in report.sections if s.title == "Gebruik per fractie")
        assert section.tables == [] and "afgesloten kalenderjaar" in section.intro
        assert why in section.intro and report.withheld == section.intro
        assert not {"per_fractie", "coalitie_oppositie"} & {t.key for t in report.tables}
    closed = build_report(municipality, parse("2026"), date(2027, 1, 1))
    assert closed.table("per_fractie") and closed.withheld == ""
    # The aggregate report never has them; it needs no reason per period.
    assert build_report(municipality, parse("2026-k2"), TODAY, full=False).withheld == ""


def test_aggregate_report_has_no_figures_per_fractie(built):
    report = build_report(built.world.municipality, parse("2026"), TODAY, full=False)
    assert report.audience == "aggregate"
    assert "Gebruik per fractie" not in [section.title for section in report.sections]
    keys = [table.key for table in report.tables]
    assert not {"per_fractie", "coalitie_oppositie", "klein_groot"} & set(keys)
    assert "per_instrument" in keys


# --- Periods ---------------------------------------------------------------------------------


def test_a_quarter_picks_its_cases_and_compares_with_the_quarter_before(built):
    report = build_report(built.world.municipality, parse("2026-k2"), TODAY)
    table = report.table("per_instrument")
    assert table.columns == ["2e kwartaal 2026", "1e kwartaal 2026", "verschil"]
    # Q2 (April–June): A2 2-4, A3 11-5, A4 1-6, A5 2-6. Q1: A1 6-3, A7 2-2, W1 2-3.
    assert numbers(table, "ambtelijke bijstand") == [4, 2, 2]
    assert numbers(table, "schriftelijke vragen") == [0, 1, -1]
    assert numbers(table, "Totaal") == [4, 3, 1]
    lead = report.table("doorlooptijden")
    # Delivered in Q2: A2 17, A3 6 → median 11.5; Q1: P6 11, A1 11 → 11.
    assert numbers(lead, "Ambtelijke bijstand: indiening → opgeleverd (werkdagen)") == [
        2,
        11.5,
        17,
        11,
    ]
    # Q1 2026 is compared with Q4 2025: P4 6-10, P5 1-12, P6 22-12 and P3 3-11 (written).
    first = build_report(built.world.municipality, parse("2026-k1"), TODAY)
    assert numbers(first.table("per_instrument"), "ambtelijke bijstand") == [2, 3, -1]
    assert numbers(first.table("per_instrument"), "schriftelijke vragen") == [1, 1, 0]


def test_a_council_term_picks_its_cases(built):
    report = build_report(built.world.municipality, parse("raadsperiode-2026"), TODAY)
    table = report.table("per_instrument")
    assert table.columns == ["raadsperiode 2026–2030", "raadsperiode 2022–2026", "verschil"]
    # From 1-4-2026: A2..A6, A8..A13 = 11, T1 T2, W2 W3. Before (1-4-2022 to 31-3-2026):
    # P1 P4 P5 P6 A1 A7 = 6, P2, P3 W1.
    assert numbers(table, "ambtelijke bijstand") == [11, 6, 5]
    assert numbers(table, "technische vraag") == [2, 1, 1]
    assert numbers(table, "schriftelijke vragen") == [2, 2, 0]


def test_another_municipality_never_counts(built, report):
    # Voorbeeld's figures above already leave Domstede's cases out (e.g. 13 assistance requests,
    # 16.0 hours); Domstede's own report sees only its own two requests.
    other = build_report(built.other.municipality, parse("2026"), TODAY)
    assert numbers(other.table("per_instrument"), "ambtelijke bijstand") == [1, 0, 1]
    assert numbers(other.table("per_instrument"), "technische vraag") == [1, 0, 1]
    assert numbers(other.table("per_instrument"), "schriftelijke vragen") == [0, 0, 0]
    assert numbers(other.key_figures, "Bestede uren ambtelijke bijstand") == [3.5, 0.0, 3.5]
    assert numbers(other.table("weigeringen"), "Totaal") == [0, 0, 0]
    assert other.table("schriftelijke_vragen_op_tijd").rows == []
    # Voorbeeld's fracties do not appear in Domstede's report, nor the other way round.
    assert "Totaal" in [r.label for r in other.table("per_fractie").rows]
    assert values(other.table("per_fractie"), "Totaal")[1] == 1
    assert numbers(report.key_figures, "Bestede uren ambtelijke bijstand")[0] == 16.0


# --- The bubble ------------------------------------------------------------------------------


def all_text(report) -> list[str]:
    texts = [report.title]
    for section in report.sections:
        texts += [section.title, section.intro]
    for table in report.tables:
        texts += [table.title, table.note, *table.columns]
        for item in table.rows:
            texts.append(item.label)
            texts += [cell.shown for cell in item.cells]
    for theme in report.themes:
        texts += [theme.title, theme.source, *theme.facts, *theme.questions]
    return texts


CONTENT_COLUMNS = (
    "title",
    "question",
    "background",
    "answer",
    "refusal_reasoning",
    "objection",
    "remarks",
    "reason",
    "notes",
    "detail",
    "defer_reason",
    "note",
)


def test_no_case_content_reaches_the_report_or_is_even_loaded(built):
    municipality = built.world.municipality
    for slug in ("2026", "2026-k2", "raadsperiode-2026"):
        for full in (True, False):
            with CaptureQueriesContext(connection) as queries:
                report = build_report(municipality, parse(slug), TODAY, full=full)
            texts = all_text(report)
            assert texts and not [text for text in texts if MARK.lower() in text.lower()]
            for query in queries.captured_queries:
                for column in CONTENT_COLUMNS:
                    assert f'."{column}"' not in query["sql"], (column, query["sql"])


def test_the_report_loads_a_bounded_number_of_queries(built, django_assert_max_num_queries):
    from raadsloket.organisation.models import Municipality

    def count() -> int:
        municipality = Municipality.objects.get(pk=built.world.municipality.pk)
        with CaptureQueriesContext(connection) as queries:
            build_report(municipality, parse("2026"), TODAY)
        return len(queries.captured_queries)

    before = count()
    # More cases, of every kind, with hours, assignments and evaluations.
    m = Maker(built.world)
    for number in range(4):
        c = m.submit(f"raadslid{number + 4}", d("2026-08-03"))
        c = m.accept(c, d("2026-08-04"))
        c = m.assign(c, d("2026-08-05"), ["ambtenaar2", "ambtenaar12"], 4)
        c = m.kickoff(c, d("2026-08-05"))
        c = m.hours(c, "ambtenaar2", d("2026-08-06"), "1.0")
        c = m.deliver(c, d("2026-08-07"), "ambtenaar2")
        m.evaluate(c, d("2026-08-10"), {f"raadslid{number + 4}": 4, "griffier": 4})
    m.written("raadslid14", d("2026-08-03"), "wethouder3", d("2026-08-20"))
    after = count()
    assert before == after
    with django_assert_max_num_queries(20):
        build_report(Municipality.objects.get(pk=built.world.municipality.pk), parse("2026"), TODAY)

# SPDX-License-Identifier: EUPL-1.2
"""The openness of the answers given (handreiking, "De mate van openbaarheid van de verstrekte
informatie"): counted per kind, and carried into the presidium's agenda."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import time_machine

from raadsloket.cases.instruments import Instrument
from raadsloket.cases.states import State
from raadsloket.demo.lifecycle import act, new_case, new_written_question, run_to, run_written_to
from raadsloket.reflection.figures import build_report
from raadsloket.reflection.periods import parse

AMS = ZoneInfo("Europe/Amsterdam")


def test_answers_are_counted_by_who_received_them(world):
    with time_machine.travel(datetime(2026, 3, 2, 10, tzinfo=AMS), tick=True):
        # Ambtelijke bijstand on the VNG profile: only the requester gets the answer.
        run_to(
            world,
            new_case(world, "raadslid3"),
            State.DELIVERED,
            servant="ambtenaar1",
            member="raadslid3",
        )
        # A secret answer (art. 25) goes to the whole council.
        secret = run_to(
            world,
            new_case(world, "raadslid4"),
            State.IN_PROGRESS,
            servant="ambtenaar2",
            member="raadslid4",
        )
        act(world, secret, "deliver", "ambtenaar2", {"answer": "Geheim.", "secret": True})
        # A technical question is public unless the member objects.
        technical = new_case(world, "raadslid5", instrument=Instrument.TECHNICAL_QUESTION)
        act(world, technical, "submit", "raadslid5")
        act(world, technical, "accept", "raadsadviseur")
        act(world, technical, "deliver", "raadsadviseur", {"answer": "214 kinderen."})
        # Schriftelijke vragen: answered by the college, published to every member.
        run_written_to(
            world, new_written_question(world, "raadslid6"), State.ANSWERED, member="raadslid6"
        )
        # Not yet answered: does not count.
        run_to(
            world,
            new_case(world, "raadslid7"),
            State.ASSIGNED,
            servant="ambtenaar3",
            member="raadslid7",
        )
    report = build_report(world.municipality, parse("2026"), date(2026, 12, 31))
    table = report.table("openbaarheid")
    counts = {row.label: row.cells[0].number for row in table.rows}
    assert counts == {
        "vertrouwelijk: alleen voor de vrager": 1,
        "gedeeld met alle raadsleden": 1,
        "geheim (art. 25 Gemeentewet): naar de hele raad": 1,
        "openbaar: schriftelijke vragen (ingekomen stuk)": 1,
        "Totaal": 4,
    }
    assert all(row.cells[1].number == 0 for row in table.rows)  # nothing in 2025
    openness = report.themes[2]
    assert openness.title == "De mate van openbaarheid van de verstrekte informatie"
    assert any(
        "geheim (art. 25 Gemeentewet): naar de hele raad 1" in fact for fact in openness.facts
    )
